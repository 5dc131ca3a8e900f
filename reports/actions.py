"""Every write to a report outside its workflow, one function per operation, each atomic: its content
(what staff do in the editor), review comments, notices.

Views stay thin: they check access through ``reports.permissions``, validate forms, and call these.
Every change of content bumps ``Report.version`` so that an editor opened before it cannot overwrite it
(see ``EditConflict``) and records the save in the report's history. Status changes are the workflow's
(``reports.workflow.perform``).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Self, TypeVar

from django.db import transaction
from django.db.models import F, QuerySet, Subquery
from django.utils import timezone

from .common.ordering import next_position, reorder
from .common.people import name_of
from .common.typing import User
from .models import Item, Membership, Notice, Organ, Report, ReportEvent, ReviewComment, Section, Unit
from .notifications import notify
from .outline import outline_for_unit

# Saves by one person within this time make one line of the report's history, not hundreds of autosaves.
SAVE_SESSION = timedelta(minutes=30)

# Cleaned form data by row id (sections, items), as the editor's forms give it.
RowData = Mapping[int, Mapping[str, Any]]
_Row = TypeVar("_Row", Section, Item)


class EditConflict(Exception):
    """Someone saved the report after this editor was opened, or it was submitted and is locked now."""

    def __init__(self, report: Report) -> None:
        super().__init__(f"{report} was saved by someone else")
        self.report = report


def bump_version(report: Report, user: User, expected_version: int | None = None, **fields: Any) -> int:
    """Increase the version (only from ``expected_version`` when given) and record who changed it.

    Conditional on the status too, so a save racing a submission or approval cannot slip in after it.
    """
    rows = Report.objects.filter(pk=report.pk, status__in=Report.EDITABLE_STATUSES)
    if expected_version is not None:
        rows = rows.filter(version=expected_version)
    now = timezone.now()
    updated = rows.update(version=F("version") + 1, updated_at=now, updated_by=user, **fields)
    if not updated:
        raise EditConflict(Report.objects.select_related("updated_by").get(pk=report.pk))
    if expected_version is not None:  # the row went from that version to the next: nothing to read back
        report.version, report.updated_at, report.updated_by = expected_version + 1, now, user
    else:
        report.refresh_from_db(fields=["version", "updated_at", "updated_by"])
    _record_save(report, user, now)
    return report.version


def _record_save(report: Report, user: User, now: datetime) -> None:
    """The history's save line: the report's latest event moves to ``now`` when it is a save by ``user``
    less than ``SAVE_SESSION`` ago (one UPDATE, the usual autosave), else a new line."""
    latest = ReportEvent.objects.filter(report=report).order_by("-created_at", "-pk").values("pk")[:1]
    if ReportEvent.objects.filter(
        pk=Subquery(latest),
        action=ReportEvent.Action.SAVE,
        user=user,
        created_at__gt=now - SAVE_SESSION,
    ).update(created_at=now):
        return
    ReportEvent.note(report, ReportEvent.Action.SAVE, user)


@transaction.atomic
def start_report(user: User | None, unit: Unit, year: int) -> Report:
    """A new draft, pre-filled: the organs and addressee of the unit's latest earlier report (last year's,
    or an earlier one when last year's was not written here), the year's outline of sections."""
    last_year = Report.objects.filter(unit=unit, year__lt=year).order_by("-year").first()
    report = Report.objects.create(
        unit=unit, year=year, addressee=last_year.addressee if last_year else "", updated_by=user
    )
    ReportEvent.objects.create(
        report=report,
        action=ReportEvent.Action.CREATE,
        from_status=Report.Status.DRAFT,
        to_status=Report.Status.DRAFT,
        user=user,
    )
    if last_year:
        Organ.objects.bulk_create(
            Organ(report=report, role=organ.role, position=organ.position, name=organ.name)
            for organ in last_year.organs.all()
        )
    Section.objects.bulk_create(
        Section(report=report, position=position, kind=kind, heading=heading)
        for position, (kind, heading) in enumerate(outline_for_unit(unit, year))
    )
    return report


@transaction.atomic
def save_report_content(
    report: Report,
    user: User,
    *,
    base_version: int,
    header: Mapping[str, Any],
    sections: RowData,
    items: RowData,
    stored_sections: RowData | None = None,
    stored_items: RowData | None = None,
) -> int:
    """Save what the editor shows, refusing if the report changed since ``base_version``.

    ``header`` is the header form's cleaned data; ``sections`` and ``items`` map an id to cleaned data.
    Only what differs from the stored rows is written (an autosave typically changes one item of fifty):
    the report's row always (its version, and the header in the same statement), the organs, sections and
    items only when they changed. A constant number of queries however long the report.

    ``stored_sections`` and ``stored_items`` may give the stored values of those rows by id, as the caller
    read them before, to compare with instead of reading them again: every change of a report's sections
    and items bumps its version in the same transaction, so once the version check passes they are what
    is stored. (Read before the forms were checked: a model form writes its cleaned data on its instance.)
    """
    bump_version(
        report,
        user,
        expected_version=base_version,
        **{
            name: header[name]
            for name in ("title", "document_number", "addressee", "preamble", "signing_date")
        },
    )
    _save_organs(
        report, {Organ.Role.ISSUING: header["issuing_organs"], Organ.Role.SIGNING: header["signing_organs"]}
    )
    if stored_sections is None:
        stored_sections = _stored(Section.objects.filter(report=report, pk__in=sections), sections)
    if stored_items is None:
        stored_items = _stored(Item.objects.filter(section__report=report, pk__in=items), items)
    _update_changed_rows(Section, stored_sections, sections)
    _update_changed_rows(Item, stored_items, items)
    return report.version


def _stored(rows: QuerySet[Any], data_by_id: RowData) -> RowData:
    """The stored values of the fields ``data_by_id`` gives, by id."""
    return {row.pk: {name: getattr(row, name) for name in data_by_id[row.pk]} for row in rows.order_by()}


def _save_organs(report: Report, names_by_role: Mapping[str, Iterable[str]]) -> None:
    """The organs of each role, replaced only when the names or their order changed."""
    getattr(report, "_prefetched_objects_cache", {}).pop("organs", None)  # read anew below and after
    stored: dict[str, list[str]] = {role: [] for role in names_by_role}
    for organ in report.organs.order_by("role", "position"):
        stored.setdefault(organ.role, []).append(organ.name)
    for role, names in names_by_role.items():
        names = list(names)
        if names == stored[role]:
            continue
        report.organs.filter(role=role).delete()
        Organ.objects.bulk_create(
            Organ(report=report, role=role, position=position, name=name)
            for position, name in enumerate(names)
        )


def _update_changed_rows(model: type[_Row], stored: RowData, data_by_id: RowData) -> None:
    """Write the rows whose ``stored`` values differ from ``data_by_id``'s, and only those."""
    changed = [
        pk
        for pk, data in data_by_id.items()
        if pk in stored and any(stored[pk][name] != value for name, value in data.items())
    ]
    if len(changed) == 1:  # the usual autosave: a plain UPDATE, no CASE over every row
        model.objects.filter(pk=changed[0]).update(**data_by_id[changed[0]])
    elif changed:
        rows = [model(pk=pk, **data_by_id[pk]) for pk in changed]  # bulk_update writes only these fields
        model.objects.bulk_update(rows, list(data_by_id[changed[0]].keys()))


