"""Snapshots of a whole report, "what changed" between two of them, and restoring one into the draft.

A snapshot stores the report as it prints (numbered text, part by part) plus its indicator values, so a
reviewer compares what readers will read, character by character, as Chinese text has no word spaces.
It also stores the report's structure (header, organs, sections, items, the sheet's values), from which
the snapshot is shown as a document and restored. Snapshots taken before the structure was kept have the
printed text only: their structure is read back from that text by the importer's parser (the text is
what ``report_to_text`` writes, which the importer reads), and their indicator values cannot be restored.
"""

import copy
import datetime
import difflib
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from indicators.models import Indicator, IndicatorValue

from . import audit
from .common.memo import Memo, digest
from .common.typing import User
from .importing.parser import parse_report_text
from .models import AuditEntry, Item, Organ, Report, ReportEvent, Section, Snapshot
from .permissions import Action, refusal
from .rendering.document import build_blocks

CONTEXT_CHARACTERS = 30  # unchanged text kept around each change


def snapshot_content(report):
    sections = list(report.sections_with_items())
    values = list(IndicatorValue.objects.filter(report=report).select_related("indicator"))
    return {
        "version": report.version,
        **_readable(report, sections, values),
        "structure": _structure(report, sections, values),
    }


def comparable_content(report):
    """What ``compare`` reads of ``snapshot_content(report)`` (its parts and indicators), without the
    structure a snapshot keeps for restoring."""
    sections = list(report.sections_with_items())
    values = list(IndicatorValue.objects.filter(report=report).select_related("indicator"))
    return _readable(report, sections, values)


def _readable(report, sections, values):
    """The report as read: its parts (the header, each section, the closing) and its indicators."""
    current: dict[str, Any] = {"key": "header", "title": "版头、标题与导语", "lines": []}
    parts = [current]
    for block in build_blocks(report, sections):
        if block.kind == "section_heading":
            current = {"key": block.anchor, "title": block.text, "lines": []}
            parts.append(current)
        elif block.kind in ("signature", "date") and current["key"] != "closing":
            current = {"key": "closing", "title": "落款", "lines": []}
            parts.append(current)
        current["lines"].append(block.text)
    return {
        "parts": [{"key": p["key"], "title": p["title"], "text": "\n".join(p["lines"])} for p in parts],
        "indicators": {str(v.indicator_id): {"name": v.indicator.name, "display": v.display} for v in values},
    }


def _structure(report, sections, values):
    """What restoring needs: every stored field of the report's content, in order."""
    return {
        "title": report.title,
        "untitled": report.untitled,
        "document_number": report.document_number,
        "addressee": report.addressee,
        "preamble": report.preamble,
        "signing_date": report.signing_date.isoformat() if report.signing_date else "",
        "organs": [[o.role, o.name] for o in sorted(report.organs.all(), key=lambda o: (o.role, o.position))],
        "sections": [
            {
                "id": section.pk,
                "kind": section.kind,
                "heading": section.heading,
                "items": [
                    {
                        "id": item.pk,
                        "level": item.level,
                        "style": item.style,
                        "joins_previous": item.joins_previous,
                        "heading": item.heading,
                        "body": item.body,
                        "source": item.source_id,
                        "source_version": item.source_version,
                    }
                    for item in section.items.all()
                ],
            }
            for section in sections
        ],
        "values": [
            {
                "indicator": v.indicator_id,
                "value": None if v.value is None else str(v.value),
                "qualifier": v.qualifier,
                "not_applicable": v.not_applicable,
                "note": v.note,
            }
            for v in values
        ],
    }


