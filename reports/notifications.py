"""Telling people: an in-app notice now, an e-mail with a link once the transaction has committed.

The e-mails are a background job (``reports.mail.send_mails``, retried when the mail server fails),
queued on commit: a rolled-back transition sends nothing, and no request waits for the mail server."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q

from .mail import send_mails, subject_line
from .models import Membership, Notice

logger = logging.getLogger(__name__)


def recipients(report, roles):
    """Active users holding one of ``roles`` over ``report`` (unit roles on its unit, the office on its district)."""
    unit_roles = [r for r in roles if r != Membership.Role.DISTRICT_OFFICE]
    query = Q(memberships__unit=report.unit, memberships__role__in=unit_roles)
    if Membership.Role.DISTRICT_OFFICE in roles:
        query |= Q(
            memberships__unit_id=report.unit.parent_id or report.unit_id,
            memberships__role=Membership.Role.DISTRICT_OFFICE,
        )
    return get_user_model().objects.filter(query, is_active=True).distinct()


def notify(report, roles, message, exclude=None, also=()):
    """A notice to the holders of ``roles`` over ``report`` and to the users ``also``, but not ``exclude``."""
    users = {u.pk: u for u in [*recipients(report, roles), *also] if u.is_active}
    send([u for pk, u in users.items() if exclude is None or pk != exclude.pk], message, report=report)


def unit_recipients(unit, roles):
    """Active users holding one of ``roles`` in ``unit`` itself."""
    query = Q(memberships__unit=unit, memberships__role__in=roles)
    return get_user_model().objects.filter(query, is_active=True).distinct()


def send(users, message, report=None, unit=None):
    """A notice about ``report`` (or, with no report, ``unit``) to each of ``users``; the e-mails are
    queued once the transaction commits. Returns how many people were told."""
    limit = Notice._meta.get_field("message").max_length or len(message)
    # A long return reason: the notice says the start, the e-mail and the report's page all of it.
    short = message if len(message) <= limit else message[: limit - 1] + "…"
    notices = Notice.objects.bulk_create(
        Notice(user=user, report=report, unit=unit, message=short) for user in users
    )
    if not notices:
        return 0
    link = settings.SITE_URL.rstrip("/") + notices[0].get_absolute_url()
    what = "查看报告" if report is not None else "打开法治年报"
    mails = [
        [
            f"【法治年报】{subject_line(message)[:60]}",
            f"{message}\n\n{what}：{link}\n",
            settings.DEFAULT_FROM_EMAIL,
            [u.email],
        ]
        for u in users
        if u.email
    ]
    if mails:
        transaction.on_commit(lambda: send_mails.enqueue(mails))
    return len(notices)
