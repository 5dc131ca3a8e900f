from django.urls import reverse

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


def test_get_report_or_refuse_decides_what_restrict_decides(db):
    """get_report_or_refuse decides from the user's memberships on the report's unit and district (no
    restrict() query, issue 13): for every kind of user and report it says what restrict() says."""
    from django.contrib.auth.models import AnonymousUser
    from django.http import Http404

    from reports.models import in_scope
    from reports.permissions import _memberships_on, can, get_report_or_refuse

    def district(code):
        return Unit.objects.create(code=code, name=code, short_name=code, kind=Unit.Kind.DISTRICT)

    a, b = district("a"), district("b")
    units = {
        "a1": Unit.objects.create(code="a1", name="a1", short_name="a1", kind=Unit.Kind.TOWN, parent=a),
        "a2": Unit.objects.create(code="a2", name="a2", short_name="a2", kind=Unit.Kind.TOWN, parent=a),
        "b1": Unit.objects.create(code="b1", name="b1", short_name="b1", kind=Unit.Kind.TOWN, parent=b),
        "a": a,
    }
    reports = [Report.objects.create(unit=unit, year=2025) for unit in units.values()]
    Role = Membership.Role
    users = [
        make_user("staff-a1", units["a1"], Role.STAFF),
        make_user("leader-a1", units["a1"], Role.LEADER),
        make_user("office-a", a, Role.DISTRICT_OFFICE),
        make_user("office-b", b, Role.DISTRICT_OFFICE),
        make_user("staff-in-district", a, Role.STAFF),
        make_user("nobody"),
        make_user("inactive", units["a1"], Role.STAFF, is_active=False),
        AnonymousUser(),
    ]
    mixed = make_user("staff-a2-office-b", units["a2"], Role.STAFF)
    Membership.objects.create(user=mixed, unit=b, role=Role.DISTRICT_OFFICE)
    users.append(mixed)

    for user in users:
        for report in reports:
            sees = Report.objects.restrict(user, Action.VIEW).filter(pk=report.pk).exists()
            edits = Report.objects.restrict(user, Action.EDIT).filter(pk=report.pk).exists()
            if user.is_authenticated and user.is_active:  # (get_report_or_refuse refuses the others first)
                memberships = _memberships_on(user, report)
                assert in_scope(memberships, report.unit, Action.VIEW) == sees, (user, report)
                assert in_scope(memberships, report.unit, Action.EDIT) == edits, (user, report)
            try:
                found = get_report_or_refuse(user, report.pk)
            except Http404:
                assert not sees, (user, report)
                continue
            assert sees, (user, report)
            assert can(user, found, Action.EDIT) == edits, (user, report)


def test_the_memberships_are_read_afresh_on_every_request(client, leader, report, unit, other_unit):
    """``get_report_or_refuse`` builds its memberships' SQL once per user, units and acting unit
    (issue 13); a role removed, given back or moved shows on the next request."""

    from reports.models import Membership

    client.force_login(leader)
    page = reverse("reports:detail", args=[report.pk])
    assert client.get(page).status_code == 200
    Membership.objects.filter(user=leader).delete()
    assert client.get(page).status_code == 404
    membership = Membership.objects.create(user=leader, unit=other_unit, role=Membership.Role.LEADER)
    assert client.get(page).status_code == 404
    Membership.objects.filter(pk=membership.pk).update(unit=unit)
    assert client.get(page).status_code == 200
