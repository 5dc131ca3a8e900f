"""Charts as SVG drawn on the server: the geometry here, the markup in templates/district/_*_chart.svg.

Plain SVG in the page: nothing to load, so they work on an intranet with no internet, print, and scale.
Missing and "not applicable" figures get no bar or point, and say so in words.
"""

from dataclasses import dataclass
from decimal import Decimal

from .aggregation import has_number
from .models import format_number

BAR_HEIGHT, BAR_GAP, LABEL_WIDTH, BAR_AREA = 18, 6, 110, 420
PLOT_WIDTH, PLOT_HEIGHT, MARGIN_LEFT, MARGIN_TOP, INSET = 400, 200, 50, 24, 36


@dataclass
class Bar:
    label: str
    text: str
    y: float
    width: float


@dataclass
class BarChart:
    bars: list[Bar]
    width: int
    height: int
    label_width: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT


def bar_chart(items, unit=""):
    """A horizontal bar per (label, Figure), longest for the largest number."""
    numbers = [f.value for _, f in items if has_number(f)]
    top = max(numbers, default=Decimal(0)) or Decimal(1)
    bars = []
    for index, (label, figure) in enumerate(items):
        counts = has_number(figure)
        text = figure.text(unit) if counts else ("不适用" if figure.not_applicable else "未填报")
        width = float(figure.value / top) * BAR_AREA if counts else 0
        bars.append(Bar(label, text, index * (BAR_HEIGHT + BAR_GAP), max(width, 0)))
    height = len(bars) * (BAR_HEIGHT + BAR_GAP) + BAR_GAP
    return BarChart(bars, LABEL_WIDTH + BAR_AREA + 110, height)


@dataclass
class Point:
    label: str  # the year
    text: str
    x: float
    y: float | None  # None: no figure that year


@dataclass
class LineChart:
    points: list[Point]
    ticks: list[tuple[float, str]]  # (y, label) of the horizontal grid lines
    path: str  # the polyline through the points that have a figure
    width: int = MARGIN_LEFT + PLOT_WIDTH + 10
    height: int = MARGIN_TOP + PLOT_HEIGHT + 30
    left: int = MARGIN_LEFT
    right: int = MARGIN_LEFT + PLOT_WIDTH
    bottom: int = MARGIN_TOP + PLOT_HEIGHT


def line_chart(series, unit=""):
    """A line through (label, Figure) in order, from zero up to a round number above the largest."""
    numbers = [f.value for _, f in series if has_number(f)]
    top = _round_up(max(numbers, default=Decimal(0)))
    # The first and last points sit in from the ends, so their labels fit.
    step = (PLOT_WIDTH - 2 * INSET) / max(len(series) - 1, 1)
    points = []
    for index, (label, figure) in enumerate(series):
        x = MARGIN_LEFT + (INSET + index * step if len(series) > 1 else PLOT_WIDTH / 2)
        if not has_number(figure):
            points.append(Point(str(label), "不适用" if figure.not_applicable else "", x, None))
            continue
        y = MARGIN_TOP + PLOT_HEIGHT * (1 - float(figure.value / top))
        points.append(Point(str(label), figure.text(unit), x, y))
    ticks = [(MARGIN_TOP + PLOT_HEIGHT * (1 - n / 5), format_number(top * n / 5)) for n in range(6)]
    drawn = [p for p in points if p.y is not None]
    path = " ".join(f"{p.x:.1f},{p.y:.1f}" for p in drawn) if len(drawn) > 1 else ""
    return LineChart(points, ticks, path)


def _round_up(value):
    """The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above ``value`` (1 when there is nothing to show)."""
    if value <= 0:
        return Decimal(1)
    magnitude = Decimal(10) ** (len(str(int(value))) - 1)
    for factor in (1, 2, Decimal("2.5"), 5, 10):
        if value <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude
