"""The server's side of static/js/autosave.js: the forms that edit a report answer its background saves
in JSON. One place for the protocol, shared by the editor and the indicator sheet."""

from typing import Any

from django.http import HttpRequest, JsonResponse
from django.utils import timezone

from reports.common.people import name_of
from reports.common.typing import User


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


def saved_since(report: Any, user: User) -> str:  # a Report: reports.common is below the models
    """Who saved ``report`` (as it is now) after the page was opened, for the stale page: the user
    themselves in another window or tab is not "someone else"."""
    when = timezone.localtime(report.updated_at).strftime("%H:%M")
    if report.updated_by_id is not None and report.updated_by_id == user.pk:
        return f"您在另一个窗口或标签页于{when}保存了这份报告"
    return f"{name_of(report.updated_by, nobody='其他人')}在{when}保存了这份报告"
