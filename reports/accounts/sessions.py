"""The session store: Django's database store, writing the row only when something needs it.

SESSION_SAVE_EVERY_REQUEST renews the idle limit on every request, and the database store turns that into
one UPDATE of the session row per request, autosaves included. Here a session whose data did not change is
written only when its expiry has moved by more than ``RENEW_AFTER``: the cookie is still renewed on every
request (Django's middleware sets it), and the row's expiry lags the cookie's by at most that much, a
minute of a 30-minute idle limit.
"""

from datetime import datetime, timedelta
from typing import Any

from django.contrib.sessions.backends import db

RENEW_AFTER = timedelta(minutes=1)


class SessionStore(db.SessionStore):
    _stored_expiry: datetime | None = None

    def _get_session_from_db(self) -> Any:
        stored = super()._get_session_from_db()  # type: ignore[misc]  # not in django-stubs
        self._stored_expiry = stored.expire_date if stored is not None else None
        return stored

    def save(self, must_create: bool = False) -> None:
        if not must_create and not self.modified and self._stored_expiry is not None:
            if self.get_expiry_date() - self._stored_expiry < RENEW_AFTER:
                return
        super().save(must_create=must_create)
        self._stored_expiry = self.get_expiry_date()
