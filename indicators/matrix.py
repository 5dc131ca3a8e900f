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


def _values(district, include_drafts, reports=None, **filters):
    """(unit id, year, indicator id) → Figure, one query; only of ``reports`` when given."""
    values = IndicatorValue.objects.filter(report__unit__parent=district, **filters)
    if reports is not None:
        values = values.filter(report__in=reports)
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


def year_matrix(district, year, include_drafts=False, category="", reports=None):
    """The units' figures for ``year``; with ``reports`` (a queryset), only those reports' units and
    figures (the public site's table: published reports only)."""
    if reports is None and has_branches(district):
        return branch_matrix(district, year, include_drafts, category)
    indicators = Indicator.objects.for_year(district, year)
    if category:
        indicators = indicators.filter(category=category)
    indicators = list(indicators)
    units = _units(district)
    if reports is not None:
        published_units = set(reports.values_list("unit_id", flat=True))
        units = [unit for unit in units if unit.pk in published_units]
    statuses = dict(Report.objects.filter(unit__parent=district, year=year).values_list("unit_id", "status"))
    labels = {value: str(label) for value, label in Report.Status.choices}
    values = _values(district, include_drafts, reports, report__year=year)
    # 40,000 cells for 1,000 units: a Cell per distinct figure (many units write the same small numbers,
    # or nothing), and each cell one dictionary lookup.
    indicator_ids = [i.pk for i in indicators]
    cell_of = {MISSING: Cell.of(MISSING)}
    cells_at = {}
    for key, figure in values.items():
        cell = cell_of.get(figure)
        if cell is None:
            cell = cell_of[figure] = Cell.of(figure)
        cells_at[key] = cell
    missing = cell_of[MISSING]
    rows = [
        Row(
            unit.short_name,
            [cells_at.get((unit.id, year, i), missing) for i in indicator_ids],
            unit=unit,
            status=labels.get(statuses.get(unit.id), ""),
        )
        for unit in units
    ]
    columns = {i: [values.get((unit.id, year, i), MISSING) for unit in units] for i in indicator_ids}
    sums = {i.pk: qualified_sum(columns[i.pk]) for i in indicators}
    totals = [
        Cell(MISSING, "", "not-summed") if i.kind == Indicator.Kind.PERCENT else Cell.of(sums[i.pk])
        for i in indicators
    ]
    averages = [Cell.of(qualified_average(columns[i.pk], sums[i.pk])) for i in indicators]
    coverage = [Cell(MISSING, coverage_text(columns[i.pk], short=True), "coverage") for i in indicators]
    return Matrix(
        year,
        indicators,
        rows,
        Row("全区合计", totals),
        Row("单位平均", averages),
        Row("已填报单位", coverage),
    )


def has_branches(office):
    """Whether ``office`` has units two levels below it (a city, whose districts have units)."""
    return Unit.objects.below(office).exclude(parent=office).exists()


@dataclass
class Branches:
    """The units directly below an office (a city's districts) and each one's figures, as the district's
    own matrix computes them from its units' values (the total, or for a percentage the average)."""

    branches: list  # the units directly below the office, in order
    units: dict  # branch id → ids of the units below it
    values: dict  # (unit id, year, indicator code) → Figure

    def figure(self, branch, year, indicator):
        unit_ids = self.units.get(branch.pk, [])
        if not unit_ids:
            return MISSING
        return district_figure(
            indicator, [self.values.get((u, year, indicator.code), MISSING) for u in unit_ids]
        )

    def reporting(self, branch, year):
        """How many of the branch's units have a figure for ``year``."""
        with_figures = {u for u, y, _ in self.values if y == year}
        return sum(1 for u in self.units.get(branch.pk, []) if u in with_figures)


def branch_figures(office, include_drafts=False, **filters):
    """``Branches`` of ``office`` from the values of the units two or more levels below it: the districts'
    own reports are left out (their figures restate their units'). Three queries at any size."""
    branches = list(office.children.order_by("position", "code"))
    units = {branch.pk: [] for branch in branches}
    for pk, path in Unit.objects.below(office).exclude(parent=office).values_list("pk", "path"):
        units.setdefault(ancestor_ids(path)[office.depth + 1], []).append(pk)
    values = (
        IndicatorValue.objects.filter(report__unit__path__startswith=office.path, **filters)
        .exclude(report__unit__parent=office)
        .exclude(report__unit=office)
    )
    if not include_drafts:
        values = values.filter(report__status__in=DELIVERED)
    rows = values.values_list(
        "report__unit_id", "report__year", "indicator__code", "value", "qualifier", "not_applicable"
    )
    figures = {(u, y, code): Figure(value, qualifier, na) for u, y, code, value, qualifier, na in rows}
    return Branches(branches, units, figures)


def catalogue_below(office, year, category=""):
    """The columns of a city's matrix: the districts' catalogues for ``year`` matched by code, each headed
    by the first district's indicator of that code."""
    catalogue = Indicator.objects.for_year_below(office, year).select_related("district")
    if category:
        catalogue = catalogue.filter(category=category)
    columns = {}
    for indicator in sorted(catalogue, key=lambda i: (i.district.position, i.district.code, i.position)):
        columns.setdefault(indicator.code, indicator)
    return list(columns.values())


def branch_matrix(office, year, include_drafts=False, category=""):
    """The matrix of an office with units two levels below it (a city): one row per unit directly below it
    (a district) with the district's figures (``Branches``), and the office's totals over those rows."""
    indicators = catalogue_below(office, year, category)
    found = branch_figures(office, include_drafts, report__year=year)
    columns = {i.code: [] for i in indicators}
    matrix_rows = []
    for branch in found.branches:
        cells = []
        for indicator in indicators:
            figure = found.figure(branch, year, indicator)
            columns[indicator.code].append(figure)
            cells.append(Cell.of(figure))
        status = f"{len(found.units.get(branch.pk, []))}个单位中的{found.reporting(branch, year)}个有数据"
        matrix_rows.append(Row(branch.short_name, cells, unit=branch, status=status))
    totals = [
        Cell(MISSING, "", "not-summed")
        if i.kind == Indicator.Kind.PERCENT
        else Cell.of(qualified_sum(columns[i.code]))
        for i in indicators
    ]
    averages = [Cell.of(qualified_average(columns[i.code])) for i in indicators]
    coverage = [Cell(MISSING, coverage_text(columns[i.code], short=True), "coverage") for i in indicators]
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
    grouped: bool = False  # a row per district (a city's), not per unit


def _change_text(current, previous, unit):
    change = year_on_year(current, previous)
    return change.describe(unit) if change else ""


def district_change(indicator, current, previous, same_units=False):
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
    (the district's only between the same units, see ``district_change``). For a city: for the city and
    each district (the districts' figures from their units', ``Branches``), the indicator matched by code."""
    grouped = has_branches(district)
    if grouped:
        found = branch_figures(district, include_drafts, indicator__code=indicator.code)
        years = sorted({y for _, y, _ in found.values} | {year})
        units = found.branches
        by_year = {y: [found.figure(branch, y, indicator) for branch in units] for y in years}
        area = f"全{district.get_kind_display()}"
    else:
        values = _values(district, include_drafts, indicator=indicator)
        years = sorted({y for _, y, _ in values} | {year})
        units = _units(district)
        by_year = {y: [values.get((u.pk, y, indicator.pk), MISSING) for u in units] for y in years}
        area = "全区"
    district_row = Row(
        area + ("平均" if indicator.kind == Indicator.Kind.PERCENT else "合计"),
        [Cell.of(district_figure(indicator, by_year[y])) for y in years],
        change=district_change(indicator, by_year.get(year), by_year.get(year - 1), same_units),
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
    return Trend(
        years, district=district_row, coverage=coverage, rows=rows, change_withheld=withheld, grouped=grouped
    )


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
