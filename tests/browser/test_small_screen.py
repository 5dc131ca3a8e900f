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


def test_the_district_dashboards_row_buttons_fit_a_1024_pixel_screen(browser, live_server, district_officer):
    """At 1024×768 the table scrolled sideways and hid 区级接收 and 退回单位 (the 公开 cell kept
    "未公开 公开还剩N天" on one line): each cell now wraps between its phrases and buttons."""
    from django.utils import timezone

    from reports.models import Report, Unit

    year = timezone.localdate().year
    for n, status in enumerate([Report.Status.APPROVED, Report.Status.ACCEPTED, Report.Status.DRAFT]):
        unit = Unit.objects.create(
            code=f"u{n}",
            name=f"黔江区区县政府部门{n}",
            short_name=f"区市场监管局{n}",
            kind=Unit.Kind.DEPARTMENT,
            parent=district_officer.memberships.get().unit,
        )
        Report.objects.create(unit=unit, year=year, status=status)
    context = browser.new_context(
        base_url=live_server.url, locale="zh-CN", viewport={"width": 1024, "height": 768}
    )
    page = context.new_page()
    try:
        log_in(page, district_officer)
        page.goto(f"/district/{year}/")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "dashboard-1024px.png"), full_page=True)
        sideways = page.evaluate(
            "(() => { const box = document.querySelector('#dashboard').parentElement;"
            " return box.scrollWidth - box.clientWidth; })()"
        )
        assert sideways <= 4, f"the table is {sideways} px wider than the screen"
        approved = page.locator("#dashboard tr", has_text="区市场监管局0")  # the approved report's row
        for name in ("区级接收", "退回单位"):
            box = approved.locator("summary, button", has_text=name).first.bounding_box()
            assert box and box["x"] + box["width"] <= 1024, name
    finally:
        context.close()


def test_the_district_dashboard_scrolls_sideways_on_a_phone_rather_than_squeezing_its_columns(
    browser, live_server, district_officer
):
    """At 390 px the table squeezed every column to fit: 街道 one character a line, the 公开 and 操作 cells
    a word or a button a line, a row of the demo's accepted reports 246 px high (three rows a screen)."""
    from django.utils import timezone

    from reports.models import Report, Unit

    year = timezone.localdate().year
    unit = Unit.objects.create(
        code="chengxi", name="黔江区城西街道", short_name="城西街道", kind=Unit.Kind.SUBDISTRICT,
        parent=district_officer.memberships.get().unit,
    )  # fmt: skip
    Report.objects.create(unit=unit, year=year, status=Report.Status.APPROVED)
    context = browser.new_context(
        base_url=live_server.url, locale="zh-CN", viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    try:
        log_in(page, district_officer)
        page.goto(f"/district/{year}/")
        row = page.locator('#dashboard tr[data-unit="chengxi"]')
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "dashboard-390px.png"), full_page=True)
        assert row.bounding_box()["height"] < 120  # 340 px, the 操作 cell a button a line
    finally:
        context.close()


def test_the_indicator_catalogue_scrolls_sideways_on_a_phone_rather_than_a_character_a_line(
    browser, live_server, district_officer
):
    from django.utils import timezone

    from tests.district_helpers import indicator

    year = timezone.localdate().year
    indicator(district_officer.memberships.get().unit, "study", "党工委中心组学法")
    context = browser.new_context(
        base_url=live_server.url, locale="zh-CN", viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    try:
        log_in(page, district_officer)
        page.goto(f"/district/{year}/catalogue/")
        row = page.locator("#catalogue tbody tr", has_text="党工委中心组学法")
        # 93 px: its 类别, 计量单位 and name a character or two a line
        assert row.bounding_box()["height"] < 60
    finally:
        context.close()
