import datetime

import pytest
from django.db import IntegrityError, transaction

from reports.common.ordering import next_position, reorder
from reports.models import Item, Organ, Report, Section, Unit


def test_a_unit_has_one_report_per_year(unit):
    Report.objects.create(unit=unit, year=2024)
    with pytest.raises(IntegrityError), transaction.atomic():
        Report.objects.create(unit=unit, year=2024)
    Report.objects.create(unit=unit, year=2025)  # another year is fine


def test_the_title_defaults_to_the_regulation_form_and_stays_editable(unit):
    report = Report.objects.create(unit=unit, year=2025)
    assert report.title == "关于2025年度法治政府建设情况的报告"
    report.title = "城西街道2025年度法治政府建设年度报告"
    report.save()
    report.refresh_from_db()
    assert report.title == "城西街道2025年度法治政府建设年度报告"


def test_a_new_report_is_an_editable_draft(report):
    assert report.status == Report.Status.DRAFT
    assert report.is_editable


def test_organs_keep_their_order_per_role(report):
    Organ.objects.create(
        report=report, role=Organ.Role.ISSUING, position=1, name="黔江区人民政府城西街道办事处"
    )
    Organ.objects.create(
        report=report, role=Organ.Role.ISSUING, position=0, name="中共黔江区城西街道工作委员会"
    )
    Organ.objects.create(report=report, role=Organ.Role.SIGNING, position=0, name="城西街道办事处")
    assert [o.name for o in report.issuing_organs] == [
        "中共黔江区城西街道工作委员会",
        "黔江区人民政府城西街道办事处",
    ]
    assert [o.name for o in report.signing_organs] == ["城西街道办事处"]


def test_two_sections_cannot_share_a_position(report):
    Section.objects.create(report=report, position=0, heading="工作成效")
    with pytest.raises(IntegrityError), transaction.atomic():
        Section.objects.create(report=report, position=0, heading="主要举措")


def test_items_come_back_in_position_order_and_reorder_without_conflict(report):
    section = Section.objects.create(report=report, position=0, heading="主要举措")
    first, second, third = (
        Item.objects.create(section=section, position=next_position(section.items), heading=text)
        for text in ["甲", "乙", "丙"]
    )
    assert [i.heading for i in section.items.all()] == ["甲", "乙", "丙"]

    reorder([third, first, second])

    assert [i.heading for i in section.items.all()] == ["丙", "甲", "乙"]
    assert [i.position for i in section.items.all()] == [0, 1, 2]


def test_next_position_starts_at_zero(report):
    assert next_position(report.sections.all()) == 0


def test_item_paragraphs_skip_blank_lines():
    item = Item(body="第一段。\n\n  \n第二段。")
    assert item.paragraphs == ["第一段。", "第二段。"]


def test_a_unit_knows_its_district(district, unit):
    assert unit.district == district
    assert district.district == district


def test_signing_date_is_optional(report):
    assert report.signing_date is None
    report.signing_date = datetime.date(2025, 2, 20)
    report.save()


@pytest.mark.django_db
def test_unit_codes_are_unique(district):
    with pytest.raises(IntegrityError), transaction.atomic():
        Unit.objects.create(code="qianjiang", name="重复", short_name="重复", kind=Unit.Kind.TOWN)
