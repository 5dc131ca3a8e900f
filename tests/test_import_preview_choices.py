"""The import preview's choices on real reports: each section's kind, inline lists split, the web page's
lines dropped, a default title asked for, an unmatched figure put on the sheet with its wording taught to
the district's catalogue; and the district copying the default national catalogue."""

from pathlib import Path

import pytest
from django.urls import reverse

from indicators.catalogue import copy_national_catalogue, teach_alias
from indicators.models import Indicator, IndicatorValue
from indicators.national_catalogue import NATIONAL_CATALOGUE
from reports.importing.preview import (
    figure_choices,
    normalise_wording,
    preview_import,
    taught_by_default,
    wording_problem,
)
from reports.models import AuditEntry, Item, Report
from reports.rendering.document import report_to_text
from tests.corpus_expectations import preview_teaching
from tests.document_helpers import squeeze
from tests.test_import_views import confirm_form, confirm_url, upload

pytestmark = pytest.mark.django_db

CORPUS = Path(__file__).resolve().parent / "corpus"


def corpus(name):
    return (CORPUS / name).read_text(encoding="utf-8")


@pytest.fixture
def national(district, district_officer):
    return copy_national_catalogue(district, 2019, district_officer)


def start(client, user, unit, name):
    client.force_login(user)
    return confirm_url(upload(client, unit, text=corpus(name), year=int(name[:4])))


def test_the_national_catalogue_is_copied_once_with_its_wordings(district, district_officer):
    added = copy_national_catalogue(district, 2025, district_officer)
    assert len(added) == len(NATIONAL_CATALOGUE)
    cases = Indicator.objects.get(district=district, code="reconsideration_cases")
    assert (cases.unit, cases.first_year) == ("件", 2025)
    assert "行政复议申请" in cases.alias_list
    assert copy_national_catalogue(district, 2025, district_officer) == []  # nothing twice
    assert AuditEntry.objects.filter(action=AuditEntry.Action.CATALOGUE_CHANGE).count() == 2


def test_the_national_catalogue_leaves_out_an_indicator_the_district_has_under_its_own_code(
    district, district_officer
):
    # The demo's 普法受众 (code people_reached) and the national one (publicity_audience): one 普法受众 in
    # the catalogue, not two columns of the same name in the sheet and the matrix.
    Indicator.objects.create(
        district=district, code="people_reached", name="普法受众", unit="人次", first_year=2020
    )
    added = copy_national_catalogue(district, 2025, district_officer)
    assert "普法受众" not in {indicator.name for indicator in added}
    assert len(added) == len(NATIONAL_CATALOGUE) - 1
    assert Indicator.objects.filter(district=district, name="普法受众").count() == 1


def test_teaching_an_alias_saves_it_once_for_the_district(district, district_officer, national):
    meetings = Indicator.objects.get(district=district, code="rule_of_law_meetings")
    assert teach_alias(meetings, "党工委(扩大)会议", district_officer)
    assert not teach_alias(meetings, "党工委(扩大)会议", district_officer)
    meetings.refresh_from_db()
    assert meetings.alias_list[-1] == "党工委(扩大)会议"


def test_section_kinds_are_shown_and_can_be_changed(client, staff, unit, national):
    url = start(client, staff, unit, "2025-tongcheng-zhen.txt")
    page = client.get(url)
    html = page.content.decode()
    assert "按位置推断" in html  # the themed headings name no kind
    assert [row["kind_field"].value() for row in page.context["sections"]] == ["measures_and_results"] * 2
    client.post(url, confirm_form(client, url, **{"kind-1": "achievements"}))
    report = Report.objects.get(unit=unit, year=2025)
    assert list(report.sections.values_list("kind", flat=True)) == ["measures_and_results", "achievements"]


