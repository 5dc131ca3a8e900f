"""The district office's year in the browser (issue 6): the dashboard, overdue units, accepting from a
row, the ZIP of all reports, the combined volume, the indicator matrix, a chart and the Excel export."""

import io
import zipfile

import openpyxl
from playwright.sync_api import expect
from pypdf import PdfReader

from reports import workflow
from reports.models import Report, Unit
from tests.browser.test_writing_a_report import log_in
from tests.district_helpers import indicator, report_in, value
from tests.editor_helpers import add_section
from tests.jobs_helpers import run_queued_jobs
from tests.workflow_helpers import submit

YEAR = 2025


def downloaded(page, selector):
    with page.expect_download() as info:
        page.locator(selector).click()
    download = info.value
    return download.suggested_filename, download.path().read_bytes()


def test_the_district_office_follows_the_year_and_compares_the_units(
    page, district, unit, other_unit, staff, leader, district_officer, report, screenshot
):
    # 城西 submitted and approved through the workflow (its PDF is stored), 城东 accepted, 濯水镇 still a
    # draft, 石会镇 not started; the deadline (1 March 2026) has passed.
    Unit.objects.filter(pk=unit.pk).update(position=1)
    Unit.objects.filter(pk=other_unit.pk).update(position=2)
    town = Unit.objects.create(
        code="zhuoshui", name="黔江区濯水镇", short_name="濯水镇", kind="town", parent=district, position=3
    )
    Unit.objects.create(
        code="shihui", name="黔江区石会镇", short_name="石会镇", kind="town", parent=district, position=4
    )
    add_section(report, items=3)
    submit(staff, report)
    workflow.perform(leader, report, "approve")
    accepted = report_in(other_unit, YEAR, Report.Status.ACCEPTED)
    add_section(accepted, items=20)
    report_in(town, YEAR, Report.Status.DRAFT)
    trainees = indicator(district, "trainees", "法治培训", unit="人次")
    value(report, trainees, 400, "more_than")
    value(accepted, trainees, 12)
    value(report_in(unit, YEAR - 1, Report.Status.ACCEPTED), trainees, 300)  # for the line over the years

    log_in(page, district_officer)
    page.get_by_role("link", name="区级工作台").click()
    expect(page.locator("#district-nav")).to_be_visible()
    page.goto(f"/district/{YEAR}/")
    expect(page.locator("#counts")).to_contain_text("2/4 已提交")
    expect(page.locator("#dashboard tbody tr")).to_have_count(4)
    screenshot("dashboard")

    # The overdue units: the draft and the one not started.
    page.get_by_label("状态").select_option(label="逾期")
    page.get_by_role("button", name="筛选").click()
    rows = page.locator("#dashboard tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_have_attribute("data-unit", "zhuoshui")
    expect(rows.nth(1)).to_have_attribute("data-unit", "shihui")
    expect(rows.nth(0)).to_contain_text("已逾期")
    screenshot("overdue")

    # Accept 城西 from its row.
    page.goto(f"/district/{YEAR}/")
    page.locator('tr[data-unit="chengxi"]').get_by_role("button", name="区级接收").click()
    # Back on the dashboard, which says so and shows the new status in the row.
    expect(page.get_by_role("alert")).to_contain_text("城西街道")
    expect(page.locator('tr[data-unit="chengxi"]')).to_contain_text("区级已接收")

    # Every delivered report in one ZIP, named by unit: asked for, made by a background job while its
    # status page follows it, then offered.
    page.locator("#download-zip").click()
    expect(page.locator("#file-message")).to_contain_text("正在排队等候生成ZIP（共2份报告）")
    screenshot("zip-queued")
    assert run_queued_jobs() == 1
    expect(page.locator("#file-message")).to_contain_text("ZIP已生成（2份报告")
    name, data = downloaded(page, "#file-download")
    assert name == "黔江区2025年度法治政府建设情况报告.zip"
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.namelist() == [
        "城西街道2025年度法治政府建设情况的报告.pdf",
        "城东街道2025年度法治政府建设情况的报告.pdf",
    ]
    assert archive.read(archive.namelist()[0]) == report.stored_pdfs.get().file.open("rb").read()

    # The combined volume: cover, contents, a bookmark per unit, pages numbered on. Once made, asking
    # again gives the stored file at once.
    page.goto(f"/district/{YEAR}/")
    page.locator("#download-volume").click()
    expect(page.locator("#file-message")).to_contain_text("汇编")
    assert run_queued_jobs() == 1
    expect(page.locator("#file-download")).to_be_visible()
    screenshot("volume-ready")
    page.goto(f"/district/{YEAR}/")
    name, data = downloaded(page, "#download-volume")
    assert name == "黔江区2025年度法治政府建设情况报告汇编.pdf"
    volume = PdfReader(io.BytesIO(data))
    units = [item.title for item in volume.outline if not isinstance(item, list)]
    assert units == ["目录", "城西街道", "城东街道"]
    second_unit = next(i for i in volume.outline if not isinstance(i, list) and i.title == "城东街道")
    assert len(volume.pages) >= 2 + 2 + 2 and len(volume.pages) % 2 == 0
    assert volume.get_destination_page_number(second_unit) % 2 == 0  # a right-hand page after the front
    assert "城东街道" in volume.pages[1].extract_text()

    # The matrix, then one indicator's chart.
    page.locator("#district-nav").get_by_role("link", name="指标汇总").click()
    totals = page.locator("#totals")
    expect(totals).to_contain_text("412余")
    screenshot("matrix")
    page.locator("#matrix thead").get_by_role("link", name="法治培训").click()
    expect(page.locator("#bar-chart svg")).to_be_visible()
    expect(page.locator("#bar-chart svg")).to_contain_text("400余人次")
    expect(page.locator("#line-chart svg polyline")).to_be_visible()
    expect(page.locator("#line-chart svg")).to_contain_text("412余人次")
    screenshot("chart")

    # Excel export, read back.
    page.go_back()
    name, data = downloaded(page, "#export-xlsx")
    assert name == "黔江区2025年度指标汇总.xlsx"
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert [c.value for c in sheet[1]][:4] == ["单位", "类型", "报告状态", "法治培训（人次）"]
    assert (sheet["A2"].value, sheet["D2"].value, sheet["D2"].number_format) == ("城西街道", 400, '0"余"')


def test_the_year_set_up_saves_the_copied_outline_and_the_deadline_together(
    page, district, district_officer, screenshot
):
    """Issue 15 #10: saving the deadline used to discard the outline edits typed on the same page."""
    log_in(page, district_officer)
    page.goto(f"/district/{YEAR}/setup/")
    page.locator("#copy-outline").click()
    page.fill("#id_outline-0-heading", "2025年推进法治政府建设的主要举措和成效（区定）")
    page.click("button[name=add_row]")
    expect(page.locator("#id_outline-0-heading")).to_have_value(
        "2025年推进法治政府建设的主要举措和成效（区定）"
    )
    page.fill("#id_outline-7-heading", "新增的部分")
    page.fill("#id_deadline", "2026-02-15")
    page.click("#save-setup")
    expect(page.locator(".alert-success").first).to_contain_text("截止日期已设为2026-02-15")
    screenshot("year-setup-saved")
    expect(page.locator("#id_outline-0-heading")).to_have_value(
        "2025年推进法治政府建设的主要举措和成效（区定）"
    )
    headings = [page.locator(f"#id_outline-{n}-heading").input_value() for n in range(6)]
    added = headings.index("新增的部分")
    expect(page.locator(f"#id_outline-{added}-kind")).to_have_value("other")
