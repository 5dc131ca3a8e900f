"""What an office (a district's, a city's…) sees and does across the units below it: the year's dashboard,
the outline carried over from last year, and all delivered reports of a year as one streamed ZIP.

The dashboard costs the same few queries for 5 units or 1,000, at any depth: units, reports, the dates from
the history, the people holding each report and the deadlines, each fetched once for everything below the
office (one condition on the units' paths) and joined here. A city's board lists every unit below it,
grouped by district (the district's own report first, then its units'); the office acts only on the
reports of the units directly below it, which it receives.
"""

import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Max
from django.utils import timezone

from reports.common.people import name_from
from reports.deadlines import DELIVERED, deadline_text, deadlines_for
from reports.frozen_pdf import current_stored_pdf
from reports.models import Membership, OutlineSection, Publication, Reminder, Report, ReportEvent, Unit
from reports.outline import outline_for
from reports.publishing import publication_deadline
from reports.rendering.filenames import document_filename
from reports.rendering.pdf import render_pdf
from reports.workflow import TRANSITIONS

Status = Report.Status
Role = Membership.Role
EventAction = ReportEvent.Action

MISSING = "missing"  # a unit that has not started the year's report
STATUS_LABELS = {MISSING: "未开始", **dict(Status.choices)}
STATUS_ORDER = [MISSING, Status.DRAFT, Status.RETURNED, Status.SUBMITTED, Status.APPROVED, Status.ACCEPTED]
# Filters beyond the statuses themselves.
OVERDUE, PENDING = "overdue", "pending"
FILTER_LABELS = {PENDING: "未报送", OVERDUE: "逾期", **STATUS_LABELS}

ROW_REPORT_FIELDS = ("id", "unit_id", "year", "status", "version")

# A date is shown once the report has got that far in the current round: a report returned after
# approval shows no approval date.
REACHED = {
    EventAction.SUBMIT: (Status.SUBMITTED, Status.APPROVED, Status.ACCEPTED),
    EventAction.APPROVE: (Status.APPROVED, Status.ACCEPTED),
    EventAction.ACCEPT: (Status.ACCEPTED,),
}
# Who has to act next: staff write (and start) it, the leader reviews it, the district receives it.
HOLDER = {
    MISSING: Role.STAFF,
    Status.DRAFT: Role.STAFF,
    Status.RETURNED: Role.STAFF,
    Status.SUBMITTED: Role.LEADER,
    Status.APPROVED: Role.DISTRICT_OFFICE,
    Status.ACCEPTED: None,
}


@dataclass
class Row:
    unit: Unit
    report: Report | None
    dates: dict  # action → datetime, only those the status has reached
    deadline_text: str
    overdue: bool
    holder: str
    steps: list = field(default_factory=list)  # workflow steps the district office can take from here
    publication: Publication | None = None  # published now (withdrawn or outdated ones are None)
    publication_text: str = ""  # "公开还剩12天" / "公开已逾期3天" for an unpublished report
    publication_overdue: bool = False
    group: Unit | None = None  # on a city's board: the district the unit belongs to (the district itself)
    group_rank: int = 0  # the group's place: rows stay grouped whatever they are sorted by
    reminded_at: datetime | None = None  # the office's last 催报 to the unit for the year

    @property
    def status(self):
        return self.report.status if self.report else MISSING

    @property
    def status_label(self):
        return self.report.get_status_display() if self.report else STATUS_LABELS[MISSING]

    @property
    def submitted_at(self):
        return self.dates.get(EventAction.SUBMIT)

    @property
    def approved_at(self):
        return self.dates.get(EventAction.APPROVE)

    @property
    def accepted_at(self):
        return self.dates.get(EventAction.ACCEPT)


@dataclass
class Dashboard:
    district: Unit  # the office's unit: a district, a city…
    year: int
    deadline: object
    rows: list[Row]
    grouped: bool = False  # rows of units more than one level below (a city's): grouped by branch

    @property
    def to_remind(self):
        """The units a 催报 would go to: those reporting to this office that have not delivered."""
        return [r for r in self.rows if r.unit.parent_id == self.district.pk and r.status not in DELIVERED]

    def count(self, predicate):
        return sum(1 for row in self.rows if predicate(row))

    @property
    def counts(self):
        """The line on top: "18/24 已提交 · 12 已审核 · 3 逾期"."""
        reached = REACHED[EventAction.SUBMIT]
        return {
            "total": len(self.rows),
            "submitted": self.count(lambda r: r.status in reached),
            "delivered": self.count(lambda r: r.status in DELIVERED),
            "accepted": self.count(lambda r: r.status == Status.ACCEPTED),
            "overdue": self.count(lambda r: r.overdue),
            "published": self.count(lambda r: r.publication is not None),
            "publication_overdue": self.count(lambda r: r.publication_overdue),
            "missing": self.count(lambda r: r.status == MISSING),
        }