def test_an_inline_list_is_split_only_when_asked_and_prints_the_same(
    client, staff, unit, other_unit, national
):
    url = start(client, staff, unit, "2025-sandu-zhen.txt")
    client.post(url, confirm_form(client, url))
    as_written = Report.objects.get(unit=unit, year=2025)
    assert not Item.objects.filter(section__report=as_written, style="enumerated").exists()

    staff.memberships.create(unit=other_unit, role="staff")
    client.post(reverse("reports:acting-for"), {"unit": other_unit.pk})  # 当前身份: the other unit
    url = confirm_url(upload(client, other_unit, text=corpus("2025-sandu-zhen.txt"), year=2025))
    client.post(url, confirm_form(client, url, **{"split-0-0": "on", "split-0-1": "on"}))
    split = Report.objects.get(unit=other_unit, year=2025)
    enumerated = Item.objects.filter(section__report=split, style="enumerated")
    assert enumerated.count() == 5  # 一是…三是 in the first paragraph, 一是、二是 in the second
    assert squeeze(report_to_text(split)) == squeeze(report_to_text(as_written))


def test_the_page_lines_are_offered_for_removal(client, staff, unit, national):
    url = start(client, staff, unit, "2023-jinghai-qu.txt")
    html = client.get(url).content.decode()
    assert "网页标题与正文标题重复" in html and "来源:静海区人民政府办公室" in html
    client.post(url, confirm_form(client, url))  # checked by default
    report = Report.objects.get(unit=unit, year=2023)
    assert report.title == "静海区2023年度法治政府建设情况报告"
    assert report.preamble.startswith("2023年,静海区坚持")
    assert report_to_text(report).count("静海区2023年度法治政府建设情况报告") == 1


def test_a_report_without_a_title_keeps_its_addressee_and_gets_a_title_only_if_asked(
    client, staff, unit, other_unit, national
):
    url = start(client, staff, unit, "2024-guyong-zhen.txt")
    assert "原文没有标题" in client.get(url).content.decode()
    client.post(url, confirm_form(client, url))
    report = Report.objects.get(unit=unit, year=2024)
    assert (report.title, report.addressee) == ("", "中共将乐县委员会,将乐县人民政府:")
    assert report_to_text(report).startswith("中共将乐县委员会,将乐县人民政府:")

    staff.memberships.create(unit=other_unit, role="staff")
    client.post(reverse("reports:acting-for"), {"unit": other_unit.pk})  # 当前身份: the other unit
    url = confirm_url(upload(client, other_unit, text=corpus("2024-guyong-zhen.txt"), year=2024))
    client.post(url, confirm_form(client, url, default_title="on"))
    assert Report.objects.get(unit=other_unit, year=2024).title == "关于2024年度法治政府建设情况的报告"


def test_an_unmatched_figure_goes_on_the_sheet_and_its_wording_is_taught(
    client, staff, unit, district, national
):
    url = start(client, staff, unit, "2024-xixing-jiedao.txt")
    page = client.get(url)
    figures = {
        match.figure.text: key
        for key, (_, _, _, match, _) in zip(
            [f"figure-{n}" for n in range(len(page.context["figures"]))], page.context["figures"], strict=True
        )
    }
    assert "26次" in figures and "党工委(扩大)会议" in page.content.decode()
    meetings = Indicator.objects.get(district=district, code="rule_of_law_meetings")
    client.post(url, confirm_form(client, url, **{figures["26次"]: str(meetings.pk)}))
    report = Report.objects.get(unit=unit, year=2024)
    value = IndicatorValue.objects.get(report=report, indicator=meetings)
    assert value.value == 26
    meetings.refresh_from_db()
    assert "党工委(扩大)会议" in meetings.alias_list
    # The next report of the district that writes it so has the figure found.
    url = confirm_url(upload(client, unit, text=corpus("2024-xixing-jiedao.txt"), year=2023))
    assert meetings in [s.indicator for _, s, *_ in client.get(url).context["values"]]


