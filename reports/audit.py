"""The security audit trail: ``record()`` adds one row, chained to the one before it; ``broken_links()``
finds every row whose hash no longer matches what it holds or what came before it.

Rows are written in the caller's transaction when there is one (a refused change leaves no row claiming
it happened). On PostgreSQL an advisory lock held to the end of that transaction makes the chain a line,
not a tree, when two requests record at once; SQLite's write lock (transaction mode IMMEDIATE) already does.
"""

import ipaddress
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, models, transaction
from django.http import HttpRequest

from .common.middleware import current_request
from .common.typing import RequestUser
from .models import AuditEntry

# Any fixed number: the key of the PostgreSQL advisory lock that orders the chain ("audit" in ASCII).
CHAIN_LOCK = 0x61756469_74


@dataclass(frozen=True)
class Target:
    """What a row is about: the model's label ("reports.report"), the object's key and how it reads."""

    type: str
    id: str
    repr: str

    @classmethod
    def of(cls, obj: models.Model) -> "Target":
        return cls(obj._meta.label_lower, "" if obj.pk is None else str(obj.pk), str(obj))


def source_address(request: HttpRequest | None) -> str | None:
    """The client's address. Behind a proxy listed in ``settings.TRUSTED_PROXIES`` (nginx on the same
    machine: 127.0.0.1), the address that proxy put last in ``X-Forwarded-For``, and so on through
    every trusted proxy; anything a client wrote further left in that header is not believed."""
    if request is None:
        return None
    address = _ip(request.META.get("REMOTE_ADDR", ""))
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    while address in settings.TRUSTED_PROXIES and forwarded:
        claimed = _ip(forwarded.pop())
        if claimed is None:
            break
        address = claimed
    return address


def _ip(text: str) -> str | None:
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        return None


def record(
    action: str,
    *,
    request: HttpRequest | None = None,
    user: RequestUser | None = None,
    username: str = "",
    obj: models.Model | None = None,
    target: "Target | None" = None,
    result: str = AuditEntry.Result.SUCCESS,
    detail: str = "",
) -> AuditEntry:
    """Add one row to the audit trail. ``request`` defaults to the request being answered, if any (so
    an action called from a view records where it came from), ``user`` to the request's user;
    ``username`` names someone who is not (or not yet) a user, such as a failed login's typed name.
    The object is ``obj``, or ``target`` for one that is only named (a row the admin deleted)."""
    if request is None:
        request = current_request()
    if user is None and request is not None:
        user = getattr(request, "user", None)
    known = user if user is not None and user.is_authenticated else None
    if target is None:
        target = Target.of(obj) if obj is not None else Target("", "", "")
    entry = AuditEntry(
        user=known,
        username=known.get_username() if known is not None else username[:150],
        address=source_address(request),
        action=action,
        object_type=target.type[:100],
        object_id=target.id[:64],
        object_repr=target.repr[:200],
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
