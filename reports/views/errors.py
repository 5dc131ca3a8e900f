"""The page for a form whose CSRF check failed (settings.CSRF_FAILURE_VIEW).

Django's own view hands its template the technical reason and, without a template, advises setting
DEBUG=True; this one says only what the user can do (templates/403_csrf.html). Django logs the reason
("Forbidden (CSRF cookie not set.)") on django.security.csrf before calling it.
The other error pages are Django's default views with the templates 400.html, 403.html, 404.html, 500.html.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403_csrf.html", status=403)