@transaction.atomic
def add_item(
    report: Report,
    user: User,
    section: Section,
    *,
    style: str = Item.Style.RUN_IN,
    level: int = Item.Level.SECOND,
) -> Item:
    item = Item.objects.create(
        section=section, position=next_position(section.items), style=style, level=level
    )
    bump_version(report, user)
    return item


@transaction.atomic
def move_item(report: Report, user: User, item: Item, step: int) -> None:
    """Move ``item`` ``step`` places (-1 up, +1 down) inside its section; the numbering follows."""
    siblings = list(item.section.items.all())
    _move_in(siblings, item, step)
    bump_version(report, user)


@transaction.atomic
def move_section(report: Report, user: User, section: Section, step: int) -> None:
    _move_in(list(report.sections.all()), section, step)
    bump_version(report, user)


def _move_in(ordered: list[_Row], obj: _Row, step: int) -> None:
    index = next(i for i, o in enumerate(ordered) if o.pk == obj.pk)
    target = index + step
    if 0 <= target < len(ordered):
        ordered.insert(target, ordered.pop(index))
        reorder(ordered)


@dataclass
class DeletedItem:
    """What is needed to put a deleted item back where it was (kept in the session for "撤销")."""

    report_id: int
    section_id: int
    position: int
    fields: dict[str, Any]

    def as_session(self) -> dict[str, Any]:
        return {
            "report_id": self.report_id,
            "section_id": self.section_id,
            "position": self.position,
            **self.fields,
        }

    @classmethod
    def from_session(cls, data: Mapping[str, Any]) -> Self:
        data = dict(data)
        return cls(data.pop("report_id"), data.pop("section_id"), data.pop("position"), data)


