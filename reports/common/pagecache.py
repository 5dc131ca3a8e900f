"""The public site's pages, kept whole in Django's cache until something is published or withdrawn.

Every cached page is stored under the current "generation": the time of the last publication or
withdrawal, itself a key of the cache. ``invalidate()`` (called by the publishing actions after their
transaction commits) starts a new generation, so every page is made again on its next request; the old
entries expire on their own. The generation is also each page's ``Last-Modified``, and a hash of its
bytes its ``ETag``: a browser or proxy that asks again gets 304 when nothing changed.

A page is the same for everyone (the public site reads neither the session nor the user), so it is
``Cache-Control: public``.
"""

import hashlib
import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.template.response import SimpleTemplateResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

GENERATION_KEY = "public-pages:generation"
ENTRY_TIMEOUT = 24 * 3600  # seconds; a new generation makes older entries unreachable anyway
# Headers of the view's response kept with its bytes.
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Content-Language", "X-Robots-Tag")


def generation() -> int:
    """The current generation (a Unix time in whole seconds): set on first use when the cache has none."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = int(time.time())
        cache.add(GENERATION_KEY, value, None)
        value = cache.get(GENERATION_KEY, value)
    return int(value)


def invalidate() -> None:
    """Every public page made again on its next request. Never the same generation twice, even within
    one second."""
    cache.set(GENERATION_KEY, max(int(time.time()), generation() + 1), None)


def public_page(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Serve ``view``'s successful GET responses from the cache, with ``Cache-Control: public``, an ETag
    and Last-Modified; answer 304 to a request whose validator still matches. Other responses (404,
    a redirect) pass through uncached."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        current = generation()
        # The host too: the JSON listing, the feed and the sitemap carry absolute addresses.
        path_hash = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
        key = f"public-page:{current}:{path_hash}"
        entry = cache.get(key)
        if entry is None:
            made = view(request, *args, **kwargs)
            if isinstance(made, SimpleTemplateResponse):
                made.render()  # sitemap.xml's
            if made.status_code != 200 or made.streaming or not isinstance(made, HttpResponse):
                return made
            headers = {name: made[name] for name in KEPT_HEADERS if made.has_header(name)}
            entry = (made.content, headers, f'"{hashlib.sha256(made.content).hexdigest()[:32]}"')
            cache.set(key, entry, ENTRY_TIMEOUT)
        content, headers, etag = entry
        response = HttpResponse(content, headers=headers)
        response["ETag"] = etag
        response["Last-Modified"] = http_date(current)
        response["Cache-Control"] = f"public, max-age={settings.PUBLIC_PAGE_MAX_AGE}"
        conditional = get_conditional_response(request, etag=etag, last_modified=current, response=response)
        answer = conditional if conditional is not None else response
        # Neither a renewed session cookie nor Vary: Cookie on a page a proxy may keep for everyone
        # (reports.common.middleware.SessionMiddleware).
        answer.public_page = True  # type: ignore[attr-defined]
        return answer

    return wrapped
