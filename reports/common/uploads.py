"""Uploads bounded while they are read: first in settings.FILE_UPLOAD_HANDLERS, ``BoundedUploadHandler``
counts each file's bytes as they arrive and gives up a file once it passes ``MAX_UPLOAD_BYTES``. Django
then drops what the next handlers kept of it (memory or a temporary file) and reads the rest of that file
off the connection without keeping it, so no more than the limit and one chunk (64 KB) of a file is ever
held, whatever size was sent, with or without a Content-Length (a chunked request has none, and Django's
memory handler would otherwise keep all of it). The request's other fields, before and after the file,
are read as usual, so the form comes back with everything else typed; ``too_large_uploads(request)`` names
the file fields that were given up, for the form to say so.
"""

from typing import Any

from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpRequest

# Every upload the app takes is a report file to import (.docx or .txt); a long report is well under 1 MB.
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
_REFUSED = "too_large_uploads"


def too_large_uploads(request: HttpRequest) -> set[str]:
    """The names of the file fields of ``request`` that were over ``MAX_UPLOAD_BYTES`` (and left out)."""
    refused: set[str] = request.__dict__.setdefault(_REFUSED, set())
    return refused


class BoundedUploadHandler(FileUploadHandler):
    """Passes each chunk on to the next handler until the file passes ``MAX_UPLOAD_BYTES``; then skips it."""

    def new_file(self, field_name: str, *args: Any, **kwargs: Any) -> None:
        super().new_file(field_name, *args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > MAX_UPLOAD_BYTES:
            if self.request is not None:
                too_large_uploads(self.request).add(self.field_name)
            raise SkipFile
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handler makes the file
