"""What the district office changes for a year: the deadline and the outline every report starts from; and
the files it asks for (the year's 汇编 and ZIP, made by background jobs: files.py, tasks.py).
(Its indicator catalogue is ``indicators.catalogue``; accepting and returning reports is the workflow's.)"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from indicators.actions import save_indicator_values
from indicators.aggregation import Figure
from indicators.models import IndicatorValue, Qualifier
from reports import audit
from reports.actions import bump_version
from reports.common.ordering import next_position
from reports.common.typing import User
from reports.deadlines import deadline_for, deadline_text, default_deadline, units_not_delivered
from reports.models import (
    AuditEntry,
    GeneratedFile,
    Item,
    Membership,
    OutlineSection,
    Reminder,
    Report,
    ReportEvent,
    ReportingYear,
    Section,
    Unit,
)
from reports.notifications import send, unit_recipients

from .files import fingerprint, is_stalled, sources
from .tasks import TASKS


def reporting_year_for(district: Unit, year: int) -> ReportingYear:
    """The district's settings for ``year``, created with the default deadline when first needed."""
    setting, _ = ReportingYear.objects.get_or_create(
        district=district, year=year, defaults={"deadline": default_deadline(year)}
    )
    return setting


@transaction.atomic
def set_deadline(district: Unit, year: int, deadline: datetime.date) -> ReportingYear:
    setting = reporting_year_for(district, year)
    setting.deadline = deadline
    setting.save(update_fields=["deadline"])
    return setting


@transaction.atomic
def set_word_limits(district: Unit, year: int, limits: dict[str, int]) -> ReportingYear:
    """The year's word limits ({"total" or a section kind: words}); none: no limit."""
    setting = reporting_year_for(district, year)
    setting.word_limits = limits
    setting.save(update_fields=["word_limits"])
    return setting


@transaction.atomic
def save_outline(
    district: Unit,
    year: int,
    rows: list[tuple[Section.Kind, str]],
    audience: str = OutlineSection.Audience.UNITS,
) -> None:
    """Replace the year's outline for ``audience`` (the 街道 and 乡镇, or the departments) by ``rows``
    (kind, heading), in order. No rows: the regulation's applies (the departments': the units' outline).

    Reports already started keep their sections; the outline is what new reports start from.
    """
    setting = reporting_year_for(district, year)
    setting.outline.filter(audience=audience).delete()
    OutlineSection.objects.bulk_create(
        OutlineSection(
            reporting_year=setting, audience=audience, position=position, kind=kind, heading=heading
        )
        for position, (kind, heading) in enumerate(rows)
    )


# --- 催报: reminding the units that have not delivered the year's report ------------------------------------

# A unit reminded less than this long ago is not reminded again: a second click (or a colleague's) a few
# minutes later would only fill the same people's notices and mailboxes.
REMIND_AGAIN_AFTER = datetime.timedelta(hours=1)


@dataclass
class Reminded:
    """What a 催报 did: the units reminded now, those skipped because they were reminded lately, and those
    with nobody to tell (not reminded)."""

    sent: list[Unit] = field(default_factory=list)
    skipped: list[Unit] = field(default_factory=list)
    people: int = 0
    nobody: list[Unit] = field(default_factory=list)  # no active staff or leader to tell


def remind_message(district: Unit, year: int, today: datetime.date | None = None) -> str:
    deadline = deadline_for(district, year)
    return (
        f"【催报】{district.name}提醒：请于{deadline.year}年{deadline.month}月{deadline.day}日前"
        f"报送{year}年度法治政府建设情况报告（{deadline_text(deadline, today=today)}）。"
    )


@transaction.atomic
def remind_units(district: Unit, year: int, user: User) -> Reminded:
    """催报: a notice and an e-mail to the staff and leaders of every unit below ``district`` whose ``year``
    report has not reached it, except those reminded within ``REMIND_AGAIN_AFTER``. Each unit reminded
    gets a ``Reminder`` row, its report (if started) a history row, and the audit trail a row."""
    now = timezone.now()
    units = list(units_not_delivered(district, year).order_by("position", "code"))
    recent = set(
        Reminder.objects.filter(unit__in=units, year=year, sent_at__gt=now - REMIND_AGAIN_AFTER).values_list(
            "unit_id", flat=True
        )
    )
    reports = {r.unit_id: r for r in Report.objects.filter(unit__in=units, year=year)}
    message = remind_message(district, year)
    result = Reminded()
    for unit in units:
        if unit.pk in recent:
            result.skipped.append(unit)
            continue
        report = reports.get(unit.pk)
        people = list(unit_recipients(unit, (Membership.Role.STAFF, Membership.Role.LEADER)))
        told = send(people, message, report=report, unit=None if report else unit)
        audit.record(
            AuditEntry.Action.REMIND,
            user=user,
            obj=report or unit,
            detail=f"{year}年度催报：{unit.short_name}，通知{told}人",
        )
        if not told:  # not reminded: not shown as such, and tried again at the next click
            result.nobody.append(unit)
            continue
        Reminder.objects.create(
            unit=unit, year=year, report=report, sent_by=user, sent_at=now, recipients=told
        )
        if report is not None:
            ReportEvent.note(report, ReportEvent.Action.REMIND, user, message)
        result.sent.append(unit)
        result.people += told
    return result


