"""The audit administrator searches the trail in the browser, at desktop and phone widths."""

import pytest
from django.contrib.auth.models import Permission

from reports import audit
from reports.models import AuditEntry
from tests.browser.conftest import ARTIFACTS
from tests.browser.test_writing_a_report import log_in
from tests.conftest import make_user


@pytest.fixture
def auditor(db):
    user = make_user("auditor", first_name="周审计", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_auditentry"))
    return user


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (390, 844)])
def test_the_auditor_searches_the_trail(browser, live_server, auditor, report, outsider, width, height):
    audit.record(AuditEntry.Action.LOGIN_FAILED, username="chengxi_staff", result=AuditEntry.Result.FAILURE)
    audit.record(
        AuditEntry.Action.REFUSED, user=outsider, obj=report, result=AuditEntry.Result.FAILURE,
        detail=f"GET /reports/{report.pk}/ 404：不在本人的权限范围内（按不存在处理）",
    )  # fmt: skip
    context = browser.new_context(
        base_url=live_server.url, locale="zh-CN", viewport={"width": width, "height": height}
    )
    page = context.new_page()
    try:
        log_in(page, auditor)
        page.goto("/")
        page.click("#audit-link")
        page.select_option("#id_result", "failure")
        page.fill("#id_text", "城西")
        page.click("#audit-search button[type=submit]")
        rows = page.locator("#audit-table tbody tr")
        assert rows.count() == 1 and "拒绝访问" in rows.first.inner_text()
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"audit-log-{width}px.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scrolling
    finally:
        context.close()
