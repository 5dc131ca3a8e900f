"""Who may see and do what: the only place that decides access.

Views never filter by unit themselves; they start from ``Report.objects.restrict(user, action)`` (or
``Unit.objects.restrict``), so an object of another unit is simply not found (404).
"""

from django.db import models


class Action(models.TextChoices):
    VIEW = "view"
    EDIT = "edit"


def _role_unit_ids(user, *roles):
    from .models import Membership

    return Membership.objects.filter(user=user, role__in=roles).values("unit_id")


def _unit_scope(user, action):
    """A Q over Unit for the units whose reports ``user`` may act on."""
    from .models import Membership

    if not user.is_authenticated or not user.is_active:
        return models.Q(pk__in=[])
    unit_roles = [Membership.Role.STAFF, Membership.Role.LEADER]
    own_units = models.Q(pk__in=_role_unit_ids(user, *unit_roles))
    if action == Action.EDIT:
        return own_units
    district_ids = _role_unit_ids(user, Membership.Role.DISTRICT_OFFICE)
    return own_units | models.Q(pk__in=district_ids) | models.Q(parent_id__in=district_ids)


class UnitQuerySet(models.QuerySet):
    def restrict(self, user, action=Action.VIEW):
        return self.filter(_unit_scope(user, action))


class ReportQuerySet(models.QuerySet):
    def restrict(self, user, action=Action.VIEW):
        from .models import Unit

        # Scope only: whether the report's status allows editing is the workflow's question (403, not 404).
        return self.filter(unit__in=Unit.objects.restrict(user, action))
