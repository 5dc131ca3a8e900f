"""Rows kept in order by a ``position`` column (sections, items, outline rows, indicators)."""

from collections.abc import Iterable

from django.db import models, transaction
from django.db.models import Max


def next_position(queryset: models.QuerySet[models.Model] | models.Manager[models.Model]) -> int:
    """The position after the last one in ``queryset`` (or related manager; 0 when empty)."""
    last = queryset.aggregate(last=Max("position"))["last"]
    return 0 if last is None else last + 1


@transaction.atomic
def reorder(objects: Iterable[models.Model]) -> None:
    """Give ``objects`` positions 0, 1, 2… in the order given, without tripping the unique constraint."""
    objects = list(objects)
    if not objects:
        return
    model = type(objects[0])
    # Two passes: move everything out of the way first, then into place.
    offset = 10_000
    for index, obj in enumerate(objects):
        obj.position = offset + index  # type: ignore[attr-defined]  # every ordered model has the column
    model._default_manager.bulk_update(objects, ["position"])
    for index, obj in enumerate(objects):
        obj.position = index  # type: ignore[attr-defined]  # as above
    model._default_manager.bulk_update(objects, ["position"])
