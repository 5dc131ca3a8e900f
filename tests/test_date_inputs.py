"""Dates are typed year first (issue 15 #14: the date inputs showed mm/dd/yyyy, Chromium's format for an
English system whatever the page's language): a text box with a pattern and the placeholder
"2026-01-31", reading 2026-01-31, 2026/1/31, 2026.1.31 and 2026年1月31日 alike."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from reports.forms import DAY_PATTERN, AuditSearchForm, DayField
from reports.models import ReportingYear
from tests.editor_helpers import add_section, editor_data


@pytest.mark.parametrize(
    "typed", ["2027-02-28", "2027-2-28", "2027/2/28", "2027.2.28", "2027年2月28日", " 2027 年 2 月 28 日 "]
)
def test_a_day_reads_as_offices_write_it(typed):
    assert DayField().clean(typed) == datetime.date(2027, 2, 28)
    assert re.fullmatch(DAY_PATTERN, typed)  # the browser's check lets it through as well


@pytest.mark.parametrize("typed", ["02/28/2027", "28.2.2027", "明年"])
def test_a_day_in_another_order_is_refused_in_chinese(typed):
    with pytest.raises(Exception, match="请按“2026-01-31”的格式填写日期"):
        DayField().clean(typed)


@pytest.mark.parametrize(
    ("typed", "said"),
    [("2027-02-30", "2027年2月没有30日"), ("2027年13月1日", "没有13月"), ("2027/4/31", "2027年4月没有31日")],
)
def test_a_day_in_the_right_order_that_does_not_exist_is_named_not_called_a_wrong_format(typed, said):
    with pytest.raises(ValidationError) as refused:
        DayField().clean(typed)
    assert said in refused.value.messages[0] and "格式" not in refused.value.messages[0]


def rendered_inputs(page, name):
    return re.findall(rf'<input[^>]*name="{name}"[^>]*>', page)


def test_no_page_asks_for_a_date_in_the_browsers_format(client, district_officer, staff, report):
    """The year's deadline, the report's date and the audit search: type="text", placeholder 如：2026-01-31
    (a bare "2026-01-31" in grey read as a date already filled in)."""
    add_section(report, items=1)
    client.force_login(district_officer)
    setup = client.get(reverse("district:setup", args=[2025])).content.decode()
    client.force_login(staff)
    editor = client.get(reverse("reports:edit", args=[report.pk])).content.decode()
    inputs = rendered_inputs(setup, "deadline") + rendered_inputs(editor, "report-signing_date")
    audit = AuditSearchForm()
    inputs += [str(audit["date_from"]), str(audit["date_to"])]
    assert len(inputs) == 4
    for tag in inputs:
        assert 'type="text"' in tag and 'placeholder="如：2026-01-31"' in tag and "pattern=" in tag, tag
    assert 'type="date"' not in setup + editor


def test_the_deadline_and_the_reports_date_are_saved_from_chinese_dates(
    client, district, district_officer, staff, report
):
    client.force_login(district_officer)
    response = client.post(reverse("district:setup", args=[2025]), {"deadline": "2026年2月20日"})
    assert response.status_code == 302
    assert ReportingYear.objects.get(district=district, year=2025).deadline == datetime.date(2026, 2, 20)
    add_section(report, items=1)
    client.force_login(staff)
    data = editor_data(report, **{"report-signing_date": "2026年1月10日"})
    assert client.post(reverse("reports:edit", args=[report.pk]), data).status_code == 302
    report.refresh_from_db()
    assert report.signing_date == datetime.date(2026, 1, 10)


def test_a_date_typed_month_first_comes_back_with_a_chinese_message(client, district_officer):
    client.force_login(district_officer)
    response = client.post(reverse("district:setup", args=[2025]), {"deadline": "02/20/2026"})
    page = response.content.decode()
    assert response.status_code == 400 and "请按“2026-01-31”的格式填写日期" in page
    assert 'value="02/20/2026"' in page  # what was typed is kept
