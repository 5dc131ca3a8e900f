from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from reports import actions
from reports.models import Notice
from reports.permissions import office_district


@login_required
def notice_list(request):
    notices = list(request.user.notices.select_related("report__unit")[:100])
    return render(request, "reports/notices.html", {"notices": notices})


@login_required
@require_POST
def mark_read(request):
    if actions.mark_notices_read(request.user):
        messages.success(request, "通知已全部标为已读。")
    return redirect("reports:notices")


def unread_notices(request):
    """Context processor: the count shown on the navigation bar, and the district office's link. (A request
    refused before the authentication middleware ran, as a 400 for an unknown host is, has no user.)"""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "unread_notices": Notice.objects.filter(user=request.user, read_at__isnull=True).count(),
        "office_district": office_district(request.user),
    }
