"""The editor and an ending session: a warning with 「继续编辑」 before the idle limit; when the session has
ended anyway, the unsaved text stays in the browser and is saved after logging in again."""

import re

from playwright.sync_api import expect

from reports.models import Item
from tests.conftest import PASSWORD
from tests.editor_helpers import add_section


def log_in(page, user):
    page.get_by_label("用户名").fill(user.username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()


def test_the_editor_warns_before_the_session_idles_out_and_keep_alive_renews_it(
    page, staff, report, screenshot
):
    add_section(report, items=1)
    page.clock.install()
    page.goto(f"/reports/{report.pk}/edit/")
    log_in(page, staff)
    page.wait_for_url(re.compile(r"/edit/$"))
    warning = page.locator("#session-warning")
    expect(warning).to_be_hidden()
    page.clock.run_for(26 * 60 * 1000)  # 26 minutes without a request: 4 left of 30
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("登录将在约4分钟后过期")
    screenshot("warning")
    with page.expect_response(lambda r: "/accounts/keep-alive/" in r.url) as answer:
        page.get_by_role("button", name="继续编辑").click()
    assert answer.value.ok
    expect(warning).to_be_hidden()


def test_text_typed_when_the_session_ended_is_kept_and_saved_after_logging_in_again(
    page, staff, report, screenshot
):
    add_section(report, items=1)
    page.goto(f"/reports/{report.pk}/edit/")
    log_in(page, staff)
    page.wait_for_url(re.compile(r"/edit/$"))
    # The session ends (idle limit, 12 hours, a restart) before the text is typed, and after every request
    # of the page has been answered: an answer still on its way would bring the cookie back.
    page.wait_for_load_state("networkidle")
    page.context.clear_cookies(name="sessionid")
    body = page.locator(".editor-item").first.get_by_label("正文")
    body.fill("会话过期前写下的这段文字。")
    page.locator("#editor-form").dispatch_event("autosave-now")
    warning = page.locator("#session-warning")
    expect(warning).to_contain_text("未保存的内容已暂存在本浏览器中")
    screenshot("ended")
    assert "会话过期前写下的这段文字。" not in Item.objects.get().body

    page.get_by_role("link", name="重新登录").click()
    log_in(page, staff)
    page.wait_for_url(re.compile(r"/edit/$"))
    expect(page.locator("#save-state")).to_contain_text("已自动保存")
    expect(page.locator(".editor-item").first.get_by_label("正文")).to_have_value(
        "会话过期前写下的这段文字。"
    )
    assert Item.objects.get().body == "会话过期前写下的这段文字。"
    assert page.evaluate("Object.keys(localStorage).length") == 0