def dashboard(district, year, today=None):
    """Every unit below ``district`` (the office's unit, at any level) with its ``year`` report, grouped
    by branch and in unit order."""
    today = today or timezone.localdate()
    units = list(Unit.objects.below(district).order_by("position", "code"))
    by_id = {unit.pk: unit for unit in units}
    children = [unit for unit in units if unit.parent_id == district.pk]
    order = district.tree_order(children)
    units.sort(key=order)
    grouped = len(children) < len(units)
    # Each report is due at the deadline of the office that receives it: the unit's parent.
    parents = {unit.parent_id for unit in units}
    deadlines = deadlines_for([district, *(unit for unit in units if unit.pk in parents)], year)
    # The rows need a report's status and key (and the unit, set below), not its text.
    reports = {
        r.unit_id: r for r in Report.objects.below(district).filter(year=year).only(*ROW_REPORT_FIELDS)
    }
    publications = {
        p.report_id: p
        for p in Publication.objects.visible().filter(
            report__unit__path__startswith=district.path, report__year=year
        )
    }
    publish_by = publication_deadline(year)
    dates = {}
    events = (
        ReportEvent.objects.filter(
            report__in=Report.objects.below(district).filter(year=year), action__in=REACHED
        )
        .values("report_id", "action")
        .annotate(at=Max("created_at"))
    )
    for event in events:
        dates.setdefault(event["report_id"], {})[event["action"]] = event["at"]
    reminded = dict(
        Reminder.objects.filter(unit__in=children, year=year)
        .values("unit_id")
        .annotate(at=Max("sent_at"))
        .values_list("unit_id", "at")
    )
    people = {}
    memberships = Membership.objects.filter(
        unit__in=Unit.objects.below(district), role__in=(Role.STAFF, Role.LEADER)
    )
    # Rows of names, not a membership and a user object each (two per unit: a fifth of the page's time).
    names = memberships.order_by("user__username").values_list(
        "unit_id", "role", "user__first_name", "user__last_name", "user__username"
    )
    for unit_id, role, first_name, last_name, username in names:
        people.setdefault((unit_id, role), []).append(name_from(first_name, last_name, username))

    rows = []
    for unit in units:
        report = reports.get(unit.pk)
        if report is not None:
            report.unit = unit  # the rows' links and names need it: no join, no query per row
        status = report.status if report else MISSING
        reached = {
            action: at
            for action, at in dates.get(report.pk if report else None, {}).items()
            if status in REACHED[action]
        }
        deadline = deadlines[unit.parent_id]
        receiver = district if unit.parent_id == district.pk else by_id[unit.parent_id]
        group = by_id[district.branch_id(unit)] if grouped else None
        rows.append(
            Row(
                unit=unit,
                report=report,
                dates=reached,
                deadline_text=deadline_text(deadline, status, today),
                overdue=status not in DELIVERED and today > deadline,
                holder=_holder(HOLDER[status], people.get((unit.pk, HOLDER[status]), []), receiver),
                steps=office_steps(status) if unit.parent_id == district.pk else [],
                group=group,
                group_rank=order(group)[0] if group else 0,
                publication=publications.get(report.pk) if report else None,
                reminded_at=reminded.get(unit.pk),
            )
        )
        _publication_due(rows[-1], publish_by, today)
    return Dashboard(
        district=district, year=year, deadline=deadlines[district.pk], rows=rows, grouped=grouped
    )


def _publication_due(row, publish_by, today):
    """Days left to make the report public (1 April of the year after), or how late it is: shown like the
    submission deadline, and flagged the same way once passed."""
    if row.publication is not None:
        return
    days = (publish_by - today).days
    row.publication_overdue = days < 0
    row.publication_text = (
        f"公开还剩{days}天" if days > 0 else "今天公开截止" if days == 0 else f"公开已逾期{-days}天"
    )


def _holder(role, names, receiver):
    if role is None:
        return "已完成"
    if role == Role.DISTRICT_OFFICE:
        return receiver.level_name
    return f"{Role(role).label}：{'、'.join(names)}" if names else Role(role).label


