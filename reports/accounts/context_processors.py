from typing import Any

from django.conf import settings
from django.http import HttpRequest


def session_limits(request: HttpRequest) -> dict[str, Any]:
    """For the editor's warning before its session idles out (static/js/autosave.js)."""
    return {
        "session_idle_seconds": settings.SESSION_COOKIE_AGE,
        "session_warning_seconds": settings.SESSION_WARNING_SECONDS,
    }
