"""The warning shown in the editor and the preview when the text and the indicator sheet disagree."""

from indicators.extraction import find_mismatches
from indicators.models import IndicatorValue

from .rendering.document import build_blocks


def consistency_warnings(report, sections=None, values=None, text=None):
    """Mismatches between what the report's text says and its indicator sheet, in text order.

    ``sections`` may be passed prefetched (with items) by a page that already loaded them, and ``values``
    (the report's every value by its indicator, in catalogue order) by the sheet, which has them;
    ``text`` (``document_text``) by a caller that has it.
    """
    if values is None:
        values = {
            v.indicator: v
            for v in IndicatorValue.objects.filter(report=report)
            .select_related("indicator")
            .order_by("indicator__position")  # the models' order within one report, without the unit
        }
    if not values:
        return []
    if text is None:
        text = document_text(build_blocks(report, sections))
    return find_mismatches(text, values)


def document_text(blocks):
    """The report's text as the check reads it: its blocks (``build_blocks``), a line each."""
    return "\n".join(block.text for block in blocks)
