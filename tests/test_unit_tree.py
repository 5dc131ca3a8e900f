"""The tree of units (issue 16): materialised paths kept on every save, "everything below" as one condition,
and the unit a person with roles in several units acts for."""

from importlib import import_module

import pytest
from django.apps import apps
from django.urls import reverse

from reports.models import AuditEntry, Membership, Report, Unit
from reports.permissions import Action, acting_units, default_acting_unit, office_district
from tests.conftest import make_user

Role = Membership.Role


def make_unit(code, kind, parent=None, position=0):
    return Unit.objects.create(
        code=code, name=code, short_name=code, kind=kind, parent=parent, position=position
    )


@pytest.fixture
def tree(db):
    """渝东市 → 黔江区 (城西街道, 城东街道, 司法局) and 彭水县 (保家镇)."""
    city = make_unit("yudong", Unit.Kind.CITY)
    qianjiang = make_unit("qianjiang", Unit.Kind.DISTRICT, city, 1)
    pengshui = make_unit("pengshui", Unit.Kind.DISTRICT, city, 2)
    return {
        "city": city,
        "qianjiang": qianjiang,
        "pengshui": pengshui,
        "chengxi": make_unit("chengxi", Unit.Kind.SUBDISTRICT, qianjiang, 1),
        "chengdong": make_unit("chengdong", Unit.Kind.SUBDISTRICT, qianjiang, 2),
        "sifaju": make_unit("sifaju", Unit.Kind.DEPARTMENT, qianjiang, 3),
        "baojia": make_unit("baojia", Unit.Kind.TOWN, pengshui, 1),
    }


def test_each_unit_is_saved_with_the_path_of_ids_from_the_root(tree):
    city, qianjiang, chengxi = tree["city"], tree["qianjiang"], tree["chengxi"]
    assert city.path == f"/{city.pk}/"
    assert Unit.objects.get(pk=chengxi.pk).path == f"/{city.pk}/{qianjiang.pk}/{chengxi.pk}/"
    assert (city.depth, qianjiang.depth, chengxi.depth) == (0, 1, 2)


def test_moving_a_unit_moves_the_paths_of_everything_below_it(tree):
    province = make_unit("chongqing", Unit.Kind.PROVINCE)
    city = tree["city"]
    city.parent = province
    city.save()
    chengxi = Unit.objects.get(pk=tree["chengxi"].pk)
    assert chengxi.path == f"/{province.pk}/{city.pk}/{tree['qianjiang'].pk}/{chengxi.pk}/"
    assert set(Unit.objects.below(province)) == set(tree.values())


def test_a_unit_cannot_move_below_itself(tree):
    city = tree["city"]
    city.parent = tree["chengxi"]
    with pytest.raises(ValueError, match="下级"):
        city.save()
    assert Unit.objects.get(pk=city.pk).parent_id is None


def test_units_created_in_bulk_get_their_paths(tree):
    qianjiang = tree["qianjiang"]
    created = Unit.objects.bulk_create(
        Unit(code=f"bulk-{n}", name="b", short_name="b", kind=Unit.Kind.TOWN, parent=qianjiang)
        for n in range(3)
    )
    for unit in created:
        assert Unit.objects.get(pk=unit.pk).path == f"{qianjiang.path}{unit.pk}/"


def test_below_is_everything_under_a_unit_at_any_depth_and_nothing_beside_it(tree):
    assert set(Unit.objects.below(tree["city"])) == set(tree.values()) - {tree["city"]}
    assert set(Unit.objects.below(tree["qianjiang"])) == {tree["chengxi"], tree["chengdong"], tree["sifaju"]}
    assert not Unit.objects.below(tree["chengxi"]).exists()


def test_the_migration_fills_the_paths_of_existing_units(tree):
    """What 0007 does for units saved before the tree: parents first, whatever the order of the rows."""
    Unit.objects.update(path="")
    import_module("reports.migrations.0011_unit_tree").fill_paths(apps, None)
    chengxi = Unit.objects.get(pk=tree["chengxi"].pk)
    assert chengxi.path == f"/{tree['city'].pk}/{tree['qianjiang'].pk}/{chengxi.pk}/"


def test_restrict_costs_one_query_whatever_the_depth(tree, django_assert_num_queries):
    office = make_user("city-office", tree["city"], Role.DISTRICT_OFFICE)
    for unit in tree.values():
        Report.objects.create(unit=unit, year=2025)
    with django_assert_num_queries(1):
        assert len(Report.objects.restrict(office)) == 7  # the city's own report too: it is at its unit