ITEM_CONTENT_FIELDS = ("style", "level", "joins_previous", "heading", "body")


@transaction.atomic
def delete_item(report: Report, user: User, item: Item) -> DeletedItem:
    siblings = list(item.section.items.all())
    deleted = DeletedItem(
        report_id=report.pk,
        section_id=item.section_id,
        position=[s.pk for s in siblings].index(item.pk),
        fields={name: getattr(item, name) for name in ITEM_CONTENT_FIELDS},
    )
    item.delete()
    reorder([s for s in siblings if s.pk != item.pk])
    bump_version(report, user)
    return deleted


@transaction.atomic
def restore_item(report: Report, user: User, deleted: DeletedItem) -> Item:
    """Undo ``delete_item``: the item comes back at its old place in its section."""
    section = report.sections.get(pk=deleted.section_id)
    siblings = list(section.items.all())
    item = Item.objects.create(section=section, position=next_position(section.items), **deleted.fields)
    siblings.insert(min(deleted.position, len(siblings)), item)
    reorder(siblings)
    bump_version(report, user)
    return item


@transaction.atomic
def add_section(report: Report, user: User) -> Section:
    section = Section.objects.create(
        report=report, position=next_position(report.sections), kind=Section.Kind.OTHER, heading="新的部分"
    )
    bump_version(report, user)
    return section


@transaction.atomic
def delete_section(report: Report, user: User, section: Section) -> None:
    """Only an empty section may go: its items would be lost with it."""
    if section.items.exists():
        raise ValueError("这一部分还有条目，请先删除或移走其中的条目。")
    section.delete()
    reorder(list(report.sections.all()))
    bump_version(report, user)


# --- Review comments and notices ---------------------------------------------------------------------------


@transaction.atomic
def add_comment(
    report: Report,
    user: User,
    body: str,
    *,
    section: Section | None = None,
    item: Item | None = None,
    parent: ReviewComment | None = None,
) -> ReviewComment:
    """A comment on the report, one of its sections or items, or a reply; the unit's staff and leaders
    (and the author of the comment replied to) get a notice, the writer does not."""
    if parent is not None:  # a reply is about what the comment it answers is about
        section, item, about = parent.section, parent.item, ""
    else:
        about = (item.heading or item.body) if item else section.heading if section else ""
    comment = ReviewComment.objects.create(
        report=report, author=user, body=body, section=section, item=item, parent=parent, quote=about[:60]
    )
    who = name_of(user)
    what = "回复了意见" if parent else "提出了审核意见"
    message = f"{report.unit}{report.year}年度报告：{who}{what}：{body[:80]}"
    also = [parent.author] if parent and parent.author else []
    notify(report, (Membership.Role.STAFF, Membership.Role.LEADER), message, exclude=user, also=also)
    return comment


@transaction.atomic
def set_comment_resolved(comment: ReviewComment, user: User, resolved: bool = True) -> None:
    """Mark a review comment resolved by ``user`` (or open it again)."""
    comment.resolved_at = timezone.now() if resolved else None
    comment.resolved_by = user if resolved else None
    comment.save(update_fields=["resolved_at", "resolved_by"])


def mark_notices_read(user: User) -> int:
    """Every unread notice of ``user`` is read now; returns how many were unread."""
    return Notice.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())
