"""Snapshots of a whole report, and "what changed" between two of them.

A snapshot stores the report as it prints (numbered text, part by part) plus its indicator values, so a
reviewer compares what readers will read, character by character, as Chinese text has no word spaces.
"""

import difflib
from dataclasses import dataclass, field

from indicators.models import IndicatorValue

from .rendering.document import build_blocks

CONTEXT_CHARACTERS = 30  # unchanged text kept around each change


def snapshot_content(report):
    sections = list(report.sections_with_items())
    parts, current = [], {"key": "header", "title": "版头、标题与导语", "lines": []}
    parts.append(current)
    for block in build_blocks(report, sections):
        if block.kind == "section_heading":
            current = {"key": block.anchor, "title": block.text, "lines": []}
            parts.append(current)
        elif block.kind in ("signature", "date") and current["key"] != "closing":
            current = {"key": "closing", "title": "落款", "lines": []}
            parts.append(current)
        current["lines"].append(block.text)
    values = IndicatorValue.objects.filter(report=report).select_related("indicator")
    return {
        "version": report.version,
        "parts": [{"key": p["key"], "title": p["title"], "text": "\n".join(p["lines"])} for p in parts],
        "indicators": {str(v.indicator_id): {"name": v.indicator.name, "display": v.display} for v in values},
    }


@dataclass
class PartChange:
    title: str
    pieces: list = field(default_factory=list)  # (op, text): op is "equal", "insert" or "delete"

    @property
    def changed(self):
        return any(op != "equal" for op, _ in self.pieces)


@dataclass
class Comparison:
    parts: list
    indicators: list  # (name, old display, new display)

    @property
    def changed(self):
        return bool(self.indicators) or any(part.changed for part in self.parts)


def compare(old, new):
    """What changed from snapshot content ``old`` to ``new`` (``old`` None: everything is new)."""
    old_parts = {p["key"]: p for p in (old or {}).get("parts", [])}
    new_keys = {p["key"] for p in new["parts"]}
    parts = []
    for part in new["parts"]:
        before = old_parts.get(part["key"], {"text": ""})["text"]
        parts.append(PartChange(part["title"], character_diff(before, part["text"])))
    for key, part in old_parts.items():
        if key not in new_keys:
            parts.append(PartChange(f"（已删除）{part['title']}", character_diff(part["text"], "")))
    return Comparison([p for p in parts if p.changed], _indicator_changes(old or {}, new))


def _indicator_changes(old, new):
    before, after = old.get("indicators", {}), new.get("indicators", {})
    changes = []
    for key in list(after) + [k for k in before if k not in after]:
        old_value = before.get(key, {}).get("display", "")
        new_value = after.get(key, {}).get("display", "")
        if old_value != new_value:
            name = (after.get(key) or before.get(key))["name"]
            changes.append((name, old_value or "（空）", new_value or "（空）"))
    return changes


def character_diff(old, new):
    """Character-level pieces, long unchanged stretches shortened to their ends."""
    if old == new:  # what the matcher would say, without its quadratic search (most parts are unchanged)
        return [("equal", _shorten(old, first=True, last=True))] if old else []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    pieces = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.append(("equal", _shorten(old[i1:i2], first=not pieces, last=i2 == len(old))))
            continue
        if tag in ("delete", "replace"):
            pieces.append(("delete", old[i1:i2]))
        if tag in ("insert", "replace"):
            pieces.append(("insert", new[j1:j2]))
    return pieces


def _shorten(text, first, last):
    keep = CONTEXT_CHARACTERS
    if len(text) <= 2 * keep + 2:
        return text
    head = "" if first else text[:keep]
    tail = "" if last else text[-keep:]
    return f"{head}……{tail}"
