from tests.conftest import PASSWORD


def test_login_page_speaks_chinese_and_logs_in(page, staff, report, screenshot):
    page.goto("/")
    # Anonymous visitors land on the login page, in Chinese.
    assert "/accounts/login/" in page.url
    assert page.get_by_role("heading", name="登录法治年报").is_visible()
    assert page.get_by_label("用户名").is_visible()
    screenshot("login")

    page.get_by_label("用户名").fill(staff.username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()

    page.wait_for_url("**/")
    assert page.get_by_role("heading", name="年度报告").is_visible()
    assert page.get_by_text(report.title).is_visible()
    screenshot("home")


def test_wrong_password_is_refused_in_chinese_and_keeps_the_username(page, staff):
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill(staff.username)
    page.get_by_label("密码").fill("wrong-password")
    page.get_by_role("button", name="登录").click()

    assert page.get_by_text("请输入一个正确的").is_visible()
    assert page.get_by_label("用户名").input_value() == staff.username
