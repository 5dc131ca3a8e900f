"""Importing in the browser without a browser: upload → what was recognised → the draft; overwriting asks
and keeps the old content; bad files and outsiders create nothing."""

import datetime
import re
from decimal import Decimal
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from indicators.demo_catalogue import install_catalogue
from indicators.models import Indicator, IndicatorValue
from reports.importing.docx import CORRUPT, MAX_UPLOAD_BYTES, TOO_LARGE
from reports.importing.preview import preview_import
from reports.models import Item, Report, ReportEvent, Section, Snapshot
from reports.views.importing import SESSION_KEY
from tests.docx_helpers import seed_docx, seed_text
from tests.test_docx_import import BAD_FILES, bad_file_bytes

pytestmark = pytest.mark.django_db

IMPORT_URL = "/reports/import/"


@pytest.fixture
def catalogue(district):
    install_catalogue(district, first_year=2020)


def upload(client, unit, data=None, name="城西街道2024.docx", year=2024, **extra):
    fields = {"unit": unit.pk, "year": year, **extra}
    if data is not None:
        fields["file"] = SimpleUploadedFile(name, data)
    return client.post(IMPORT_URL, fields)


def confirm_url(response):
    assert response.status_code == 302, response.content.decode()[:2000]
    assert re.fullmatch(r"/reports/import/[-\w]+/", response.url)
    return response.url


def confirm_form(client, url, **changes):
    """The confirmation page's form as the browser would send it, defaults kept, ``changes`` applied."""
    page = client.get(url)
    form = page.context["form"]
    data = {name: form[name].value() for name in form.fields}
    data.update(changes)
    return {name: value for name, value in data.items() if value not in (False, None)}


def test_the_page_is_linked_from_home_for_staff(client, staff):
    client.force_login(staff)
    assert 'href="/reports/import/"' in client.get("/").content.decode()
    page = client.get(IMPORT_URL)
    assert page.status_code == 200
    assert 'enctype="multipart/form-data"' in page.content.decode()


def test_upload_shows_what_was_recognised_then_creates_the_draft(client, staff, unit, catalogue):
    client.force_login(staff)
    url = confirm_url(upload(client, unit, seed_docx()))
    assert not Report.objects.exists()  # nothing saved before the confirmation

    page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    for text in [
        "中共黔江区城西街道工作委员会",
        "黔江区人民政府城西街道办事处",
        "关于2024年度法治政府建设情况的报告",
        "现将2024年度法治政府建设工作开展情况报告如下：",
        "一、工作成效",
        "二、主要举措",
        "四、2025年推进法治政府建设的工作思路和目标举措",
        "高度重视，落实责任。",
        "创建草稿",
    ]:
        assert text in html, text
    assert [row["label"] for row in page.context["sections"][1]["items"]] == [
        "（一）", "（二）", "（三）", "（四）", "（五）", "（六）"
    ]  # fmt: skip
    values = {s.indicator.code: s for _, s, *_ in page.context["values"]}
    assert values["disputes_screened"].figure_text == "1705件"
    assert "共排查矛盾纠纷1705件" in values["disputes_screened"].sentence
    assert "<mark>排查矛盾纠纷1705件</mark>" in html
    # Study and meetings are listed unticked, to be confirmed against their sentence; the others kept.
    to_confirm = {s.indicator.code for _, s, _, _, confirm in page.context["values"] if confirm}
    assert to_confirm == {"central_group_study", "rule_of_law_meetings"}
    assert html.count("请核对后勾选：") == 2

    response = client.post(url, confirm_form(client, url))
    report = Report.objects.get(unit=unit, year=2024)
    assert response.status_code == 302 and response.url == f"/reports/{report.pk}/edit/"
    assert report.status == Report.Status.DRAFT
    assert report.title == "关于2024年度法治政府建设情况的报告"
    assert report.sections.first().heading == "工作成效"
    assert report.indicator_values.count() == len(values) - len(to_confirm)
    assert not report.indicator_values.filter(indicator__code__in=to_confirm).exists()
    assert IndicatorValue.objects.get(report=report, indicator__code="disputes_screened").value == 1705
    event = ReportEvent.objects.get(report=report)
    assert (event.action, event.user, event.comment) == ("import", staff, "从“城西街道2024.docx”导入")
    assert client.get(url).status_code == 404  # used up
    assert url.split("/")[-2] not in client.session[SESSION_KEY]


