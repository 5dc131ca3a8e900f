"""The official document as HTML and PDF: one template, one stylesheet, WeasyPrint for the PDF.

WeasyPrint fetches nothing but the app's own static files (``StaticOnlyFetcher``). The font configuration
and the parsed stylesheet are built once per process and reused: loading the CJK fonts is most of a cold
render (a changed stylesheet needs a restart, as changed code does).

After each render the garbage is collected, or a long-lived process grows by megabytes a render. A full
collection walks every object of the process (Django, WeasyPrint, fonts: ~70 ms), so after the first render
the survivors are frozen (``gc.freeze``) and later collections walk only what a render made: the same
memory, a quarter less time.
Never use ``full_fonts`` or fontTools subsetting: the default HarfBuzz subsetting is fast and small.

pydyf (WeasyPrint's PDF writer) deflates every stream at zlib level 9, mostly the four subset CJK fonts
(about 1.2 MB a report). Level 1 writes a file a tenth larger (the demo report: 255 KB instead of 229 KB)
with 3% fewer instructions per render (bench/pdf_render.py, callgrind). pydyf has no setting for it, so
its module-level ``zlib`` is replaced by one that compresses at ``ZLIB_LEVEL`` whatever level is asked.

Renders run ``with_frame_room``: see there why.
"""

import gc
import mimetypes
import types
import zlib
from collections.abc import Callable, Mapping
from functools import cache, wraps
from typing import Any, ParamSpec, TypeVar
from urllib.parse import unquote, urljoin, urlsplit

import cssselect2
import lxml.html
import pydyf
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import SuspiciousFileOperation
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.safestring import mark_safe
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from reports.models import Report

from .context import report_context

ZLIB_LEVEL = 1
pydyf.zlib = types.SimpleNamespace(
    compress=lambda data, level=ZLIB_LEVEL: zlib.compress(data, ZLIB_LEVEL),
    compressobj=lambda level=ZLIB_LEVEL, **options: zlib.compressobj(ZLIB_LEVEL, **options),
)

# CPython 3.11 and 3.12 keep the frames of Python calls in chunks of 16 KB and free a chunk as soon as the
# first frame in it returns (CPython gh-142183; 3.13 and 3.14 keep one chunk back). WeasyPrint's layout
# recursion goes up and down across such a boundary some 2,000 times a render of the demo report, each
# time an mmap, a page fault and a munmap: a tenth of the render on the build machine. A frame reserves
# its code's whole stack size; called from a frame whose code claims 512 KB of stack, a render gets a
# chunk of 1 MB of its own, whose free half holds all its frames (tests/test_frame_room.py).
FRAME_ROOM_SLOTS = 1 << 16  # of 8 bytes


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _call(function: Callable[..., _R], args: tuple[Any, ...], kwargs: dict[str, Any]) -> _R:
    return function(*args, **kwargs)


_call_with_frame_room = types.FunctionType(
    _call.__code__.replace(co_stacksize=FRAME_ROOM_SLOTS), globals(), "_call_with_frame_room"
)


