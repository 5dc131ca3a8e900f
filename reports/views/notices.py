from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from reports.models import Notice
from reports.permissions import office_district


@login_required
def notice_list(request):
    notices = list(request.user.notices.select_related("report__unit")[:100])
    Notice.objects.filter(user=request.user, read_at__isnull=True).update(read_at=timezone.now())
    return render(request, "reports/notices.html", {"notices": notices})


def unread_notices(request):
    """Context processor: the count shown on the navigation bar, and the district office's link."""
    if not request.user.is_authenticated:
        return {}
    return {
        "unread_notices": Notice.objects.filter(user=request.user, read_at__isnull=True).count(),
        "office_district": office_district(request.user),
    }
