"""Three people take a report from draft to accepted in the browser (issue: review and approval)."""

from playwright.sync_api import expect

from reports.models import Report
from tests.browser.test_writing_a_report import log_in
from tests.editor_helpers import add_section
from tests.workflow_helpers import make_submittable


def log_out(page):
    page.get_by_role("button", name="退出登录").click()
    page.wait_for_url("**/accounts/login/**")


def test_submit_return_with_a_comment_fix_resubmit_approve_accept(
    page, staff, leader, district_officer, report, screenshot
):
    section = add_section(report, items=2)
    make_submittable(
        report
    )  # what the check before submitting asks for (tests/browser/test_precheck_journey.py)
    first, second = section.items.all()

    # Staff submit the draft.
    log_in(page, staff)
    page.goto(f"/reports/{report.pk}/")
    page.get_by_role("button", name="提交审核").click()
    expect(page.locator("#report-status")).to_have_text("待审核")
    log_out(page)

    # The leader finds it waiting, comments on the second item and returns it.
    log_in(page, leader)
    page.get_by_role("link", name=f"{report.unit} {report.year}年度报告").first.click()
    item = page.locator(f"#item-{second.pk}")
    item.locator("summary", has_text="添加意见").click()
    item.get_by_label("添加意见").fill("请写明培训的具体次数。")
    item.get_by_role("button", name="发表意见").click()
    expect(page.locator(f"#item-{second.pk} .comment-body")).to_have_text("请写明培训的具体次数。")
    page.get_by_label("理由（必填）").fill("有一处需要补充，见意见。")
    page.get_by_role("button", name="退回修改").click()
    expect(page.locator("#report-status")).to_have_text("已退回")
    screenshot("returned")
    log_out(page)

    # Staff see the comment beside the item in the editor, fix the text, resolve it, resubmit.
    log_in(page, staff)
    expect(page.locator("#waiting")).to_contain_text("被退回、待修改的报告")
    page.goto(f"/reports/{report.pk}/edit/")
    card = page.locator(f"#item-{second.pk}")
    expect(card.locator(".editor-comment")).to_contain_text("请写明培训的具体次数。")
    screenshot("comment-in-editor")
    card.get_by_label("正文").fill("全年开展培训12次。")
    card.get_by_role("button", name="已修改，标记为已解决").click()
    expect(page.locator(f"#item-{second.pk} .editor-comment")).to_have_count(0)
    page.get_by_role("link", name="审核与提交").click()
    page.get_by_role("button", name="提交审核").click()
    expect(page.locator("#report-status")).to_have_text("待审核")
    log_out(page)

    # The leader sees exactly that change, then approves.
    log_in(page, leader)
    page.goto(f"/reports/{report.pk}/")
    page.get_by_role("link", name="与我上次审核的版本对比").click()
    expect(page.locator(".diff-part")).to_have_count(1)
    # Character by character: "正文2。" became "全年开展培训12次。", keeping the "2" and the "。".
    expect(page.locator(".diff-part del").first).to_have_text("正文")
    expect(page.locator(".diff-part ins").first).to_have_text("全年开展培训1")
    expect(page.locator(".diff-part")).to_contain_text("正文全年开展培训12次。")
    screenshot("diff")
    page.get_by_role("link", name="审核与意见").click()
    page.get_by_role("button", name="审核通过").click()
    expect(page.locator("#report-status")).to_have_text("已审核")
    log_out(page)

    # The district office accepts it.
    log_in(page, district_officer)
    expect(page.locator("#waiting")).to_contain_text(f"{report.unit} {report.year}年度报告")
    page.goto(f"/reports/{report.pk}/")
    page.get_by_role("button", name="区级接收").click()
    expect(page.locator("#report-status")).to_have_text("区级已接收")
    page.get_by_role("link", name="历史记录").click()
    for text in ["提交审核", "退回修改", "审核通过", "区级接收"]:
        expect(page.locator("#history")).to_contain_text(text)
    screenshot("history")
    log_out(page)

    # Now nobody can edit it.
    log_in(page, staff)
    response = page.goto(f"/reports/{report.pk}/edit/")
    assert response.status == 403
    expect(page.get_by_text("内容已锁定")).to_be_visible()
    assert Report.objects.get(pk=report.pk).status == Report.Status.ACCEPTED
    first.refresh_from_db()
    assert first.body == "正文1。"
