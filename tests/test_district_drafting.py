"""A district's own report drafted from its units' accepted reports (issue 16): the units' items grouped
by theme with their source, picked into the district's draft with a link back; the units' figures totalled
with their qualifiers, coverage and change, written into the district's sheet only where it is empty."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from indicators.models import IndicatorValue, Qualifier
from reports.district import drafting
from reports.models import Item, Membership, Report, Section, Unit
from tests.conftest import make_user
from tests.district_helpers import indicator, report_in

YEAR = 2025
Role = Membership.Role


def add_item(report, kind, heading, body=""):
    section, _ = Section.objects.get_or_create(
        report=report, kind=kind, defaults={"position": report.sections.count(), "heading": kind}
    )
    return Item.objects.create(section=section, position=section.items.count(), heading=heading, body=body)


@pytest.fixture
def units(district, unit, other_unit):
    department = Unit.objects.create(
        code="sifaju", name="黔江区司法局", short_name="区司法局", kind=Unit.Kind.DEPARTMENT, parent=district
    )
    return {"chengxi": unit, "chengdong": other_unit, "sifaju": department}


@pytest.fixture
def accepted(units):
    """城西 and 城东 accepted for 2025 (城西 also 2024); 区司法局 still a draft."""
    reports = {
        "chengxi": report_in(units["chengxi"], YEAR, Report.Status.ACCEPTED),
        "chengdong": report_in(units["chengdong"], YEAR, Report.Status.ACCEPTED),
        "sifaju": report_in(units["sifaju"], YEAR, Report.Status.DRAFT),
        "chengxi_last": report_in(units["chengxi"], YEAR - 1, Report.Status.ACCEPTED),
        "chengdong_last": report_in(units["chengdong"], YEAR - 1, Report.Status.ACCEPTED),
    }
    add_item(reports["chengxi"], "measures", "城西举措", "调解成功1705件。")
    add_item(reports["chengdong"], "measures", "城东举措", "开展学法10次。")
    add_item(reports["chengdong"], "shortcomings", "城东不足", "基层力量薄弱。")
    add_item(reports["sifaju"], "measures", "草稿里的举措", "尚未报送。")
    return reports


@pytest.fixture
def writer(district):
    """The district office's staff: office of 黔江区 and 填报员 of its own report."""
    user = make_user("qj-office", district, Role.DISTRICT_OFFICE)
    Membership.objects.create(user=user, unit=district, role=Role.STAFF)
    return user


def test_the_units_accepted_items_are_offered_by_theme_in_unit_order(district, accepted):
    themes = drafting.themes(district, YEAR)
    assert [(t.label, [i.heading for i in t.items]) for t in themes] == [
        ("主要举措", ["城东举措", "城西举措"]),  # unit order: both at position 0, by code
        ("存在的不足和原因", ["城东不足"]),
    ]  # the department's draft is not offered: only accepted reports


def test_coverage_counts_the_units_and_departments_that_reported(district, accepted):
    reports = drafting.accepted_unit_reports(district, YEAR)
    assert drafting.coverage_line(district, reports) == "全区2个街镇中2个已报送，1个部门中0个已报送"


def test_totals_keep_qualifiers_state_coverage_and_compare_the_same_units(district, accepted):
    mediated = indicator(district, "mediated", "调解成功", unit="件")
    for name, value, qualifier in (("chengxi", 400, Qualifier.MORE_THAN), ("chengdong", 12, Qualifier.EXACT)):
        IndicatorValue.objects.create(
            report=accepted[name], indicator=mediated, value=value, qualifier=qualifier
        )
    for name, value in (("chengxi_last", 300), ("chengdong_last", 10)):
        IndicatorValue.objects.create(report=accepted[name], indicator=mediated, value=value)
    IndicatorValue.objects.create(
        report=accepted["sifaju"], indicator=mediated, value=999
    )  # a draft: not counted
    [total] = drafting.totals(district, YEAR)
    assert total.cell.text == "412余件"
    assert total.coverage == "2个单位中2个填报"
    assert "102" in total.change  # 412余 on 310


