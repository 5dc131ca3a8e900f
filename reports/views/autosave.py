"""The server's side of static/js/autosave.js: the forms that edit a report answer its background saves
in JSON. One place for the protocol, shared by the editor and the indicator sheet."""

from django.http import JsonResponse
from django.utils import timezone


def is_autosave(request):
    return request.headers.get("X-Autosave") == "1"


def clock():
    return timezone.localtime().strftime("%H:%M:%S")


def saved(version):
    return JsonResponse({"status": "saved", "version": version, "saved_at": clock()})


def invalid(message):
    return JsonResponse({"status": "invalid", "message": message}, status=400)


def conflict(message):
    return JsonResponse({"status": "conflict", "message": message}, status=409)
