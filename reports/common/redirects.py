"""Where a posted form goes back to."""

from typing import Any

from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import redirect, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme


def redirect_back(request: HttpRequest, default: Any, *args: Any, anchor: str = "") -> HttpResponseRedirect:
    """To the page the form was posted from (its ``next``, when it is this site's), else to ``default``
    (a URL, a URL name with ``args``, or an object with ``get_absolute_url``); ``anchor`` added to either."""
    next_url = request.POST.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        return redirect(next_url + anchor)
    return redirect(resolve_url(default, *args) + anchor)
