"""A staff member imports a published report pasted from a web page and corrects what was read in the
preview: a section's kind, an inline "一是…二是…" list split, a figure no wording matched put on the sheet
and its wording taught to the catalogue (issue 18)."""

import re
from pathlib import Path

from playwright.sync_api import expect

from indicators.catalogue import copy_national_catalogue
from indicators.models import Indicator, IndicatorValue
from reports.models import Item, Report
from tests.browser.conftest import ARTIFACTS, axe_violations
from tests.browser.test_writing_a_report import log_in

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def paste(page, name):
    page.goto("/reports/import/")
    page.get_by_label("年度").select_option(name[:4])
    page.get_by_label("或者粘贴报告全文").fill((CORPUS / name).read_text(encoding="utf-8"))
    page.get_by_role("button", name="识别报告结构").click()
    page.wait_for_url(re.compile(r"/reports/import/[-\w]+/$"))


def test_staff_correct_the_preview_of_a_published_report(page, staff, unit, district_officer, screenshot):
    copy_national_catalogue(unit.district, 2020, district_officer)
    log_in(page, staff)
    paste(page, "2024-xixing-jiedao.txt")

    section = page.locator(".import-section").first
    expect(section.get_by_label("类别")).to_have_value("measures_and_results")
    section.get_by_label("类别").select_option(label="工作成效")
    figure = page.locator(".import-figure").filter(has=page.locator(".figure-text", has_text="26次"))
    expect(figure).to_contain_text("党工委(扩大)会议")
    figure.get_by_label("“26次”加入指标表").select_option(label="法治建设专题会议（次）")
    expect(figure.get_by_label("记住这个说法", exact=True)).to_be_checked()
    expect(figure.get_by_label("“26次”要记住的说法")).to_have_value("党工委(扩大)会议")
    screenshot("figures")
    page.set_viewport_size({"width": 1366, "height": 768})
    page.screenshot(path=str(ARTIFACTS / "import-preview-1366.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(ARTIFACTS / "import-preview-390.png"), full_page=True)
    page.get_by_role("button", name="创建草稿").click()
    page.wait_for_url(re.compile(r"/reports/\d+/edit/"))

    report = Report.objects.get(unit=unit, year=2024)
    assert report.sections.get().kind == "achievements"
    meetings = Indicator.objects.get(district=unit.district, code="rule_of_law_meetings")
    assert IndicatorValue.objects.get(report=report, indicator=meetings).value == 26
    meetings.refresh_from_db()
    assert "党工委(扩大)会议" in meetings.alias_list


def test_staff_split_an_inline_list_and_drop_the_page_lines(page, staff, unit, screenshot):
    log_in(page, staff)
    paste(page, "2022-liuxia-jiedao.txt")
    lines = page.locator("#import-page-lines")
    expect(lines).to_contain_text("来源:留下街道 点击率:")
    expect(lines.get_by_label("删除这些网页信息行")).to_be_checked()
    split = page.locator(".import-split")
    expect(split).to_have_count(1)
    split.get_by_role("checkbox").check()
    screenshot("split")
    page.get_by_role("button", name="创建草稿").click()
    page.wait_for_url(re.compile(r"/reports/\d+/edit/"))

    report = Report.objects.get(unit=unit, year=2022)
    assert "点击率" not in report.preamble
    enumerated = Item.objects.filter(section__report=report, style="enumerated").order_by("position")
    assert enumerated.count() == 3
    assert enumerated.first().body.startswith("街道党政主要负责人认真履行")


def test_staff_adopt_the_guess_for_a_wording_the_catalogue_does_not_know(
    page, staff, unit, district_officer, screenshot
):
    """A district whose catalogue lacks "执法规范化培训" (as the national one did before batch 6) imports a
    report that writes it: the figure is unmatched, the fallback guesses 法治培训, the user adopts it, and
    corrects the wording to teach after the page refused one with the figure in it."""
    copy_national_catalogue(unit.district, 2020, district_officer)
    training = Indicator.objects.get(district=unit.district, code="law_training")
    training.aliases = "\n".join(a for a in training.alias_list if a != "执法规范化培训")
    training.save()
    log_in(page, staff)
    paste(page, "2024-longxi-zhen.txt")

    figure = page.locator(".import-figure").filter(has=page.locator(".figure-text", has_text="6场"))
    expect(figure.locator(".import-guess")).to_have_text("可能是：法治培训（请核对）采用推测")
    choice = figure.get_by_label("“6场”加入指标表")
    expect(choice).to_have_value("")  # not chosen for the user
    expect(page.locator(".import-guess")).to_have_count(1)
    figure.scroll_into_view_if_needed()
    screenshot("guess")
    assert axe_violations(page, context="#import-figures") == []
    figure.get_by_role("button", name="采用推测").click()
    expect(choice).to_have_value(str(training.pk))
    expect(figure.get_by_role("button", name="已采用")).to_be_disabled()
    expect(figure.get_by_label("记住这个说法", exact=True)).to_be_checked()
    wording = figure.get_by_label("“6场”要记住的说法")
    expect(wording).to_have_value("执法规范化培训")
    choice.select_option("")  # changing one's mind gives the button back
    expect(figure.get_by_role("button", name="采用推测")).to_be_enabled()
    figure.get_by_role("button", name="采用推测").click()
    screenshot("guess-adopted")
    # A wording with the figure in it is refused, and the page comes back with everything as chosen.
    wording.fill("组织执法规范化培训6场")
    page.get_by_role("button", name="创建草稿").click()
    figure = page.locator(".import-figure").filter(has=page.locator(".figure-text", has_text="6场"))
    expect(figure).to_contain_text("要记住的说法不能含数字")
    expect(figure.get_by_label("“6场”加入指标表")).to_have_value(str(training.pk))
    expect(figure.get_by_role("button", name="已采用")).to_be_disabled()
    expect(figure.get_by_label("记住这个说法", exact=True)).to_be_checked()
    wording = figure.get_by_label("“6场”要记住的说法")
    expect(wording).to_have_value("组织执法规范化培训6场")
    figure.scroll_into_view_if_needed()
    screenshot("wording-refused")
    assert axe_violations(page, context="#import-figures") == []
    assert not Report.objects.exists()
    wording.fill("执法规范化培训")
    page.get_by_role("button", name="创建草稿").click()
    page.wait_for_url(re.compile(r"/reports/\d+/edit/"))

    report = Report.objects.get(unit=unit, year=2024)
    assert IndicatorValue.objects.get(report=report, indicator=training).value == 6
    training.refresh_from_db()
    assert "执法规范化培训" in training.alias_list
