"""The server's side of static/js/autosave.js: the forms that edit a report answer its background saves
in JSON. One place for the protocol, shared by the editor and the indicator sheet."""

from django.http import HttpRequest, JsonResponse
from django.utils import timezone


def is_autosave(request: HttpRequest) -> bool:
    return request.headers.get("X-Autosave") == "1"


def is_in_place(request: HttpRequest) -> bool:
    """A structure button of the editor pressed with JavaScript (static/js/editor.js): the answer is the
    changed part of the page in JSON, not a redirect."""
    return request.headers.get("X-In-Place") == "1"


def clock() -> str:
    return timezone.localtime().strftime("%H:%M:%S")


def saved(version: int, warnings: list[str]) -> JsonResponse:
    """``warnings``: where the text and the sheet now disagree, for the page's box to show without a reload
    (a user who corrects a figure sees its warning go)."""
    return JsonResponse({"status": "saved", "version": version, "saved_at": clock(), "warnings": warnings})


def invalid(message: str) -> JsonResponse:
    return JsonResponse({"status": "invalid", "message": message}, status=400)


def conflict(message: str) -> JsonResponse:
    return JsonResponse({"status": "conflict", "message": message}, status=409)
