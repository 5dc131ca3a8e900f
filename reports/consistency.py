"""The warning shown in the editor, the sheet, the preview and the report page when the text and the
indicator sheet disagree.

The check (``find_mismatches``: the text's figures against the sheet) was the largest single cost of the
staff's pages, and its result depends on nothing but the report's text and its values with their
indicators. It is kept in the process's memory (``common/memo.py``) under a digest of exactly those: the
text, and per value the indicator's every column with what the check reads of the value. Any change (an
edit, a value saved, an indicator renamed, re-phrased or retired) is a new key, whether or not it moved the
report's version, so nothing is invalidated and nothing can be stale. What is kept is plain messages and
codes, never a request's model objects.
"""

from dataclasses import dataclass
from decimal import Decimal
from operator import attrgetter

from indicators.extraction import find_mismatches, suggest_values
from indicators.models import Indicator, IndicatorValue

from .common.memo import Memo, digest
from .rendering.document import build_blocks

INDICATOR_FIELDS = Indicator._meta.concrete_fields
INDICATOR_ATTNAMES = [f.attname for f in INDICATOR_FIELDS]
# What ``find_mismatches`` reads of a value, besides its indicator: a note or a qualifier saved on the sheet
# does not change the check, so it is no new key (the load test's sheet autosave changes a note).
CHECKED_VALUE_ATTNAMES = ["indicator_id", "value", "not_applicable"]
CHECKED_COLUMNS = CHECKED_VALUE_ATTNAMES + [f"indicator__{f.name}" for f in INDICATOR_FIELDS]
_checked_row = attrgetter(*CHECKED_VALUE_ATTNAMES)
_indicator_row = attrgetter(*INDICATOR_ATTNAMES)

CHECKED = Memo(512)
TEXT_FIGURES = Memo(512)


@dataclass(frozen=True)
class ConsistencyWarning:
    message: str  # Mismatch.message
    indicator_code: str  # where the sheet shows it: ``#indicator-<code>``


def consistency_warnings(report, sections=None, values=None, text=None, blocks=None):
    """Mismatches between what the report's text says and its indicator sheet, in text order.

    ``values`` (the report's every value by its indicator, in catalogue order) may be passed by a page that
    has them, else they are read as plain rows; the text is ``text`` (``document_text``), else that of
    ``blocks`` (``build_blocks``) a page built already, else built from ``sections`` (prefetched with
    items, when a page loaded them).
    """
    if values is None:
        rows = checked_rows(report)

        def checked_values():
            return values_of(rows)

    else:
        rows = [(*_checked_row(value), *_indicator_row(indicator)) for indicator, value in values.items()]

        def checked_values():
            return values

    if not rows:
        return []
    if text is None:
        text = document_text(blocks if blocks is not None else build_blocks(report, sections))
    found = CHECKED.get_or_compute(
        digest(report.pk, text, rows),
        lambda: tuple(
            ConsistencyWarning(m.message, m.indicator.code) for m in find_mismatches(text, checked_values())
        ),
    )
    return list(found)


@dataclass(frozen=True)
class TextFigure:
    """A figure the report's text states for an indicator: what the sheet offers to fill an empty row with."""

    value: Decimal  # in the indicator's unit
    qualifier: str  # a ``Qualifier`` value
    quote: str  # as written: "中心组学法10次"


def text_figures(report, indicators, text=None):
    """The figure the text states for each of ``indicators`` (the sheet's catalogue), by indicator pk: the
    importer's suggestions, for the staff who write the text first and would otherwise type each figure
    again. Kept per digest of the text and the indicators' columns, like the check."""
    indicators = list(indicators)
    if text is None:
        text = document_text(build_blocks(report))
    return TEXT_FIGURES.get_or_compute(
        digest(text, [_indicator_row(indicator) for indicator in indicators]),
        lambda: {
            s.indicator.pk: TextFigure(s.value, s.qualifier, s.quote)
            for s in suggest_values(text, indicators)
        },
    )


def warning_messages(report):
    """The warnings as the autosave's answer carries them (``common/autosave.saved``)."""
    return [warning.message for warning in consistency_warnings(report)]


def checked_rows(report):
    """The report's values as the check reads them, one plain row each (``CHECKED_COLUMNS``), in
    catalogue order: no model objects, for a page that finds its result kept."""
    return list(
        IndicatorValue.objects.filter(report=report)
        .order_by("indicator__position")  # the models' order within one report, without the unit
        .values_list(*CHECKED_COLUMNS)
    )


def values_of(rows):
    """The values by indicator that ``checked_rows`` read, as the check takes them."""
    values = {}
    for indicator_id, value, not_applicable, *indicator_row in rows:
        indicator = Indicator.from_db("default", INDICATOR_ATTNAMES, indicator_row)
        values[indicator] = IndicatorValue(
            indicator_id=indicator_id, value=value, not_applicable=not_applicable
        )
    return values


def document_text(blocks):
    """The report's text as the check reads it: its blocks (``build_blocks``), a line each."""
    return "\n".join(block.text for block in blocks)
