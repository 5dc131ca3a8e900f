"""A district's indicator values across units and years: the matrix of a year, one indicator over the
years, one unit over the years. A city's (any office with units two levels below it) matrix has a row per
district, each the district's figure from its units' values, matched across the districts' catalogues
by indicator code.

Values come from reports the units' leaders have approved (approved or accepted), unless drafts are asked
for. Each view costs the same few queries for 10 units or 1,000: the values are fetched in one query as
tuples (no model instances: 40,000 of them would cost more than the page may) and joined here.
"""

from dataclasses import dataclass, field

from reports.deadlines import DELIVERED
from reports.models import Report, Unit, ancestor_ids

from .aggregation import Figure, has_number, qualified_average, qualified_sum, year_on_year
from .models import Indicator, IndicatorValue

MISSING = Figure()


@dataclass
class Cell:
    """A figure as the page shows it: "—" when missing, "不适用", or the number with its qualifier."""

    figure: Figure
    text: str
    css: str

    @classmethod
    def of(cls, figure, unit=""):
        if figure.missing:
            return cls(figure, "—", "missing")
        if figure.not_applicable:
            return cls(figure, "不适用", "not-applicable")
        return cls(figure, figure.text(unit), "")


@dataclass
class Row:
    label: str
    cells: list[Cell]
    unit: object = None
    status: str = ""  # the report's status label ("" when there is no report)
    change: str = ""  # year on year, where the page shows it


@dataclass
class Matrix:
    year: int
    indicators: list
    rows: list[Row]
    totals: Row
    averages: Row
    coverage: Row  # how many units each total and average covers
    grouped: bool = False  # a row per district (a city's matrix), not per unit


def coverage_text(figures, short=False):
    """ "8个单位中的1个已填报": what a district figure covers (figures that are missing do not count)."""
    reported = sum(1 for f in figures if has_number(f) or f.not_applicable)
    return f"{reported}/{len(figures)}" if short else f"{len(figures)}个单位中的{reported}个已填报"


def _values(district, include_drafts, **filters):
    """(unit id, year, indicator id) → Figure, one query."""
    values = IndicatorValue.objects.filter(report__unit__parent=district, **filters)
    if not include_drafts:
        values = values.filter(report__status__in=DELIVERED)
    rows = values.values_list(
        "report__unit_id", "report__year", "indicator_id", "value", "qualifier", "not_applicable"
    )
    return {(u, y, i): Figure(value, qualifier, na) for u, y, i, value, qualifier, na in rows}


def _units(district):
    return list(district.children.order_by("position", "code"))


def district_figure(indicator, figures):
    """What the district as a whole has: the total, or for a percentage the average of the units'."""
    if indicator.kind == Indicator.Kind.PERCENT:
        return qualified_average(figures)
    return qualified_sum(figures)


def year_matrix(district, year, include_drafts=False, category=""):
    if Unit.objects.below(district).exclude(parent=district).exists():
        return branch_matrix(district, year, include_drafts, category)
    indicators = Indicator.objects.for_year(district, year)
    if category:
        indicators = indicators.filter(category=category)
    indicators = list(indicators)
    units = _units(district)
    statuses = dict(Report.objects.filter(unit__parent=district, year=year).values_list("unit_id", "status"))
    labels = {value: str(label) for value, label in Report.Status.choices}
    values = _values(district, include_drafts, report__year=year)
    columns = {i.pk: [] for i in indicators}
    rows = []
    for unit in units:
        cells = []
        for indicator_id, column in columns.items():  # 40,000 cells for 1,000 units: no .pk lookups
            figure = values.get((unit.id, year, indicator_id), MISSING)
            column.append(figure)
            cells.append(Cell.of(figure))
        rows.append(Row(unit.short_name, cells, unit=unit, status=labels.get(statuses.get(unit.id), "")))
    totals = [
        Cell(MISSING, "", "not-summed")
        if i.kind == Indicator.Kind.PERCENT
        else Cell.of(qualified_sum(columns[i.pk]))
        for i in indicators
    ]
    averages = [Cell.of(qualified_average(columns[i.pk])) for i in indicators]
    coverage = [Cell(MISSING, coverage_text(columns[i.pk], short=True), "coverage") for i in indicators]
    return Matrix(
        year,
        indicators,
        rows,
        Row("全区合计", totals),
        Row("单位平均", averages),
        Row("已填报单位", coverage),
    )