def test_a_figure_for_an_indicator_that_already_has_a_value_is_refused_with_a_message(
    client, staff, unit, district, national
):
    url = start(client, staff, unit, "2024-xixing-jiedao.txt")
    page = client.get(url)
    keys = [
        f"figure-{n}"
        for n, (_, _, _, match, _) in enumerate(page.context["figures"])
        if match.figure.text == "15次"
    ]
    study = Indicator.objects.get(district=district, code="central_group_study")  # already has 14次, kept
    data = confirm_form(client, url, **{keys[0]: str(study.pk), f"keep-{study.pk}": "on"})
    response = client.post(url, data)
    assert response.status_code == 400
    assert "已有一个数值" in response.content.decode()
    assert not Report.objects.exists()


# The scored fallback's guess beside an unmatched figure ---------------------------------------------------

GUESSED = "关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n全年组织安全生产执法技能培训6场。召开相关工作会议12次。\n"


def figure_rows(page):
    """{figure as written: (field name, the figure's match)} of the page's unmatched figures."""
    return {match.figure.text: (field.html_name, match) for field, _, _, match, _ in page.context["figures"]}


def test_an_unmatched_figure_shows_the_fallbacks_guess_to_confirm_not_selected(
    client, staff, unit, district, national
):
    client.force_login(staff)
    url = confirm_url(upload(client, unit, text=GUESSED))
    page = client.get(url)
    html = page.content.decode()
    rows = figure_rows(page)
    training = Indicator.objects.get(district=district, code="law_training")
    name, match = rows["6场"]
    assert match.guess == training
    assert f"可能是：<strong>{training.name}</strong>（请核对）" in html
    assert f'data-select="id_{name}" data-value="{training.pk}" hidden>采用推测</button>' in html
    assert "js/import-confirm.js" in html
    # The guess comes first in the figure's list, marked, and the list stays on 不加入.
    choices = page.context["form"].fields[name].choices
    assert choices[0] == ("", "不加入")
    assert choices[1] == (str(training.pk), f"推测：{training.name}（次）")
    assert sum(label.startswith("推测") for _, label in choices) == 1
    assert page.context["form"][name].value() is None
    # No guess for "召开相关工作会议12次": any meetings, the fallback names none of the catalogue's.
    name, match = rows["12次"]
    assert match.guess is None
    assert not any(label.startswith("推测") for _, label in page.context["form"].fields[name].choices)
    assert html.count("可能是：") == 1

    # Sent without reading: the guess goes nowhere and teaches nothing.
    client.post(url, confirm_form(client, url))
    report = Report.objects.get(unit=unit, year=2024)
    assert not IndicatorValue.objects.filter(report=report, indicator=training).exists()
    training.refresh_from_db()
    assert "安全生产执法技能培训" not in training.alias_list


def test_adopting_the_guess_puts_the_value_on_the_sheet_and_teaches_the_wording(
    client, staff, unit, district, national
):
    client.force_login(staff)
    url = confirm_url(upload(client, unit, text=GUESSED))
    name, match = figure_rows(client.get(url))["6场"]
    client.post(url, confirm_form(client, url, **{name: str(match.guess.pk)}))
    training = Indicator.objects.get(district=district, code="law_training")
    value = IndicatorValue.objects.get(report__unit=unit, report__year=2024, indicator=training)
    assert value.value == 6
    training.refresh_from_db()
    assert "安全生产执法技能培训" in training.alias_list
    # The next report that writes it so has the value found by the alias, no longer guessed.
    page = client.get(confirm_url(upload(client, unit, text=GUESSED, year=2023)))
    assert training in [s.indicator for _, s, *_ in page.context["values"]]
    assert "6场" not in figure_rows(page)


def test_no_guess_for_an_indicator_the_text_already_fills(district, national):
    indicators = list(Indicator.objects.for_year(district, 2024))
    alone = preview_import(GUESSED, indicators)
    assert [m.guess.code for m in alone.unmatched if m.guess] == ["law_training"]
    # "开展法治培训3次" gives law_training its value: guessing it again for 6场 would ask the user to drop one.
    filled = preview_import(GUESSED.replace("。召开", "。开展法治培训3次。召开"), indicators)
    assert [s.indicator.code for s in filled.suggestions] == ["law_training"]
    assert [m.figure.text for m in filled.unmatched] == ["6场", "12次"]
    assert not any(m.guess for m in filled.unmatched)


