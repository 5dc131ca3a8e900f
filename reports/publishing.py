"""Making an accepted report public, and withdrawing it (撤回).

Who: the district office of the report's district; the unit's leader too when the district allows it
(``Unit.units_may_publish`` on the district). What: the accepted version, after the personal-information
check (``reports.pii``) has every finding masked or confirmed publishable. The report itself never
changes: the masks are stored on the ``Publication`` and applied whenever the public's copy is rendered,
and a PDF rendered from the masked text is stored once, here (the frozen PDF is served as it is when
nothing was masked).

Each action is one short transaction with its history row (``ReportEvent``) and its audit row; any PDF
renders before it, with no transaction open. The public site's cache is invalidated after commit.
"""

import datetime
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from . import audit
from .common import pagecache
from .common.typing import User
from .frozen_pdf import current_stored_pdf
from .models import AuditEntry, Membership, Publication, Report, ReportEvent, Unit
from .permissions import roles_on
from .pii import Hit, distinct, scan
from .rendering.context import apply_masks, report_context
from .rendering.pdf import render_pdf

MASK, CONFIRM = "mask", "confirm"
DECISIONS = {MASK: "遮盖", CONFIRM: "确认可公开"}


class PublishingError(Exception):
    """Publishing or withdrawing cannot happen; ``str()`` is the Chinese message for the user."""


class NotAllowed(PublishingError):
    """The user may not publish this report (403)."""


class Unchecked(PublishingError):
    """Findings of the personal-information check are neither masked nor confirmed."""


def publication_deadline(year: int) -> datetime.date:
    """Reports are made public by 1 April of the year after the report's year."""
    return datetime.date(year + 1, 4, 1)


def may_publish(user: User, report: Report) -> bool:
    roles = roles_on(user, report)
    if Membership.Role.DISTRICT_OFFICE in roles:
        return True
    district = report.unit.district
    return Membership.Role.LEADER in roles and district.units_may_publish


def visible_publication(report: Report) -> Publication | None:
    """The report's publication if the public sees it now."""
    return Publication.objects.visible().filter(report=report).first()


@dataclass(frozen=True)
class Finding:
    """One hit of the check that needs one decision, and the decision taken last time (if any)."""

    hit: Hit
    previous: str  # MASK, CONFIRM or ""


def findings(report: Report) -> list[Finding]:
    """What the check finds in the report, each once, with the decision of its last publication."""
    earlier: dict[str, str] = {}
    publication = Publication.objects.filter(report=report).first()
    if publication is not None:
        earlier |= {f"{c['kind']}:{c['text']}": CONFIRM for c in publication.confirmed}
        earlier |= {f"{m['kind']}:{m['text']}": MASK for m in publication.masks}
    return [Finding(hit, earlier.get(hit.key, "")) for hit in distinct(scan(report))]


def masks_of(publication: Publication) -> list[tuple[str, str]]:
    return [(m["text"], m["masked"]) for m in publication.masks]


def published_title(publication: Publication) -> str:
    """The report's title as the public sees it (masked like the rest), led by the unit's name when the
    title does not name it: "城西街道关于2024年度法治政府建设情况的报告"."""
    report = publication.report
    title = apply_masks(report.display_title, masks_of(publication))
    return title if report.unit.short_name in title else f"{report.unit.short_name}{title}"


def _check(user: User, report: Report) -> None:
    if not may_publish(user, report):
        raise NotAllowed("您没有公开这份报告的权限。")
    if report.status != Report.Status.ACCEPTED:
        raise PublishingError(f"报告当前状态为“{report.get_status_display()}”，区级接收后才能公开。")


