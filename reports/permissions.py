"""Who may see and do what: the only place that decides access.

Views never filter by unit themselves; they start from ``Report.objects.restrict(user, action)`` (or
``Unit.objects.restrict``, defined beside the models in ``reports.models``), so an object of another unit
is simply not found (404). A known object and a forbidden action is refused (403).

The refusals decided here carry the object refused (``Refused``, ``NotDisclosed``), so that the audit
trail (``reports.audit_events.AuditMiddleware``) records which object someone was refused, once, for
every view.
"""

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any, TypeVar

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponseBase
from django.shortcuts import get_object_or_404

from .common.typing import RequestUser, User
from .models import OFFICE_ROLES, Action, Membership, Report, Unit, UnitQuerySet, ancestor_ids, in_scope

__all__ = [
    "Action",
    "NotDisclosed",
    "Refused",
    "acting_units",
    "can",
    "default_acting_unit",
    "district_office_required",
    "get_inside_or_404",
    "get_report_or_refuse",
    "office_district",
    "office_memberships",
    "refusal",
    "roles_on",
    "units_user_can_write_for",
]


M = TypeVar("M", bound=Model)


class Refused(PermissionDenied):
    """A known object and an action the user may not take on it (403); ``refused_object`` is the object."""

    def __init__(self, message: str, refused_object: Model | None = None) -> None:
        super().__init__(message)
        self.refused_object = refused_object


class NotDisclosed(Http404):
    """An object that exists outside the user's scope: a 404 like one that does not exist, but the audit
    trail records it as a refusal (``refused_object``)."""

    def __init__(self, refused_object: Model) -> None:
        super().__init__("Not found.")
        self.refused_object = refused_object


def get_inside_or_404(queryset: QuerySet[M], pk: object, **inside: Any) -> M:
    """The object ``pk`` of ``queryset`` among those matching ``inside`` (a district's, a report's). One
    that exists outside them is as not found as one that does not exist (404), and recorded as refused."""
    found = queryset.filter(pk=pk, **inside).first()
    if found is not None:
        return found
    elsewhere = queryset.model._default_manager.filter(pk=pk).first()
    if elsewhere is not None:
        raise NotDisclosed(elsewhere)
    raise Http404("Not found.")


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
    # restrict()'s decision for this one report, from the user's memberships on its unit and the units above
    # it: two plain queries instead of building restrict()'s subqueries (a tenth of a small page's time).
    if not user.is_authenticated or not user.is_active:
        raise Http404("No report here.")
    report = get_object_or_404(Report.objects.select_related("unit__parent"), pk=pk)
    memberships = _memberships_on(user, report)
    if not in_scope(memberships, report.unit, Action.VIEW):
        raise NotDisclosed(report)  # another unit's: as not found as one that does not exist
    for act, attribute in MAY_ACT.items():
        setattr(report, attribute, in_scope(memberships, report.unit, act))
    report._viewer_memberships = (user.pk, memberships)  # type: ignore[attr-defined]  # for roles_on
    reason = refusal(user, report, action)
    if reason:
        raise Refused(reason, report)
    return report


def _memberships_on(user: User, report: Report) -> list[tuple[int, str]]:
    """(unit id, role) of ``user``'s memberships on the report's unit and every unit above it, in the unit
    they act for when they chose one (as ``restrict`` counts them)."""
    sql, params = _memberships_sql(
        connection.vendor,
        user.pk,
        tuple(ancestor_ids(report.unit.path)),
        getattr(user, "acting_unit_id", None),
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(unit_id, role) for unit_id, role in cursor.fetchall()]


@lru_cache(maxsize=1024)
def _memberships_sql(vendor: str, user_pk: int, unit_ids: tuple[int, ...], acting_unit_id: int | None) -> Any:
    """The SQL of ``_memberships_on`` for these arguments, built with the ORM once per process and then only
    run (building it was a tenth of a report page's Python); the rows are read afresh every time."""
    memberships = Membership.objects.filter(user_id=user_pk, unit_id__in=unit_ids or [0])
    if acting_unit_id is not None:
        memberships = memberships.filter(unit_id=acting_unit_id)
    return memberships.order_by().values_list("unit_id", "role").query.sql_with_params()


