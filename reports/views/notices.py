from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Exists, Q
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from reports import actions
from reports.models import Notice, notice_scope
from reports.permissions import office_memberships


@login_required
def notice_list(request):
    notices = list(Notice.objects.visible_to(request.user).select_related("report__unit")[:100])
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
    # One query for both, on every page: the count, and whether office_district() would find a district.
    unread, in_office = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .annotate(
            unread=Count(
                "notices", filter=Q(notices__read_at__isnull=True) & notice_scope(user, "notices__")
            ),
            in_office=Exists(office_memberships(user)),
        )
        .values_list("unread", "in_office")
        .get()
    )
    return {"unread_notices": unread, "office_district": in_office and user.is_active}