def publish(
    user: User, report: Report, decisions: Mapping[str, str], request: HttpRequest | None = None
) -> Publication:
    """Publish the accepted ``report``; ``decisions`` maps each finding's key to MASK or CONFIRM.

    Refused (``Unchecked``) while any finding has no decision. Call it outside any transaction.
    """
    seen = Report.objects.select_related("unit__parent").get(pk=report.pk)
    _check(user, seen)
    if visible_publication(seen) is not None:
        raise PublishingError("这份报告已经公开。")
    hits = distinct(scan(seen))
    undecided = [hit for hit in hits if decisions.get(hit.key) not in DECISIONS]
    if undecided:
        raise Unchecked(f"还有{len(undecided)}处个人信息未处理：请逐项选择“遮盖”或“确认可公开”后再公开。")
    masks = [{"kind": h.kind, "text": h.text, "masked": h.masked} for h in hits if decisions[h.key] == MASK]
    confirmed = [{"kind": h.kind, "text": h.text} for h in hits if decisions[h.key] == CONFIRM]
    pairs = [(m["text"], m["masked"]) for m in masks]
    frozen = current_stored_pdf(seen)
    # Rendered before the transaction: the masked text's own PDF, or one for a report that has no frozen
    # PDF (accepted before PDFs were stored at approval).
    data = render_pdf(seen, masks=pairs) if pairs or frozen is None else None
    search_text = "\n".join(block.text for block in report_context(seen, masks=pairs)["blocks"])
    publication = Publication.objects.filter(report=seen).first() or Publication(report=seen)
    old_file = publication.file.name if publication.file else ""
    publication.report = seen
    publication.version = seen.version
    publication.masks, publication.confirmed = masks, confirmed
    publication.search_text = search_text
    if data is not None:
        publication.stored_pdf = None
        publication.sha256, publication.size = hashlib.sha256(data).hexdigest(), len(data)
        publication.file.save("report.pdf", ContentFile(data), save=False)
    else:
        assert frozen is not None
        publication.stored_pdf = frozen
        publication.file.name = ""
        publication.sha256, publication.size = frozen.sha256, frozen.size
    new_file = publication.file.name if publication.file else ""
    try:
        with transaction.atomic():
            # First statement: take the report's row (PostgreSQL's row lock, SQLite's write lock), on
            # condition that it is still the accepted version that was checked and rendered.
            taken = Report.objects.filter(
                pk=seen.pk, status=Report.Status.ACCEPTED, version=seen.version
            ).update(version=F("version"))
            if not taken:
                raise PublishingError("报告刚被其他人操作过，请刷新页面后重新公开。")
            locked = seen
            publication.published_at = timezone.now()
            publication.published_by = user
            publication.withdrawn_at = publication.withdrawn_by = None
            publication.withdraw_reason = ""
            publication.save()
            summary = f"遮盖{len(masks)}处，确认可公开{len(confirmed)}处"
            _history(locked, ReportEvent.Action.PUBLISH, user, summary)
            audit.record(AuditEntry.Action.PUBLISH, request=request, user=user, obj=locked, detail=summary)
            transaction.on_commit(pagecache.invalidate)
            if old_file and old_file != new_file:
                transaction.on_commit(lambda: publication.file.storage.delete(old_file))
    except BaseException:
        if new_file and new_file != old_file:
            publication.file.storage.delete(new_file)  # no file without its row
        raise
    return publication


def withdraw(user: User, report: Report, reason: str, request: HttpRequest | None = None) -> Publication:
    """Take the report off the public site (撤回), with the reason, which is required."""
    reason = reason.strip()
    if not reason:
        raise PublishingError("撤回公开需要填写理由。")
    seen = Report.objects.select_related("unit__parent").get(pk=report.pk)
    if not may_publish(user, seen):
        raise NotAllowed("您没有撤回这份报告的权限。")
    with transaction.atomic():
        # One conditional update: of two withdrawals at once, one withdraws and the other is told.
        withdrawn = Publication.objects.filter(report=seen, withdrawn_at__isnull=True).update(
            withdrawn_at=timezone.now(), withdrawn_by=user, withdraw_reason=reason
        )
        if not withdrawn:
            raise PublishingError("这份报告没有公开，无需撤回。")
        publication = Publication.objects.get(report=seen)
        _history(seen, ReportEvent.Action.WITHDRAW, user, reason)
        audit.record(
            AuditEntry.Action.WITHDRAW_PUBLICATION, request=request, user=user, obj=seen, detail=reason
        )
        transaction.on_commit(pagecache.invalidate)
    return publication


def set_units_may_publish(
    user: User, district: Unit, allowed: bool, request: HttpRequest | None = None
) -> None:
    """The district's setting: may its units' leaders publish their own accepted reports."""
    with transaction.atomic():
        Unit.objects.filter(pk=district.pk).update(units_may_publish=allowed)
        district.units_may_publish = allowed
        audit.record(
            AuditEntry.Action.PUBLISH_SETTING,
            request=request,
            user=user,
            obj=district,
            detail="允许单位自行公开" if allowed else "只由区级公开",
        )


def _history(report: Report, action: str, user: User, comment: str) -> ReportEvent:
    return ReportEvent.objects.create(
        report=report, action=action, from_status=report.status, to_status=report.status, user=user,
        comment=comment,
    )  # fmt: skip
