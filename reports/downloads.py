"""Telling the page that a download has started, so it can stop its "正在生成…" progress note.

A download does not leave the page, so the page cannot see it finish. static/js/app.js adds a random
``download_token`` to the link; the response carries it back in a short-lived cookie, which the page
watches for.
"""

import functools
import re

TOKEN = re.compile(r"^[A-Za-z0-9]{8,40}$")


def reports_download_start(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        token = request.GET.get("download_token", "")
        if TOKEN.match(token) and response.status_code == 200:
            response.set_cookie(f"download_{token}", "1", max_age=60, samesite="Lax")
        return response

    return wrapper