def test_a_misread_item_kind_can_be_fixed_and_values_left_out(client, staff, unit, catalogue):
    client.force_login(staff)
    url = confirm_url(upload(client, unit, seed_docx()))
    # The first item of "主要举措" as a heading line, the third level; keep no value but one.
    data = confirm_form(client, url, **{"item-1-0": "heading:3"})
    for name in [name for name in data if name.startswith("keep-")][1:]:
        del data[name]
    client.post(url, data)
    report = Report.objects.get(unit=unit, year=2024)
    item = Item.objects.get(section__report=report, section__position=1, position=0)
    assert (item.style, item.level, item.heading) == ("heading", 3, "高度重视，落实责任。")
    assert report.indicator_values.count() == 1


def test_pasted_text_goes_the_same_way(client, staff, unit, catalogue):
    client.force_login(staff)
    url = confirm_url(upload(client, unit, text=seed_text().replace("\n", "\r\n")))
    assert "粘贴的文字" in client.get(url).content.decode()
    client.post(url, confirm_form(client, url))
    report = Report.objects.get(unit=unit, year=2024)
    assert report.sections.count() == 4
    assert ReportEvent.objects.get(report=report).comment == "从“粘贴的文字”导入"


def test_a_text_file_upload(client, staff, unit):
    client.force_login(staff)
    url = confirm_url(upload(client, unit, seed_text().encode("gb18030"), name="报告.txt"))
    client.post(url, confirm_form(client, url))
    assert Report.objects.get(unit=unit, year=2024).issuing_organs[0].name == "中共黔江区城西街道工作委员会"


def test_parser_warnings_are_shown(client, staff, unit):
    client.force_login(staff)
    text = "关于2025年度法治政府建设情况的报告\n一、主要举措\n（一）完善制度。制定规则。\n（三）强化监督。检查8次。\n"
    html = client.get(confirm_url(upload(client, unit, text=text, year=2025))).content.decode()
    assert "编号不连续：“（三）强化监督。检查8次。”处应为“（二）”" in html


@pytest.mark.parametrize(("label", "name", "data", "message"), BAD_FILES, ids=[row[0] for row in BAD_FILES])
def test_bad_files_show_the_message_and_create_nothing(client, staff, unit, label, name, data, message):
    client.force_login(staff)
    response = upload(client, unit, bad_file_bytes(label, data), name=name)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Report.objects.exists()
    assert not client.session.get(SESSION_KEY)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04" + b"\0" * MAX_UPLOAD_BYTES, TOO_LARGE),
        (b"PK\x03\x04broken", CORRUPT),
    ],
)
def test_a_big_or_broken_upload_is_refused(client, staff, unit, data, message):
    client.force_login(staff)
    assert message in upload(client, unit, data).content.decode()


def test_a_file_and_pasted_text_at_once_or_neither(client, staff, unit):
    client.force_login(staff)
    both = upload(client, unit, seed_docx(), text="关于2024年度法治政府建设情况的报告")
    assert "请只选择一种方式" in both.content.decode()
    assert "请上传文件，或粘贴报告全文" in upload(client, unit).content.decode()
    assert not client.session.get(SESSION_KEY)


@pytest.fixture
def existing(unit):
    report = Report.objects.create(unit=unit, year=2024, title="原来的报告", preamble="原来的导语。")
    section = Section.objects.create(report=report, position=0, heading="原来的部分")
    Item.objects.create(section=section, position=0, heading="原来的条目。", body="原来的正文。")
    return report


