"""Who may see and do what: the only place that decides access.

Views never filter by unit themselves; they start from ``Report.objects.restrict(user, action)`` (or
``Unit.objects.restrict``, defined beside the models in ``reports.models``), so an object of another unit
is simply not found (404). A known object and a forbidden action is refused (403).
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import get_object_or_404

from .common.typing import RequestUser, User
from .models import Action, Membership, Report, Unit, UnitQuerySet

__all__ = [
    "Action",
    "can",
    "district_office_required",
    "get_report_or_refuse",
    "office_district",
    "office_memberships",
    "refusal",
    "roles_on",
    "units_user_can_write_for",
]


# The annotation get_report_or_refuse puts on a report: may the user do the action (on its unit)?
MAY_ACT: dict[str, str] = {Action.EDIT: "may_edit"}


def refusal(user: RequestUser, report: Report, action: str) -> str | None:
    """Why ``user`` may not do ``action`` on ``report`` (which they can see), or None when they may."""
    if action == Action.VIEW:
        return None
    may = getattr(report, MAY_ACT.get(action, ""), None)  # looked up with the report by get_report_or_refuse
    if may is None:
        may = Report.objects.restrict(user, action).filter(pk=report.pk).exists()
    if not may:
        return "您没有修改这份报告的权限。"
    if action == Action.EDIT and not report.is_editable:
        return f"报告当前状态为“{report.get_status_display()}”，内容已锁定，不能修改。"
    return None


def can(user: RequestUser, report: Report, action: str) -> bool:
    return refusal(user, report, action) is None


def get_report_or_refuse(user: RequestUser, pk: int, action: str = Action.VIEW) -> Report:
    """The report ``pk`` if ``user`` may do ``action`` on it.

    Another unit's report is not found (404: its existence is not disclosed); a report the user can see
    but not act on is refused (403), as is editing a report whose status locks its content.
    """
    reports = Report.objects.restrict(user, Action.VIEW).select_related("unit__parent")
    if action in MAY_ACT:  # whether the user may do it, in the same query (not for viewing: it costs)
        reports = reports.annotate(
            **{MAY_ACT[action]: Exists(Report.objects.restrict(user, action).filter(pk=OuterRef("pk")))}
        )
    report = get_object_or_404(reports, pk=pk)
    reason = refusal(user, report, action)
    if reason:
        raise PermissionDenied(reason)
    return report


def units_user_can_write_for(user: RequestUser) -> UnitQuerySet:
    """Units where ``user`` is staff or leader: where they may start a report."""
    return Unit.objects.restrict(user, Action.EDIT)


def roles_on(user: RequestUser, report: Report) -> set[str]:
    """The roles ``user`` holds over ``report``: staff/leader of its unit, district office of its district."""
    if not user.is_authenticated or not user.is_active:
        return set()
    unit = report.unit
    district_id = unit.parent_id or unit.pk
    roles: set[str] = set()
    for membership in Membership.objects.filter(user=user, unit_id__in={unit.pk, district_id}):
        if membership.role == Membership.Role.DISTRICT_OFFICE:
            roles.add(membership.role)
        elif membership.unit_id == unit.pk:
            roles.add(membership.role)
    return roles


def office_memberships(user: User) -> QuerySet[Membership]:
    """The memberships that make ``user`` a district office (区级管理员): what ``office_district`` looks for."""
    return Membership.objects.filter(
        user=user, role=Membership.Role.DISTRICT_OFFICE, unit__kind=Unit.Kind.DISTRICT
    )


def office_district(user: RequestUser) -> Unit | None:
    """The district whose office ``user`` works in (区级管理员), or None: unit staff and leaders have none.

    A person in the offices of two districts gets the first in unit order.
    """
    if not user.is_authenticated or not user.is_active:
        return None
    return Unit.objects.filter(
        kind=Unit.Kind.DISTRICT, memberships__user=user, memberships__role=Membership.Role.DISTRICT_OFFICE
    ).first()


def district_office_required(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """For the district office's pages: the view gets the user's district after ``request``.

    Anonymous visitors go to the login page; anyone logged in without the role is refused (403). Objects
    named in the URL are then looked up inside that district, so another district's are not found (404).
    """

    @wraps(view)
    @login_required
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        district = office_district(request.user)
        if district is None:
            raise PermissionDenied("只有区级管理员可以打开这一页。")
        return view(request, district, *args, **kwargs)

    return wrapped