def test_picked_items_are_copied_into_the_districts_draft_with_their_source(
    client, district, accepted, writer
):
    client.force_login(writer)
    assert client.post(reverse("district:draft-start", args=[YEAR])).status_code == 302
    own = Report.objects.get(unit=district, year=YEAR)
    chengdong_item = Item.objects.get(heading="城东不足")
    chengxi_item = Item.objects.get(heading="城西举措")
    version = own.version
    response = client.post(
        reverse("district:draft-pick", args=[YEAR]), {"item": [chengxi_item.pk, chengdong_item.pk]}
    )
    assert response.status_code == 302 and response.url == reverse("reports:edit", args=[own.pk])
    copies = {i.heading: i for i in Item.objects.filter(section__report=own)}
    assert copies["城西举措"].body == "调解成功1705件。" and copies["城西举措"].source == chengxi_item
    assert copies["城东不足"].section.kind == "shortcomings"
    assert copies["城西举措"].section.kind == "measures_and_results"  # the regulation's outline: same theme
    own.refresh_from_db()
    assert own.version == version + 1 and own.events.filter(action="save").exists()

    editor = client.get(reverse("reports:edit", args=[own.pk])).content.decode()
    assert "摘自：" in editor and "城西街道2025年度报告" in editor and "原文在摘录后已修改" not in editor
    Report.objects.filter(pk=accepted["chengxi"].pk).update(version=7)  # reopened and edited since
    with CaptureQueriesContext(connection) as two_sources:
        editor = client.get(reverse("reports:edit", args=[own.pk])).content.decode()
    assert "原文在摘录后已修改" in editor
    Item.objects.filter(section__report=own).update(source=None)
    with CaptureQueriesContext(connection) as no_source:
        assert "摘自：" not in client.get(reverse("reports:edit", args=[own.pk])).content.decode()
    # The sources with their sections, reports and units in one query, and none when no item has one.
    assert len(two_sources) == len(no_source) + 1


def test_only_items_of_the_units_accepted_reports_can_be_picked(client, district, accepted, writer):
    client.force_login(writer)
    client.post(reverse("district:draft-start", args=[YEAR]))
    own = Report.objects.get(unit=district, year=YEAR)
    draft_item = Item.objects.get(heading="草稿里的举措")
    elsewhere = Unit.objects.create(code="else", name="别区", short_name="别区", kind=Unit.Kind.DISTRICT)
    foreign = add_item(
        report_in(
            Unit.objects.create(code="x1", name="x", short_name="x", kind=Unit.Kind.TOWN, parent=elsewhere),
            YEAR,
            Report.Status.ACCEPTED,
        ),
        "measures",
        "别区的",
    )
    client.post(reverse("district:draft-pick", args=[YEAR]), {"item": [draft_item.pk, foreign.pk]})
    assert not Item.objects.filter(section__report=own).exists()


def test_totals_fill_only_the_empty_cells_of_the_districts_sheet(client, district, accepted, writer):
    mediated = indicator(district, "mediated", "调解成功", unit="件")
    trained = indicator(district, "trained", "培训", unit="人次", position=1)
    for name in ("chengxi", "chengdong"):
        IndicatorValue.objects.create(
            report=accepted[name], indicator=mediated, value=5, qualifier=Qualifier.NEARLY
        )
        IndicatorValue.objects.create(report=accepted[name], indicator=trained, value=3)
    client.force_login(writer)
    client.post(reverse("district:draft-start", args=[YEAR]))
    own = Report.objects.get(unit=district, year=YEAR)
    IndicatorValue.objects.create(report=own, indicator=trained, value=99)  # typed by the office: stays
    client.post(reverse("district:draft-totals", args=[YEAR]))
    values = {v.indicator.code: v for v in own.indicator_values.all()}
    assert (values["mediated"].value, values["mediated"].qualifier) == (10, Qualifier.NEARLY)
    assert "2个单位中2个填报" in values["mediated"].note
    assert values["trained"].value == 99


def test_an_office_without_a_writing_role_sees_the_page_but_may_not_write(
    client, district, accepted, district_officer
):
    client.force_login(district_officer)
    page = client.get(reverse("district:draft", args=[YEAR]))
    assert page.status_code == 200 and "城西举措" in page.content.decode()
    assert client.post(reverse("district:draft-start", args=[YEAR])).status_code == 403
    assert client.post(reverse("district:draft-pick", args=[YEAR]), {"item": [1]}).status_code == 403
    assert client.post(reverse("district:draft-totals", args=[YEAR])).status_code == 403
