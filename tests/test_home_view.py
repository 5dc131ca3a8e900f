import datetime
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.utils import timezone

from reports.deadlines import reporting_year
from reports.models import Report

LAST_YEAR = timezone.localdate().year - 1  # the year a report is usually started for


def test_anonymous_visitors_are_sent_to_login(client, report):
    response = client.get("/")
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_staff_see_their_units_reports_only(client, staff, report, other_unit):
    Report.objects.create(unit=other_unit, year=2025, title="城东街道的报告")
    client.force_login(staff)
    response = client.get("/")
    assert response.status_code == 200
    content = response.content.decode()
    assert report.title in content
    assert "城东街道的报告" not in content


def test_the_page_is_in_chinese(client, staff):
    client.force_login(staff)
    content = client.get("/").content.decode()
    assert '<html lang="zh-CN">' in content
    assert "退出登录" in content


def test_pages_load_assets_from_static_only(client, staff):
    client.force_login(staff)
    content = client.get("/").content.decode()
    assert "/static/vendor/bootstrap-5.3.9/bootstrap.min.css" in content
    assert "http://" not in content and "https://" not in content


def test_staff_start_a_report_and_land_in_the_editor(client, staff, unit):
    client.force_login(staff)
    content = client.get("/").content.decode()
    assert "开始填写年度报告" in content
    response = client.post("/reports/new/", {"unit": unit.pk, "year": LAST_YEAR})
    report = Report.objects.get(unit=unit, year=LAST_YEAR)
    assert response.status_code == 302 and response.url == f"/reports/{report.pk}/edit/"
    assert report.updated_by == staff


def test_a_year_that_already_has_a_report_is_not_offered_twice(client, staff, unit):
    """Started meanwhile in another tab or by a colleague: the press opens that report, and says so,
    instead of a page that has silently moved the year to another one and says nothing."""
    report = Report.objects.create(unit=unit, year=LAST_YEAR)
    client.force_login(staff)
    response = client.post("/reports/new/", {"unit": unit.pk, "year": LAST_YEAR}, follow=True)
    assert response.redirect_chain == [(f"/reports/{report.pk}/edit/", 302)]
    assert f"城西街道{LAST_YEAR}年度报告已经存在" in response.content.decode()
    assert Report.objects.filter(unit=unit, year=LAST_YEAR).count() == 1


def test_a_refused_new_report_shows_the_home_page_whole(client, staff, unit):
    report = Report.objects.create(unit=unit, year=LAST_YEAR - 3)
    client.force_login(staff)
    response = client.post("/reports/new/", {"unit": unit.pk, "year": 1990})
    assert response.status_code == 400
    content = response.content.decode()
    assert 'id="waiting"' in content and f'href="/reports/{report.pk}/edit/"' in content
    assert "请重新选择" in content


def test_nobody_starts_a_report_for_another_unit(client, outsider, unit):
    client.force_login(outsider)
    response = client.post("/reports/new/", {"unit": unit.pk, "year": LAST_YEAR})
    assert response.status_code == 400
    assert not Report.objects.filter(unit=unit).exists()


def test_the_district_office_is_offered_no_new_report(client, district_officer, report):
    client.force_login(district_officer)
    content = client.get("/").content.decode()
    assert "开始填写年度报告" not in content
    assert report.title in content
    assert client.post("/reports/new/", {"unit": report.unit.pk, "year": 2024}).status_code == 302
    assert Report.objects.count() == 1


def test_the_district_office_keeps_seeing_an_earlier_years_report_not_delivered(
    client, district_officer, unit
):
    """Issue 15 #14: overdue reports of an earlier year dropped off the district's home page."""
    old = Report.objects.create(unit=unit, year=reporting_year() - 2, status=Report.Status.RETURNED)
    client.force_login(district_officer)
    page = client.get("/").content.decode()
    assert "其他年度未报送的报告" in page and f'href="{old.get_absolute_url()}"' in page
    Report.objects.filter(pk=old.pk).update(status=Report.Status.ACCEPTED)
    assert "其他年度未报送的报告" not in client.get("/").content.decode()


def test_the_favicon_browsers_ask_for_is_the_apps_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response.url == "/static/favicon.svg"
    assert (Path(settings.BASE_DIR) / "static" / "favicon.svg").read_text().startswith("<svg")


@pytest.mark.parametrize("today, chosen", [("2026-12-03", 2026), ("2027-02-10", 2026), ("2026-03-01", 2025)])
def test_the_new_report_form_chooses_the_year_being_reported_on(client, staff, unit, today, chosen):
    with mock.patch("django.utils.timezone.localdate", return_value=datetime.date.fromisoformat(today)):
        client.force_login(staff)
        response = client.get("/")
    assert response.context["new_report_form"]["year"].value() == chosen
    # and the page's list shows it chosen (the template writes the options itself)
    assert f'<option value="{chosen}" selected>' in response.content.decode()