# The wording "记住这个说法" teaches, as the user corrects it -------------------------------------------------

# Another report of the district, writing the training as the user shortened it, not as the first one did.
SHORTENED = "关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n开展消防执法技能培训4场。\n"


def test_the_wording_as_corrected_is_taught_and_finds_the_next_reports_figure(
    client, staff, unit, district, national
):
    client.force_login(staff)
    url = confirm_url(upload(client, unit, text=GUESSED))
    page = client.get(url)
    name, _ = figure_rows(page)["6场"]
    html = page.content.decode()
    # The proposed wording in a box of its own, labelled, under the ticked "记住这个说法".
    assert page.context["form"][f"{name}-phrase"].value() == "安全生产执法技能培训"
    assert page.context["form"][f"{name}-teach"].value() is True
    assert f'<label class="visually-hidden" for="id_{name}-phrase">“6场”要记住的说法</label>' in html
    assert f'name="{name}-phrase" value="安全生产执法技能培训"' in html
    assert "记住这个说法（安全生产执法技能培训）" not in html  # the box's, no longer fixed in the label
    training = Indicator.objects.get(district=district, code="law_training")
    response = client.post(
        url, confirm_form(client, url, **{name: str(training.pk), f"{name}-phrase": "\u3000执法技能培训 "})
    )
    assert response.status_code == 302
    assert IndicatorValue.objects.get(report__unit=unit, report__year=2024, indicator=training).value == 6
    training.refresh_from_db()
    assert training.alias_list[-1] == "执法技能培训"
    assert "安全生产执法技能培训" not in training.alias_list
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.CATALOGUE_CHANGE,
        detail=f"导入时为指标“{training.name}”增加说法：执法技能培训",
    ).exists()
    # The next report names the training otherwise; the shortened wording finds its figure all the same.
    page = client.get(confirm_url(upload(client, unit, text=SHORTENED, year=2023)))
    [found] = [s for _, s, *_ in page.context["values"] if s.indicator == training]
    assert (found.figure_text, found.phrase) == ("4场", "执法技能培训")
    assert "4场" not in figure_rows(page)


@pytest.mark.parametrize(
    ("wording", "message"),
    [
        ("", "请填写要记住的说法（原文中指标的说法），或取消勾选“记住这个说法”。"),
        ("安全生产执法技能培训" * 4, "要记住的说法不能超过30个字，现在有40个字"),
        ("执法技能培训6场", "要记住的说法不能含数字（含数字的说法只能找到这一个数）"),
        ("执法规范化培训", "要记住的说法须是原文中的文字，如“执法规范化培训”"),
        ("训", "要记住的说法至少要有两个字"),
    ],
)
def test_a_wording_that_cannot_be_taught_is_refused_with_a_message_keeping_everything_typed(
    client, staff, unit, district, national, wording, message
):
    client.force_login(staff)
    url = confirm_url(upload(client, unit, text=GUESSED))
    rows = figure_rows(client.get(url))
    training_field, meetings_field = rows["6场"][0], rows["12次"][0]
    training = Indicator.objects.get(district=district, code="law_training")
    aliases = training.aliases
    typed = {
        "kind-0": "achievements",
        training_field: str(training.pk),
        f"{training_field}-phrase": wording,
        f"{meetings_field}-phrase": "相关工作会议",  # another figure's wording, edited, not added
        f"{meetings_field}-teach": False,
    }
    response = client.post(url, confirm_form(client, url, **typed))
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert f'aria-describedby="id_{training_field}-phrase_error"' in html
    assert not Report.objects.exists()
    training.refresh_from_db()
    assert training.aliases == aliases
    form = response.context["form"]
    for key, value in typed.items():
        assert form[key].value() == value, key
    assert form[f"{training_field}-teach"].value() is True
    assert f'name="{meetings_field}-phrase" value="相关工作会议"' in html
    if wording:
        assert f'name="{training_field}-phrase" value="{wording}"' in html


