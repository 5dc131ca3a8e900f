from tests.browser.conftest import ARTIFACTS
from tests.browser.test_writing_a_report import log_in


def test_the_navigation_bar_fits_a_phone(browser, live_server, staff):
    """Issue 15 #14: at 390 px "退出登录" wrapped onto four lines."""
    context = browser.new_context(
        base_url=live_server.url, locale="zh-CN", viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    try:
        log_in(page, staff)
        page.goto("/")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "navbar-390px.png"))
        assert page.get_by_role("button", name="退出登录").bounding_box()["height"] < 40  # one line
        assert page.locator("nav.app-navbar").bounding_box()["height"] < 80
    finally:
        context.close()
