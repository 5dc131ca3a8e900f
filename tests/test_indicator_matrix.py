"""Indicators across units and years: sums that keep qualifiers, "not applicable" vs missing vs 0, totals
and averages, year on year, charts, and the XLSX/CSV exports with formula injection neutralised."""

import csv
import io
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse

from indicators.aggregation import Figure, qualified_average, qualified_sum
from indicators.charts import bar_chart, line_chart
from indicators.exports import neutralise
from indicators.matrix import indicator_trend, unit_trend, year_matrix
from reports.models import Report, Unit
from tests.district_helpers import indicator, report_in, value

YEAR = 2025
EXACT, MORE, NEARLY, ABOUT = "exact", "more_than", "nearly", "about"


def fig(number=None, qualifier=EXACT, na=False):
    return Figure(None if number is None else Decimal(number), qualifier, na)


# --- Sums that keep the qualifier -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("figures", "text"),
    [
        ([fig(400, MORE), fig(12)], "412余"),
        ([fig(700, NEARLY), fig(12)], "近712"),
        ([fig(50, ABOUT), fig(12)], "约62"),
        ([fig(400, MORE), fig(700, NEARLY)], "约1100"),  # one says more, the other less
        ([fig(400, MORE), fig(100, MORE)], "500余"),
        ([fig(3), fig(na=True), fig()], "3"),  # not applicable and missing add nothing
        ([fig(0), fig(0)], "0"),
        ([fig(na=True), fig(na=True)], "不适用"),
        ([fig(), fig()], ""),
        ([], ""),
    ],
)
def test_a_sum_keeps_the_reports_qualifiers(figures, text):
    assert qualified_sum(figures).text() == text


def test_a_sum_reads_with_its_unit():
    assert qualified_sum([fig(400, MORE), fig(12)]).text("人次") == "412余人次"


def test_the_average_counts_only_units_with_a_number():
    assert qualified_average([fig(400, MORE), fig(12), fig(na=True), fig()]).text() == "206余"
    assert qualified_average([fig(1), fig(2)]).text() == "1.5"
    assert qualified_average([fig(na=True)]).text() == "不适用"


# --- The year's matrix -----------------------------------------------------------------------------------


@pytest.fixture
def data(district, unit, other_unit):
    """城西 and 城东 approved, a town with a draft, a unit with no report; three indicators."""
    Unit.objects.filter(pk=other_unit.pk).update(position=2)
    town = Unit.objects.create(
        code="town", name="黔江区濯水镇", short_name="濯水镇", kind="town", parent=district, position=3
    )
    Unit.objects.create(
        code="none",
        name="黔江区冯家街道",
        short_name="冯家街道",
        kind="subdistrict",
        parent=district,
        position=4,
    )
    trainees = indicator(district, "trainees", "法治培训", unit="人次", position=1)
    fines = indicator(district, "fines", "罚没金额", unit="元", kind="amount", position=2)
    rate = indicator(district, "rate", "调解成功率", unit="%", kind="percent", position=3)
    chengxi = report_in(unit, YEAR, Report.Status.APPROVED)
    chengdong = report_in(other_unit, YEAR, Report.Status.ACCEPTED)
    draft = report_in(town, YEAR, Report.Status.DRAFT)
    value(chengxi, trainees, 400, MORE)
    value(chengdong, trainees, 12)
    value(draft, trainees, 5)
    value(chengxi, fines, not_applicable=True)
    value(chengdong, fines, 0)
    value(chengxi, rate, 100)
    value(chengdong, rate, 90)
    return {"trainees": trainees, "fines": fines, "rate": rate, "chengxi": chengxi}


def texts(row):
    return [cell.text for cell in row.cells]


def test_the_matrix_shows_missing_not_applicable_and_zero_apart(district, data):
    matrix = year_matrix(district, YEAR)
    assert [i.code for i in matrix.indicators] == ["trainees", "fines", "rate"]
    rows = {row.label: row for row in matrix.rows}
    assert list(rows) == ["城西街道", "城东街道", "濯水镇", "冯家街道"]
    assert texts(rows["城西街道"]) == ["400余", "不适用", "100"]
    assert texts(rows["城东街道"]) == ["12", "0", "90"]
    assert texts(rows["濯水镇"]) == ["—", "—", "—"]  # a draft's figures are not counted by default
    assert [c.css for c in rows["城西街道"].cells] == ["", "not-applicable", ""]
    assert [c.css for c in rows["冯家街道"].cells] == ["missing"] * 3
    assert (rows["城西街道"].status, rows["冯家街道"].status) == ("已审核", "")


def test_totals_and_averages_keep_qualifiers_and_do_not_sum_percentages(district, data):
    matrix = year_matrix(district, YEAR)
    assert texts(matrix.totals) == ["412余", "0", ""]
    assert texts(matrix.averages) == ["206余", "0", "95"]


def test_drafts_count_when_asked_for(district, data):
    matrix = year_matrix(district, YEAR, include_drafts=True)
    assert texts(matrix.rows[2]) == ["5", "—", "—"]
    assert texts(matrix.totals)[0] == "417余"


