"""Figures computed from indicator values: year-on-year change, and totals and averages across units
that keep the reports' qualifiers ("400余" + "12" = "412余")."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .models import Qualifier, figure_text, format_number


@dataclass(frozen=True)
class YearOnYear:
    difference: Decimal
    percent: Decimal | None  # None when last year was 0: a percentage of nothing means nothing

    @property
    def direction(self):
        if self.difference > 0:
            return "增加"
        if self.difference < 0:
            return "减少"
        return "持平"

    def describe(self, unit=""):
        """As a report writes it: "减少14件（-31.8%）", "持平"; a percentage changes by percentage points:
        "减少3.3个百分点" (a rate that fell from 95% to 91.7% did not fall by 3.3%)."""
        if not self.difference:
            return self.direction
        amount = format_number(abs(self.difference))
        if unit == "%":
            return f"{self.direction}{amount}个百分点"
        text = f"{self.direction}{amount}{unit}"
        if self.percent is not None:
            sign = "+" if self.percent > 0 else ""
            text += f"（{sign}{format_number(self.percent)}%）"
        return text


def year_on_year(current, previous):
    """Change from ``previous`` to ``current`` (IndicatorValue or None each); None when either is missing.

    The seed's "比去年减少14件，同比减少31%" is 30 against last year's 44: difference -14, percent -31.8.
    """
    if current is None or previous is None:
        return None
    if current.not_applicable or previous.not_applicable or current.value is None or previous.value is None:
        return None
    difference = current.value - previous.value
    percent = None
    if previous.value != 0:
        percent = (difference * 100 / previous.value).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return YearOnYear(difference=difference, percent=percent)


@dataclass(frozen=True)
class Figure:
    """A number as reports write it: with its qualifier, or "not applicable", or nothing (missing).

    Quacks like an IndicatorValue for ``year_on_year``.
    """

    value: Decimal | None = None
    qualifier: str = "exact"
    not_applicable: bool = False

    @property
    def missing(self):
        return self.value is None and not self.not_applicable

    def text(self, unit=""):
        """ "412余人次", "近700人次", "约50家", "不适用", "" (missing)."""
        return figure_text(self.value, self.qualifier, self.not_applicable, unit)


def has_number(figure):
    """Whether ``figure`` (Figure or IndicatorValue) counts: neither missing nor "not applicable"."""
    return figure.value is not None and not figure.not_applicable


def combined_qualifier(qualifiers):
    """The qualifier of a sum: exact parts keep the other's; "余" (more) and "近" (less) together make
    "约" (about), as does any "约"."""
    inexact = set(qualifiers) - {Qualifier.EXACT}
    if not inexact:
        return Qualifier.EXACT
    if len(inexact) == 1:
        return inexact.pop()
    return Qualifier.ABOUT


def qualified_sum(figures):
    """The total of ``figures`` (Figure or IndicatorValue) with the qualifier kept.

    Missing and not applicable figures add nothing; the total is "not applicable" only when every figure
    given is, and missing when there is no number at all.
    """
    figures = list(figures)
    numbers = [f for f in figures if f.value is not None and not f.not_applicable]  # has_number, inline
    if not numbers:
        return Figure(not_applicable=bool(figures) and all(f.not_applicable for f in figures))
    return Figure(
        value=sum((f.value for f in numbers), Decimal(0)),
        qualifier=combined_qualifier(f.qualifier for f in numbers),
    )


def qualified_average(figures, total=None):
    """The mean of the figures that have a number, to one decimal, with the total's qualifier
    (``total``: their ``qualified_sum``, when the caller has it)."""
    figures = list(figures)
    count = sum(1 for f in figures if f.value is not None and not f.not_applicable)  # has_number, inline
    if total is None:
        total = qualified_sum(figures)
    if not count:
        return total
    mean = (total.value / count).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return Figure(value=mean, qualifier=total.qualifier)
