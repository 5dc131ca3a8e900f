"""A district's own report drafted from its units' accepted reports ("从各单位报告起草", issue 16).

Nothing is invented: the page offers the units' own items, grouped by the section they stand in (the
regulation's themes: 主要举措和成效, 不足和原因, 下一年度安排…) with their unit and a link to the source,
for the office to pick (``actions.copy_items_into`` copies them into the district's draft, each keeping a
link to its source); and each indicator's district figure from the units' sheets, with its qualifier, the
coverage ("全区8个街镇中5个已报送") and the change on last year between the same units, which
``actions.fill_totals`` can write into the district's own sheet. Three queries for items and one for the
figures, whatever the number of units.
"""

from dataclasses import dataclass, field

from indicators.aggregation import Figure
from indicators.matrix import MISSING, Cell, district_change, district_figure
from indicators.models import Indicator, IndicatorValue
from reports.models import Item, Report, Section, Unit

ACCEPTED = Report.Status.ACCEPTED


@dataclass
class Theme:
    """The items of one kind of section across the units' accepted reports, in unit order."""

    kind: str
    label: str
    items: list[Item] = field(default_factory=list)


def accepted_unit_reports(district: Unit, year: int) -> list[Report]:
    return list(
        Report.objects.filter(unit__parent=district, year=year, status=ACCEPTED)
        .select_related("unit")
        .order_by("unit__position", "unit__code")
    )


def themes(district: Unit, year: int) -> list[Theme]:
    """Every non-empty item of the units' accepted ``year`` reports, grouped by its section's kind in the
    regulation's order; each item carries its section and report (with its unit) for the page's links."""
    reports = accepted_unit_reports(district, year)
    rank = {report.pk: n for n, report in enumerate(reports)}
    items = (
        Item.objects.filter(section__report__in=[r.pk for r in reports])
        .select_related("section__report__unit")
        .order_by("section__position", "position")
    )
    by_kind: dict[str, Theme] = {kind: Theme(kind, str(label)) for kind, label in Section.Kind.choices}
    for item in sorted(items, key=lambda i: rank[i.section.report_id]):  # stable: sections keep their order
        if not item.is_empty:
            by_kind[item.section.kind].items.append(item)
    return [theme for theme in by_kind.values() if theme.items]


def coverage_line(district: Unit, reports: list[Report]) -> str:
    """ "全区8个街镇中5个已报送，3个部门中1个已报送": whose accepted reports the draft is made from."""
    units = list(district.children.all())
    reported = {report.unit_id for report in reports}
    parts = []
    for label, kinds in (("街镇", ("subdistrict", "town", "township")), ("部门", ("department",))):
        group = [u for u in units if u.kind in kinds]
        if group:
            parts.append(f"{len(group)}个{label}中{sum(1 for u in group if u.pk in reported)}个已报送")
    return f"全{district.get_kind_display()[:1]}" + "，".join(parts) if parts else "下级单位尚无报告"


@dataclass
class Total:
    indicator: Indicator
    figure: Figure
    cell: Cell
    coverage: str  # "5个单位中4个填报"
    change: str  # on last year, between the same units


def totals(district: Unit, year: int) -> list[Total]:
    """Each indicator of the district's catalogue for ``year``: the figure of the units' accepted reports
    (total, or average for a percentage, qualifiers kept), how many units it covers, and the change on
    last year's accepted reports between the units that reported both years."""
    reports = accepted_unit_reports(district, year) + accepted_unit_reports(district, year - 1)
    order = [r.unit_id for r in reports if r.year == year]
    last_order = [r.unit_id for r in reports if r.year == year - 1]
    values = IndicatorValue.objects.filter(report__in=[r.pk for r in reports]).values_list(
        "report__unit_id", "report__year", "indicator_id", "value", "qualifier", "not_applicable"
    )
    figures = {(u, y, i): Figure(value, qualifier, na) for u, y, i, value, qualifier, na in values}
    result = []
    for indicator in Indicator.objects.for_year(district, year):
        current = [figures.get((u, year, indicator.pk), MISSING) for u in order]
        both = [u for u in order if u in last_order]
        now = {u: figures.get((u, year, indicator.pk), MISSING) for u in both}
        before = {u: figures.get((u, year - 1, indicator.pk), MISSING) for u in both}
        figure = district_figure(indicator, current)
        reported = sum(1 for f in current if not f.missing)
        result.append(
            Total(
                indicator=indicator,
                figure=figure,
                cell=Cell.of(figure, indicator.unit),
                coverage=f"{len(order)}个单位中{reported}个填报",
                change=district_change(indicator, list(now.values()), list(before.values()), same_units=True),
            )
        )
    return result
