"""One user per role plus an outsider, in a small district: the cast every test module draws on."""

import pytest
from django.contrib.auth import get_user_model

from reports.accounts.actions import grant_admin_role
from reports.accounts.roles import AdminRole
from reports.models import Membership, Report, Unit
from tests.editor_helpers import add_section

PASSWORD = "test-pass-123"


def make_user(username, unit=None, role=None, **extra):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD, **extra)
    if unit is not None:
        Membership.objects.create(user=user, unit=unit, role=role)
    return user


@pytest.fixture
def district(db):
    return Unit.objects.create(code="qianjiang", name="黔江区", short_name="黔江区", kind=Unit.Kind.DISTRICT)


@pytest.fixture
def unit(district):
    return Unit.objects.create(
        code="chengxi",
        name="黔江区城西街道",
        short_name="城西街道",
        kind=Unit.Kind.SUBDISTRICT,
        parent=district,
    )


@pytest.fixture
def other_unit(district):
    return Unit.objects.create(
        code="chengdong",
        name="黔江区城东街道",
        short_name="城东街道",
        kind=Unit.Kind.SUBDISTRICT,
        parent=district,
    )


@pytest.fixture
def staff(unit):
    return make_user("staff", unit, Membership.Role.STAFF, first_name="张填报")


@pytest.fixture
def leader(unit):
    return make_user("leader", unit, Membership.Role.LEADER, first_name="李审核")


@pytest.fixture
def district_officer(district):
    return make_user("district", district, Membership.Role.DISTRICT_OFFICE, first_name="王区办")


@pytest.fixture
def outsider(other_unit):
    """Staff of another unit of the same district: sees nothing of ``unit``."""
    return make_user("outsider", other_unit, Membership.Role.STAFF, first_name="赵外单位")


@pytest.fixture
def report(unit):
    return Report.objects.create(unit=unit, year=2025)


@pytest.fixture
def second_leader(unit):
    return make_user("leader2", unit, Membership.Role.LEADER, first_name="孙审核")


@pytest.fixture
def written(report):
    """A report with one section of two items: something to submit and approve."""
    add_section(report, items=2)
    return report


def make_admin(username, role):
    """An administrator (reports/accounts/roles.py): no unit, one role."""
    user = make_user(username, first_name=role.label)
    grant_admin_role(user, role)
    return user


@pytest.fixture
def system_admin(db):
    return make_admin("sysadmin", AdminRole.SYSTEM)


@pytest.fixture
def security_admin(db):
    return make_admin("secadmin", AdminRole.SECURITY)


@pytest.fixture
def audit_admin(db):
    return make_admin("auditor", AdminRole.AUDIT)


@pytest.fixture(autouse=True)
def _empty_cache():
    """The public pages' cache (reports/common/pagecache.py) starts empty in every test."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