def with_frame_room(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """Decorator: ``function`` runs in a frame-stack chunk of its own, with room for its deepest calls."""

    @wraps(function)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        return _call_with_frame_room(function, args, kwargs)

    return wrapper


STYLESHEET = "document/gbt9704.css"
USER_AGENT_STYLESHEET = "document/ua.css"
# Relative URLs in the HTML ("/static/…") resolve against this origin, which exists nowhere (RFC 2606):
# the fetcher answers for it from the static files and refuses everything else.
BASE_URL = "https://document.invalid/"


class RefusedURL(ValueError):
    """WeasyPrint logs a fetcher's error as a warning and renders without the resource."""


class StaticOnlyFetcher(URLFetcher):
    """Serves the app's static files and ``data:`` URLs; refuses ``file:``, other hosts and schemes."""

    def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> URLFetcherResponse:
        parts = urlsplit(url)
        if parts.scheme == "data":
            return super().fetch(url, headers)
        prefix = urlsplit(settings.STATIC_URL).path  # "/static/"
        if f"{parts.scheme}://{parts.netloc}/" != BASE_URL or not parts.path.startswith(prefix):
            raise RefusedURL(f"只允许加载本系统的静态文件：{url}")
        relative = unquote(parts.path[len(prefix) :])
        body = _static_file(relative) if relative and ".." not in relative.split("/") else None
        if body is None:
            raise RefusedURL(f"没有这个静态文件：{url}")
        content_type = mimetypes.guess_type(relative)[0] or "application/octet-stream"
        if content_type.startswith("text/"):
            content_type += "; charset=utf-8"  # the stylesheet names fonts in Chinese
        return URLFetcherResponse(url, body, {"Content-Type": content_type})


def _static_file(relative: str) -> bytes | None:
    """A static file's bytes: from the app's static folders (``finders``, the names as written), else from
    the collected files (``collectstatic``), where production's ``{% static %}`` names point: hashed names
    such as document/gbt9704.3f2a….css, and the fonts its collected copy names."""
    if relative.startswith("/"):
        return None
    path = finders.find(relative)
    if path:
        with open(path, "rb") as file:
            return file.read()
    try:
        with staticfiles_storage.open(relative) as file:
            return bytes(file.read())
    except (OSError, SuspiciousFileOperation):
        return None


@cache
def font_config() -> FontConfiguration:
    return FontConfiguration()


def _static_stylesheet(name: str) -> CSS:
    url = urljoin(BASE_URL, static(name))
    return CSS(url=url, url_fetcher=StaticOnlyFetcher(), font_config=font_config())


@cache
def stylesheet() -> CSS:
    """The document's stylesheet, parsed once: it is the same file for every render."""
    return _static_stylesheet(STYLESHEET)


@cache
def user_agent_stylesheet() -> CSS:
    return _static_stylesheet(USER_AGENT_STYLESHEET)


class DocumentHTML(HTML):
    """The HTML of templates/document/report.html for WeasyPrint, made faster in two ways that print the
    same boxes (tests/test_pdf_layout.py):
    - libxml2's C parser (lxml) reads the template's output instead of tinyhtml5, which WeasyPrint's own
      constructor runs in pure Python: a twentieth of a render;
    - the user-agent defaults of just the template's elements (document/ua.css): WeasyPrint's own
      user-agent stylesheet styles every element and form control of HTML, and matching it against each
      element of a report is a tenth of a render.
    """

    def __init__(self, html: str) -> None:
        # What HTML.__init__ sets, from a tree parsed by lxml.
        self.base_url = BASE_URL
        self.url_fetcher = StaticOnlyFetcher()
        self.media_type = "print"
        root = lxml.html.document_fromstring(html)
        self.wrapper_element = cssselect2.ElementWrapper.from_html_root(root, content_language=None)
        self.etree_element = self.wrapper_element.etree_element

    def _ua_stylesheets(self, forms: bool = False) -> list[CSS]:
        return [user_agent_stylesheet()]


@cache
def stylesheet_text() -> str:
    with open(finders.find(STYLESHEET), encoding="utf-8") as file:  # type: ignore[arg-type]  # ours: found
        return file.read()


def render_html(report: Report, *, inline_css: bool = False, **extra: Any) -> str:
    """The document's HTML. ``inline_css`` puts the stylesheet inside, for a file read without the app."""
    context = report_context(report) | extra
    if inline_css:
        context["inline_css"] = mark_safe(stylesheet_text())  # our own static file, never user text
    return render_to_string("document/report.html", context)


@with_frame_room
def render_pdf(report: Report, *, pdfa: bool = False) -> bytes:
    """The report as PDF bytes; PDF/A-2b for archiving when ``pdfa``."""
    html = render_html(report, for_pdf=True)
    options = {"pdf_variant": "pdf/a-2b"} if pdfa else {}
    try:
        return DocumentHTML(html).write_pdf(stylesheets=[stylesheet()], font_config=font_config(), **options)
    finally:
        _collect_garbage()


_frozen = False


def _collect_garbage() -> None:
    global _frozen
    gc.collect()
    if not _frozen:
        gc.freeze()
        _frozen = True