# --- Acting for one unit ---------------------------------------------------------------------------------


@pytest.fixture
def two_places(tree):
    """Staff of 城西街道 and office of 彭水县."""
    user = make_user("two-places", tree["chengxi"], Role.STAFF)
    Membership.objects.create(user=user, unit=tree["pengshui"], role=Role.DISTRICT_OFFICE)
    return user


def test_the_default_is_the_broadest_office_then_the_first_unit(tree, two_places):
    assert default_acting_unit(two_places) == tree["pengshui"]
    staff_only = make_user("staff-two", tree["chengxi"], Role.STAFF)
    Membership.objects.create(user=staff_only, unit=tree["chengdong"], role=Role.LEADER)
    assert default_acting_unit(staff_only) == tree["chengxi"]
    assert [(unit, roles) for unit, roles in acting_units(two_places)] == [
        (tree["pengshui"], [Role.DISTRICT_OFFICE]),
        (tree["chengxi"], [Role.STAFF]),
    ]


def test_acting_for_one_unit_narrows_restrict_to_its_roles(tree, two_places):
    chengxi_report = Report.objects.create(unit=tree["chengxi"], year=2025)
    baojia_report = Report.objects.create(unit=tree["baojia"], year=2025)
    assert set(Report.objects.restrict(two_places)) == {
        chengxi_report,
        baojia_report,
    }  # no choice: every role
    two_places.acting_unit_id = tree["chengxi"].pk
    assert set(Report.objects.restrict(two_places)) == {chengxi_report}
    assert set(Report.objects.restrict(two_places, Action.EDIT)) == {chengxi_report}
    assert office_district(two_places) is None
    two_places.acting_unit_id = tree["pengshui"].pk
    assert set(Report.objects.restrict(two_places)) == {baojia_report}
    assert not Report.objects.restrict(two_places, Action.EDIT).exists()
    assert office_district(two_places) == tree["pengshui"]


def test_a_unit_the_person_holds_no_role_in_gives_nothing(tree, two_places):
    Report.objects.create(unit=tree["chengxi"], year=2025)
    two_places.acting_unit_id = tree["city"].pk  # a forged or stale session value
    assert not Report.objects.restrict(two_places).exists()
    assert office_district(two_places) is None


def test_login_chooses_the_default_and_the_header_switches(client, tree, two_places):
    chengxi_report = Report.objects.create(unit=tree["chengxi"], year=2025)
    client.force_login(two_places)
    page = client.get(reverse("reports:home")).content.decode()
    assert 'id="acting-for"' in page and "当前身份：" in page
    assert "区级工作台" in page  # acting for 彭水县's office
    assert client.get(reverse("reports:edit", args=[chengxi_report.pk])).status_code == 404
    assert client.get(reverse("district:dashboard", args=[2025])).status_code == 200

    response = client.post(reverse("reports:acting-for"), {"unit": tree["chengxi"].pk})
    assert response.status_code == 302
    page = client.get(reverse("reports:home")).content.decode()
    assert "区级工作台" not in page and "已切换为：chengxi" in page
    assert client.get(reverse("reports:edit", args=[chengxi_report.pk])).status_code == 200
    assert client.get(reverse("district:dashboard", args=[2025])).status_code == 403


def test_each_switch_of_the_unit_acted_for_is_in_the_audit_trail(client, tree, two_places):
    client.force_login(two_places)
    client.post(reverse("reports:acting-for"), {"unit": tree["chengxi"].pk})
    entry = AuditEntry.objects.filter(action=AuditEntry.Action.ACT_AS).get()
    assert (entry.user, entry.object_id) == (two_places, str(tree["chengxi"].pk))
    assert client.post(reverse("reports:acting-for"), {"unit": tree["city"].pk}).status_code == 404
    assert AuditEntry.objects.filter(action=AuditEntry.Action.ACT_AS).count() == 1  # a refused switch is not


def test_one_cannot_switch_to_a_unit_one_holds_no_role_in(client, tree, two_places):
    client.force_login(two_places)
    assert client.post(reverse("reports:acting-for"), {"unit": tree["city"].pk}).status_code == 404
    assert client.post(reverse("reports:acting-for"), {"unit": "x"}).status_code == 400
    assert client.get(reverse("district:dashboard", args=[2025])).status_code == 200  # still 彭水县's office


def test_a_person_with_one_unit_gets_no_switch_menu(client, tree):
    client.force_login(make_user("one-unit", tree["chengxi"], Role.STAFF))
    assert 'id="acting-for"' not in client.get(reverse("reports:home")).content.decode()
