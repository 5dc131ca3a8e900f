from reports.models import Membership, Report, Unit
from reports.permissions import Action
from tests.conftest import make_user


def test_staff_and_leader_see_and_edit_their_units_report(staff, leader, report):
    for user in (staff, leader):
        assert list(Report.objects.restrict(user, Action.VIEW)) == [report]
        assert list(Report.objects.restrict(user, Action.EDIT)) == [report]


def test_another_units_user_sees_nothing(outsider, report):
    assert not Report.objects.restrict(outsider, Action.VIEW).exists()
    assert not Report.objects.restrict(outsider, Action.EDIT).exists()


def test_the_district_office_sees_every_unit_of_its_district_but_edits_none(
    district_officer, report, other_unit
):
    other = Report.objects.create(unit=other_unit, year=2025)
    assert set(Report.objects.restrict(district_officer, Action.VIEW)) == {report, other}
    assert not Report.objects.restrict(district_officer, Action.EDIT).exists()


def test_another_districts_office_sees_nothing(report):
    elsewhere = Unit.objects.create(
        code="youyang", name="酉阳县", short_name="酉阳县", kind=Unit.Kind.DISTRICT
    )
    officer = make_user("youyang-office", elsewhere, Membership.Role.DISTRICT_OFFICE)
    assert not Report.objects.restrict(officer).exists()


def test_anonymous_and_inactive_users_see_nothing(staff, report):
    from django.contrib.auth.models import AnonymousUser

    assert not Report.objects.restrict(AnonymousUser()).exists()
    staff.is_active = False
    staff.save()
    assert not Report.objects.restrict(staff).exists()


def test_a_user_with_roles_in_two_units_sees_both(unit, other_unit, report):
    user = make_user("both", unit, Membership.Role.STAFF)
    Membership.objects.create(user=user, unit=other_unit, role=Membership.Role.LEADER)
    other = Report.objects.create(unit=other_unit, year=2025)
    assert set(Report.objects.restrict(user)) == {report, other}