def office_steps(status):
    """The workflow steps open to the district office on a report in ``status``: the row's buttons.

    The office's role is known here (the page is the office's), so no query per row; ``workflow.perform``
    checks it again when a button is pressed.
    """
    return [s for s in TRANSITIONS.values() if status in s.sources and Role.DISTRICT_OFFICE in s.roles]


def filter_rows(rows, status="", kind=""):
    """Rows of the units of ``kind`` whose report is in ``status`` (or overdue, or not yet delivered)."""
    if kind:
        rows = [r for r in rows if r.unit.kind == kind]
    if status == OVERDUE:
        return [r for r in rows if r.overdue]
    if status == PENDING:
        return [r for r in rows if r.status not in DELIVERED]
    if status in STATUS_LABELS:
        return [r for r in rows if r.status == status]
    return rows


SORT_KEYS = {
    "unit": lambda r: (r.unit.depth, r.unit.position, r.unit.code),
    "status": lambda r: STATUS_ORDER.index(r.status),
    "submitted": lambda r: r.submitted_at,
    "approved": lambda r: r.approved_at,
    "accepted": lambda r: r.accepted_at,
}


def sort_rows(rows, sort):
    """``sort`` is a key of SORT_KEYS, "-" in front for descending; rows without a date go last."""
    name = sort.removeprefix("-")
    key = SORT_KEYS.get(name, SORT_KEYS["unit"])
    present = [r for r in rows if key(r) is not None]
    absent = [r for r in rows if key(r) is None]
    ordered = sorted(present, key=key, reverse=sort.startswith("-")) + absent
    return sorted(ordered, key=lambda r: r.group_rank)  # stable: each group keeps the order chosen


# --- The outline ------------------------------------------------------------------------------------------


def outline_from_last_year(district, year, audience=OutlineSection.Audience.UNITS):
    """Last year's outline (the district's, else the regulation's) with its years moved on by one:
    "2024年…主要举措和成效" and "2025年…工作思路" become "2025年…" and "2026年…"."""

    def next_year(match):
        number = int(match.group())
        return str(number + 1) if number in (year - 1, year) else match.group()

    return [
        (kind, re.sub(r"\d{4}", next_year, heading))
        for kind, heading in outline_for(district, year - 1, audience)
    ]


# --- All delivered reports as one ZIP --------------------------------------------------------------------


def delivered_reports(district, year):
    """The delivered reports of every unit below ``district``, in tree order (grouped by branch)."""
    reports = list(
        Report.objects.below(district).filter(year=year, status__in=DELIVERED).select_related("unit")
    )
    order = district.tree_order()
    return sorted(reports, key=lambda report: order(report.unit))


class _Pipe:
    """A write-only file for ``zipfile`` that keeps what was written until ``drain``: the ZIP is sent as
    it is written, so memory holds one chunk, never the archive. (No ``seek``/``tell``: zipfile then
    writes each member's sizes after its data.)"""

    def __init__(self):
        self.chunks = []

    def write(self, data):
        self.chunks.append(bytes(data))
        return len(data)

    def flush(self):
        pass

    def drain(self):
        data = b"".join(self.chunks)
        self.chunks.clear()
        return data


CHUNK = 256 * 1024


def zip_chunks(reports):
    """The bytes of a ZIP of each report's PDF, named "城西街道2025年度法治政府建设情况的报告.pdf", as they
    are produced. The stored (approved) PDF is sent as is; a report without one is rendered now."""
    pipe = _Pipe()
    names = set()
    with zipfile.ZipFile(pipe, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for report in reports:
            name = _unique(document_filename(report), names)
            info = zipfile.ZipInfo(name, date_time=_zip_time(report.updated_at))
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, "w") as member:
                for chunk in _pdf_chunks(report):
                    member.write(chunk)
                    yield pipe.drain()
            yield pipe.drain()
    yield pipe.drain()  # the central directory


def _pdf_chunks(report):
    stored = current_stored_pdf(report)
    if stored is None:
        yield render_pdf(report)
        return
    with stored.file.open("rb") as file:
        while chunk := file.read(CHUNK):
            yield chunk


def _unique(name, taken):
    stem, dot, extension = name.rpartition(".")
    candidate, number = name, 2
    while candidate in taken:
        candidate, number = f"{stem}（{number}）{dot}{extension}", number + 1
    taken.add(candidate)
    return candidate


def _zip_time(moment: datetime):
    return timezone.localtime(moment).timetuple()[:6]
