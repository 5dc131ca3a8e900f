"""Each level's workflow (issue 16): a district's own report goes draft → submitted → approved by the
district's leader → accepted by the city's office, through the same TRANSITIONS as a 街道's; the district's
office, which receives its units' reports, does not receive its own district's."""

import pytest

from reports import workflow
from reports.actions import start_report
from reports.models import Membership, Notice, Report, Unit
from reports.permissions import units_user_can_write_for
from tests.conftest import make_user
from tests.editor_helpers import add_section

Role = Membership.Role


@pytest.fixture
def city_and_district(district):
    city = Unit.objects.create(code="yudong", name="渝东市", short_name="渝东市", kind=Unit.Kind.CITY)
    district.parent = city
    district.save()
    return city, district


def test_a_districts_own_report_is_approved_by_its_leader_and_accepted_by_the_city(city_and_district):
    city, district = city_and_district
    writer = make_user("district-writer", district, Role.STAFF)
    leader = make_user("district-leader", district, Role.LEADER)
    district_office = make_user("district-office", district, Role.DISTRICT_OFFICE)
    city_office = make_user("city-office", city, Role.DISTRICT_OFFICE)

    assert list(units_user_can_write_for(writer)) == [district]
    report = start_report(writer, district, 2025)
    add_section(report, items=1)
    workflow.perform(writer, report, "submit")
    workflow.perform(leader, report, "approve")
    assert report.stored_pdfs.count() == 1  # the frozen PDF, as for any unit
    assert Notice.objects.filter(user=city_office, report=report).exists()  # the city is told
    assert not Notice.objects.filter(user=district_office, report=report).exists()

    with pytest.raises(workflow.NotAllowed):
        workflow.perform(district_office, report, "accept")  # its own district's: not the office's to receive
    workflow.perform(city_office, report, "accept")
    report.refresh_from_db()
    assert report.status == Report.Status.ACCEPTED
    assert report.get_status_display() == "市级已接收"  # the city accepted it, not a district
    assert [e.action for e in report.events.order_by("created_at", "pk")][-3:] == [
        "submit",
        "approve",
        "accept",
    ]


def test_the_city_sees_a_units_report_but_only_its_district_receives_it(
    city_and_district, report, staff, leader
):
    city, district = city_and_district
    city_office = make_user("city-office", city, Role.DISTRICT_OFFICE)
    district_office = make_user("district-office", district, Role.DISTRICT_OFFICE)
    add_section(report, items=1)
    workflow.perform(staff, report, "submit")
    workflow.perform(leader, report, "approve")
    assert workflow.available_steps(city_office, report) == []
    with pytest.raises(workflow.NotAllowed):
        workflow.perform(city_office, report, "accept")
    workflow.perform(district_office, report, "accept")
    assert Report.objects.get(pk=report.pk).get_status_display() == "区级已接收"
    assert Report.objects.restrict(city_office).filter(pk=report.pk).exists()
