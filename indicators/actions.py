"""Saving a report's indicator sheet: one atomic operation, guarded by the report's version."""

from collections.abc import Mapping

from django.db import transaction

from reports.actions import RowData, bump_version
from reports.common.typing import User
from reports.models import Report

from .models import IndicatorValue

FIELDS = ["value", "qualifier", "not_applicable", "note"]


@transaction.atomic
def save_indicator_values(
    report: Report,
    user: User,
    *,
    base_version: int,
    rows: RowData,
    stored: Mapping[int, IndicatorValue] | None = None,
) -> int:
    """Store ``rows`` (indicator id → cleaned form data); a row left empty removes the stored value.

    Only the values that differ from the stored ones are written (an autosave changes one of 59).
    ``stored`` may be the report's values by indicator id as the caller read them before: every write of
    a report's values bumps its version in the same transaction, so once the version check below passes,
    what was read at ``base_version`` is what is stored.

    Raises ``reports.actions.EditConflict`` when the report changed since ``base_version``.
    """
    bump_version(report, user, expected_version=base_version)
    existing = stored if stored is not None else _stored_values(report)
    to_create: list[IndicatorValue] = []
    to_update: list[IndicatorValue] = []
    to_delete: list[int] = []
    for indicator_id, data in rows.items():
        empty = data["value"] is None and not data["not_applicable"] and not data["note"]
        current = existing.get(indicator_id)
        if empty:
            if current:
                to_delete.append(current.pk)
            continue
        fields = {name: data[name] for name in FIELDS}
        if current is None:
            to_create.append(IndicatorValue(report=report, indicator_id=indicator_id, **fields))
        elif any(getattr(current, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(current, name, value)
            to_update.append(current)
    if to_delete:
        IndicatorValue.objects.filter(pk__in=to_delete).delete()
    if to_create:
        IndicatorValue.objects.bulk_create(to_create)
    if len(to_update) == 1:  # the usual autosave: one value changed, a plain UPDATE
        IndicatorValue.objects.filter(pk=to_update[0].pk).update(
            **{n: getattr(to_update[0], n) for n in FIELDS}
        )
    elif to_update:
        IndicatorValue.objects.bulk_update(to_update, FIELDS)
    return report.version


def _stored_values(report: Report) -> dict[int, IndicatorValue]:
    return {v.indicator_id: v for v in IndicatorValue.objects.filter(report=report)}