def test_overwriting_asks_first_and_keeps_the_old_version(client, staff, unit, existing, catalogue):
    client.force_login(staff)
    url = confirm_url(upload(client, unit, seed_docx()))
    html = client.get(url).content.decode()
    assert "覆盖已有的报告？旧版本保存在历史记录中" in html
    assert "覆盖并保存为草稿" in html

    refused = client.post(url, confirm_form(client, url))  # the box left unticked
    assert refused.status_code == 400
    assert "请勾选确认覆盖已有的报告" in refused.content.decode()
    existing.refresh_from_db()
    assert existing.title == "原来的报告" and not Snapshot.objects.exists()

    client.post(url, confirm_form(client, url, overwrite="on"))
    report = Report.objects.get(unit=unit, year=2024)
    assert report.pk == existing.pk
    assert report.title == "关于2024年度法治政府建设情况的报告"
    assert report.version == existing.version + 1
    assert report.sections.first().heading == "工作成效"
    assert report.indicator_values.exists()
    snapshot = Snapshot.objects.get(report=report)
    assert "原来的报告" in snapshot.content["parts"][0]["text"]
    assert "原来的条目。原来的正文。" in snapshot.content["parts"][1]["text"]
    event = ReportEvent.objects.get(report=report, action="import")
    assert event.snapshot == snapshot and "覆盖了原有内容" in event.comment


def test_a_submitted_report_is_not_overwritten(client, staff, unit, existing):
    existing.status = Report.Status.SUBMITTED
    existing.save()
    client.force_login(staff)
    url = confirm_url(upload(client, unit, seed_docx()))
    html = client.get(url).content.decode()
    assert "内容已锁定，不能修改" in html
    assert "覆盖并保存为草稿" not in html
    assert client.post(url, {"overwrite": "on"}).status_code == 403
    existing.refresh_from_db()
    assert existing.title == "原来的报告" and not Snapshot.objects.exists()


def test_an_outsider_cannot_import_into_a_unit_not_theirs(client, outsider, unit, other_unit):
    client.force_login(outsider)
    response = upload(client, unit, seed_docx())
    assert response.status_code == 400
    assert list(response.context["form"].fields["unit"].queryset) == [other_unit]
    assert not Report.objects.exists() and not client.session.get(SESSION_KEY)


def test_losing_the_role_between_the_steps_is_a_404(client, staff, unit):
    client.force_login(staff)
    url = confirm_url(upload(client, unit, seed_docx()))
    staff.memberships.all().delete()
    assert client.get(url).status_code == 404
    assert client.post(url, {}).status_code == 404
    assert not Report.objects.exists()


def test_the_district_office_cannot_import_and_visitors_log_in(client, district_officer):
    assert client.get(IMPORT_URL).status_code == 302
    client.force_login(district_officer)
    assert client.get(IMPORT_URL).status_code == 403
    assert 'href="/reports/import/"' not in client.get("/").content.decode()


def test_someone_elses_token_is_not_found(client, staff, leader, unit):
    client.force_login(staff)
    url = confirm_url(upload(client, unit, seed_docx()))
    client.force_login(leader)  # a new session
    assert client.get(url).status_code == 404