# --- Files made by background jobs -------------------------------------------------------------------------


@transaction.atomic
def request_file(kind: str, district: Unit, year: int, user: User | None) -> GeneratedFile:
    """The ``kind`` file of ``district``'s ``year`` as things are now: the finished one if there is one,
    else the one being made; if neither, a new row and one job for it, queued in the same transaction (the
    database backend keeps its queue in this database: the row and its job are committed together).
    The row is unique per fingerprint: of two requests at once, one creates it, the other finds it."""
    items = sources(kind, district, year)
    generated, created = GeneratedFile.objects.get_or_create(
        kind=kind,
        district=district,
        year=year,
        fingerprint=fingerprint(kind, district, year, items),
        defaults={"requested_by": user, "total": len(items)},
    )
    if created:
        enqueue(generated)
    elif generated.status == GeneratedFile.Status.DONE and not _stored(generated):
        return retry_file(generated, user)  # its file is gone (a database restored without its files)
    return generated


def retry_file(generated: GeneratedFile, user: User | None) -> GeneratedFile:
    """A failed or stalled file (or a done one whose file is gone) made again by a new job; one queued,
    running or done is left alone."""
    with transaction.atomic():
        locked = GeneratedFile.objects.select_for_update().get(pk=generated.pk)
        lost = locked.status == GeneratedFile.Status.DONE and not _stored(locked)
        if locked.status != GeneratedFile.Status.FAILED and not is_stalled(locked) and not lost:
            return locked
        locked.status, locked.done, locked.error, locked.task_id = GeneratedFile.Status.QUEUED, 0, "", ""
        locked.requested_by = user
        locked.started_at = locked.finished_at = None
        locked.save()
        enqueue(locked)
    return locked


def _stored(generated: GeneratedFile) -> bool:
    return bool(generated.file) and generated.file.storage.exists(generated.file.name)


def enqueue(generated: GeneratedFile) -> None:
    """Queues the job that makes ``generated`` and notes its id on the row."""
    result = TASKS[GeneratedFile.Kind(generated.kind)].enqueue(generated.pk)
    GeneratedFile.objects.filter(pk=generated.pk, task_id="").update(task_id=str(result.id))


# --- A district's own report drafted from its units' (drafting.py) ------------------------------------------


# Section kinds that hold the same theme under other outlines: a unit's "主要举措" goes to a district's
# "主要举措和成效" when the district's report has no "主要举措" of its own.
SAME_THEME: dict[str, tuple[str, ...]] = {
    Section.Kind.MEASURES: (Section.Kind.MEASURES_AND_RESULTS, Section.Kind.ACHIEVEMENTS),
    Section.Kind.ACHIEVEMENTS: (Section.Kind.MEASURES_AND_RESULTS, Section.Kind.MEASURES),
    Section.Kind.MEASURES_AND_RESULTS: (Section.Kind.MEASURES, Section.Kind.ACHIEVEMENTS),
}


@transaction.atomic
def copy_items_into(report: Report, user: User, items: list[Item]) -> int:
    """Copy ``items`` (of the units' accepted reports) into the district's ``report``, each at the end of
    the report's first section of the same kind (or theme, ``SAME_THEME``; else its last section), keeping a link to its source and
    the source report's version. One save of the report (its version bumped, the history row written);
    returns the number copied."""
    sections = list(report.sections.order_by("position"))
    if not sections or not items:
        return 0
    by_kind: dict[str, Section] = {}
    for section in sections:
        by_kind.setdefault(section.kind, section)
    for item in items:
        kinds = [item.section.kind, *SAME_THEME.get(item.section.kind, ())]
        target = next((by_kind[kind] for kind in kinds if kind in by_kind), sections[-1])
        Item.objects.create(
            section=target,
            position=next_position(target.items),
            level=item.level,
            style=item.style,
            heading=item.heading,
            body=item.body,
            source=item,
            source_version=item.section.report.version,
        )
    bump_version(report, user)
    return len(items)


@transaction.atomic
def fill_totals(report: Report, user: User, figures: dict[int, tuple[Figure, str]]) -> int:
    """Write the units' totals (indicator id → (figure, note)) into the district report's own sheet where
    it has no value yet: what the office typed stays. Returns the number written."""
    taken = set(IndicatorValue.objects.filter(report=report).values_list("indicator_id", flat=True))
    rows = {
        indicator_id: {
            "value": figure.value,
            "qualifier": figure.qualifier or Qualifier.EXACT,
            "not_applicable": figure.not_applicable,
            "note": note,
        }
        for indicator_id, (figure, note) in figures.items()
        if indicator_id not in taken and not figure.missing
    }
    if rows:
        save_indicator_values(report, user, base_version=report.version, rows=rows)
    return len(rows)
