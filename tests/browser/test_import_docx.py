"""A staff member brings last year's report in from Word, checks what was read, keeps the figures, and
takes the draft back out as Word (issue 7)."""

import re

import docx
from playwright.sync_api import expect

from indicators.demo_catalogue import install_catalogue
from reports.models import Report
from tests.browser.test_writing_a_report import YEAR, log_in
from tests.docx_helpers import seed_docx, seed_text


def test_staff_import_a_word_document_and_download_it_back(page, staff, unit, tmp_path, screenshot):
    install_catalogue(unit.district, first_year=2020)
    # The seed as an office's .docx: Word's "Title" and "Heading 1" styles, plain paragraphs; the year
    # made this report's year, the year chosen on the import page.
    text = seed_text().replace("2025", str(YEAR + 1)).replace("2024", str(YEAR))
    path = tmp_path / f"城西街道{YEAR}.docx"
    path.write_bytes(seed_docx(text))

    log_in(page, staff)
    page.get_by_role("link", name="导入Word/文本").click()
    page.get_by_label("年度").select_option(
        str(YEAR)
    )  # last year's report (the page offers the year reported on)
    page.get_by_label("上传文件").set_input_files(str(path))
    page.get_by_role("button", name="识别报告结构").click()
    page.wait_for_url(re.compile(r"/reports/import/[-\w]+/$"))

    # What was read, before anything is stored.
    head = page.locator("#import-head")
    expect(head).to_contain_text("中共黔江区城西街道工作委员会")
    expect(head).to_contain_text("黔江区人民政府城西街道办事处")
    expect(page.locator("#import-title")).to_have_text(f"关于{YEAR}年度法治政府建设情况的报告")
    sections = page.locator(".import-section")
    expect(sections).to_have_count(4)
    expect(sections.nth(0)).to_contain_text("一、工作成效")
    expect(sections.nth(1)).to_contain_text("二、主要举措")
    expect(sections.nth(1).locator(".item-label")).to_have_text(
        ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）"]
    )
    expect(sections.nth(1).locator(".item-heading").first).to_have_text("高度重视，落实责任。")
    expect(sections.nth(3).locator(".item-label")).to_have_text(["一是", "二是", "三是"])
    values = page.locator(".import-value")
    screened = values.filter(has=page.get_by_text("排查矛盾纠纷", exact=True))
    expect(screened).to_contain_text("1705件")
    expect(screened.locator("mark")).to_have_text("排查矛盾纠纷1705件")
    suggested = values.count()
    assert suggested > 30
    assert not Report.objects.exists()
    screenshot("confirm")

    # Every suggested figure comes ticked but study and meetings (often another body's), which say why;
    # the user reads their sentences and ticks them too. The draft is created and opens in the editor.
    to_confirm = page.locator(".import-value-to-confirm")
    expect(to_confirm).to_have_count(2)
    expect(to_confirm.first).to_contain_text("请核对后勾选")
    expect(values.locator("input[type=checkbox]:checked")).to_have_count(suggested - 2)
    for row in to_confirm.all():
        row.locator("input[type=checkbox]").check()
    page.get_by_role("button", name="创建草稿").click()
    page.wait_for_url(re.compile(r"/reports/\d+/edit/"))
    expect(page.get_by_text("已导入")).to_be_visible()
    report = Report.objects.get(unit=unit, year=YEAR)
    assert report.indicator_values.count() == suggested
    assert report.sections.count() == 4

    # And back out as Word, from the list of reports.
    page.goto("/")
    row = page.locator("#report-list tr", has_text=f"关于{YEAR}年度法治政府建设情况的报告")
    with page.expect_download() as download_info:
        row.get_by_role("link", name="Word").click()
    download = download_info.value
    assert download.suggested_filename == f"城西街道{YEAR}年度法治政府建设情况的报告.docx"
    document = docx.Document(download.path())
    texts = [p.text for p in document.paragraphs]
    assert f"关于{YEAR}年度法治政府建设情况的报告" in texts
    assert "二、主要举措" in texts
    assert "附件：主要指标统计表" in texts
    assert "草稿" in document.sections[0].header.paragraphs[0].text
    assert ["排查矛盾纠纷", "1705件"] in [[c.text for c in row.cells[:2]] for row in document.tables[0].rows]


def test_importing_over_a_draft_keeps_the_figures_typed_in_the_sheet(page, staff, unit, tmp_path, screenshot):
    """Issue 15.5: 1705, 1万余 and 不适用 typed in the sheet were gone after importing over the draft."""
    from indicators.models import Indicator, IndicatorValue

    install_catalogue(unit.district, first_year=2020)
    draft = Report.objects.create(unit=unit, year=YEAR, title="原来的草稿")
    indicators = Indicator.objects.filter(district=unit.district)
    screened = indicators.get(code="disputes_screened")
    IndicatorValue.objects.create(report=draft, indicator=screened, value=1700)
    IndicatorValue.objects.create(
        report=draft, indicator=indicators.get(code="leaflets"), value=10000, qualifier="more_than"
    )
    IndicatorValue.objects.create(
        report=draft, indicator=indicators.get(code="major_decisions"), not_applicable=True
    )
    text = seed_text().replace("2025", str(YEAR + 1)).replace("2024", str(YEAR))
    path = tmp_path / f"城西街道{YEAR}.docx"
    path.write_bytes(seed_docx(text))

    log_in(page, staff)
    page.get_by_role("link", name="导入Word/文本").click()
    page.get_by_label("年度").select_option(str(YEAR))
    page.get_by_label("上传文件").set_input_files(str(path))
    page.get_by_role("button", name="识别报告结构").click()
    page.wait_for_url(re.compile(r"/reports/import/[-\w]+/$"))
    row = page.locator(".import-value").filter(has=page.get_by_text("排查矛盾纠纷", exact=True))
    expect(row.locator(".typed-value")).to_contain_text("指标表已填“1700件”，默认保留")
    expect(row.locator("input[type=checkbox]")).not_to_be_checked()
    leaflets = page.locator(".import-value").filter(has=page.get_by_text("发放宣传资料", exact=True))
    expect(leaflets).to_contain_text("已在表中")  # the same figure: nothing to choose
    row.scroll_into_view_if_needed()
    screenshot("typed-value-kept")
    page.get_by_label("覆盖已有的报告？旧版本保存在历史记录中").check()
    page.get_by_role("button", name="覆盖并保存为草稿").click()
    page.wait_for_url(re.compile(r"/reports/\d+/edit/"))

    values = {
        v.indicator.code: v.display
        for v in IndicatorValue.objects.filter(report=draft).select_related("indicator")
    }
    assert values["disputes_screened"] == "1700件"
    assert values["leaflets"] == "10000余份"
    assert values["major_decisions"] == "不适用"
    assert len(values) > 30  # the figures for the empty indicators were added
