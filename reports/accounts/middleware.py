"""Two checks on every request of a logged-in session, from the session alone (no query):

- ``SessionLimitMiddleware``: a session ends SESSION_MAX_AGE seconds after its login, however busy (the
  idle limit is the cookie's, SESSION_COOKIE_AGE, renewed on every request).
- ``PendingStepsMiddleware``: until the steps after the password are done (second factor, forced password
  change, required enrolment) only the page of the next step and logging out are open.
"""

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.http import HttpRequest, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import timezone

from . import steps

Handler = Callable[[HttpRequest], HttpResponseBase]


def _to(url: str, request: HttpRequest) -> HttpResponseRedirect:
    return HttpResponseRedirect(f"{url}?{urlencode({'next': request.get_full_path()})}")


class SessionLimitMiddleware:
    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if SESSION_KEY in request.session:
            age = steps.seconds_since_login(request)
            if age is None:  # a session from before this check: its limit counts from now
                request.session[steps.LOGIN_AT] = timezone.now().timestamp()
            elif age > settings.SESSION_MAX_AGE:
                hours = settings.SESSION_MAX_AGE // 3600
                request.logout_reason = f"登录超过{hours}小时，自动退出"  # type: ignore[attr-defined]
                logout(request)
                messages.info(request, f"登录已超过{hours}小时，为安全起见请重新登录。")
                return _to(resolve_url(settings.LOGIN_URL), request)
        return self.get_response(request)


class PendingStepsMiddleware:
    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        pending = steps.pending(request) if SESSION_KEY in request.session else []
        if pending:
            step_url = reverse(steps.URL_NAMES[steps.Step(pending[0])])
            # Logging out, and the icon every page makes the browser ask for (a redirect to the static file)
            if not request.path.startswith(step_url) and request.path not in (
                reverse("logout"),
                "/favicon.ico",
            ):
                return _to(step_url, request)
        return self.get_response(request)