def branch_matrix(office, year, include_drafts=False, category=""):
    """The matrix of an office with units two levels below it (a city): one row per unit directly below it
    (a district), whose figure for an indicator is the district's total (or average) over its own units'
    values, as the district's matrix computes it; the office's totals over those rows. The districts'
    catalogues are matched by code (the first district's name and unit head the column). The districts'
    own reports are not added in: their figures restate their units'. Four queries at any size."""
    branches = list(office.children.order_by("position", "code"))
    catalogue = Indicator.objects.for_year_below(office, year).select_related("district")
    if category:
        catalogue = catalogue.filter(category=category)
    columns = {}
    for indicator in sorted(catalogue, key=lambda i: (i.district.position, i.district.code, i.position)):
        columns.setdefault(indicator.code, indicator)
    indicators = list(columns.values())
    values = (
        IndicatorValue.objects.filter(report__unit__path__startswith=office.path, report__year=year)
        .exclude(report__unit__parent=office)
        .exclude(report__unit=office)
    )
    if not include_drafts:
        values = values.filter(report__status__in=DELIVERED)
    units_below = {branch.pk: [] for branch in branches}  # the units of each district that report
    reporting_units = Unit.objects.below(office).exclude(parent=office).values_list("pk", "path")
    for pk, path in reporting_units:
        units_below.setdefault(ancestor_ids(path)[office.depth + 1], []).append(pk)
    figures = {}
    rows = values.values_list("report__unit_id", "indicator__code", "value", "qualifier", "not_applicable")
    for unit_id, code, value, qualifier, na in rows:
        figures[(unit_id, code)] = Figure(value, qualifier, na)
    with_figures = {unit_id for unit_id, _ in figures}
    columns_figures = {code: [] for code in columns}
    matrix_rows = []
    for branch in branches:
        unit_ids = units_below.get(branch.pk, [])
        cells = []
        for code, indicator in columns.items():
            branch_figures = [figures.get((unit_id, code), MISSING) for unit_id in unit_ids]
            figure = district_figure(indicator, branch_figures) if unit_ids else MISSING
            columns_figures[code].append(figure)
            cells.append(Cell.of(figure))
        reported = sum(1 for unit_id in unit_ids if unit_id in with_figures)
        status = f"{len(unit_ids)}个单位中的{reported}个有数据"
        matrix_rows.append(Row(branch.short_name, cells, unit=branch, status=status))
    totals = [
        Cell(MISSING, "", "not-summed")
        if i.kind == Indicator.Kind.PERCENT
        else Cell.of(qualified_sum(columns_figures[i.code]))
        for i in indicators
    ]
    averages = [Cell.of(qualified_average(columns_figures[i.code])) for i in indicators]
    coverage = [
        Cell(MISSING, coverage_text(columns_figures[i.code], short=True), "coverage") for i in indicators
    ]
    return Matrix(
        year,
        indicators,
        matrix_rows,
        Row(f"全{office.get_kind_display()}合计", totals),
        Row("各区县平均", averages),
        Row("有数据的区县", coverage),
        grouped=True,
    )


@dataclass
class Trend:
    """Figures over ``years``: the district's line and one row per unit (or per indicator)."""

    years: list[int]
    district: Row | None = None
    coverage: Row | None = None  # how many units the district's figure of each year covers
    rows: list[Row] = field(default_factory=list)
    change_withheld: bool = False  # other units reported in the two years: the district's change not computed


def _change_text(current, previous, unit):
    change = year_on_year(current, previous)
    return change.describe(unit) if change else ""


def _district_change(indicator, current, previous, same_units=False):
    """The district's change. When other units reported in the two years, the totals are not comparable
    (a unit reporting for the first time is not growth, one missing is not a fall): no change is computed
    unless ``same_units`` asks for it on a like-for-like basis, over the units with a figure in both."""
    if not current or not previous:
        return ""
    now, before = _reporting(current), _reporting(previous)
    both = sorted(now & before)
    if now != before and not same_units:
        return f"两年填报的单位不同（上年{len(before)}个，本年{len(now)}个），未计算增减"
    text = _change_text(
        district_figure(indicator, [current[n] for n in both]),
        district_figure(indicator, [previous[n] for n in both]),
        indicator.unit,
    )
    if text and now != before:
        text += f"（按两年都有数据的{len(both)}个单位）"
    return text


def _reporting(figures):
    """The positions of the units that have a number among ``figures``."""
    return {n for n, figure in enumerate(figures) if has_number(figure)}


def indicator_trend(district, indicator, year, include_drafts=False, same_units=False):
    """One indicator over the years, for the district and each unit; changes are ``year`` on the year before
    (the district's only between the same units, see ``_district_change``)."""
    values = _values(district, include_drafts, indicator=indicator)
    years = sorted({y for _, y, _ in values} | {year})
    units = _units(district)
    by_year = {y: [values.get((u.pk, y, indicator.pk), MISSING) for u in units] for y in years}
    district_row = Row(
        "全区" + ("平均" if indicator.kind == Indicator.Kind.PERCENT else "合计"),
        [Cell.of(district_figure(indicator, by_year[y])) for y in years],
        change=_district_change(indicator, by_year.get(year), by_year.get(year - 1), same_units),
    )
    coverage = Row("填报情况", [Cell(MISSING, coverage_text(by_year[y]), "coverage") for y in years])
    rows = []
    for index, unit in enumerate(units):
        figures = {y: by_year[y][index] for y in years}
        rows.append(
            Row(
                unit.short_name,
                [Cell.of(figures[y]) for y in years],
                unit=unit,
                change=_change_text(figures[year], figures.get(year - 1), indicator.unit),
            )
        )
    current, previous = by_year.get(year), by_year.get(year - 1)
    withheld = bool(current and previous and _reporting(current) != _reporting(previous) and not same_units)
    return Trend(years, district=district_row, coverage=coverage, rows=rows, change_withheld=withheld)


def unit_trend(district, unit, year, include_drafts=False):
    """One unit's indicators over the years; changes are ``year`` on the year before."""
    values = _values(district, include_drafts, report__unit=unit)
    years = sorted({y for _, y, _ in values} | {year})
    indicators = Indicator.objects.for_year(district, year)
    rows = []
    for indicator in indicators:
        figures = {y: values.get((unit.pk, y, indicator.pk), MISSING) for y in years}
        rows.append(
            Row(
                f"{indicator.name}（{indicator.unit}）",
                [Cell.of(figures[y]) for y in years],
                change=_change_text(figures[year], figures.get(year - 1), indicator.unit),
            )
        )
    return Trend(years, rows=rows)