def test_the_matrix_by_category(district, data):
    from indicators.models import Indicator

    Indicator.objects.filter(pk=data["fines"].pk).update(category="enforcement")
    assert [i.code for i in year_matrix(district, YEAR, category="enforcement").indicators] == ["fines"]


def test_the_matrix_page(client, district_officer, data):
    client.force_login(district_officer)
    response = client.get(reverse("district:matrix", args=[YEAR]))
    assert response.status_code == 200
    content = response.content.decode()
    assert '<td class="">412余</td>' in content
    assert '<td class="not-applicable">不适用</td>' in content and '<td class="missing">—</td>' in content
    assert reverse("district:indicator", args=[YEAR, data["trainees"].pk]) in content


# --- Over the years ------------------------------------------------------------------------------------------


@pytest.fixture
def years(district, unit, other_unit, data):
    """2024: 城西 had 300, 城东 nothing; so the district's change compares 城西 alone."""
    last_year = report_in(unit, YEAR - 1, Report.Status.ACCEPTED)
    value(last_year, data["trainees"], 300)
    return data


def test_one_indicator_over_the_years_for_the_district_and_each_unit(district, years):
    trend = indicator_trend(district, years["trainees"], YEAR)
    assert trend.years == [2024, 2025]
    assert texts(trend.district) == ["300", "412余"]
    # 城东 reported for the first time in 2025, which is not growth: no change unless asked for, and then
    # like for like.
    assert trend.district.change == "两年填报的单位不同（上年1个，本年2个），未计算增减"
    assert trend.change_withheld
    assert [c.text for c in trend.coverage.cells] == ["4个单位中的1个已填报", "4个单位中的2个已填报"]
    like_for_like = indicator_trend(district, years["trainees"], YEAR, same_units=True)
    assert like_for_like.district.change == "增加100人次（+33.3%）（按两年都有数据的1个单位）"
    rows = {row.label: row for row in trend.rows}
    assert texts(rows["城西街道"]) == ["300", "400余"]
    assert rows["城西街道"].change == "增加100人次（+33.3%）"
    assert texts(rows["城东街道"]) == ["—", "12"] and rows["城东街道"].change == ""


def test_one_unit_over_the_years(district, unit, years):
    trend = unit_trend(district, unit, YEAR)
    assert trend.years == [2024, 2025]
    rows = {row.label: row for row in trend.rows}
    assert texts(rows["法治培训（人次）"]) == ["300", "400余"]
    assert texts(rows["罚没金额（元）"]) == ["—", "不适用"]


