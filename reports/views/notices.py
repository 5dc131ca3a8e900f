from functools import lru_cache

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.db.models import Count, OuterRef, Q, Subquery
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from reports import actions
from reports.models import Membership, Notice, Unit, notice_scope
from reports.permissions import acting_units, office_memberships


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


# The office's link in the header, by the level of the unit it acts for.
OFFICE_LINKS = {
    Unit.Kind.PROVINCE: "省级工作台",
    Unit.Kind.CITY: "市级工作台",
    Unit.Kind.DISTRICT: "区级工作台",
}


@lru_cache(maxsize=1024)
def _navigation_sql(vendor, user_pk, acting_unit_id):
    """The SQL of the navigation's one query for a user acting for a unit (or for all of theirs): built
    with the ORM once per process and then only run. Building it took a third of a small page's Python
    (issue 13); its text depends on nothing but these arguments (``notice_scope`` reads the user's id and
    ``acting_unit_id``), and the rows it counts are read afresh on every request."""
    user = get_user_model()(pk=user_pk)
    user.acting_unit_id = acting_unit_id
    # One query for all three, on every page: the count, whether office_district() would find a unit, and
    # in how many units the user holds roles (the choices are fetched only when there are several).
    units = (
        Membership.objects.filter(user=OuterRef("pk")).values("user").annotate(n=Count("unit", distinct=True))
    )
    query = (
        get_user_model()
        .objects.filter(pk=user_pk)
        .annotate(
            unread=Count(
                "notices", filter=Q(notices__read_at__isnull=True) & notice_scope(user, "notices__")
            ),
            office_kind=Subquery(office_memberships(user).order_by("unit__kind").values("unit__kind")[:1]),
            unit_count=Subquery(units.values("n")),
        )
        .values_list("unread", "office_kind", "unit_count")
    )
    return query.query.sql_with_params()


def unread_notices(request):
    """Context processor: the count shown on the navigation bar, the office's link, and for a person with
    roles in several units whom they act for and the others to switch to. (A request refused before the
    authentication middleware ran, as a 400 for an unknown host is, has no user.)"""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    sql, params = _navigation_sql(connection.vendor, user.pk, getattr(user, "acting_unit_id", None))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        # No row only if the user was deleted since this request looked them up: nothing to show.
        unread, office_kind, unit_count = cursor.fetchone() or (0, None, None)
    context = {
        "unread_notices": unread,
        "office_district": office_kind is not None and user.is_active,
        "office_link": f"{Unit.LEVEL_NAMES.get(office_kind, '区级')}工作台",
    }
    if (unit_count or 0) > 1:
        choices = acting_units(user)
        acting_id = getattr(user, "acting_unit_id", None)
        context["acting_choices"] = choices
        context["acting_unit"] = next((unit for unit, _ in choices if unit.pk == acting_id), None)
    return context
