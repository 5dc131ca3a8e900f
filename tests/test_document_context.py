"""The one render context: blocks, fonts of the runs, the indicator rows, and a constant query count."""

from decimal import Decimal

import pytest
from django.template import engines

from indicators.models import Indicator, IndicatorValue, Qualifier
from reports.models import Item, Report, Section
from reports.rendering.context import IndicatorRow, change_text, indicator_table, report_context
from reports.rendering.document import build_blocks
from tests.document_helpers import make_full_report


@pytest.fixture
def full_report(unit):
    return Report.objects.select_related("unit").get(pk=make_full_report(unit).pk)


def test_the_blocks_are_build_blocks(full_report):
    context = report_context(full_report)
    assert [b.text for b in context["blocks"]] == [b.text for b in build_blocks(full_report)]
    printed = context["head_blocks"] + context["body_blocks"] + context["signature_blocks"]
    assert [b.text for b in printed] == [b.text for b in context["blocks"]]
    assert [b.kind for b in context["signature_blocks"]] == ["signature", "signature", "date"]
    assert context["signature_blocks"][-1].text == "2025年2月20日"
    assert context["attachment_title"] == "主要指标统计表"


def test_run_in_level_2_headings_print_in_kaiti_enumerations_in_the_body_font(full_report):
    body = report_context(full_report)["body_blocks"]
    run_in = next(b for b in body if b.text.startswith("（一）高度重视"))
    assert [(r.text, r.font) for r in run_in.runs][:2] == [
        ("（一）", "kaiti"),
        ("高度重视，落实责任。", "kaiti"),
    ]
    assert run_in.runs[2].font == ""
    enumerated = next(b for b in body if b.text.startswith("一是干部"))
    assert all(run.font == "" for run in enumerated.runs)
    assert "二是制度建设扎实有效。" in enumerated.text  # joined into one paragraph
    third_level = next(b for b in body if b.text.startswith("1.规范"))
    assert all(run.font == "" for run in third_level.runs)
    section = next(b for b in body if b.kind == "section_heading")
    assert section.text == "一、工作成效" and {r.font for r in section.runs} == {"heiti"}


# templates/document/report.html's table body before issue 13's second round, verbatim.
TABLE_BODY = """<tbody>
    {% regroup indicator_rows by category as groups %}
    {% for group in groups %}
      <tr class="category"><th colspan="4" class="kaiti">{{ group.grouper }}</th></tr>
      {% for row in group.list %}
      <tr><td>{{ row.name }}</td><td class="number">{{ row.display }}</td><td class="number">{{ row.previous_display }}</td><td class="change">{{ row.change }}</td></tr>
      {% endfor %}
    {% endfor %}
    </tbody>"""


def test_the_table_written_out_is_the_templates_regroup(full_report):
    rows = report_context(full_report)["indicator_rows"]
    tricky = IndicatorRow("<其他>", '名"称"&', "件", "<1件>", "", "增加1件")
    for case in (rows, [*rows, tricky, tricky], [tricky], []):
        expected = engines["django"].from_string(TABLE_BODY).render({"indicator_rows": case})
        assert "<tbody>" + indicator_table(case) + "\n    </tbody>" == expected
    assert "&lt;其他&gt;" in indicator_table([tricky])


def test_indicator_rows_are_grouped_by_category_with_last_year_and_change(full_report):
    rows = report_context(full_report)["indicator_rows"]
    assert [row.category for row in rows] == ["学法培训"] * 2 + ["矛盾纠纷化解"] * 3 + ["政务公开"]
    by_name = {row.name: row for row in rows}
    petitions = by_name["处理群众信访事项"]
    assert (petitions.display, petitions.previous_display, petitions.change) == (
        "30件",
        "44件",
        "减少14件（-31.8%）",
    )
    assert by_name["法治宣讲受训"].display == "400余人次"
    assert by_name["法治宣讲受训"].previous_display == "" and by_name["法治宣讲受训"].change == ""
    assert by_name["中心组学法"].change == "增加2次（+20%）"
    assert by_name["调解成功率"].change == "增加2.5个百分点"


def test_not_applicable_and_unchanged(district, report):
    indicator = Indicator.objects.create(
        district=district, code="cases", name="行政复议案件", unit="件", category="disputes", first_year=2020
    )
    current = IndicatorValue(report=report, indicator=indicator, not_applicable=True)
    previous = IndicatorValue(indicator=indicator, value=Decimal(3))
    assert current.display == "不适用"
    assert change_text(current, previous) == ""
    same = IndicatorValue(indicator=indicator, value=Decimal(3), qualifier=Qualifier.EXACT)
    assert change_text(same, previous) == "持平"
    assert change_text(
        IndicatorValue(indicator=indicator, value=Decimal(5)), IndicatorValue(value=Decimal(0))
    ) == ("增加5件")


def test_draft_until_approved(full_report):
    assert report_context(full_report)["is_draft"]
    for status, is_draft in [
        ("submitted", True),
        ("returned", True),
        ("approved", False),
        ("accepted", False),
    ]:
        full_report.status = status
        assert report_context(full_report)["is_draft"] is is_draft


def _fresh(report):
    return Report.objects.select_related("unit").get(pk=report.pk)


def test_the_query_count_does_not_grow_with_the_report(full_report, django_assert_num_queries, unit):
    small = Report.objects.create(unit=unit, year=2030)
    Section.objects.create(report=small, position=0, heading="工作成效")
    with django_assert_num_queries(6) as small_queries:
        report_context(_fresh(small))
    section = full_report.sections.first()
    for position in range(10, 40):
        Item.objects.create(section=section, position=position, heading="又一条。", body="正文")
    with django_assert_num_queries(len(small_queries.captured_queries)):
        report_context(_fresh(full_report))
