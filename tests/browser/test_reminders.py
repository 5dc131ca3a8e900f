"""催报 in the browser (issue 15, Reminders): the district office clicks 催报 on its dashboard, confirms, and
reads how many units were reminded; a unit's staff then sees the notice and, on the home page, how many
days are left. The year's set-up takes its deadline as 2026-01-31 or 2026年1月31日, never mm/dd/yyyy."""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from reports.deadlines import reporting_year
from reports.models import Report, ReportingYear
from tests.browser.conftest import axe_violations
from tests.browser.test_writing_a_report import log_in


def serious(page, parts):
    """axe-core's serious and critical findings on the parts this feature added (the rest of each page is
    the accessibility test's)."""
    return [v for v in axe_violations(page, context=parts) if v["impact"] in ("serious", "critical")]


def test_the_district_office_reminds_and_the_staff_read_it(
    browser, live_server, page, district, unit, other_unit, staff, district_officer, screenshot
):
    year = reporting_year()
    deadline = timezone.localdate() + datetime.timedelta(days=20)
    ReportingYear.objects.create(district=district, year=year, deadline=deadline)
    Report.objects.create(unit=unit, year=year)  # 城西's draft; 城东 has not started

    log_in(page, district_officer)
    # The home page's list of units not delivered has the same button.
    expect(page.locator("#waiting form.remind button")).to_have_text("催报（2个单位）")
    screenshot("district-home")
    assert serious(page, "#waiting") == []
    page.goto("/district/")
    expect(page).to_have_url(re.compile(rf"/district/{year}/$"))
    button = page.locator("#remind button")
    expect(button).to_have_text("催报（2个单位未报送）")
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    button.click()
    # 城东 has no account: not counted as reminded, named apart.
    expect(page.locator(".alert-success")).to_contain_text("已向1个单位发出催报")
    expect(page.locator(".alert-warning")).to_contain_text("城东街道没有设置填报员或审核领导账号")
    assert asked and asked[0].startswith("向2个尚未报送")
    expect(page.locator('tr[data-unit="chengxi"] .reminded')).to_contain_text("已催报")
    screenshot("district-after-remind")
    assert serious(page, "#remind, #download-zip, #download-volume, #dashboard .reminded") == []

    staff_context = browser.new_context(
        base_url=live_server.url, locale="zh-CN", viewport={"width": 390, "height": 844}
    )
    staff_page = staff_context.new_page()
    try:
        log_in(staff_page, staff)
        expect(staff_page.locator("#report-list .deadline")).to_contain_text("还剩20天")
        expect(staff_page.locator("#unread-notices")).to_have_text("1")
        screenshot_of(staff_page, screenshot, "staff-home")
        assert serious(staff_page, "#report-list") == []
        staff_page.get_by_role("link", name=re.compile("通知")).first.click()
        notice = staff_page.locator(".list-group-item", has_text="【催报】")
        expect(notice).to_contain_text(f"{deadline.year}年{deadline.month}月{deadline.day}日前报送{year}年度")
        screenshot_of(staff_page, screenshot, "staff-notice")
        notice.click()
        expect(staff_page).to_have_url(re.compile(r"/reports/\d+/$"))
    finally:
        staff_context.close()


def screenshot_of(other_page, screenshot, name):
    """``screenshot`` is bound to the test's first page; this keeps a second page's picture beside it."""
    path = screenshot(name)
    other_page.screenshot(path=str(path), full_page=True)


def test_the_deadline_is_typed_year_first_in_chinese(page, district, district_officer, screenshot):
    year = reporting_year()
    log_in(page, district_officer)
    page.goto(f"/district/{year}/setup/")
    field = page.get_by_label("报送截止日期")
    expect(field).to_have_attribute("type", "text")
    expect(field).to_have_attribute("placeholder", "如：2026-01-31")
    expect(field).to_have_value(f"{year + 1}-03-01")
    field.fill("abc")
    page.locator("#save-setup").click()
    assert not page.evaluate("() => document.querySelector('#id_deadline').validity.valid")  # pattern applies
    field.fill(f"{year + 1}年2月28日")
    page.locator("#save-setup").click()
    expect(page.locator(".alert-success").first).to_contain_text(f"已设为{year + 1}-02-28")
    expect(page.get_by_label("报送截止日期")).to_have_value(f"{year + 1}-02-28")
    screenshot("setup-deadline")
    assert serious(page, "#deadline") == []
