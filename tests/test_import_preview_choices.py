"""The import preview's choices on real reports: each section's kind, inline lists split, the web page's
lines dropped, a default title asked for, an unmatched figure put on the sheet with its wording taught to
the district's catalogue; and the district copying the default national catalogue."""

from pathlib import Path

import pytest
from django.urls import reverse

from indicators.catalogue import copy_national_catalogue, teach_alias
from indicators.models import Indicator, IndicatorValue
from indicators.national_catalogue import NATIONAL_CATALOGUE
from reports.importing.preview import preview_import
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
    assert meetings in [s.indicator for _, s, _, _ in client.get(url).context["values"]]


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
    study = Indicator.objects.get(district=district, code="central_group_study")  # already has 14次
    response = client.post(url, confirm_form(client, url, **{keys[0]: str(study.pk)}))
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
    assert training in [s.indicator for _, s, _, _ in page.context["values"]]
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
