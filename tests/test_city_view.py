"""The city's view (issue 16): the office pages of a city list every unit below it grouped by district, the
matrix has a row per district, the ZIP and the 汇编 take every district's reports in tree order; the
number of queries does not grow with the tree."""

import pytest
from django.urls import reverse

from indicators.aggregation import Figure
from indicators.models import IndicatorValue, Qualifier
from reports.district.dashboard import dashboard, delivered_reports
from reports.models import Membership, Report, Unit
from reports.rendering.volume import accepted_reports
from tests.conftest import make_user
from tests.district_helpers import indicator, report_in


def build_city(code, districts, units_each):
    """A city of ``districts`` districts of ``units_each`` units; each district's catalogue has "mediated";
    every unit an approved report of 2025 with 10余 mediated; each district its own accepted report."""
    city = Unit.objects.create(code=code, name=f"{code}市", short_name=f"{code}市", kind=Unit.Kind.CITY)
    for d in range(districts):
        district = Unit.objects.create(
            code=f"{code}-d{d}", name=f"第{d}区", short_name=f"第{d}区", kind=Unit.Kind.DISTRICT,
            parent=city, position=d,
        )  # fmt: skip
        mediated = indicator(district, "mediated", "调解")
        report_in(district, 2025, Report.Status.ACCEPTED)
        for n in range(units_each):
            unit = Unit.objects.create(
                code=f"{code}-d{d}-u{n}", name=f"第{d}区第{n}街道", short_name=f"第{n}街道",
                kind=Unit.Kind.SUBDISTRICT, parent=district, position=n,
            )  # fmt: skip
            report = report_in(unit, 2025, Report.Status.APPROVED)
            IndicatorValue.objects.create(
                report=report, indicator=mediated, value=10, qualifier=Qualifier.MORE_THAN
            )
    office = make_user(f"{code}-office", city, Membership.Role.DISTRICT_OFFICE)
    return city, office


def test_the_city_dashboard_groups_every_unit_under_its_district(db):
    city, _ = build_city("yd", 2, 2)
    board = dashboard(city, 2025)
    assert board.grouped
    assert [(row.group.short_name, row.unit.short_name) for row in board.rows] == [
        ("第0区", "第0区"), ("第0区", "第0街道"), ("第0区", "第1街道"),
        ("第1区", "第1区"), ("第1区", "第0街道"), ("第1区", "第1街道"),
    ]  # fmt: skip
    # The city receives the districts' own reports, not the units' (their district does).
    steps = {
        row.unit.short_name: [s.action for s in row.steps]
        for row in board.rows
        if row.group.pk == row.unit.pk
    }
    assert all(not row.steps for row in board.rows if row.unit.kind == Unit.Kind.SUBDISTRICT)
    assert steps == {"第0区": ["reopen"], "第1区": ["reopen"]}
    assert {row.holder for row in board.rows if row.status == Report.Status.APPROVED} == {"区级"}


def test_the_city_matrix_has_a_row_per_district_from_its_units_figures(client, db):
    _, office = build_city("yd", 2, 3)
    client.force_login(office)
    page = client.get(reverse("district:matrix", args=[2025]))
    matrix = page.context["matrix"]
    assert [row.label for row in matrix.rows] == ["第0区", "第1区"]
    assert [row.cells[0].text for row in matrix.rows] == ["30余", "30余"]  # three units of 10余 each
    assert matrix.totals.label == "全市合计" and matrix.totals.cells[0].figure == Figure(
        60, Qualifier.MORE_THAN
    )
    assert matrix.rows[0].status == "3个单位中的3个有数据"
    assert "各区县指标目录按指标编码对应" in page.content.decode()


def test_the_city_zip_and_volume_take_every_report_below_in_tree_order(db):
    city, _ = build_city("yd", 2, 2)
    delivered = [r.unit.name for r in delivered_reports(city, 2025)]
    assert delivered == ["第0区", "第0区第0街道", "第0区第1街道", "第1区", "第1区第0街道", "第1区第1街道"]
    assert [r.unit.name for r in accepted_reports(city, 2025)] == ["第0区", "第1区"]


@pytest.mark.parametrize("page", ["district:dashboard", "district:matrix"])
def test_the_city_pages_cost_the_same_queries_at_two_tree_sizes(
    client, db, page, django_assert_max_num_queries
):
    _, small = build_city("small", 2, 2)
    _, big = build_city("big", 5, 6)
    url = reverse(page, args=[2025])
    counts = {}
    for label, office in (("small", small), ("big", big)):
        client.force_login(office)
        client.get(url)  # warm
        with django_assert_max_num_queries(20) as captured:
            assert client.get(url).status_code == 200
        counts[label] = len(captured.captured_queries)
    assert counts["big"] == counts["small"]


def test_the_city_chart_page_compares_the_districts_and_follows_the_city_over_the_years(client, db):
    _, office = build_city("yd", 2, 3)
    client.force_login(office)
    matrix = client.get(reverse("district:matrix", args=[2025])).context["matrix"]
    url = reverse("district:indicator", args=[2025, matrix.indicators[0].pk])
    page = client.get(url)
    assert page.status_code == 200
    trend = page.context["trend"]
    assert trend.grouped and [row.label for row in trend.rows] == ["第0区", "第1区"]
    assert trend.district.label == "全市合计" and trend.district.cells[-1].text == "60余"
    assert "2025年度各区县对比" in page.content.decode()


def test_a_district_office_cannot_open_another_districts_indicator(client, db):
    city, _ = build_city("yd", 2, 1)
    first, second = city.children.order_by("position")
    office = make_user("first-office", first, Membership.Role.DISTRICT_OFFICE)
    client.force_login(office)
    other = second.indicators.get()
    assert client.get(reverse("district:indicator", args=[2025, other.pk])).status_code == 404


def test_the_citys_search_reaches_the_units_below_its_districts(client, db):
    """It searched only the units directly below the city (the districts' own reports): "找到0份报告" for
    words every unit's report has; the unit filter lists the districts and their units."""
    _city, office = build_city("yd", districts=2, units_each=2)
    Report.objects.filter(unit__kind=Unit.Kind.SUBDISTRICT).update(title="关于调解工作的报告")
    client.force_login(office)
    page = client.get(reverse("district:search"), {"q": "调解工作"}).content.decode()
    assert page.count("<mark>调解工作</mark>") == 4
    assert 'value="yd-d1-u0"' in page  # a unit of the second district in the filter
    page = client.get(reverse("district:search"), {"q": "调解工作", "unit": "yd-d1-u0"}).content.decode()
    assert page.count("<mark>调解工作</mark>") == 1


def test_the_citys_set_up_and_board_speak_of_the_city_not_the_district(client, db):
    _city, office = build_city("yd", districts=1, units_each=1)
    client.force_login(office)
    setup = client.get(reverse("district:setup", args=[2025])).content.decode()
    board = client.get(reverse("district:dashboard", args=[2025])).content.decode()
    assert "本年度市里尚未设置提纲" in setup and "区里" not in setup
    assert "报告只由市级公开" in board and "区级公开" not in board
