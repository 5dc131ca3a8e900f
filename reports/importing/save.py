"""Store a confirmed import, all or nothing: the draft (new, or an editable report's content replaced with
the old content kept as a snapshot), the indicator values kept, and one line of history.

Importing over a draft replaces its text, never its indicator sheet: a value typed in the sheet stays
unless the user chose, in the preview, the imported figure instead (``overwrite_typed``)."""

from collections.abc import Collection, Iterable

from django.db import transaction

from indicators.catalogue import teach_alias
from indicators.extraction import Suggestion
from indicators.models import Indicator, IndicatorValue
from reports.common.typing import User
from reports.models import Report, ReportEvent, Snapshot, Unit
from reports.snapshots import snapshot_content

from .apply import ReportExists, create_report_from_parse, store_parsed_content
from .parser import ParsedReport


class ReportLocked(ValueError):
    """The report to overwrite is submitted or approved: its content may not change."""


@transaction.atomic
def save_import(
    parsed: ParsedReport,
    unit: Unit,
    year: int,
    user: User | None,
    *,
    suggestions: Iterable[Suggestion[Indicator]] = (),
    aliases: Iterable[tuple[Indicator, str]] = (),
    source: str = "",
    replace: bool = False,
    overwrite_typed: Collection[int] = (),
) -> Report:
    """The imported report. ``replace`` must be given to overwrite the unit's report of that year.

    ``aliases`` are (indicator, phrase) pairs the user taught the district's catalogue on the way;
    ``overwrite_typed`` the indicators (pks) whose value already in the sheet the user chose to replace
    with the imported one: every other value already in the sheet is kept as it is."""
    # Locked, so that a submission racing the overwrite waits, and the status checked is the one kept.
    existing = Report.objects.select_for_update().filter(unit=unit, year=year).first()
    snapshot = None
    if existing is None:
        report = create_report_from_parse(parsed, unit, year, user)
    elif not replace:
        raise ReportExists(f"{unit.short_name or unit.name}{year}年度报告已存在")
    elif not existing.is_editable:
        raise ReportLocked(f"报告当前状态为“{existing.get_status_display()}”，内容已锁定，不能覆盖。")
    else:
        report = existing
        snapshot = Snapshot.objects.create(
            report=report, version=report.version, created_by=user, content=snapshot_content(report)
        )
        _replace_content(report, parsed, user)
    _store_values(report, suggestions, set(overwrite_typed))
    if user is not None:
        for indicator, phrase in aliases:
            teach_alias(indicator, phrase, user)
    comment = f"从“{source}”导入" if source else "导入"
    if snapshot:
        comment += "，覆盖了原有内容（原内容保存在快照中）"
    ReportEvent.note(report, ReportEvent.Action.IMPORT, user, comment, snapshot)
    return report


def _store_values(report: Report, suggestions: Iterable[Suggestion[Indicator]], overwrite: set[int]) -> None:
    typed = {v.indicator_id: v for v in report.indicator_values.all()}
    new = []
    for s in suggestions:
        note = f"导入时摘自：{s.quote}"[:300]
        value = typed.get(s.indicator.pk)
        if value is None:
            new.append(
                IndicatorValue(
                    report=report, indicator=s.indicator, value=s.value, qualifier=s.qualifier, note=note
                )
            )
        elif s.indicator.pk in overwrite:
            value.value, value.qualifier, value.not_applicable, value.note = s.value, s.qualifier, False, note
            value.save(update_fields=["value", "qualifier", "not_applicable", "note"])
    IndicatorValue.objects.bulk_create(new)


def _replace_content(report: Report, parsed: ParsedReport, user: User | None) -> None:
    # Review comments on the old sections and items stay, detached, with the text they quoted.
    report.organs.all().delete()
    report.sections.all().delete()
    report.title = parsed.title
    report.untitled = not parsed.title  # the text has no title: none is made up
    report.document_number = parsed.document_number
    report.addressee = parsed.addressee
    report.preamble = "\n".join(parsed.preamble)
    report.signing_date = parsed.signing_date
    report.version += 1  # an editor open on the old content must not save over the import
    report.updated_by = user
    report.save()
    store_parsed_content(report, parsed)