def snapshot_structure(snapshot):
    """The snapshot's structure; for one taken before structures were kept, read back from its text
    (without "values": its indicator values were kept as printed only)."""
    structure = snapshot.content.get("structure")
    if structure is not None:
        return structure
    text = "\n".join(part["text"] for part in snapshot.content.get("parts", []))
    parsed = parse_report_text(text)
    return {
        "title": parsed.title,
        "untitled": not parsed.title,
        "document_number": parsed.document_number,
        "addressee": parsed.addressee,
        "preamble": "\n".join(parsed.preamble),
        "signing_date": parsed.signing_date.isoformat() if parsed.signing_date else "",
        "organs": [[Organ.Role.ISSUING, name] for name in parsed.issuing_organs]
        + [[Organ.Role.SIGNING, name] for name in parsed.signing_organs],
        "sections": [
            {
                "id": None,
                "kind": section.kind,
                "heading": section.heading,
                "items": [
                    {
                        "id": None,
                        "level": item.level,
                        "style": item.style,
                        "joins_previous": item.joins_previous,
                        "heading": item.heading,
                        "body": "\n".join(item.body),
                    }
                    for item in section.items
                ],
            }
            for section in parsed.sections
        ],
    }


@dataclass
class SnapshotDocument:
    """A snapshot as unsaved rows the document's render context reads: nothing touches the live report."""

    report: Report
    sections: list
    values: list | None  # None: the snapshot kept no values that can be shown as the sheet


def snapshot_document(report, snapshot):
    structure = snapshot_structure(snapshot)
    shown = copy.copy(report)
    for name, value in _header(structure).items():
        setattr(shown, name, value)
    shown.version = snapshot.version
    shown.updated_at = snapshot.created_at  # the document's date is its content's
    # Prefetched lists stand in for the related rows, so build_blocks reads these, never the database.
    shown._prefetched_objects_cache = {"organs": _organs(shown, structure)}
    sections = []
    for position, data in enumerate(structure["sections"]):
        section = Section(
            pk=data["id"], report=shown, position=position, kind=data["kind"], heading=data["heading"]
        )
        section._prefetched_objects_cache = {"items": _items(section, data["items"])}  # type: ignore[attr-defined]
        sections.append(section)
    values = None
    if "values" in structure:
        indicators = Indicator.objects.in_bulk([v["indicator"] for v in structure["values"]])
        values = [
            _value(shown, indicators[v["indicator"]], v)
            for v in structure["values"]
            if v["indicator"] in indicators
        ]
    return SnapshotDocument(shown, sections, values)


def _header(structure):
    date = structure["signing_date"]
    return {
        "title": structure["title"],
        "untitled": structure["untitled"],
        "document_number": structure["document_number"],
        "addressee": structure["addressee"],
        "preamble": structure["preamble"],
        "signing_date": datetime.date.fromisoformat(date) if date else None,
    }


def _organs(report, structure):
    positions: dict[str, int] = {}
    organs = []
    for role, name in structure["organs"]:
        positions[role] = positions.get(role, -1) + 1
        organs.append(Organ(report=report, role=role, position=positions[role], name=name))
    return organs


def _items(section, items):
    return [
        Item(
            pk=data["id"],
            section=section,
            position=position,
            level=data["level"],
            style=data["style"],
            joins_previous=data["joins_previous"],
            heading=data["heading"],
            body=data["body"],
            source_id=data.get("source"),
            source_version=data.get("source_version"),
        )
        for position, data in enumerate(items)
    ]


def _value(report, indicator, data):
    return IndicatorValue(
        report=report,
        indicator=indicator,
        value=None if data["value"] is None else Decimal(data["value"]),
        qualifier=data["qualifier"],
        not_applicable=data["not_applicable"],
        note=data["note"],
    )


class RestoreRefused(Exception):
    """The user may not edit the report, or its status locks the content."""


class RestoreConflict(Exception):
    """The report changed after the confirmation page was opened."""


