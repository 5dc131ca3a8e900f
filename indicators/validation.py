"""Checks on a sheet of indicator values, each failure a Chinese sentence that names the indicator."""

from decimal import ROUND_HALF_UP, Decimal

from .models import Indicator, IndicatorRule, IndicatorValue, Qualifier, format_number

RATE_TOLERANCE = Decimal(1)  # percentage points: reports write 31% for 31.8%
# What the value column holds (16 digits, 2 after the point): a larger figure could be saved on SQLite and
# then broke every page that reads it back (decimal.InvalidOperation), and PostgreSQL refuses it outright.
_FIELD = IndicatorValue._meta.get_field("value")
VALUE_LIMIT = Decimal(10) ** (_FIELD.max_digits - _FIELD.decimal_places)
# The smallest step it holds (0.01): a finer figure ("33.333") would be rounded silently on saving.
VALUE_STEP = Decimal(1).scaleb(-_FIELD.decimal_places)


def storable(value):
    """Whether the value column holds ``value`` as it is: not too large, no finer than its step."""
    return value < VALUE_LIMIT and value == value.quantize(VALUE_STEP)


def value_errors(indicator, value):
    """What is wrong with ``value`` (a Decimal) for ``indicator`` on its own."""
    name = indicator.name
    if value < 0:
        return [f"“{name}”不能为负数。"]
    if value >= VALUE_LIMIT:
        return [f"“{name}”的数值过大，请核对（整数部分最多{len(str(VALUE_LIMIT)) - 1}位）。"]
    if indicator.kind == Indicator.Kind.COUNT and value != value.to_integral_value():
        return [f"“{name}”是计数，应为整数。"]
    low, high = indicator.effective_min, indicator.effective_max
    if indicator.kind == Indicator.Kind.PERCENT and not 0 <= value <= 100:
        return [f"“{name}”是百分比，应在0到100之间。"]
    if value < low or (high is not None and value > high):
        upper = format_number(high) if high is not None else "不限"
        return [f"“{name}”应在{format_number(low)}到{upper}之间（指标目录规定）。"]
    if value != value.quantize(VALUE_STEP):
        rounded = format_number(value.quantize(VALUE_STEP, rounding=ROUND_HALF_UP))
        return [f"“{name}”最多保留两位小数（如{rounded}）。"]
    return []


def rule_errors(rules, values):
    """Failures of cross-indicator ``rules`` given ``values`` (indicator id → IndicatorValue-like).

    A rule is skipped when a figure it needs is missing, not applicable, or approximate (余/近/约):
    "400余" cannot be compared exactly.
    """
    errors = []
    for rule in rules:
        involved = [rule.indicator_id, rule.other_id] + ([rule.base_id] if rule.base_id else [])
        figures = [values.get(pk) for pk in involved]
        if any(
            f is None or f.not_applicable or f.value is None or f.qualifier != Qualifier.EXACT
            for f in figures
        ):
            continue
        if rule.kind == IndicatorRule.Kind.AT_MOST and figures[0].value > figures[1].value:
            errors.append(
                (
                    rule.indicator_id,
                    f"“{rule.indicator.name}”（{format_number(figures[0].value)}）"
                    f"不能大于“{rule.other.name}”（{format_number(figures[1].value)}）。",
                )
            )
        if rule.kind == IndicatorRule.Kind.RATE and figures[2].value:
            expected = figures[1].value * 100 / figures[2].value
            if abs(figures[0].value - expected) > RATE_TOLERANCE:
                errors.append(
                    (
                        rule.indicator_id,
                        f"“{rule.indicator.name}”应为“{rule.other.name}”÷“{rule.base.name}”，"
                        f"即{format_number(expected.quantize(Decimal('0.1')))}%，表中填的是"
                        f"{format_number(figures[0].value)}%。",
                    )
                )
    return errors
