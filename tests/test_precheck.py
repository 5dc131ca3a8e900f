"""The check before submitting (提交前检查, issue 15 point 3): each finding, the word counts and limits, the
refusal in ``workflow.perform``, and the report's page for staff and for the leader."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from indicators.models import Indicator, IndicatorValue
from reports import precheck, workflow
from reports.common.text import word_count
from reports.district.actions import set_word_limits
from reports.models import Item, Organ, Report, ReportEvent, Section, Snapshot
from tests.district_helpers import indicator
from tests.editor_helpers import add_section
from tests.workflow_helpers import make_submittable

Kind = Section.Kind


@pytest.fixture
def complete(report):
    """A report with every part the check asks for: it finds nothing."""
    add_section(report, heading="主要举措和成效", kind=Kind.MEASURES_AND_RESULTS, items=2)
    return make_submittable(report)


def findings(report, **kwargs):
    return precheck.check_report(Report.objects.get(pk=report.pk), **kwargs).findings


def only(report, text):
    """The one finding whose message contains ``text``."""
    [finding] = [f for f in findings(report) if text in f.message]
    return finding


def test_a_complete_report_passes(complete):
    check = precheck.check_report(complete)
    assert check.findings == [] and check.refusal(confirmed=False) == ""


# --- Required parts -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "text", "level", "anchor"),
    [
        ({"addressee": ""}, "没有填写主送机关", precheck.ERROR, "#header"),
        ({"signing_date": None}, "没有填写成文日期", precheck.ERROR, "#signature"),
        ({"title": "", "untitled": False}, "没有填写标题", precheck.ERROR, "#header"),
        ({"title": "", "untitled": True}, "报告没有标题", precheck.WARNING, "#header"),
    ],
)
def test_each_missing_header_or_signature_field_is_found(complete, change, text, level, anchor):
    Report.objects.filter(pk=complete.pk).update(**change)
    finding = only(complete, text)
    assert finding.level == level
    assert finding.link == reverse("reports:edit", args=[complete.pk]) + anchor


def test_no_signing_organ_is_an_error_and_no_issuing_organ_a_warning(complete):
    complete.organs.filter(role=Organ.Role.SIGNING).delete()
    assert only(complete, "没有填写落款的署名机关").level == precheck.ERROR
    complete.organs.filter(role=Organ.Role.ISSUING).delete()
    assert only(complete, "没有填写发文机关").level == precheck.WARNING


def test_a_report_without_sections_is_an_error(report):
    assert only(report, "报告还没有任何部分").is_error


def test_the_first_responsibility_part_is_required(complete):
    complete.sections.filter(kind=Kind.FIRST_RESPONSIBILITY).delete()
    finding = only(complete, "缺少条例要求的")
    assert finding.is_error and "党政主要负责人履行推进法治建设第一责任人职责情况" in finding.message


@pytest.mark.parametrize("kind", [Kind.SHORTCOMINGS, Kind.NEXT_YEAR_PLANS, Kind.MEASURES_AND_RESULTS])
def test_each_content_the_regulation_requires_is_checked(complete, kind):
    complete.sections.filter(kind=kind).delete()
    assert only(complete, "缺少条例要求的").is_error


def test_measures_and_results_may_come_as_two_sections(complete):
    complete.sections.filter(kind=Kind.MEASURES_AND_RESULTS).update(kind=Kind.MEASURES)
    assert findings(complete) == []


# --- Empty sections and items ----------------------------------------------------------------------


def test_an_empty_required_section_is_an_error_linking_to_it(complete):
    section = complete.sections.get(kind=Kind.SHORTCOMINGS)
    section.items.all().delete()
    finding = only(complete, "还没有内容")
    assert finding.is_error and finding.message.startswith("“")
    assert finding.link.endswith(f"#section-{section.pk}")


def test_an_empty_optional_section_is_a_warning(complete):
    add_section(complete, heading="其他需要报告的事项", kind=Kind.OTHER)
    finding = only(complete, "还没有内容")
    assert finding.level == precheck.WARNING and "不需要可以删除" in finding.message


def test_an_empty_section_whose_content_is_in_another_section_only_warns(complete):
    add_section(complete, heading="工作成效", kind=Kind.ACHIEVEMENTS)  # empty; measures hold the content
    assert only(complete, "还没有内容").level == precheck.WARNING


def test_an_empty_item_is_a_warning_linking_to_it(complete):
    section = complete.sections.get(kind=Kind.MEASURES_AND_RESULTS)
    empty = Item.objects.create(section=section, position=9, heading="  ", body="")
    finding = only(complete, "空条目")
    assert finding.level == precheck.WARNING and finding.link.endswith(f"#item-{empty.pk}")


# --- Indicators ---------------------------------------------------------------------------------------


@pytest.fixture
def catalogue(district):
    return [
        indicator(district, "screened", name="排查矛盾纠纷", unit="件", position=1),
        indicator(district, "mediated", name="调解成功", unit="件", position=2),
        indicator(district, "lawsuits", name="行政诉讼案件", unit="件", position=3),
    ]


def test_a_text_vs_sheet_mismatch_is_a_warning_linking_to_the_sheet_row(complete, catalogue):
    screened, mediated, lawsuits = catalogue
    section = complete.sections.get(kind=Kind.MEASURES_AND_RESULTS)
    Item.objects.filter(section=section, position=0).update(body="共排查矛盾纠纷1705件，调解成功1700件。")
    for ind, value in ((screened, 1705), (mediated, 1705)):
        IndicatorValue.objects.create(report=complete, indicator=ind, value=Decimal(value))
    IndicatorValue.objects.create(report=complete, indicator=lawsuits, not_applicable=True)
    finding = only(complete, "正文与指标表不一致")
    assert finding.level == precheck.WARNING
    assert "正文写“调解成功1700件”，指标表为1705件" in finding.message
    assert finding.link == reverse("indicators:sheet", args=[complete.pk]) + "#indicator-mediated"


def test_the_filled_indicators_are_counted_and_the_missing_named(complete, catalogue):
    screened, mediated, lawsuits = catalogue
    IndicatorValue.objects.create(report=complete, indicator=screened, value=Decimal(3))
    IndicatorValue.objects.create(report=complete, indicator=lawsuits, not_applicable=True)
    IndicatorValue.objects.create(report=complete, indicator=mediated)  # a row with nothing in it
    check = precheck.check_report(complete)
    assert (check.indicators_filled, check.indicators_total) == (2, 3)
    [finding] = check.findings
    assert finding.level == precheck.WARNING
    assert "指标表已填2项，共3项；未填：调解成功" in finding.message


def test_a_required_indicator_left_empty_is_an_error_linking_to_its_row(complete, catalogue):
    screened, mediated, _ = catalogue
    Indicator.objects.filter(pk__in=[screened.pk, mediated.pk]).update(required=True)
    IndicatorValue.objects.create(report=complete, indicator=screened, not_applicable=True)  # filled: 不适用
    required = only(complete, "必填指标")
    assert required.level == precheck.ERROR
    assert required.message == "区里规定的必填指标还有1项未填：调解成功（没有的请填“不适用”）。"
    assert required.link == reverse("indicators:sheet", args=[complete.pk]) + "#indicator-mediated"
    optional = only(complete, "选填指标未填")
    assert optional.level == precheck.WARNING and "选填指标未填：行政诉讼案件" in optional.message


def test_a_required_indicator_left_empty_names_the_figure_the_text_states_for_it(complete, catalogue):
    _, mediated, _ = catalogue
    Indicator.objects.filter(pk=mediated.pk).update(required=True, aliases="调解成功")
    section = complete.sections.get(kind=Kind.MEASURES_AND_RESULTS)
    Item.objects.filter(section=section, position=0).update(body="全年调解成功矛盾纠纷52件。")
    assert only(complete, "必填指标").message == (
        "区里规定的必填指标还有1项未填：调解成功（正文：调解成功矛盾纠纷52件）（没有的请填“不适用”）。"
    )


def test_a_required_indicator_left_empty_stops_the_submission(complete, catalogue, staff):
    _, mediated, _ = catalogue
    Indicator.objects.filter(pk=mediated.pk).update(required=True)
    with pytest.raises(workflow.CheckFailed, match="必填指标"):
        workflow.perform(staff, complete, "submit", confirmed=True)
    IndicatorValue.objects.create(report=complete, indicator=mediated, value=Decimal(12))
    workflow.perform(staff, Report.objects.get(pk=complete.pk), "submit", confirmed=True)
    assert Report.objects.get(pk=complete.pk).status == Report.Status.SUBMITTED


def test_a_fully_filled_sheet_gives_no_finding(complete, catalogue):
    for ind in catalogue:
        IndicatorValue.objects.create(report=complete, indicator=ind, value=Decimal(0))
    check = precheck.check_report(complete)
    assert check.findings == [] and check.indicators_filled == 3


# --- Word counts and limits -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", 0),
        ("法治政府", 4),
        ("共排查矛盾纠纷1705件，调解率100%。", 15),  # 13 Han and marks + "1705" + "100%"
        ("同比减少31.8%", 5),
        ("GB/T 9704标准", 5),  # GB, T, 9704 + 标准
        ("“一是”……", 6),
        ("ｗｏｒｄ　２０２５", 2),  # full-width letters and digits are words; U+3000 is a space
    ],
)
def test_word_count_counts_han_characters_and_latin_words(text, words):
    assert word_count(text) == words


def test_section_and_whole_report_word_counts(complete):
    Report.objects.filter(pk=complete.pk).update(preamble="现将情况报告如下：")  # 9
    check = precheck.check_report(Report.objects.get(pk=complete.pk))
    by_kind = {row.section.kind: row.words for row in check.sections}
    # "主要举措和成效" (7) + "第1条。" "正文1。" "第2条。" "正文2。" (4 each)
    assert by_kind[Kind.MEASURES_AND_RESULTS] == 7 + 16
    assert check.words == 9 + sum(by_kind.values())


def test_exceeding_the_districts_limits_is_a_warning(complete, district):
    set_word_limits(district, complete.year, {Kind.MEASURES_AND_RESULTS: 10, "total": 20})
    check = precheck.check_report(complete)
    over = [f for f in check.findings if "超过区里规定的" in f.message]
    assert [f.level for f in over] == [precheck.WARNING, precheck.WARNING]
    assert "共23字，超过区里规定的10字" in over[0].message and over[1].message.startswith("全文共")
    set_word_limits(district, complete.year, {Kind.MEASURES_AND_RESULTS: 23, "total": 10_000})
    assert precheck.check_report(complete).findings == []


# --- The refusal -----------------------------------------------------------------------------------


def test_the_refusal_names_the_errors_and_asks_to_confirm_the_warnings(complete):
    complete.organs.filter(role=Organ.Role.ISSUING).delete()
    check = precheck.check_report(complete)
    assert "请逐项查看" in check.refusal(confirmed=False) and check.refusal(confirmed=True) == ""
    Report.objects.filter(pk=complete.pk).update(addressee="")
    check = precheck.check_report(Report.objects.get(pk=complete.pk))
    assert (
        check.refusal(confirmed=True)
        == "提交前检查有1项必须修改，修改后才能提交：没有填写主送机关（如：区委、区政府：）。"
    )


def test_links_lead_a_reader_to_the_reports_page(complete):
    section = complete.sections.get(kind=Kind.SHORTCOMINGS)
    section.items.all().delete()
    Report.objects.filter(pk=complete.pk).update(addressee="")
    links = {f.message[:8]: f.link for f in findings(complete, editable=False)}
    assert links["没有填写主送机关"] == ""  # the header has no place on the report's page
    assert f"{complete.get_absolute_url()}#section-{section.pk}" in links.values()


# --- perform() ----------------------------------------------------------------------------------------


def test_perform_refuses_a_submission_with_errors_and_changes_nothing(complete, staff):
    Report.objects.filter(pk=complete.pk).update(signing_date=None)
    with pytest.raises(workflow.CheckFailed, match="没有填写成文日期"):
        workflow.perform(staff, complete, "submit", confirmed=True)
    complete.refresh_from_db()
    assert complete.status == Report.Status.DRAFT
    assert not ReportEvent.objects.exists() and not Snapshot.objects.exists()


def test_perform_wants_warnings_confirmed(complete, staff, leader):
    complete.organs.filter(role=Organ.Role.ISSUING).delete()
    for user in (staff, leader):
        with pytest.raises(workflow.CheckFailed, match="请逐项查看"):
            workflow.perform(user, complete, "submit")
    workflow.perform(staff, complete, "submit", confirmed=True)
    complete.refresh_from_db()
    assert complete.status == Report.Status.SUBMITTED


def test_perform_checks_again_the_version_it_submits(complete, staff, monkeypatch):
    """A save between the first check and the transaction cannot slip an incomplete version through."""
    real = precheck.check_report
    calls = []

    def save_in_between(report, *args, **kwargs):
        calls.append(report.pk)
        if len(calls) == 2:  # inside the transaction: the save just before has emptied the date
            Report.objects.filter(pk=report.pk).update(signing_date=None)
            report.signing_date = None
        return real(report, *args, **kwargs)

    monkeypatch.setattr(workflow, "check_report", save_in_between)
    with pytest.raises(workflow.CheckFailed):
        workflow.perform(staff, complete, "submit", confirmed=True)
    assert len(calls) == 2
    assert Report.objects.get(pk=complete.pk).status == Report.Status.DRAFT
    assert not ReportEvent.objects.exists()


# --- The pages --------------------------------------------------------------------------------------


def detail(report):
    return reverse("reports:detail", args=[report.pk])


def submit_url(report):
    return reverse("reports:act", args=[report.pk, "submit"])


def test_staff_see_the_errors_before_the_submit_button_and_the_post_is_refused(client, staff, report):
    add_section(report, items=1)
    client.force_login(staff)
    content = client.get(detail(report)).content.decode()
    assert content.index('id="precheck"') < content.index("提交审核")
    assert (
        "没有填写主送机关" in content
        and "缺少条例要求的“党政主要负责人履行推进法治建设第一责任人职责情况”部分" in content
    )
    assert f'href="{reverse("reports:edit", args=[report.pk])}#signature"' in content
    assert "修改后才能提交" in content

    response = client.post(submit_url(report), {"confirmed": "1"}, follow=True)
    assert "提交前检查有" in response.content.decode()
    report.refresh_from_db()
    assert report.status == Report.Status.DRAFT


def test_staff_confirm_the_warnings_to_submit(client, staff, complete):
    complete.organs.filter(role=Organ.Role.ISSUING).delete()
    client.force_login(staff)
    content = client.get(detail(complete)).content.decode()
    assert 'name="confirmed" value="1"' in content and "已查看以上1项提醒，确认提交" in content

    response = client.post(submit_url(complete), {}, follow=True)
    assert "请逐项查看" in response.content.decode()
    assert Report.objects.get(pk=complete.pk).status == Report.Status.DRAFT
    client.post(submit_url(complete), {"confirmed": "1"})
    assert Report.objects.get(pk=complete.pk).status == Report.Status.SUBMITTED


def test_a_complete_report_submits_without_a_confirmation(client, staff, complete):
    client.force_login(staff)
    assert 'name="confirmed"' not in client.get(detail(complete)).content.decode()
    client.post(submit_url(complete))
    assert Report.objects.get(pk=complete.pk).status == Report.Status.SUBMITTED


def test_the_leader_sees_the_check_and_the_last_return_reason(client, staff, leader, complete):
    complete.organs.filter(role=Organ.Role.ISSUING).delete()
    workflow.perform(staff, complete, "submit", confirmed=True)
    workflow.perform(leader, complete, "return", comment="第一责任人部分太简单。")
    workflow.perform(staff, complete, "submit", confirmed=True)
    client.force_login(leader)
    content = client.get(detail(complete)).content.decode()
    assert "供审核参考" in content and "没有填写发文机关" in content
    assert 'id="last-return"' in content and "第一责任人部分太简单。" in content
    assert content.index('id="precheck"') < content.index("审核通过")
    assert reverse("reports:edit", args=[complete.pk]) not in content  # the leader cannot edit it now


def test_no_check_once_approved(client, staff, leader, district_officer, complete):
    workflow.perform(staff, complete, "submit", confirmed=True)
    workflow.perform(leader, complete, "approve")
    client.force_login(district_officer)
    assert 'id="precheck"' not in client.get(detail(complete)).content.decode()


def test_the_editor_shows_word_counts_and_limits_server_side(client, staff, complete, district):
    set_word_limits(district, complete.year, {Kind.MEASURES_AND_RESULTS: 10, "total": 5000})
    client.force_login(staff)
    content = client.get(reverse("reports:edit", args=[complete.pk])).content.decode()
    assert 'class="word-count word-over" data-word-count data-word-limit="10">本部分' in content
    assert '本部分<span class="word-count-number">23</span>字' in content
    assert "（上限10字，已超出）" in content
    assert 'id="word-total" data-word-count data-word-limit="5000">全文' in content
    assert "js/word-count.js" in content


# --- The year's set-up ----------------------------------------------------------------------------


def setup_post(**limits):
    data = {"deadline": "2026-03-01", "limits-total": ""}
    data.update({f"limits-{key}": value for key, value in limits.items()})
    return data


def test_the_district_sets_word_limits_in_the_years_set_up(client, district_officer, district):
    client.force_login(district_officer)
    url = reverse("district:setup", args=[2025])
    assert "字数上限" in client.get(url).content.decode()
    client.post(url, setup_post(total="3000", first_responsibility="800"))
    setting = district.reporting_years.get(year=2025)
    assert setting.word_limits == {"total": 3000, "first_responsibility": 800}
    assert setting.deadline == datetime.date(2026, 3, 1)
    content = client.get(url).content.decode()
    assert 'name="limits-first_responsibility" value="800"' in content

    response = client.post(url, setup_post(total="三千", shortcomings="500"))
    assert response.status_code == 400
    content = response.content.decode()
    assert 'value="三千"' in content and 'name="limits-shortcomings" value="500"' in content  # kept
    assert district.reporting_years.get(year=2025).word_limits["total"] == 3000
    client.post(url, setup_post())
    assert district.reporting_years.get(year=2025).word_limits == {}


# --- The indicator part, kept per digest of what it reads (issue 13) ------------------------------------


def mismatch_text(report):
    return [f.message for f in findings(report) if "正文与指标表不一致" in f.message]


@pytest.fixture
def computed(monkeypatch):
    """How many times the indicator part was worked out (not taken from ``INDICATOR_PARTS``)."""
    precheck.INDICATOR_PARTS.clear()
    calls = []
    original = precheck._indicator_part
    monkeypatch.setattr(precheck, "_indicator_part", lambda *args: calls.append(1) or original(*args))
    return calls


def test_an_unchanged_report_is_worked_out_once(complete, catalogue, computed):
    IndicatorValue.objects.create(report=complete, indicator=catalogue[0], value=Decimal(3))
    first = findings(complete)
    assert findings(complete) == first and len(computed) == 1


def test_every_change_to_what_the_indicator_part_reads_shows_at_once(complete, catalogue, computed):
    """Text, sheet values, catalogue: each changed behind the report's version (queryset updates, as an
    administrator's or a command's would be) shows on the next check."""
    screened, mediated, lawsuits = catalogue
    section = complete.sections.get(kind=Kind.MEASURES_AND_RESULTS)
    Item.objects.filter(section=section, position=0).update(body="共排查矛盾纠纷1705件，调解成功1700件。")
    IndicatorValue.objects.create(report=complete, indicator=screened, value=Decimal(1705))
    sheet_mediated = IndicatorValue.objects.create(report=complete, indicator=mediated, value=Decimal(1700))
    version = Report.objects.get(pk=complete.pk).version
    assert mismatch_text(complete) == []
    assert "未填：行政诉讼案件" in only(complete, "指标表已填").message

    IndicatorValue.objects.filter(pk=sheet_mediated.pk).update(value=Decimal(1705))  # a sheet value
    assert ["正文写“调解成功1700件”，指标表为1705件" in m for m in mismatch_text(complete)] == [True]

    Item.objects.filter(section=section, position=0).update(body="共排查矛盾纠纷1705件，调解成功1705件。")
    assert mismatch_text(complete) == []  # the text

    IndicatorValue.objects.filter(pk=sheet_mediated.pk).update(value=None, not_applicable=True)
    assert mismatch_text(complete) != [] and "已填2项" in only(complete, "指标表已填").message

    lawsuits.name = "行政复议案件"  # the catalogue: a renamed indicator
    lawsuits.save()
    assert "未填：行政复议案件" in only(complete, "指标表已填").message
    lawsuits.last_year = 2024  # …and one no longer in use for the year
    lawsuits.save()
    assert not [f for f in findings(complete) if "指标表已填" in f.message]
    assert precheck.check_report(Report.objects.get(pk=complete.pk)).indicators_total == 2

    mediated.aliases = "调解成功案件"  # the phrases the text is read with
    mediated.name = "调解案件"
    mediated.save()
    assert mismatch_text(complete) == []
    assert Report.objects.get(pk=complete.pk).version == version  # none of it moved the version


def test_two_reports_with_the_same_content_do_not_share_links(complete, catalogue, unit, computed):
    other = make_submittable(Report.objects.create(unit=unit, year=2024))
    add_section(other, heading="主要举措和成效", kind=Kind.MEASURES_AND_RESULTS, items=2)
    for report in (complete, other):
        assert only(report, "指标表已填").link == reverse("indicators:sheet", args=[report.pk])


def test_a_new_value_changes_the_leaders_page_at_once(client, staff, leader, complete, catalogue):
    workflow.perform(staff, complete, "submit", confirmed=True)
    client.force_login(leader)
    assert "指标表已填0项，共3项" in client.get(detail(complete)).content.decode()
    report = Report.objects.get(pk=complete.pk)
    IndicatorValue.objects.create(report=report, indicator=catalogue[0], value=Decimal(3))
    assert "指标表已填1项，共3项" in client.get(detail(complete)).content.decode()