@transaction.atomic
def restore_snapshot(report: Report, user: User, snapshot: Snapshot, *, base_version: int) -> Snapshot:
    """Put ``snapshot``'s content back into the draft, after keeping what it replaces as a new snapshot
    (so a restore can be undone), with one history line and an audit row. Returns that new snapshot.

    Refused unless ``user`` may edit the report and its status lets it be edited; a conflict when the
    report is no longer at ``base_version`` (someone saved meanwhile: restore again from what is now)."""
    if snapshot.report_id != report.pk:
        raise RestoreRefused("这份快照不属于这份报告。")
    now = timezone.now()
    # The first statement takes the row (as in workflow._switch), without changing what it holds yet.
    if not Report.objects.filter(pk=report.pk, version=base_version).update(updated_at=now):
        raise RestoreConflict("报告在您打开此页后已被修改，请刷新后重新恢复。")
    locked = Report.objects.select_related("unit").get(pk=report.pk)
    reason = refusal(user, locked, Action.EDIT)  # again, now nobody can change the report meanwhile
    if reason:
        raise RestoreRefused(reason)
    structure = snapshot_structure(snapshot)
    before = Snapshot.objects.create(
        report=locked, version=locked.version, created_by=user, content=snapshot_content(locked)
    )
    # Review comments on the replaced sections and items stay, detached, with the text they quoted.
    locked.organs.all().delete()
    locked.sections.all().delete()
    Report.objects.filter(pk=locked.pk).update(
        version=F("version") + 1, updated_at=now, updated_by=user, **_header(structure)
    )
    Organ.objects.bulk_create(_organs(locked, structure))
    existing_items = set(
        Item.objects.filter(
            pk__in=[i.get("source") for s in structure["sections"] for i in s["items"] if i.get("source")]
        ).values_list("pk", flat=True)
    )
    for position, data in enumerate(structure["sections"]):
        section = Section.objects.create(
            report=locked, position=position, kind=data["kind"], heading=data["heading"]
        )
        items = _items(section, data["items"])
        for item in items:
            item.pk = None
            if item.source_id not in existing_items:  # the district's source item is gone meanwhile
                item.source_id = None
        Item.objects.bulk_create(items)
    if "values" in structure:
        locked.indicator_values.all().delete()
        indicators = Indicator.objects.in_bulk([v["indicator"] for v in structure["values"]])
        IndicatorValue.objects.bulk_create(
            _value(locked, indicators[v["indicator"]], v)
            for v in structure["values"]
            if v["indicator"] in indicators
        )
    why = snapshot_reason(snapshot)
    comment = f"恢复为{snapshot.taken}保存的快照{'（' + why + '）' if why else ''}；恢复前的内容另存为快照"
    ReportEvent.note(locked, ReportEvent.Action.RESTORE, user, comment, before)
    audit.record(AuditEntry.Action.SNAPSHOT_RESTORE, user=user, obj=locked, detail=comment)
    report.version = locked.version + 1
    return before


def snapshot_reason(snapshot, event=None):
    """Why the snapshot was taken, from the history event it belongs to: "提交审核时的内容"…"""
    if event is None:
        event = ReportEvent.objects.filter(snapshot=snapshot).first()
    if event is None:
        return ""
    if event.action in (ReportEvent.Action.IMPORT, ReportEvent.Action.RESTORE):
        return f"{event.get_action_display()}前的内容"  # the content the import or restore replaced
    return f"{event.get_action_display()}时的内容"


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


# Comparisons kept per digest of the two contents' parts and indicators (all ``compare`` reads): the
# character matcher is most of a changes page, and a leader opens the same pair again and again.
COMPARISONS = Memo(256)


def compare(old, new):
    """What changed from snapshot content ``old`` to ``new`` (``old`` None: everything is new). The
    result is shared: read it, do not change it."""
    old = old or {}
    key = digest(old.get("parts"), old.get("indicators"), new["parts"], new.get("indicators"))
    return COMPARISONS.get_or_compute(key, lambda: _compare(old, new))


def _compare(old, new):
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
    pieces: list[tuple[str, str]] = []
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