def test_the_indicator_page_draws_a_bar_per_unit_and_a_line_over_the_years(client, district_officer, years):
    client.force_login(district_officer)
    response = client.get(reverse("district:indicator", args=[YEAR, years["trainees"].pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert content.count('<svg xmlns="http://www.w3.org/2000/svg"') == 2
    bars, line = content.split('id="bar-chart"')[1].split('id="line-chart"')
    assert ">400余人次</text>" in bars and ">12人次</text>" in bars
    assert ">300人次</text>" in line and ">412余人次</text>" in line
    assert "<polyline" in content and "未填报" in content


def test_the_unit_page(client, district_officer, unit, years):
    client.force_login(district_officer)
    response = client.get(reverse("district:unit", args=[YEAR, unit.pk]))
    assert response.status_code == 200
    assert "增加100人次" in response.content.decode()


def test_bars_are_as_long_as_their_numbers():
    chart = bar_chart(
        [("甲", fig(100)), ("乙", fig(50, MORE)), ("丙", fig(na=True)), ("丁", fig()), ("戊", fig(0))]
    )
    widths = [bar.width for bar in chart.bars]
    assert widths[1] == widths[0] / 2 and widths[2:] == [0, 0, 0]
    assert [bar.text for bar in chart.bars] == ["100", "50余", "不适用", "未填报", "0"]


def test_the_line_rises_with_the_numbers_and_skips_gaps():
    chart = line_chart([(2023, fig(44)), (2024, fig()), (2025, fig(30))], "件")
    first, gap, last = chart.points
    assert gap.y is None and first.y < last.y  # SVG y grows downwards: 44 is higher than 30
    assert chart.path.count(",") == 2 and chart.ticks[-1][1] == "50"


# --- Exports -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["=1+2", "+86 123", "-3", "@SUM(A1)", "\t=1", "\r=1"])
def test_text_a_spreadsheet_would_run_is_neutralised(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("cell", ["城西街道", "400余", "", None, 12, Decimal("-3")])
def test_other_cells_are_left_alone(cell):
    assert neutralise(cell) == cell


@pytest.fixture
def hostile(district, unit, data):
    """A unit and an indicator named like formulas."""
    Unit.objects.filter(pk=unit.pk).update(short_name='=HYPERLINK("http://evil","点我")')
    data["rate"].name = "@SUM(1)"
    data["rate"].save()
    return data


def export(client, user, name):
    client.force_login(user)
    return client.get(reverse(name, args=[YEAR]))


def test_the_csv_has_a_bom_chinese_headers_qualified_figures_and_no_formulas(
    client, district_officer, hostile
):
    response = export(client, district_officer, "district:csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="indicators-qianjiang-2025.csv"')
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["单位", "类型", "报告状态", "法治培训（人次）", "罚没金额（元）", "'@SUM(1)（%）"]
    assert rows[1] == ['\'=HYPERLINK("http://evil","点我")', "街道", "已审核", "400余", "不适用", "100"]
    assert rows[4] == ["冯家街道", "街道", "未填报", "", "", ""]
    assert rows[-2] == ["全区合计", "", "", "412余", "0", ""]
    assert rows[-1] == ["单位平均", "", "", "206余", "0", "95"]


def test_the_xlsx_keeps_numbers_as_numbers_with_their_qualifier_in_the_format(
    client, district_officer, hostile
):
    response = export(client, district_officer, "district:xlsx")
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet.title == "2025年度指标"
    header = [c.value for c in sheet[1]]
    assert header == ["单位", "类型", "报告状态", "法治培训（人次）", "罚没金额（元）", "'@SUM(1)（%）"]
    chengxi = sheet[2]
    assert chengxi[0].value == '\'=HYPERLINK("http://evil","点我")' and chengxi[0].data_type == "s"
    assert (chengxi[3].value, chengxi[3].number_format) == (400, '0"余"')
    assert chengxi[4].value == "不适用"
    assert [c.value for c in sheet[5]][3:] == [None, None, None]  # missing stays empty, not 0
    assert (sheet[3][4].value, sheet[3][4].number_format) == (0, "0")
    totals = [c.value for c in sheet[sheet.max_row - 1]]
    assert totals[0] == "全区合计" and totals[3] == 412
    assert sheet[sheet.max_row - 1][3].number_format == '0"余"'
    assert sheet.freeze_panes == "B2"


def test_the_district_pages_say_how_many_units_a_figure_covers(client, district_officer, district, years):
    """Issue 15 #6: 全区合计 2024 = 3875, 2025 = 215, "减少1490件" covered 1 of 8 units without saying so."""
    client.force_login(district_officer)
    page = client.get(reverse("district:indicator", args=[YEAR, years["trainees"].pk])).content.decode()
    assert "4个单位中的1个已填报" in page and "未计算增减" in page and "按两年都填报的单位比较" in page
    compared = client.get(reverse("district:indicator", args=[YEAR, years["trainees"].pk]) + "?same_units=1")
    assert "按两年都有数据的1个单位" in compared.content.decode()
    matrix = client.get(reverse("district:matrix", args=[YEAR])).content.decode()
    assert 'id="coverage"' in matrix and "已填报单位" in matrix


# --- The header and rows written in Python (issue 13) ------------------------------------------------------

# The loops of templates/district/matrix.html as they were, before matrix_tags.matrix_header/matrix_rows.
TEMPLATE_HEADER = """{% load matrix_tags %}    {% for indicator in matrix.indicators %}<th><a href="{% url 'district:indicator' year indicator.pk %}{% if include_drafts %}?drafts=1{% endif %}">{{ indicator.name }}</a><br><span class="text-muted fw-normal">（{{ indicator.unit }}）</span></th>{% endfor %}
"""
TEMPLATE_ROWS = """{% load matrix_tags %}  {% for row in matrix.rows %}
    {% if matrix.grouped %}<tr><td>{{ row.label }} <span class="small text-muted">{{ row.status }}</span></td>{{ row|cells }}</tr>
    {% else %}<tr><td><a href="{% url 'district:unit' year row.unit.pk %}">{{ row.label }}</a>{% if not row.status %} <span class="small text-muted">未填报</span>{% endif %}</td>{{ row|cells }}</tr>{% endif %}
  {% endfor %}
"""


@pytest.mark.parametrize("include_drafts", [False, True])
@pytest.mark.parametrize("grouped", [False, True])
def test_the_matrix_is_written_as_the_template_wrote_it(district, data, include_drafts, grouped):
    from django.template import Context, Template

    from indicators.templatetags.matrix_tags import matrix_header, matrix_rows

    matrix = year_matrix(district, YEAR, include_drafts=include_drafts)
    matrix.grouped = grouped
    matrix.rows[0].label = "城西<街道>&"  # escaped like {{ }}
    matrix.indicators[0].name = "调解<成功>"
    context = Context({"matrix": matrix, "year": YEAR, "include_drafts": include_drafts})
    assert (
        Template(TEMPLATE_HEADER).render(context)
        == "    " + matrix_header(matrix, YEAR, include_drafts) + "\n"
    )
    assert Template(TEMPLATE_ROWS).render(context) == "  " + matrix_rows(matrix, YEAR) + "\n"
    assert "城西&lt;街道&gt;&amp;" in matrix_rows(matrix, YEAR) and len(matrix.rows) >= 2
    assert {row.status for row in matrix.rows} >= {""} and any(row.status for row in matrix.rows)