def test_an_unticked_box_teaches_nothing_and_a_wording_not_taught_is_not_checked(
    client, staff, unit, district, national
):
    client.force_login(staff)
    url = confirm_url(upload(client, unit, text=GUESSED))
    rows = figure_rows(client.get(url))
    training_field, meetings_field = rows["6场"][0], rows["12次"][0]
    training = Indicator.objects.get(district=district, code="law_training")
    aliases = training.aliases
    data = confirm_form(
        client,
        url,
        **{
            training_field: str(training.pk),
            f"{training_field}-teach": False,
            f"{training_field}-phrase": "执法技能培训6场",  # would be refused if taught
            f"{meetings_field}-phrase": "",  # ticked, but the figure is not added
        },
    )
    assert f"{training_field}-teach" not in data  # as a browser sends an unticked box
    assert client.post(url, data).status_code == 302
    assert IndicatorValue.objects.get(report__unit=unit, report__year=2024, indicator=training).value == 6
    training.refresh_from_db()
    assert training.aliases == aliases
    assert not AuditEntry.objects.filter(
        action=AuditEntry.Action.CATALOGUE_CHANGE, detail__contains="导入时"
    ).exists()


def test_a_wording_is_words_of_the_sentence_with_its_spaces_made_one():
    sentence = "坚持把习近平法治思想作为党委理论学习中心组学习的重要内容和领导干部教育培训的重点课程，组织执法 规范化培训6场"
    assert normalise_wording(" 执法\u3000\n 规范化培训 ") == "执法 规范化培训"
    assert wording_problem(normalise_wording("执法  规范化培训"), sentence) is None
    assert wording_problem(sentence[:30], sentence) is None  # the longest a wording may be
    assert "不能超过30个字，现在有31个字" in wording_problem(sentence[:31], sentence)
    assert "须是原文中的文字" in wording_problem("执法规范化培训", sentence)  # the text has a space in it
    assert "须是原文中的文字" in wording_problem("党委(理论)学习", sentence)


# bench/figures_in_use.py teaches as the preview's one click does ------------------------------------------

TAUGHT = (
    "关于2025年法治政府建设情况的报告\n一、主要举措和成效\n开展“典亮校园”活动5次，召开法治建设专题会议2次。\n"
)


def test_the_bench_teaches_the_phrase_the_previews_one_click_teaches(client, staff, unit, district, national):
    indicators = list(Indicator.objects.for_year(district, 2025))
    # "专题会议2次" is found; the campaign is offered, and taught to the indicator the user picks.
    [(indicator, phrase)] = preview_teaching(TAUGHT, indicators, ["publicity_events", "rule_of_law_meetings"])
    assert indicator.code == "publicity_events"
    client.force_login(staff)
    url = confirm_url(upload(client, unit, text=TAUGHT, year=2025))
    name, _ = figure_rows(client.get(url))["5次"]
    client.post(url, confirm_form(client, url, **{name: str(indicator.pk)}))  # 记住这个说法 ticked
    indicator.refresh_from_db()
    assert indicator.alias_list[-1] == phrase.strip()
    assert IndicatorValue.objects.get(report__unit=unit, indicator=indicator).value == 5


def test_the_bench_teaches_nothing_for_a_figure_the_preview_does_not_offer(district, national):
    indicators = list(Indicator.objects.for_year(district, 2025))
    # Given a wrong indicator, the figure is no unmatched one: the user drops the value, teaching nothing.
    assert preview_teaching(TAUGHT, indicators, ["publicity_events", "legality_reviews"])[1:] == []
    # A figure in 件次 offers no indicator kept in 份: nothing to teach.
    text = "关于2025年法治政府建设情况的报告\n一、主要举措和成效\n组织法律顾问把关136件次。\n"
    assert preview_teaching(text, indicators, ["contract_reviews"]) == []


