"""Accounts django-axes refuses now, read from its AccessAttempt rows (failures are counted per
username, config/settings.py AXES_LOCKOUT_PARAMETERS)."""

import datetime
from dataclasses import dataclass

from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Sum
from django.utils import timezone


@dataclass(frozen=True)
class Lockout:
    username: str
    failures: int
    last_failure: datetime.datetime

    @property
    def until(self) -> datetime.datetime:
        return self.last_failure + settings.AXES_COOLOFF_TIME


def current_lockouts() -> list[Lockout]:
    rows = (
        AccessAttempt.objects.filter(attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME)
        .values("username")
        .annotate(failures=Sum("failures_since_start"), last_failure=Max("attempt_time"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        .order_by("-last_failure")
    )
    return [Lockout(row["username"] or "", row["failures"], row["last_failure"]) for row in rows]


def lockout_of(username: str) -> Lockout | None:
    return next((lockout for lockout in current_lockouts() if lockout.username == username), None)
