"""Issue 15, accessibility: axe-core (WCAG 2.1 A and AA, and axe's best practices) finds no violation of moderate impact or worse on any page
of any kind of visitor — staff, leader, district office, city office, the security and audit
administrators, and anonymous visitors (login, error pages, the public site) — on the demo data with a
report returned with a reason, one submitted again, figures, comments, notices and history. The main pages
are checked at 390 × 844 too. The list of pages is tests/accessibility_pages.py; every named URL pattern is
in it or excluded with a reason (tests/test_accessibility_pages.py)."""

import os
import re

import pytest
from django.template.loader import render_to_string
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from reports.management.commands.load_demo import DEMO_PASSWORD, SEED_REPORT
from tests.accessibility_pages import FLOW_PAGES, RENDERED, ROLES, demo_cast
from tests.browser.conftest import ARTIFACTS, WCAG_21_AA, axe_violations, describe_violations
from tests.conftest import PASSWORD

BLOCKING = {"moderate", "serious", "critical"}  # minor findings are printed with `pytest -s`
TAGS = (*WCAG_21_AA, "best-practice")
DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
# AXE_SCREENSHOTS=1 keeps a picture of every page checked, for a person to look at (test-artifacts/axe/).
SCREENSHOTS = os.environ.get("AXE_SCREENSHOTS") == "1"
UNFOLD = """() => {
    document.querySelectorAll("details").forEach(d => { d.open = true; });
    document.querySelectorAll(".dropdown-menu").forEach(m => m.classList.add("show"));
}"""
EXPECTED_STATUS = {"error-404": 404, "error-403": 403}


@pytest.fixture
def cast(transactional_db):
    return demo_cast()


class Checker:
    """Runs axe on the page as it is and keeps what it found, so that one run lists every page's faults."""

    def __init__(self, page, role):
        self.page, self.role, self.found, self.checked = page, role, [], []

    def check(self, name):
        width = self.page.viewport_size["width"]
        found = axe_violations(self.page, tags=TAGS)
        violations = [v for v in found if v["impact"] in BLOCKING]
        self.checked.append((name, width))
        for minor in (v for v in found if v["impact"] not in BLOCKING):  # shown with `pytest -s`
            print(
                f"{self.role} {name} at {width} px, {minor['impact']}: {minor['id']} → {minor['targets'][:3]}"
            )
        if violations:
            self.found.append(
                f"{self.role} {name} {self.page.url} at {width} px:\n{describe_violations(violations)}"
            )
        if SCREENSHOTS:
            (ARTIFACTS / "axe").mkdir(parents=True, exist_ok=True)
            label = re.sub(r"\W", "-", f"{self.role}-{name}-{width}")
            self.page.screenshot(path=str(ARTIFACTS / "axe" / f"{label}.png"), full_page=True)


def log_in(page, user):
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill(user.username)
    page.get_by_label("密码").fill(DEMO_PASSWORD if user.check_password(DEMO_PASSWORD) else PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="登录").click()
    assert "/accounts/login/" not in page.url


@pytest.mark.parametrize("role", ROLES)
def test_no_page_of_any_role_has_an_accessibility_violation_of_moderate_impact_or_worse(
    browser, live_server, cast, role
):
    context = browser.new_context(base_url=live_server.url, locale="zh-CN", viewport=DESKTOP)
    # The browser's own /favicon.ico request, still on its way when the next page is asked for, could meet
    # that page's session write in the test's in-memory SQLite ("table is locked"): not asked for here.
    context.route("**/favicon.ico", lambda route: route.abort())
    page = context.new_page()
    axe = Checker(page, role)
    try:
        if role != "anonymous":
            log_in(page, cast.users[role])
        for entry in ROLES[role]:
            response = page.goto(entry.path(cast))
            assert response.status == EXPECTED_STATUS.get(entry.name, 200), (entry.name, page.url)
            # What is folded away is checked too: axe skips hidden content (the comment forms in <details>,
            # the menu of 当前身份).
            page.evaluate(UNFOLD)
            axe.check(entry.name)
            if entry.phone:
                page.set_viewport_size(PHONE)
                axe.check(entry.name)
                wide = page.evaluate("() => document.documentElement.scrollWidth")
                if wide > PHONE["width"]:
                    axe.found.append(f"{role} {entry.name}: {wide} px wide at 390 px (sideways scrolling)")
                page.set_viewport_size(DESKTOP)
        FLOWS.get(role, lambda *args: None)(page, cast, axe)
    finally:
        context.close()
    assert not axe.found, "\n\n".join(axe.found)
    assert FLOW_PAGES.get(role, set()) <= {name for name, _ in axe.checked}