def test_a_two_character_wording_starts_unticked_and_a_longer_one_ticked(district, national):
    """ "文件" or "参加" names many things: one careless click must not teach it (bench/figures_in_use.py)."""
    text = "全年审查文件1800余件。开展案例教学6场。"
    short, longer = preview_import(text, Indicator.objects.filter(district=district)).unmatched
    assert (short.phrase, taught_by_default(short)) == ("文件", False)
    assert (longer.phrase, taught_by_default(longer)) == ("案例教学", True)


def test_a_review_counted_in_documents_may_go_on_the_reviews_kept_in_jian(district, national):
    text = "审查区重点项目征收补偿决定42份。"
    (figure,) = preview_import(text, Indicator.objects.filter(district=district)).unmatched
    choices = figure_choices(figure, Indicator.objects.filter(district=district))
    assert "legality_reviews" in [indicator.code for indicator in choices]
    assert "reconsideration_cases" not in [indicator.code for indicator in choices]  # cases are not reviews


# Study and meetings are confirmed, not kept by default ----------------------------------------------------

TO_CONFIRM = (
    "关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n"
    "全年组织中心组学法6次，召开法治建设专题会议2次，办理行政复议案件3件。\n"
)


def test_the_national_catalogue_marks_study_and_meetings_to_confirm_on_import(district, national):
    marked = set(
        Indicator.objects.filter(district=district, confirm_on_import=True).values_list("code", flat=True)
    )
    assert marked == {"central_group_study", "cadre_study", "pre_meeting_study", "rule_of_law_meetings"}


def test_a_study_or_meeting_value_is_listed_unticked_with_a_reason_and_kept_only_when_ticked(
    client, staff, unit, district, national
):
    client.force_login(staff)
    url = confirm_url(upload(client, unit, text=TO_CONFIRM, year=2024))
    page = client.get(url)
    rows = {s.indicator.code: (field.value(), confirm) for field, s, _, _, confirm in page.context["values"]}
    assert rows == {
        "central_group_study": (False, True),
        "rule_of_law_meetings": (False, True),
        "reconsideration_cases": (True, False),
    }
    assert page.content.decode().count("请核对后勾选：") == 2
    study = Indicator.objects.get(district=district, code="central_group_study")
    client.post(url, confirm_form(client, url, **{f"keep-{study.pk}": "on"}))
    kept = IndicatorValue.objects.filter(report__unit=unit, report__year=2024)
    assert {v.indicator.code: v.value for v in kept} == {"central_group_study": 6, "reconsideration_cases": 3}


def test_a_study_value_from_the_attachments_table_is_kept_as_any_other(district, national):
    study = Indicator.objects.get(district=district, code="central_group_study")
    text = TO_CONFIRM + f"附件\n主要指标统计表\n{study.name}\t8次\n"
    preview = preview_import(text, Indicator.objects.filter(district=district))
    [from_table] = [s for s in preview.suggestions if s.indicator == study]
    assert (from_table.value, preview.to_confirm) == (
        8,
        {Indicator.objects.get(code="rule_of_law_meetings").pk},
    )


def test_a_district_decides_which_indicators_are_confirmed_on_import(
    client, district, district_officer, national
):
    cases = Indicator.objects.get(district=district, code="reconsideration_cases")
    client.force_login(district_officer)
    url = reverse("district:indicator-edit", args=[2025, cases.pk])
    page = client.get(url)
    assert "导入时须核对" in page.content.decode()
    data = {name: page.context["form"][name].value() for name in page.context["form"].fields}
    data = {name: value for name, value in data.items() if value not in (None, False)}
    data["confirm_on_import"] = "on"
    assert client.post(url, data).status_code == 302
    cases.refresh_from_db()
    assert cases.confirm_on_import
    catalogue = client.get(reverse("district:catalogue", args=[2025])).content.decode()
    assert catalogue.count("导入须核对") == 5
