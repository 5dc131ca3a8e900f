"""The app's middlewares and a logging filter.

- ``RequestLogMiddleware`` (first in the list) makes the request being answered known to
  ``RequestLogFilter``, which puts its path and user on every log record (settings.LOGGING), and hands the
  user to gunicorn's access log as ``fazhi.user`` in the WSGI environ (config/gunicorn.py).
- ``PermissionsPolicyMiddleware``: the ``Permissions-Policy`` header of ``settings.PERMISSIONS_POLICY`` on
  every response (Django has no setting for it).
- ``PrivatePagesMiddleware``: a page for a logged-in user is nobody else's: ``Cache-Control: private,
  no-store`` unless the view said otherwise (downloads already do, reports/common/downloads.py).
- ``ActingForMiddleware``: the unit a person with roles in several units acts for, from the session.

None looks up a user the request has not looked up already: a log line must not query the database
(it may be the database that failed). A user not looked up is "-" in the log; for the cache header a
request with a session cookie counts as logged in.
"""

import logging
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.contrib.sessions.middleware import SessionMiddleware as DjangoSessionMiddleware
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.functional import SimpleLazyObject, empty

_current_request: ContextVar[HttpRequest | None] = ContextVar("current_request", default=None)

# The key in the WSGI environ that gunicorn's access log prints as %({fazhi.user}e)s.
ACCESS_LOG_USER = "fazhi.user"


def current_request() -> HttpRequest | None:
    """The request this thread is answering (set by ``RequestLogMiddleware``), or None outside a request:
    what lets code deep in an action (the audit trail) name the source address."""
    return _current_request.get()


def _loaded_user(request: HttpRequest) -> object | None:
    """The request's user if something has looked it up already, else None."""
    user = getattr(request, "user", None)
    if isinstance(user, SimpleLazyObject) and getattr(user, "_wrapped", empty) is empty:
        return None
    return user


def logged_in_username(request: HttpRequest) -> str:
    """The username of the request's logged-in user, or "-" (anonymous, or not looked up)."""
    user = _loaded_user(request)
    if user is None or not getattr(user, "is_authenticated", False):
        return "-"
    return str(user.get_username())  # type: ignore[attr-defined]  # an authenticated user has one


class RequestLogFilter(logging.Filter):
    """Adds ``path`` and ``user`` to each record: of the request it was logged for, or "-"."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)  # django.request puts the request on its records
        if not isinstance(request, HttpRequest):
            request = _current_request.get()
        record.path = request.path if request is not None else "-"
        record.user = logged_in_username(request) if request is not None else "-"
        return True


class RequestLogMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        token = _current_request.set(request)
        try:
            response = self.get_response(request)
        finally:
            _current_request.reset(token)
        request.META[ACCESS_LOG_USER] = logged_in_username(request)
        return response


class PermissionsPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class PrivatePagesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if not response.has_header("Cache-Control") and _logged_in(request):
            response["Cache-Control"] = "private, no-store"
        return response


def _logged_in(request: HttpRequest) -> bool:
    user = _loaded_user(request)
    if user is None:
        return settings.SESSION_COOKIE_NAME in request.COOKIES
    return bool(getattr(user, "is_authenticated", False))


class SessionMiddleware(DjangoSessionMiddleware):
    """Django's, but a public page (``reports.common.pagecache.public_page``) leaves the session alone: the
    idle session is renewed on every request (SESSION_SAVE_EVERY_REQUEST), and a renewed cookie or
    ``Vary: Cookie`` on a ``Cache-Control: public`` page would let a proxy keep one person's cookie for
    everyone, or keep nothing."""

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if getattr(response, "public_page", False):
            return response
        return super().process_response(request, response)


# The session key of the unit a person with roles in several units acts for ("当前身份", chosen in the
# header); reports.views.acting writes it, at login and on a switch.
ACTING_UNIT = "acting_unit"


class ActingForMiddleware:
    """Puts the unit the person acts for (the session's ``ACTING_UNIT``) on the user as ``acting_unit_id``,
    which ``restrict()`` and the office's pages read. The user is still looked up only when something asks
    for it; ``restrict()`` counts only the memberships the user holds, so a stale or forged value widens
    nothing (it can only narrow the scope, to nothing)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        unit_id = request.session.get(ACTING_UNIT)
        if isinstance(unit_id, int):
            user = request.user  # AuthenticationMiddleware's lazy user, still not looked up
            request.user = SimpleLazyObject(lambda: _acting_for(user, unit_id))  # type: ignore[assignment]
        return self.get_response(request)


def _acting_for(user: Any, unit_id: int) -> Any:
    if user.is_authenticated:
        user.acting_unit_id = unit_id
    return user
