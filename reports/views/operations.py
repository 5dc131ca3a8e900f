"""The editor's structure buttons. Each is a submit button of the editor's form, so the text typed so far
is saved first; its value names the operation and what it acts on: "add-section", "add-item:<section>",
"move-item:<item>:<-1|1>", …

``OPERATIONS`` is the table: each name, what its id is looked up as (inside the report being edited, so
another report's id is not found), whether it takes a step, and the function that calls the action.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.db.models import Model, QuerySet
from django.http import Http404

from reports import actions
from reports.common.typing import User
from reports.models import Item, Report, ReviewComment, Section

Undo = actions.DeletedItem | None  # what "撤销删除" brings back, kept in the session


@dataclass(frozen=True)
class Outcome:
    anchor: str = ""  # where the page scrolls back to
    message: str = ""
    level: int = messages.SUCCESS
    deleted: actions.DeletedItem | None = None  # kept for "撤销删除"
    sections: tuple[int, ...] = ()  # the sections it changed, rendered again when done in place
    focus: str = ""  # the id of the field to type in next (a new or restored item or section)


@dataclass(frozen=True, kw_only=True)
class Operation:
    run: Callable[..., Outcome]  # (report, user, [target], [step], undo=...) → Outcome
    target: Callable[[Report], QuerySet[Any]] | None = None  # where the id in the value is looked up
    takes_step: bool = False


def _add_section(report: Report, user: User, *, undo: Undo) -> Outcome:
    section = actions.add_section(report, user)
    return Outcome(anchor=f"#section-{section.pk}", sections=(section.pk,), focus=f"id_s{section.pk}-heading")


def _add_item(report: Report, user: User, section: Section, *, undo: Undo) -> Outcome:
    item = actions.add_item(report, user, section)
    return Outcome(anchor=f"#item-{item.pk}", sections=(section.pk,), focus=f"id_i{item.pk}-heading")


def _move_section(report: Report, user: User, section: Section, step: int, *, undo: Undo) -> Outcome:
    order = list(report.sections.values_list("pk", flat=True))
    actions.move_section(report, user, section, step)
    place = order.index(section.pk) + step
    swapped = order[place] if 0 <= place < len(order) else section.pk
    return Outcome(anchor=f"#section-{section.pk}", sections=(section.pk, swapped))


def _delete_section(report: Report, user: User, section: Section, *, undo: Undo) -> Outcome:
    actions.delete_section(report, user, section)
    return Outcome(message=f"已删除部分“{section.heading}”。")


def _move_item(report: Report, user: User, item: Item, step: int, *, undo: Undo) -> Outcome:
    actions.move_item(report, user, item, step)
    return Outcome(anchor=f"#item-{item.pk}", sections=(item.section_id,))


def _delete_item(report: Report, user: User, item: Item, *, undo: Undo) -> Outcome:
    deleted = actions.delete_item(report, user, item)
    return Outcome(
        anchor=f"#section-{item.section_id}",
        message="已删除一个条目。",
        level=messages.INFO,
        deleted=deleted,
        sections=(item.section_id,),
    )


def _undo_delete(report: Report, user: User, *, undo: Undo) -> Outcome:
    if not undo or undo.report_id != report.pk:
        return Outcome(message="没有可以撤销的删除。", level=messages.ERROR)
    try:
        item = actions.restore_item(report, user, undo)
    except Section.DoesNotExist:
        return Outcome(message="条目所在的部分已被删除，无法恢复。", level=messages.ERROR)
    return Outcome(
        anchor=f"#item-{item.pk}",
        message="已恢复删除的条目。",
        sections=(item.section_id,),
        focus=f"id_i{item.pk}-heading",
    )


def _resolve_comment(report: Report, user: User, comment: ReviewComment, *, undo: Undo) -> Outcome:
    actions.set_comment_resolved(comment, user)
    return Outcome(anchor=f"#{comment.anchor}")


def _sections(report: Report) -> QuerySet[Section]:
    return report.sections.all()


def _items(report: Report) -> QuerySet[Item]:
    return Item.objects.filter(section__report=report)


def _open_comments(report: Report) -> QuerySet[ReviewComment]:
    return report.comments.filter(parent__isnull=True)


OPERATIONS = {
    "add-section": Operation(run=_add_section),
    "add-item": Operation(run=_add_item, target=_sections),
    "move-section": Operation(run=_move_section, target=_sections, takes_step=True),
    "delete-section": Operation(run=_delete_section, target=_sections),
    "move-item": Operation(run=_move_item, target=_items, takes_step=True),
    "delete-item": Operation(run=_delete_item, target=_items),
    "undo-delete": Operation(run=_undo_delete),
    "resolve-comment": Operation(run=_resolve_comment, target=_open_comments),
}
STEPS = {"-1": -1, "1": 1}


def item_to_delete(value: str) -> int | None:
    """The id of the item a "delete-item:<id>" button deletes (None for any other button)."""
    name, _, pk = value.partition(":")
    return int(pk) if name == "delete-item" and pk.isdigit() else None


def run(report: Report, user: User, value: str, undo: Undo = None) -> Outcome:
    """Carry out the operation a button's ``value`` names; an unknown one, or an id outside ``report``,
    is not found (404). An action's refusal (``ValueError``) comes back as an error message."""
    name, *args = value.split(":")
    operation = OPERATIONS.get(name)
    expected = (operation.target is not None) + operation.takes_step if operation else -1
    if operation is None or len(args) != expected:
        raise Http404("unknown editor operation")
    call: list[Any] = []
    if operation.target is not None:
        call.append(_lookup(operation.target(report), args[0]))
    if operation.takes_step:
        if args[1] not in STEPS:
            raise Http404("unknown step")
        call.append(STEPS[args[1]])
    try:
        return operation.run(report, user, *call, undo=undo)
    except ValueError as refusal:
        return Outcome(message=str(refusal) or "操作无效。", level=messages.ERROR)


def _lookup(queryset: QuerySet[Any], pk: str) -> Model:
    try:
        return queryset.get(pk=int(pk))
    except (ValueError, queryset.model.DoesNotExist) as error:
        raise Http404("not part of this report") from error
