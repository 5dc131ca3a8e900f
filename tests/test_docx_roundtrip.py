"""Round trip: a report exported to .docx and that file imported give the same structure and text, and
the indicator values come back from the attachment's table."""

import datetime

import pytest

from indicators.models import Indicator, IndicatorValue
from reports.actions import start_report
from reports.importing import read_report_file
from reports.importing.preview import preview_import
from reports.importing.save import save_import
from reports.models import Item, Organ, Report, Unit
from reports.rendering.document import report_to_text
from reports.rendering.docx import render_docx
from tests.document_helpers import make_full_report
from tests.docx_helpers import seed_report

pytestmark = pytest.mark.django_db


def structure(report):
    report = Report.objects.get(pk=report.pk)
    return {
        "header": [
            report.title,
            report.document_number,
            report.addressee,
            report.preamble,
            report.signing_date,
        ],
        "organs": [(o.role, o.name) for o in report.organs.all()],
        "sections": [
            (
                s.heading,
                s.kind,
                [(i.level, i.style, i.joins_previous, i.heading, i.body) for i in s.items.all()],
            )
            for s in report.sections.all()
        ],
    }


def values(report):
    return {
        v.indicator.code: (v.value, v.qualifier, v.not_applicable)
        for v in IndicatorValue.objects.filter(report=report).select_related("indicator")
    }


def round_trip(report, into):
    """Export ``report`` as .docx, import the file as ``into``'s report of the same year."""
    text = read_report_file(
        "report.docx", render_docx(Report.objects.select_related("unit").get(pk=report.pk))
    )
    preview = preview_import(text, Indicator.objects.for_year(into.district, report.year))
    assert preview.warnings == []
    return save_import(preview.parsed, into, report.year, None, suggestions=preview.suggestions)


def test_the_seed_report_with_its_figures(unit, other_unit):
    report = seed_report(unit, signing_date=datetime.date(2025, 1, 10))
    Organ.objects.create(
        report=report, role=Organ.Role.SIGNING, position=0, name="黔江区人民政府城西街道办事处"
    )
    copy = round_trip(report, other_unit)
    assert structure(copy) == structure(report)
    assert report_to_text(copy) == report_to_text(report)
    assert values(copy) == values(report)
    assert len(values(copy)) > 40


def test_a_full_report_with_every_kind_of_item_and_last_years_figures(unit, other_unit):
    report = make_full_report(unit, year=2024)
    report.document_number = "城西委文〔2025〕3号"
    report.save()
    assert {i.style for i in Item.objects.filter(section__report=report)} == set(Item.Style.values)
    copy = round_trip(report, other_unit)
    assert structure(copy) == structure(report)
    assert report_to_text(copy) == report_to_text(report)
    assert values(copy) == values(report)


@pytest.fixture
def new_draft(unit):
    report = start_report(None, unit, 2025)
    measures = report.sections.first()
    Item.objects.create(
        section=measures, position=0, heading="加强学法，提升能力。", body="全年开展中心组学法10次。"
    )
    return report


def without_kinds(structure):
    return [(heading, items) for heading, _, items in structure["sections"]]


def test_a_new_draft_with_the_outlines_empty_sections(new_draft, other_unit):
    copy = round_trip(new_draft, other_unit)
    assert without_kinds(structure(copy)) == without_kinds(structure(new_draft))
    assert report_to_text(copy) == report_to_text(new_draft)


def test_the_outlines_section_kinds_survive(new_draft, other_unit):
    copy = round_trip(new_draft, other_unit)
    assert structure(copy)["sections"] == structure(new_draft)["sections"]


def test_a_single_organ_report_with_a_value_the_text_does_not_state(district):
    town = Unit.objects.create(
        code="datong", name="大同镇", short_name="大同镇", kind=Unit.Kind.TOWN, parent=district
    )
    elsewhere = Unit.objects.create(
        code="shihui", name="石会镇", short_name="石会镇", kind=Unit.Kind.TOWN, parent=district
    )
    report = Report.objects.create(
        unit=town, year=2025, addressee="区委、区政府：", preamble="现将有关情况报告如下："
    )
    Organ.objects.create(report=report, role=Organ.Role.ISSUING, position=0, name="大同镇人民政府")
    section = report.sections.create(position=0, kind="measures", heading="主要举措")
    Item.objects.create(
        section=section, position=0, style="heading", heading="依法决策", body="严格落实合法性审查。"
    )
    indicator = Indicator.objects.create(
        district=district,
        code="reconsideration",
        name="行政复议案件",
        unit="件",
        category="disputes",
        first_year=2020,
    )
    IndicatorValue.objects.create(report=report, indicator=indicator, value=0)
    copy = round_trip(report, elsewhere)
    assert structure(copy) == structure(report)
    assert values(copy) == {"reconsideration": (0, "exact", False)}
