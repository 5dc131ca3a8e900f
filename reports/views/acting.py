"""Whom a person with roles in several units acts for ("当前身份"): chosen at login, switched in the header.

The choice lives in the session (``ACTING_UNIT``); ``ActingForMiddleware`` puts it on the user, and
``restrict()``, the office's pages and the header read it from there.
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from reports import audit
from reports.common.middleware import ACTING_UNIT
from reports.models import AuditEntry, Unit
from reports.permissions import default_acting_unit


def remember_default_acting_unit(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    """On login (``user_logged_in``): act for the broadest office, else the first unit."""
    if request is None or not hasattr(request, "session"):
        return
    unit = default_acting_unit(user)
    if unit is None:
        request.session.pop(ACTING_UNIT, None)
    else:
        request.session[ACTING_UNIT] = unit.pk


@login_required
@require_POST
def switch(request):
    """ "切换身份": act for another unit the user holds a role in; the home page of that role follows."""
    unit_id = request.POST.get("unit", "")
    if not unit_id.isdigit():
        return HttpResponseBadRequest("请选择要切换到的单位。")
    unit = get_object_or_404(Unit.objects.filter(memberships__user=request.user).distinct(), pk=int(unit_id))
    request.session[ACTING_UNIT] = unit.pk
    # Acting for another unit changes what the person may see and do: the audit trail names each switch.
    audit.record(AuditEntry.Action.ACT_AS, request=request, obj=unit, detail=f"切换为：{unit.name}")
    messages.success(request, f"已切换为：{unit.name}。")
    return redirect("reports:home")
