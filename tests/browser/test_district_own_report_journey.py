"""The district's own report (issue 16): the district office drafts it from its units' accepted reports,
the district's leader approves it and the city office accepts it, in the browser."""

from playwright.sync_api import expect

from reports.models import Item, Membership, Report, Section, Unit
from tests.browser.test_review_journey import log_out
from tests.browser.test_writing_a_report import log_in
from tests.conftest import make_user
from tests.district_helpers import report_in

YEAR = 2025
Role = Membership.Role


def test_the_office_drafts_the_districts_report_its_leader_approves_the_city_accepts(
    page, district, unit, other_unit, screenshot
):
    city = Unit.objects.create(code="yudong", name="渝东市", short_name="渝东市", kind=Unit.Kind.CITY)
    district.parent = city
    district.save()
    for source, heading, body in (
        (unit, "化解矛盾纠纷。", "全年排查矛盾纠纷1705件，调解成功1700件。"),
        (other_unit, "加强学法。", "全年开展中心组学法10次。"),
    ):
        report = report_in(source, YEAR, Report.Status.ACCEPTED)
        section = Section.objects.create(report=report, position=0, kind="measures", heading="主要举措")
        Item.objects.create(section=section, position=0, heading=heading, body=body)
    writer = make_user("qj-office", district, Role.DISTRICT_OFFICE, first_name="杨科长")
    Membership.objects.create(user=writer, unit=district, role=Role.STAFF)
    district_leader = make_user("qj-leader", district, Role.LEADER, first_name="郑副区长")
    city_office = make_user("yd-office", city, Role.DISTRICT_OFFICE, first_name="何处长")

    # The district office starts the district's report and picks one unit's item into it.
    log_in(page, writer)
    page.goto(f"/district/{YEAR}/draft/")
    expect(page.locator("#coverage")).to_contain_text("全区2个街镇中2个已报送")
    page.get_by_role("button", name=f"新建本区{YEAR}年度报告").click()
    page.get_by_label("化解矛盾纠纷。").check()
    screenshot("draft-from-units")
    page.get_by_role("button", name="将勾选的条目加入本区报告").click()
    expect(page.locator(".item-source")).to_contain_text("摘自：城西街道2025年度报告")
    screenshot("draft-in-editor")
    own = Report.objects.get(unit=district, year=YEAR)
    page.goto(f"/reports/{own.pk}/")
    page.get_by_role("button", name="提交审核").click()
    expect(page.locator("#report-status")).to_have_text("待审核")
    log_out(page)

    # The district's leader approves it.
    log_in(page, district_leader)
    page.goto(f"/reports/{own.pk}/")
    page.get_by_role("button", name="审核通过").click()
    expect(page.locator("#report-status")).to_have_text("已审核")
    log_out(page)

    # The city office sees it on the city's board, under 黔江区, and accepts it there.
    log_in(page, city_office)
    expect(page.get_by_role("link", name="市级工作台")).to_be_visible()
    page.goto(f"/district/{YEAR}/")
    row = page.locator(f"#dashboard tr[data-unit='{district.code}']")
    expect(row).to_contain_text("已审核")
    screenshot("city-dashboard")
    row.get_by_role("button", name="市级接收").click()
    expect(page.locator(f"#dashboard tr[data-unit='{district.code}']")).to_contain_text("市级已接收")
    own.refresh_from_db()
    assert own.status == Report.Status.ACCEPTED
    assert own.sections.get(kind="measures_and_results").items.get().source.section.report.unit == unit
