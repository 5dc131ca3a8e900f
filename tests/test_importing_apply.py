"""Storing a parse: a new draft with organs, sections and items in order, all or nothing."""

import datetime

import pytest
from django.db import IntegrityError

from reports.importing import (
    ParsedItem,
    ParsedReport,
    ParsedSection,
    ReportExists,
    create_report_from_parse,
)
from reports.models import Item, Organ, Report, Section
from reports.rendering.document import report_to_text
from reports.rendering.filenames import document_filename

pytestmark = pytest.mark.django_db


def make_parse(**overrides):
    fields = {
        "issuing_organs": ["中共黔江区城西街道工作委员会", "黔江区人民政府城西街道办事处"],
        "document_number": "城西委文〔2025〕3号",
        "title": "关于2024年度法治政府建设情况的报告",
        "addressee": "区委、区政府：",
        "preamble": ["第一段。", "现将有关情况报告如下："],
        "sections": [
            ParsedSection(
                "工作成效",
                "achievements",
                [
                    ParsedItem(2, "enumerated", False, "学法常态化。", ["全年学法12次。"]),
                    ParsedItem(2, "enumerated", True, "", ["公开信息115条。"]),
                ],
            ),
            ParsedSection(
                "主要举措",
                "measures",
                [
                    ParsedItem(2, "plain", body=["全年扎实推进。"]),
                    ParsedItem(2, "heading", heading="规范决策", body=["第一段。", "第二段。"]),
                    ParsedItem(3, "run_in", heading="强化学法。", body=["讲座5期。"]),
                ],
            ),
        ],
        "signing_organs": ["黔江区人民政府城西街道办事处"],
        "signing_date": datetime.date(2025, 2, 20),
    }
    return ParsedReport(**{**fields, **overrides})


def test_creates_a_draft_with_the_header_fields(unit, staff):
    report = create_report_from_parse(make_parse(), unit, 2024, user=staff)
    report.refresh_from_db()
    assert (report.unit, report.year, report.status) == (unit, 2024, Report.Status.DRAFT)
    assert report.title == "关于2024年度法治政府建设情况的报告"
    assert report.document_number == "城西委文〔2025〕3号"
    assert report.addressee == "区委、区政府："
    assert report.preamble == "第一段。\n现将有关情况报告如下："
    assert report.signing_date == datetime.date(2025, 2, 20)
    assert report.updated_by == staff


def test_organs_keep_their_order_per_role(unit):
    report = create_report_from_parse(make_parse(), unit, 2024)
    assert [(o.role, o.position, o.name) for o in report.organs.all()] == [
        (Organ.Role.ISSUING, 0, "中共黔江区城西街道工作委员会"),
        (Organ.Role.ISSUING, 1, "黔江区人民政府城西街道办事处"),
        (Organ.Role.SIGNING, 0, "黔江区人民政府城西街道办事处"),
    ]


def test_sections_and_items_get_positions_from_zero_in_order(unit):
    report = create_report_from_parse(make_parse(), unit, 2024)
    sections = list(report.sections.all())
    assert [(s.position, s.kind, s.heading) for s in sections] == [
        (0, Section.Kind.ACHIEVEMENTS, "工作成效"),
        (1, Section.Kind.MEASURES, "主要举措"),
    ]
    assert [(i.position, i.style, i.joins_previous) for i in sections[0].items.all()] == [
        (0, Item.Style.ENUMERATED, False),
        (1, Item.Style.ENUMERATED, True),
    ]
    assert [(i.position, i.level, i.style, i.heading, i.body) for i in sections[1].items.all()] == [
        (0, 2, Item.Style.PLAIN, "", "全年扎实推进。"),
        (1, 2, Item.Style.HEADING, "规范决策", "第一段。\n第二段。"),
        (2, 3, Item.Style.RUN_IN, "强化学法。", "讲座5期。"),
    ]


def test_a_text_without_a_title_imports_untitled_and_prints_none(unit):
    # Issue 18: an import invents no title (the user may ask for the default one in the preview).
    report = create_report_from_parse(make_parse(title=""), unit, 2024)
    assert report.title == "" and report.untitled
    assert "关于2024年度法治政府建设情况的报告" not in report_to_text(report)


def test_a_report_made_in_the_app_still_gets_the_default_title(unit):
    report = Report.objects.create(unit=unit, year=2024)
    assert report.title == "关于2024年度法治政府建设情况的报告" and not report.untitled


def test_existing_report_for_the_year_raises_report_exists_in_chinese(unit):
    Report.objects.create(unit=unit, year=2024, title="原有报告")
    with pytest.raises(ReportExists, match=r"^城西街道2024年度报告已存在$"):
        create_report_from_parse(make_parse(), unit, 2024)
    assert Report.objects.get(unit=unit, year=2024).title == "原有报告"
    assert issubclass(ReportExists, ValueError)


def test_another_year_of_the_same_unit_is_fine(unit):
    Report.objects.create(unit=unit, year=2023)
    create_report_from_parse(make_parse(), unit, 2024)
    assert Report.objects.filter(unit=unit).count() == 2


def test_a_failure_part_way_leaves_nothing_behind(unit):
    # A negative level breaks the positive-integer check only when the last section's items are written,
    # after the report, its organs and the first section already are.
    bad = make_parse()
    bad.sections[-1].items[-1].level = -1
    with pytest.raises(IntegrityError):
        create_report_from_parse(bad, unit, 2024)
    assert not Report.objects.exists()
    assert not Organ.objects.exists()
    assert not Section.objects.exists()
    assert not Item.objects.exists()


def test_an_untitled_report_is_listed_and_named_by_the_default_title(unit):
    report = create_report_from_parse(make_parse(title=""), unit, 2024)
    assert report.display_title == "关于2024年度法治政府建设情况的报告"
    assert document_filename(report) == "城西街道2024年度法治政府建设情况的报告.pdf"