def submit_empty(page, button):
    """Send a form as left empty, past the browser's own checks: the page comes back with its errors."""
    page.evaluate("() => document.querySelectorAll('form').forEach(f => { f.noValidate = true; })")
    with page.expect_navigation() as answer:
        page.get_by_role("button", name=button).click()
    assert answer.value.status in (200, 400)
    assert page.locator(".invalid-feedback, .errorlist, .alert-danger").count() > 0


def staff_flows(page, cast, axe):
    # A form shown back with its errors.
    page.goto("/accounts/password/")
    submit_empty(page, "修改密码")
    axe.check("password-change-refused")
    # The import's confirmation step, from the demo's own report text pasted for a year without a report.
    page.goto("/reports/import/")
    page.get_by_label("年度").select_option(str(cast.last_year - 2))
    page.get_by_label("或者粘贴报告全文").fill(SEED_REPORT.read_text(encoding="utf-8"))
    with page.expect_navigation():
        page.get_by_role("button", name="识别报告结构").click()
    assert re.search(r"/reports/import/[-\w]+/$", page.url)
    axe.check("reports:import-confirm")
    # Enrolling a second factor: the recovery codes are shown once, in the answer to the POST.
    page.goto("/accounts/otp/enrol/")
    device = TOTPDevice.objects.get(user=cast.users["staff"], confirmed=False)
    token = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()
    page.locator("input[name=token]").fill(f"{token:06d}")
    with page.expect_navigation():
        page.locator("form button[type=submit]").last.click()
    assert "恢复码" in page.locator("main").inner_text()
    axe.check("recovery-codes")


def anonymous_flows(page, cast, axe):
    # The login page answering a wrong password: the form's error.
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill("chengxi_staff")
    page.get_by_label("密码").fill("wrong-password")
    with page.expect_navigation():
        page.get_by_role("button", name="登录").click()
    assert page.locator(".alert, .invalid-feedback, .errorlist").count() > 0
    axe.check("login-refused")
    # The second factor asked after the password.
    log_in(page, cast.users["with_device"])
    assert "/accounts/otp/verify/" in page.url
    axe.check("accounts:otp-verify")
    page.context.clear_cookies()
    # A form sent without its CSRF cookie (the cookie was cleared while the page was open).
    page.goto("/accounts/login/")
    page.context.clear_cookies()
    page.get_by_label("用户名").fill("someone")
    page.get_by_label("密码").fill("something")
    with page.expect_navigation() as answer:
        page.get_by_role("button", name="登录").click()
    assert answer.value.status == 403
    axe.check("error-403-csrf")
    # 400 and 500: shown from their templates, at an address of the site (as the server would).
    for name, template in RENDERED.items():
        page.goto("/accounts/login/")
        page.set_content(render_to_string(template))
        axe.check(name)


def office_flows(page, cast, axe):
    # The catalogue's forms shown back with their errors.
    for button in ("添加指标", "添加规则"):
        page.goto(f"/district/{cast.year}/catalogue/")
        submit_empty(page, button)
        axe.check(f"catalogue-refused-{button}")


FLOWS = {"staff": staff_flows, "anonymous": anonymous_flows, "district_office": office_flows}
