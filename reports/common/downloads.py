"""File downloads: one way to answer with an attachment, and telling the page that a download started.

Every download is a security event (等保 安全审计): ``attachment()`` notes on the response what was
downloaded (``DownloadNote``), and ``reports.audit_events.AuditMiddleware`` records it once the view has
answered, so no download view can forget to.

A download does not leave the page, so the page cannot see it finish. static/js/app.js adds a random
``download_token`` to the link; the response carries it back in a short-lived cookie, which the page
watches for to stop its "正在生成…" progress note.
"""

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import IO, Any
from urllib.parse import quote

from django.db.models import Model
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase, StreamingHttpResponse

TOKEN = re.compile(r"^[A-Za-z0-9]{8,40}$")

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"
ZIP = "application/zip"


@dataclass(frozen=True)
class DownloadNote:
    """What a download response carries for the audit trail: the object it is of and what kind of file."""

    about: Model | None
    kind: str
    filename: str


# The attribute of the response that holds its DownloadNote.
NOTE = "download_note"


def content_disposition(filename: str, ascii_fallback: str) -> str:
    """RFC 6266 with an RFC 5987 UTF-8 name; old clients take the ASCII fallback."""
    return f"attachment; filename=\"{ascii_fallback}\"; filename*=UTF-8''{quote(filename)}"


def attachment(
    content: bytes | str | IO[bytes] | Iterable[bytes],
    filename: str,
    *,
    ascii_fallback: str,
    content_type: str,
    about: Model | None,
    kind: str,
) -> HttpResponseBase:
    """A download named ``filename`` (Chinese is fine). ``content`` is the bytes, an open file, or an
    iterable of chunks (streamed). Reports are not for shared caches or the browser's disk.

    ``about`` is the object downloaded (a report, a stored PDF, the district for its exports) and
    ``kind`` what the file is ("草稿PDF", "XLSX"…): both go to the audit trail."""
    if isinstance(content, bytes | str):
        response: HttpResponseBase = HttpResponse(content, content_type=content_type)
    elif hasattr(content, "read"):
        response = FileResponse(content, content_type=content_type)
    else:
        response = StreamingHttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition(filename, ascii_fallback)
    response["Cache-Control"] = "private, no-store"
    setattr(response, NOTE, DownloadNote(about, kind, filename))
    return response


def reports_download_start(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Decorator for download views: sets the cookie the page waits for (see above)."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        response = view(request, *args, **kwargs)
        token = request.GET.get("download_token", "")
        if TOKEN.match(token) and response.status_code == 200:
            response.set_cookie(f"download_{token}", "1", max_age=60, samesite="Lax")
        return response

    return wrapper
