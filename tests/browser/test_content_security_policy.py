"""Issue 14: the app's main pages in Chromium under its Content-Security-Policy. The browser reports every
refused script, handler or style (a `securitypolicyviolation` event and a console error); none may come,
and what the moved scripts do still works: autosave, the confirmations, the download progress, a file's
status page. tests/test_security_headers.py checks the HTML of every page."""

import re

import pytest
from playwright.sync_api import expect

from indicators.models import Indicator
from reports import workflow
from reports.models import Item, Report, Section
from tests.browser.test_writing_a_report import item_cards, log_in
from tests.district_helpers import indicator, report_in
from tests.editor_helpers import add_section
from tests.jobs_helpers import run_queued_jobs
from tests.workflow_helpers import submit

YEAR = 2025
# Recorded by the page itself before any of its own scripts run (Playwright's init script is not subject to
# the page's policy).
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + (event.blockedURI || "inline") + " " + event.sample);
});
"""


@pytest.fixture
def watched(page):
    """The page, with every CSP violation and console error it reports collected."""
    console = []
    page.on(
        "console",
        lambda message: console.append(message.text) if message.type in ("error", "warning") else None,
    )
    page.context.add_init_script(WATCH)

    def violations():
        seen = page.evaluate("window.__violations || []")
        return seen + [text for text in console if "Content Security Policy" in text or "Refused to" in text]

    page.violations = violations
    return page


def no_violations(page, where):
    assert page.violations() == [], where


def test_the_editor_autosaves_and_asks_before_deleting_under_the_policy(watched, staff, report, screenshot):
    page = watched
    section = Section.objects.create(report=report, position=0, heading="主要举措")
    Item.objects.create(section=section, position=0, heading="要删除的条目。", body="正文")
    log_in(page, staff)
    no_violations(page, "home")
    page.goto(f"/reports/{report.pk}/edit/")
    response = page.request.get(f"/reports/{report.pk}/edit/")
    assert "script-src 'self'" in response.headers["content-security-policy"]

    page.get_by_label("导语").fill("现将有关情况报告如下：")
    expect(page.locator("#save-state")).to_have_text("有未保存的修改")
    page.locator("#editor-form").dispatch_event("autosave-now")
    expect(page.locator("#save-state")).to_contain_text("已自动保存")
    report.refresh_from_db()
    assert report.preamble == "现将有关情况报告如下："

    # The confirmation (data-confirm, asked by static/js/app.js): "no" keeps the item, "yes" deletes it.
    messages = []
    page.once("dialog", lambda dialog: (messages.append(dialog.message), dialog.dismiss()))
    item_cards(page).first.get_by_role("button", name="删除").click()
    page.wait_for_timeout(300)
    assert messages == ["确定删除这一条吗？删除后可以撤销。"]
    expect(item_cards(page)).to_have_count(1)
    page.once("dialog", lambda dialog: dialog.accept())
    item_cards(page).first.get_by_role("button", name="删除").click()
    page.wait_for_load_state()
    expect(item_cards(page)).to_have_count(0)
    screenshot("editor")
    no_violations(page, "editor")

    page.goto(f"/reports/{report.pk}/indicators/")
    page.goto(f"/reports/{report.pk}/preview/")
    expect(page.locator(".sheet")).to_be_visible()
    no_violations(page, "sheet, preview")
    page.goto(f"/reports/{report.pk}/")
    page.goto(f"/reports/{report.pk}/history/")
    page.goto("/notices/")
    page.goto("/reports/import/")
    page.goto("/reports/999999/")  # the 404 page
    expect(page.get_by_text("找不到这个页面")).to_be_visible()
    no_violations(page, "detail, history, notices, import, 404")


def test_the_district_pages_and_a_files_status_page_under_the_policy(
    watched, district, unit, other_unit, staff, leader, district_officer, report, screenshot
):
    page = watched
    add_section(report, items=2)
    submit(staff, report)
    workflow.perform(leader, report, "approve")
    add_section(report_in(other_unit, YEAR, Report.Status.ACCEPTED), items=3)
    trainees = indicator(district, "trainees", "法治培训", unit="人次")
    log_in(page, district_officer)

    page.goto(f"/district/{YEAR}/")
    expect(page.locator("#dashboard tbody tr")).to_have_count(2)
    no_violations(page, "dashboard")
    screenshot("dashboard")

    # A file's status page: the progress bar drawn by a class, then moved by static/js/file-status.js.
    page.locator("#download-zip").click()
    expect(page.locator("#file-message")).to_contain_text("正在排队等候生成ZIP")
    bar = page.locator("#file-status .progress-bar")
    assert re.search(r"\bprogress-step-0\b", bar.get_attribute("class"))
    assert run_queued_jobs() == 1
    expect(page.locator("#file-download")).to_be_visible()
    screenshot("file-status")
    no_violations(page, "file status")

    page.goto(f"/district/{YEAR}/indicators/")
    expect(page.locator("#totals")).to_be_visible()
    sticky = page.locator("#matrix tbody td").first.evaluate("cell => getComputedStyle(cell).position")
    assert sticky == "sticky"  # the matrix's style, moved from a <style> block to static/css/app.css
    screenshot("matrix")
    page.goto(f"/district/{YEAR}/indicators/{trainees.pk}/")
    expect(page.locator("#bar-chart svg")).to_be_visible()
    no_violations(page, "matrix, chart")

    # Retiring an indicator asks first; "no" leaves it in use.
    page.goto(f"/district/{YEAR}/catalogue/")
    row = page.locator('tr[data-code="trainees"]')
    messages = []
    page.once("dialog", lambda dialog: (messages.append(dialog.message), dialog.dismiss()))
    row.get_by_role("button", name="停用").click()
    page.wait_for_timeout(300)
    assert messages == [f"自{YEAR}年度起停用“法治培训”？"]
    assert Indicator.objects.get(pk=trainees.pk).last_year is None
    page.once("dialog", lambda dialog: dialog.accept())
    row.get_by_role("button", name="停用").click()
    page.wait_for_load_state()
    expect(page.locator('tr[data-code="trainees"]')).to_have_count(0)
    screenshot("catalogue")
    no_violations(page, "catalogue")
    page.goto(f"/district/{YEAR}/setup/")
    no_violations(page, "setup")


def test_the_admin_and_the_login_page_under_the_policy(watched, django_user_model):
    page = watched
    django_user_model.objects.create_superuser("root", "root@example.com", "test-pass-123")
    page.goto("/accounts/login/")
    no_violations(page, "login")
    page.goto("/admin/login/")
    page.get_by_label("用户名").fill("root")
    page.get_by_label("密码").fill("test-pass-123")
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_text("数据管理")).to_be_visible()
    page.goto("/admin/reports/report/add/")
    page.goto("/admin/auth/user/")
    no_violations(page, "admin")


@pytest.mark.parametrize("size", [(1366, 768), (390, 844)])
def test_the_pages_that_lost_their_inline_styles_keep_their_layout(
    browser, live_server, district, unit, district_officer, size
):
    """The column widths once in style attributes are classes now: the sheet's first column still takes a
    quarter of its table on a desktop. Screenshots in test-artifacts/ for a person to look at."""
    from tests.browser.conftest import ARTIFACTS

    report = Report.objects.create(unit=unit, year=YEAR)
    add_section(report, items=2)
    indicator(district, "trainees", "法治培训", unit="人次")
    context = browser.new_context(
        base_url=live_server.url, locale="zh-CN", viewport={"width": size[0], "height": size[1]}
    )
    context.add_init_script(WATCH)
    page = context.new_page()
    log_in(page, district_officer)
    ARTIFACTS.mkdir(exist_ok=True)
    for name, url in [
        ("sheet", f"/reports/{report.pk}/indicators/"),
        ("matrix", f"/district/{YEAR}/indicators/"),
        ("setup", f"/district/{YEAR}/setup/"),
        ("history", f"/reports/{report.pk}/history/"),
    ]:
        page.goto(url)
        page.screenshot(path=str(ARTIFACTS / f"csp-{name}-{size[0]}.png"), full_page=True)
        assert page.evaluate("window.__violations") == [], name
        if name == "sheet" and size[0] > 1000:
            share = page.locator("th.w-24pct").evaluate(
                "th => th.getBoundingClientRect().width / th.closest('table').getBoundingClientRect().width"
            )
            assert 0.2 < share < 0.28, share
    context.close()