def units_user_can_write_for(user: RequestUser) -> UnitQuerySet:
    """Units where ``user`` is staff or leader: where they may start a report."""
    return Unit.objects.restrict(user, Action.EDIT)


def roles_on(user: RequestUser, report: Report) -> set[str]:
    """The roles ``user`` holds over ``report`` in the workflow: staff/leader of its unit, and the office of
    the unit it reports to (its parent: a district's office receives its units' reports, a city's office
    the districts' own). An office further up sees the report but does not receive it."""
    if not user.is_authenticated or not user.is_active:
        return set()
    unit = report.unit
    viewer, memberships = getattr(report, "_viewer_memberships", (None, None))
    if viewer != user.pk or memberships is None:  # not fetched by get_report_or_refuse for this user
        memberships = _memberships_on(user, report)
    roles: set[str] = set()
    for unit_id, role in memberships:
        if role in OFFICE_ROLES:
            if unit_id == unit.parent_id:
                roles.add(role)
        elif unit_id == unit.pk:
            roles.add(role)
    return roles


def office_memberships(user: User) -> QuerySet[Membership]:
    """The memberships that make ``user`` an office (管理员) of a unit at any level, in the unit they act
    for when they chose one: what ``office_district`` looks for."""
    memberships = Membership.objects.filter(user=user, role__in=OFFICE_ROLES)
    acting_unit_id = getattr(user, "acting_unit_id", None)
    if acting_unit_id is not None:
        memberships = memberships.filter(unit_id=acting_unit_id)
    return memberships


def office_district(user: RequestUser) -> Unit | None:
    """The unit (district, city…) whose office ``user`` acts for, or None: unit staff and leaders have none.

    The unit is the one chosen in the header ("当前身份"); a person who has not chosen (an older session)
    acts for their broadest office, which the header then shows.
    """
    if not user.is_authenticated or not user.is_active:
        return None
    offices = Unit.objects.filter(pk__in=office_memberships(user).values("unit_id"))
    return min(offices, key=_broadest_first, default=None)


def _broadest_first(unit: Unit) -> tuple[int, int, str]:
    return (unit.depth, unit.position, unit.code)


def acting_units(user: User) -> list[tuple[Unit, list[Membership.Role]]]:
    """Each unit ``user`` holds roles in, with those roles, broadest unit first: the header's choices."""
    units: dict[int, tuple[Unit, list[Membership.Role]]] = {}
    for membership in Membership.objects.filter(user=user).select_related("unit").order_by("role"):
        units.setdefault(membership.unit_id, (membership.unit, []))[1].append(
            Membership.Role(membership.role)
        )
    return sorted(units.values(), key=lambda choice: _broadest_first(choice[0]))


def default_acting_unit(user: User) -> Unit | None:
    """Whom a person acts for when they log in: their broadest office, else their first unit."""
    choices = acting_units(user)
    offices = [unit for unit, roles in choices if any(role in OFFICE_ROLES for role in roles)]
    units = offices or [unit for unit, _ in choices]
    return units[0] if units else None


def district_office_required(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """For the office's pages (district, city…): the view gets the unit the user acts for as its office
    after ``request``.

    Anonymous visitors go to the login page; anyone logged in without the role is refused (403). Objects
    named in the URL are then looked up inside that district, so another district's are not found (404).
    """

    @wraps(view)
    @login_required
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        district = office_district(request.user)
        if district is None:
            raise PermissionDenied("只有管理员可以打开这一页；有多个身份的，请先在页面顶部切换到管理员身份。")
        return view(request, district, *args, **kwargs)

    return wrapped
