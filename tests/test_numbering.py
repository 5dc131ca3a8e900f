import datetime

import pytest

from reports.models import Item, Organ, Section
from reports.rendering.document import build_blocks, format_chinese_date, report_to_text
from reports.rendering.numbering import chinese_number, heading_label, item_labels, parse_chinese_number


@pytest.mark.parametrize(
    ("n", "text"), [(1, "一"), (9, "九"), (10, "十"), (12, "十二"), (20, "二十"), (99, "九十九")]
)
def test_chinese_numbers_round_trip(n, text):
    assert chinese_number(n) == text
    assert parse_chinese_number(text) == n


def test_heading_labels_for_the_four_levels():
    assert [heading_label(level, 3) for level in (1, 2, 3, 4)] == ["三、", "（三）", "3.", "（3）"]


def items(*specs):
    return [Item(style=style, level=level, body="正文") for style, level in specs]


def test_an_empty_item_gets_no_number_and_takes_none():
    H = Item.Style.HEADING
    numbered = items((H, 2), (H, 2), (H, 2))
    numbered[0].body = ""
    assert item_labels(numbered) == ["", "（一）", "（二）"]


def test_deeper_levels_restart_under_each_heading():
    H, P = Item.Style.HEADING, Item.Style.PLAIN
    labels = item_labels(items((H, 2), (H, 3), (H, 4), (H, 4), (P, 2), (H, 3), (H, 2), (H, 3)))
    assert labels == ["（一）", "1.", "（1）", "（2）", "", "2.", "（二）", "1."]


def test_enumerations_count_one_shi_two_shi_and_restart_after_a_heading():
    E, R = Item.Style.ENUMERATED, Item.Style.RUN_IN
    assert item_labels(items((E, 2), (E, 2), (E, 2), (R, 2), (E, 2))) == [
        "一是",
        "二是",
        "三是",
        "（一）",
        "一是",
    ]


def test_dates_have_no_leading_zeros():
    assert format_chinese_date(datetime.date(2025, 2, 5)) == "2025年2月5日"


def test_a_report_prints_in_reading_order_with_generated_numbers(report):
    report.addressee = "区委、区政府："
    report.preamble = "现将有关情况报告如下："
    report.signing_date = datetime.date(2025, 2, 20)
    report.save()
    Organ.objects.create(report=report, role=Organ.Role.ISSUING, position=0, name="大同镇人民政府")
    Organ.objects.create(report=report, role=Organ.Role.SIGNING, position=0, name="大同镇人民政府")
    results = Section.objects.create(report=report, position=0, heading="工作成效")
    Item.objects.create(section=results, position=0, style="enumerated", heading="甲。", body="甲的正文。")
    Item.objects.create(section=results, position=1, style="enumerated", joins_previous=True, body="乙。")
    measures = Section.objects.create(report=report, position=1, heading="主要举措")
    Item.objects.create(
        section=measures, position=0, style="heading", heading="高度重视", body="第一段。\n第二段。"
    )
    Item.objects.create(section=measures, position=1, style="run_in", heading="健全队伍。", body="正文。")

    assert report_to_text(report).splitlines() == [
        "大同镇人民政府",
        "关于2025年度法治政府建设情况的报告",
        "区委、区政府：",
        "现将有关情况报告如下：",
        "一、工作成效",
        "一是甲。甲的正文。二是乙。",
        "二、主要举措",
        "（一）高度重视",
        "第一段。",
        "第二段。",
        "（二）健全队伍。正文。",
        "大同镇人民政府",
        "2025年2月20日",
    ]
    kinds = [block.kind for block in build_blocks(report)]
    assert kinds[:4] == ["organ", "title", "addressee", "body"]
    assert kinds[-2:] == ["signature", "date"]


def test_moving_an_item_renumbers_it(report):
    section = Section.objects.create(report=report, position=0, heading="主要举措")
    a = Item.objects.create(section=section, position=0, style="run_in", heading="甲。")
    b = Item.objects.create(section=section, position=1, style="run_in", heading="乙。")
    assert "（一）甲。" in report_to_text(report)
    a.position, b.position = 2, 0
    a.save()
    b.save()
    text = report_to_text(report)
    assert "（一）乙。" in text and "（二）甲。" in text


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (115, "一百一十五"),
        (230, "二百三十"),
        (999, "九百九十九"),
    ],
)
def test_chinese_numbers_go_to_999(n, text):
    """Issue 15 #11: a section of 100 "（一）" items could not be numbered."""
    assert chinese_number(n) == text
    assert parse_chinese_number(text) == n
    assert heading_label(2, n) == f"（{text}）"