def test_importing_over_a_draft_keeps_the_values_typed_in_the_sheet(client, staff, unit, existing, catalogue):
    """Issue 15.5: 1705, 1万余 and 不适用 typed in the sheet were gone after importing over the draft."""
    client.force_login(staff)
    url = confirm_url(upload(client, unit, seed_docx()))
    suggested = {s.indicator.code: s for s in client.get(url).context["preview"].suggestions}
    assert {"disputes_screened", "leaflets"} <= set(suggested), sorted(suggested)
    disputes = suggested["disputes_screened"].indicator
    materials = suggested["leaflets"].indicator
    not_suggested = Indicator.objects.filter(district=unit.district).exclude(code__in=suggested).first()
    IndicatorValue.objects.create(report=existing, indicator=disputes, value=1700)  # differs from 1705
    IndicatorValue.objects.create(report=existing, indicator=materials, value=10000, qualifier="more_than")
    IndicatorValue.objects.create(report=existing, indicator=not_suggested, not_applicable=True)

    page = client.get(url)
    html = page.content.decode()
    assert "指标表已填“1700" in html  # the difference is shown, for the user to choose
    form = page.context["form"]
    assert form[f"keep-{disputes.pk}"].value() is False  # the typed value is the default

    client.post(url, confirm_form(client, url, overwrite="on"))
    values = {v.indicator_id: v for v in IndicatorValue.objects.filter(report=existing)}
    assert values[disputes.pk].value == 1700 and values[disputes.pk].note == ""
    assert (
        values[materials.pk].display
        == IndicatorValue(indicator=materials, value=10000, qualifier="more_than").display
    )
    assert values[not_suggested.pk].not_applicable
    assert len(values) > 3  # the suggestions for empty indicators were added

    url = confirm_url(upload(client, unit, seed_docx()))
    client.post(url, confirm_form(client, url, overwrite="on", **{f"keep-{disputes.pk}": "on"}))
    assert IndicatorValue.objects.get(report=existing, indicator=disputes).value == 1705  # chosen: replaced
    assert IndicatorValue.objects.get(report=existing, indicator=not_suggested).not_applicable


@pytest.mark.parametrize("today, chosen", [("2026-12-03", 2026), ("2027-02-10", 2026), ("2026-03-01", 2025)])
def test_the_import_form_chooses_the_year_being_reported_on(client, staff, unit, today, chosen):
    """As the home page's new report does (a report written in Word in December is this year's)."""
    with mock.patch("django.utils.timezone.localdate", return_value=datetime.date.fromisoformat(today)):
        client.force_login(staff)
        form = client.get(IMPORT_URL).context["form"]
    assert form["year"].value() == chosen


def test_a_document_about_another_year_is_pointed_out_before_importing(client, staff, unit):
    # Last year's file imported into this year's report: its title says 2024, the report is 2025's.
    client.force_login(staff)
    text = "关于2024年度法治政府建设情况的报告\n一、主要举措\n（一）完善制度。制定规则。\n"
    html = client.get(confirm_url(upload(client, unit, text=text, year=2025))).content.decode()
    assert "原文标题写的是2024年（“关于2024年度法治政府建设情况的报告”），将导入为2025年度报告" in html
    same_year = client.get(confirm_url(upload(client, unit, text=text, year=2024))).content.decode()
    assert 'id="import-other-year"' not in same_year
    aside = "关于贯彻落实《法治政府建设实施纲要（2021－2025年）》情况的报告\n一、主要举措\n（一）完善制度。\n"
    named = client.get(confirm_url(upload(client, unit, text=aside, year=2024))).content.decode()
    assert 'id="import-other-year"' not in named


def test_a_figure_finer_than_the_sheet_holds_is_neither_suggested_nor_offered():
    rate = Indicator(
        code="rate", name="学法考试合格率", unit="%", kind=Indicator.Kind.PERCENT, aliases="合格率"
    )
    text = "关于2024年度法治政府建设情况的报告\n一、主要举措\n组织干部参加学法考试，合格率99.125%，参考率100%。\n"
    preview = preview_import(text, [rate])
    assert preview.suggestions == []
    assert [m.figure.text for m in preview.unmatched] == ["100%"]
    text = text.replace("99.125%", "99.13%")
    assert [(s.indicator.code, s.value) for s in preview_import(text, [rate]).suggestions] == [
        ("rate", Decimal("99.13"))
    ]


def test_a_figure_too_large_for_the_sheet_is_not_suggested_and_the_sheet_still_opens(
    client, staff, unit, catalogue
):
    client.force_login(staff)
    text = "关于2024年度法治政府建设情况的报告\n一、主要举措\n（一）化解纠纷。全年排查矛盾纠纷123456789012345678件。\n"
    url = confirm_url(upload(client, unit, text=text, year=2024))
    client.post(url, confirm_form(client, url))
    report = Report.objects.get(unit=unit, year=2024)
    assert client.get(f"/reports/{report.pk}/indicators/").status_code == 200
