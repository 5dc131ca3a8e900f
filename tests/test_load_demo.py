import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from indicators.aggregation import year_on_year
from indicators.models import Indicator, IndicatorValue
from reports.deadlines import reporting_year
from reports.management.commands.load_demo import SEED_REPORT
from reports.models import AccountSecurity, Membership, Report, Unit
from reports.rendering.document import report_to_text

pytestmark = pytest.mark.django_db


def load():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_demo_has_a_district_with_units_users_for_every_role_and_a_catalogue():
    output = load()
    district = Unit.objects.get(code="qianjiang")
    assert district.children.count() >= 6
    assert {m.role for m in Membership.objects.all()} == set(Membership.Role.values)
    assert Indicator.objects.filter(district=district).count() >= 30
    assert "chengxi_staff" in output and "demo12345" in output
    assert get_user_model().objects.get(username="chengxi_staff").check_password("demo12345")


def test_the_seed_report_is_imported_without_losing_a_character():
    load()
    report = Report.objects.get(unit__code="chengxi", year=2024)
    seed = SEED_REPORT.read_text(encoding="utf-8")
    assert re.sub(r"\s", "", report_to_text(report)) == re.sub(r"\s", "", seed)
    assert [s.kind for s in report.sections.all()] == [
        "achievements",
        "measures",
        "shortcomings",
        "next_year_plans",
    ]


def test_the_seed_report_carries_the_figures_its_text_states():
    load()
    values = {
        v.indicator.code: v
        for v in IndicatorValue.objects.filter(report__unit__code="chengxi", report__year=2024)
    }
    assert len(values) >= 30
    assert values["disputes_screened"].value == 1705
    assert values["petitions_handled"].value == 30


def test_last_years_petitions_give_the_seeds_year_on_year_change():
    load()
    current = IndicatorValue.objects.get(
        report__unit__code="chengxi", report__year=2024, indicator__code="petitions_handled"
    )
    previous = IndicatorValue.objects.previous_year_of(current.report)[current.indicator_id]
    change = year_on_year(current, previous)
    assert change.difference == -14 and change.percent < -31


def test_some_units_have_drafts_of_the_year_being_reported():
    """Issue 15 #14: the demo's drafts were pinned to 2025, so in December 2026 they showed as 276 days
    overdue and the district's pages opened on a year with nothing in it."""
    load()
    year = reporting_year()
    drafts = Report.objects.filter(year=year, status=Report.Status.DRAFT)
    assert drafts.count() >= 3
    assert all(report.sections.count() == 5 for report in drafts)
    assert not Report.objects.filter(status=Report.Status.DRAFT).exclude(year=year).exists()


def test_the_demos_season_is_in_progress_for_staff_and_the_district(client):
    load()
    AccountSecurity.objects.update(must_change_password=False)  # the first login's change is not the subject
    client.force_login(get_user_model().objects.get(username="chengdong_staff"))
    home = client.get("/").content.decode()
    assert re.search(r"还剩\d+天", home) and "已逾期" not in home
    client.force_login(get_user_model().objects.get(username="district_office"))
    board = client.get("/district/", follow=True)
    assert board.redirect_chain[-1][0] == f"/district/{reporting_year()}/"
    assert 'data-status="draft"' in board.content.decode()


def test_loading_twice_changes_nothing():
    load()
    counts = (
        Unit.objects.count(),
        Report.objects.count(),
        IndicatorValue.objects.count(),
        Membership.objects.count(),
    )
    load()
    assert counts == (
        Unit.objects.count(),
        Report.objects.count(),
        IndicatorValue.objects.count(),
        Membership.objects.count(),
    )


def test_demo_has_a_city_above_two_districts_departments_and_a_person_in_two_units():
    output = load()
    city = Unit.objects.get(code="yudong")
    assert city.kind == Unit.Kind.CITY
    assert {d.short_name for d in city.children.all()} == {"黔江区", "新安区"}
    qianjiang = Unit.objects.get(code="qianjiang")
    departments = qianjiang.children.filter(kind=Unit.Kind.DEPARTMENT)
    assert departments.count() == 3
    assert set(Unit.objects.below(city)) >= set(departments)  # the paths reach down through the districts
    assert Membership.objects.filter(
        user__username="city_office", unit=city, role=Membership.Role.DISTRICT_OFFICE
    ).exists()
    assert {m.unit.code for m in Membership.objects.filter(user__username="sifaju_staff")} == {
        "qj-sifaju",
        "qianjiang",
    }
    assert "city_office" in output and "市级管理员" in output and "渝东市" in output
    assert output.count("sifaju_staff") == 2  # once per unit


def test_a_demo_database_from_before_the_city_moves_under_it(db):
    Unit.objects.create(code="qianjiang", name="黔江区", short_name="黔江区", kind=Unit.Kind.DISTRICT)
    load()
    qianjiang = Unit.objects.get(code="qianjiang")
    assert qianjiang.parent.code == "yudong"
    assert Unit.objects.get(code="chengxi").path.startswith(qianjiang.path)
