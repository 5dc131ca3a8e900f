"""Figures computed from indicator values: year-on-year change for now; totals and matrices later."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


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
        """As a report writes it: "减少14件（-31.8%）", "持平"."""
        from .models import format_number

        text = self.direction
        if self.difference:
            text += f"{format_number(abs(self.difference))}{unit}"
        if self.percent is not None and self.difference:
            text += f"（{self.percent:+}%）".replace("+", "+" if self.percent > 0 else "")
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
