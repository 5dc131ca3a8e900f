"""Staff bring back the text they submitted (issue 15, snapshots): history → the snapshot as a document →
compared with the current text → restored after a confirmation → the editor shows the restored text."""

from playwright.sync_api import expect

from reports import workflow
from reports.models import Item, Report
from tests.browser.conftest import axe_violations, describe_violations
from tests.browser.test_writing_a_report import log_in
from tests.editor_helpers import add_section
from tests.workflow_helpers import submit


def _no_serious_violations(page, context):
    # Within this feature's own part of the page: the shared navigation's grey buttons are issue 15.14's.
    found = axe_violations(page, context=context)
    serious = [v for v in found if v["impact"] in ("serious", "critical")]
    assert not serious, describe_violations(serious)


def test_staff_view_compare_and_restore_a_snapshot(page, staff, leader, report, screenshot):
    section = add_section(report, items=2)
    first = section.items.get(position=0)
    submit(staff, Report.objects.get(pk=report.pk))
    workflow.perform(leader, Report.objects.get(pk=report.pk), "return", "请再核对一遍。")
    Item.objects.filter(pk=first.pk).update(body="改坏了的正文。")  # the draft changed after the return
    Report.objects.filter(pk=report.pk).update(version=report.version + 5)

    log_in(page, staff)
    page.goto(f"/reports/{report.pk}/history/")
    rows = page.locator("#snapshots .snapshot-row")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("提交审核时的内容")
    screenshot("history")
    _no_serious_violations(page, "#snapshots")

    rows.first.get_by_role("link", name="查看").click()
    expect(page.locator("#snapshot-note")).to_contain_text("不是报告的当前内容")
    expect(page.locator("article.sheet")).to_contain_text("正文1。")
    expect(page.locator("article.sheet")).not_to_contain_text("改坏了的正文。")
    screenshot("snapshot-document")
    _no_serious_violations(page, "body")

    page.get_by_role("link", name="与当前内容对比").click()
    expect(page.locator(".diff-part del").first).to_contain_text("1")
    expect(page.locator(".diff-part")).to_contain_text("改坏了的")
    screenshot("snapshot-changes")

    page.get_by_role("link", name="恢复此快照").click()
    expect(page.locator("#restore-warning")).to_contain_text("确定要把报告恢复为")
    screenshot("restore-confirm")
    _no_serious_violations(page, "main form, #restore-warning")
    page.get_by_role("button", name="确认恢复").click()
    page.wait_for_url(f"**/reports/{report.pk}/edit/")
    expect(page.locator(".alert-success")).to_contain_text("保存的快照。恢复前的内容已另存为快照")
    expect(page.get_by_label("正文").first).to_have_value("正文1。")
    screenshot("restored-in-editor")

    page.goto(f"/reports/{report.pk}/history/")
    expect(page.locator("#snapshots .snapshot-row")).to_have_count(2)  # the replaced text, kept
    expect(page.locator("#snapshots .snapshot-row").first).to_contain_text("恢复快照前的内容")
    expect(page.locator("#history")).to_contain_text("恢复快照")


def test_a_leader_views_a_submitted_reports_snapshots_and_cannot_restore_them(
    page, staff, leader, report, screenshot
):
    add_section(report, items=1)
    submit(staff, Report.objects.get(pk=report.pk))
    log_in(page, leader)
    page.goto(f"/reports/{report.pk}/history/")
    row = page.locator("#snapshots .snapshot-row")
    expect(row).to_have_count(1)
    expect(row.get_by_role("link", name="恢复")).to_have_count(0)  # submitted: the content is locked
    screenshot("leader-history")
    row.get_by_role("link", name="查看").click()
    expect(page.locator("article.sheet")).to_contain_text("正文1。")
    expect(page.get_by_role("link", name="恢复此快照")).to_have_count(0)
    screenshot("leader-snapshot")
