"""The district office's changes to its indicator catalogue for a year, and to its cross-indicator rules.

An indicator is in use from ``first_year`` to ``last_year``, so this year's catalogue is last year's unless
something was added or retired: "copy last year's" brings back what last year had and this year lacks.
"""

from typing import Any

from django.db import transaction

from reports import audit
from reports.common.ordering import next_position, reorder
from reports.common.typing import User
from reports.models import AuditEntry, Unit

from .models import Indicator, IndicatorRule
from .national_catalogue import NATIONAL_CATALOGUE


class CatalogueError(Exception):
    """A change that cannot be made; ``str()`` is the message for the user."""


def missing_from_last_year(district: Unit, year: int) -> list[Indicator]:
    """Indicators in use last year that this year's catalogue does not have."""
    this_year = Indicator.objects.for_year(district, year).values("pk")
    return list(Indicator.objects.for_year(district, year - 1).exclude(pk__in=this_year))


@transaction.atomic
def add_indicator(district: Unit, year: int, **fields: Any) -> Indicator:
    """A new indicator, in use from ``year``, last in the catalogue."""
    position = next_position(Indicator.objects.filter(district=district))
    return Indicator.objects.create(district=district, first_year=year, position=position, **fields)


@transaction.atomic
def change_indicator(indicator: Indicator, **fields: Any) -> Indicator:
    for name, value in fields.items():
        setattr(indicator, name, value)
    indicator.save(update_fields=list(fields))
    return indicator


def add_rule(district: Unit, **fields: Any) -> IndicatorRule:
    return IndicatorRule.objects.create(district=district, **fields)


def delete_rule(rule: IndicatorRule) -> None:
    rule.delete()


@transaction.atomic
def carry_over(district: Unit, year: int) -> list[Indicator]:
    """Put last year's indicators back into use from ``year`` on; returns them."""
    indicators = missing_from_last_year(district, year)
    Indicator.objects.filter(pk__in=[i.pk for i in indicators]).update(last_year=None)
    return indicators


@transaction.atomic
def retire(indicator: Indicator, year: int) -> None:
    """Stop using ``indicator`` from ``year`` on. One added this year and never filled in is removed."""
    if indicator.first_year >= year:
        if indicator.values.exists():
            raise CatalogueError(f"“{indicator.name}”已有单位填报数值，不能删除。")
        indicator.delete()
        return
    indicator.last_year = year - 1
    indicator.save(update_fields=["last_year"])


@transaction.atomic
def move(indicator: Indicator, year: int, step: int) -> None:
    """Move ``indicator`` ``step`` places (-1 up, +1 down) in the year's catalogue order."""
    indicators = list(Indicator.objects.for_year(indicator.district, year))
    index = next(n for n, i in enumerate(indicators) if i.pk == indicator.pk)
    target = min(max(index + step, 0), len(indicators) - 1)
    indicators.insert(target, indicators.pop(index))
    reorder(indicators)


def next_code(district: Unit) -> str:
    """A code for an indicator added without one: "custom-1", "custom-2"…"""
    taken = set(Indicator.objects.filter(district=district).values_list("code", flat=True))
    number = 1
    while f"custom-{number}" in taken:
        number += 1
    return f"custom-{number}"


@transaction.atomic
def copy_national_catalogue(district: Unit, year: int, user: User) -> list[Indicator]:
    """Add the default national catalogue's indicators the district lacks (by code, or by name among those
    in use in ``year``: its own 普法受众 under another code is the same indicator), in use from ``year``,
    after its own; returns them. The district then renames, retires or teaches them as it likes."""
    taken = set(Indicator.objects.filter(district=district).values_list("code", flat=True))
    named = set(Indicator.objects.for_year(district, year).values_list("name", flat=True))
    position = next_position(Indicator.objects.filter(district=district))
    added = []
    for entry in NATIONAL_CATALOGUE:
        if entry["code"] in taken or entry["name"] in named:
            continue
        fields = {**entry, "aliases": "\n".join(entry["aliases"])}
        added.append(Indicator(district=district, first_year=year, position=position, **fields))
        position += 1
    Indicator.objects.bulk_create(added)
    audit.record(
        AuditEntry.Action.CATALOGUE_CHANGE,
        user=user,
        obj=district,
        detail=f"复制全国通用指标目录：新增{len(added)}项（{year}年起）",
    )
    return added


def add_alias(indicator: Indicator, phrase: str) -> bool:
    """Add ``phrase`` to the indicator's wordings, unsaved; False when it already knows it (or it is empty)."""
    phrase = phrase.strip()
    if not phrase or phrase in indicator.alias_list:
        return False
    indicator.aliases = "\n".join(filter(None, [indicator.aliases.strip(), phrase]))
    return True


@transaction.atomic
def teach_alias(indicator: Indicator, phrase: str, user: User) -> bool:
    """Add ``phrase`` to the indicator's wordings, so the finder names it in the district's next reports;
    False when the indicator already knows it."""
    if not add_alias(indicator, phrase):
        return False
    phrase = phrase.strip()
    indicator.save(update_fields=["aliases"])
    audit.record(
        AuditEntry.Action.CATALOGUE_CHANGE,
        user=user,
        obj=indicator,
        detail=f"导入时为指标“{indicator.name}”增加说法：{phrase}",
    )
    return True
