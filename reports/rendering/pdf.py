"""The official document as HTML and PDF: one template, one stylesheet, WeasyPrint for the PDF.

WeasyPrint fetches nothing but the app's own static files (``StaticOnlyFetcher``). The font configuration
and the parsed stylesheet are built once per process and reused: loading the CJK fonts is most of a cold
render (a changed stylesheet needs a restart, as changed code does).
Never use ``full_fonts`` or fontTools subsetting: the default HarfBuzz subsetting is fast and small.

The performance tricks are in rendering/tuning.py, each with why: ``render_pdf`` runs ``@renders_pdf``
(frame room where CPython needs it, the garbage collected after each render), ``DocumentHTML`` builds
WeasyPrint's ``HTML`` with lxml and its own user-agent stylesheet, and pydyf writes at zlib level 1 once
``ReportsConfig.ready()`` has called ``tuning.apply()``. Importing this module patches nothing.
"""

import mimetypes
from collections.abc import Mapping
from functools import cache
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html
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

from indicators.models import IndicatorValue
from reports.models import Report, Section

from .context import Masks, report_context
from .tuning import renders_pdf, set_html_attributes

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
    try:
        path = static(name)
    except ValueError:  # production before collectstatic (migrate runs the system checks, which render)
        path = urlsplit(settings.STATIC_URL).path + name
    url = urljoin(BASE_URL, path)
    return CSS(url=url, url_fetcher=StaticOnlyFetcher(), font_config=font_config())


@cache
def stylesheet() -> CSS:
    """The document's stylesheet, parsed once: it is the same file for every render."""
    return _static_stylesheet(STYLESHEET)


@cache
def user_agent_stylesheet() -> CSS:
    return _static_stylesheet(USER_AGENT_STYLESHEET)


class DocumentHTML(HTML):
    """The HTML of templates/document/report.html for WeasyPrint, parsed by lxml (not WeasyPrint's own
    tinyhtml5) and styled with the user-agent defaults of just its elements (document/ua.css): the same
    boxes (tests/test_pdf_layout.py) in less time. Why, and what it relies on in WeasyPrint's ``HTML``:
    rendering/tuning.py."""

    def __init__(self, html: str) -> None:
        root = lxml.html.document_fromstring(html)
        set_html_attributes(self, root, base_url=BASE_URL, url_fetcher=StaticOnlyFetcher())

    def _ua_stylesheets(self, forms: bool = False) -> list[CSS]:
        return [user_agent_stylesheet()]


@cache
def stylesheet_text() -> str:
    with open(finders.find(STYLESHEET), encoding="utf-8") as file:  # type: ignore[arg-type]  # ours: found
        return file.read()


def render_html(
    report: Report,
    *,
    inline_css: bool = False,
    sections: list[Section] | None = None,
    masks: Masks = (),
    values: list[IndicatorValue] | None = None,
    **extra: Any,
) -> str:
    """The document's HTML. ``inline_css`` puts the stylesheet inside, for a file read without the app;
    ``sections`` may come loaded with their items (``Report.sections_with_items``); ``masks`` and
    ``values`` as in ``report_context``."""
    context = report_context(report, sections, masks, values) | extra
    if inline_css:
        context["inline_css"] = mark_safe(stylesheet_text())  # our own static file, never user text
    return render_to_string("document/report.html", context)


@renders_pdf
def render_pdf(report: Report, *, pdfa: bool = False, masks: Masks = ()) -> bytes:
    """The report as PDF bytes; PDF/A-2b for archiving when ``pdfa``; ``masks`` as in ``report_context``."""
    html = render_html(report, for_pdf=True, masks=masks)
    options = {"pdf_variant": "pdf/a-2b"} if pdfa else {}
    return DocumentHTML(html).write_pdf(stylesheets=[stylesheet()], font_config=font_config(), **options)
