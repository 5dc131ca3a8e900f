"""The security audit trail: ``record()`` adds one row, chained to the one before it; ``broken_links()``
finds every row whose hash no longer matches what it holds or what came before it.

Rows are written in the caller's transaction when there is one (a refused change leaves no row claiming
it happened). On PostgreSQL an advisory lock held to the end of that transaction makes the chain a line,
not a tree, when two requests record at once; SQLite's write lock (transaction mode IMMEDIATE) already does.
"""

from collections.abc import Iterator
from dataclasses import dataclass

from django.db import connection, models, transaction
from django.http import HttpRequest

from .common.typing import RequestUser
from .models import AuditEntry

# Any fixed number: the key of the PostgreSQL advisory lock that orders the chain ("audit" in ASCII).
CHAIN_LOCK = 0x61756469_74


def source_address(request: HttpRequest | None) -> str | None:
    """The client's address as the server saw it (behind a proxy, configure it to pass the real one)."""
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def record(
    action: str,
    *,
    request: HttpRequest | None = None,
    user: RequestUser | None = None,
    username: str = "",
    obj: models.Model | None = None,
    result: str = AuditEntry.Result.SUCCESS,
    detail: str = "",
) -> AuditEntry:
    """Add one row to the audit trail. ``user`` defaults to the request's user; ``username`` names
    someone who is not (or not yet) a user, such as a failed login's typed name."""
    if user is None and request is not None:
        user = getattr(request, "user", None)
    known = user if user is not None and user.is_authenticated else None
    entry = AuditEntry(
        user=known,
        username=known.get_username() if known is not None else username[:150],
        address=source_address(request),
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None and obj.pk is not None else "",
        object_repr=str(obj)[:200] if obj is not None else "",
        result=result,
        detail=detail,
    )
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK])
        entry.previous_hash = AuditEntry.objects.order_by("-pk").values_list("hash", flat=True).first() or ""
        entry.hash = entry.compute_hash()
        entry.save()
    return entry


@dataclass(frozen=True)
class BrokenLink:
    entry_id: int
    reason: str


def broken_links() -> Iterator[BrokenLink]:
    """Every row that was changed (its hash no longer matches its fields) or whose predecessor was changed
    or removed (its ``previous_hash`` is not the hash of the row before it), oldest first."""
    previous = ""
    for entry in AuditEntry.objects.order_by("pk").iterator(chunk_size=2000):
        if entry.previous_hash != previous:
            yield BrokenLink(entry.pk, "与上一条记录的哈希不一致（上一条被修改或删除）")
        if entry.compute_hash() != entry.hash:
            yield BrokenLink(entry.pk, "记录内容与其哈希不一致（本条被修改）")
        previous = entry.hash
