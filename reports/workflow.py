"""Review and approval. The allowed transitions are data (``TRANSITIONS``), enforced in ``perform`` alone.

draft ──submit──> submitted ──approve──> approved ──accept──> accepted
returned ─submit─┘    └──return──> returned <──district_return──┘ │
                                       ^────────────reopen──────────┘

Each transition: check role and state without holding anything; for the approval, render the PDF it
freezes, outside any transaction (``frozen_pdf.FrozenPdf``); then one short transaction: take the report
row, check again, store a snapshot (on submit and approve), change the status, write the history row, the
stored PDF and the in-app notices. E-mails go out after commit. No other request ever waits for a render:
on SQLite a write transaction holds the one write lock of the whole database, so none is open while the
PDF renders.
"""

import copy
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from . import audit
from .common.people import name_of
from .common.typing import RequestUser, User
from .frozen_pdf import FrozenPdf
from .models import AuditEntry, Membership, Report, ReportEvent, Snapshot
from .notifications import notify, recipients
from .permissions import roles_on
from .precheck import check_report
from .snapshots import snapshot_content

Status = Report.Status
Role = Membership.Role
EventAction = ReportEvent.Action

# The history rows that change a report's content, and those after which the content goes back to its
# unit for another version: what separation of duties reads to find who edited the version under review.
CONTENT_EDITS = (EventAction.SAVE, EventAction.IMPORT)
BACK_TO_THE_UNIT = (EventAction.RETURN, EventAction.DISTRICT_RETURN, EventAction.REOPEN)


@dataclass(frozen=True, kw_only=True)
class Step:
    action: EventAction
    sources: tuple[Status, ...]
    target: Status
    roles: tuple[Role, ...]  # any of these roles on the report (the unit's, or the district office's)
    notify_roles: tuple[Role, ...]
    reason_required: bool = False
    snapshot: bool = False
    # Render the PDF of the report as the step leaves it and store it with the step: an approval never
    # exists without its PDF. Refused if the report's version changed while the PDF rendered.
    freezes_pdf: bool = False
    # The check before submitting (reports/precheck.py) must pass: no error, and warnings confirmed.
    checked: bool = False
    done: str  # the message after it happened

    @property
    def label(self) -> str:
        """The button, and the history's name for it."""
        return str(self.action.label)

    @property
    def comment_name(self) -> str:
        """What the comment typed with the step is: a 理由 where one is required (a return), else the
        optional 说明 the form asks for (a submission's note to the leader)."""
        return "理由" if self.reason_required else "说明"


TRANSITIONS: dict[str, Step] = {
    step.action: step
    for step in [
        Step(
            action=EventAction.SUBMIT,
            sources=(Status.DRAFT, Status.RETURNED),
            target=Status.SUBMITTED,
            roles=(Role.STAFF, Role.LEADER),
            notify_roles=(Role.LEADER,),
            snapshot=True,
            checked=True,
            done="已提交，等待单位领导审核。",
        ),
        Step(
            action=EventAction.RETURN,
            sources=(Status.SUBMITTED,),
            target=Status.RETURNED,
            roles=(Role.LEADER,),
            notify_roles=(Role.STAFF,),
            reason_required=True,
            done="已退回填报员修改。",
        ),
        Step(
            action=EventAction.APPROVE,
            sources=(Status.SUBMITTED,),
            target=Status.APPROVED,
            roles=(Role.LEADER,),
            notify_roles=(Role.STAFF, Role.DISTRICT_OFFICE),
            snapshot=True,
            freezes_pdf=True,
            done="已审核通过，内容已锁定。",
        ),
        Step(
            action=EventAction.ACCEPT,
            sources=(Status.APPROVED,),
            target=Status.ACCEPTED,
            roles=(Role.DISTRICT_OFFICE,),
            notify_roles=(Role.STAFF, Role.LEADER),
            done="已接收。",
        ),
        Step(
            action=EventAction.DISTRICT_RETURN,
            sources=(Status.APPROVED,),
            target=Status.RETURNED,
            roles=(Role.DISTRICT_OFFICE,),
            notify_roles=(Role.STAFF, Role.LEADER),
            reason_required=True,
            done="已退回单位修改。",
        ),
        Step(
            action=EventAction.REOPEN,
            sources=(Status.ACCEPTED,),
            target=Status.RETURNED,
            roles=(Role.DISTRICT_OFFICE,),
            notify_roles=(Role.STAFF, Role.LEADER),
            reason_required=True,
            done="报告已重新打开，单位可以修改。",
        ),
    ]
}


class WorkflowError(Exception):
    """A transition that cannot happen; ``str()`` is the Chinese message for the user."""


class NotAllowed(WorkflowError):
    """The user has no role for this action, or separation of duties forbids it (403)."""


class StateConflict(WorkflowError):
    """The report is not (or no longer) in a state this action starts from (409)."""


class CheckFailed(WorkflowError):
    """The check before submitting found errors, or warnings the user has not confirmed."""


def available_steps(user: RequestUser, report: Report) -> list[Step]:
    """The steps ``user`` could take on ``report`` now: the buttons to show."""
    roles = roles_on(user, report)
    return [s for s in TRANSITIONS.values() if report.status in s.sources and roles.intersection(s.roles)]


def has_reviewer(report: Report, submitter: User) -> bool:
    """Whether anyone could approve what ``submitter`` submits: an active leader of the unit other than
    ``submitter`` (who may not approve a version they submitted)."""
    return recipients(report, (Role.LEADER,)).exclude(pk=submitter.pk).exists()


def last_submitter_id(report: Report) -> int | None:
    event = report.last_submission()
    return event.user_id if event else None


def edited_this_version(user: User, report: Report) -> bool:
    """Did ``user`` change the content of the version now under review: a save or an import since the
    report last came back to its unit (or since it was started)?"""
    events = report.events.all()
    came_back = events.filter(action__in=BACK_TO_THE_UNIT).order_by("-created_at", "-pk").first()
    if came_back is not None:
        events = events.filter(created_at__gte=came_back.created_at).exclude(pk=came_back.pk)
    return events.filter(action__in=CONTENT_EDITS, user=user).exists()


def perform(
    user: User, report: Report, action: str, comment: str = "", *, confirmed: bool = False
) -> ReportEvent:
    """Carry out ``action`` on ``report`` as ``user``; returns the ReportEvent written.

    ``confirmed``: the user has seen the warnings of the check before submitting and goes on.

    Call it outside any transaction (the views do: ATOMIC_REQUESTS is off), so that nothing is locked
    while an approval renders its PDF.
    """
    step = TRANSITIONS.get(action)
    if step is None:
        raise NotAllowed("没有这个操作。")
    comment = comment.strip()
    # The report as it is now, whatever page ``report`` came from; checked here without holding anything,
    # so that a refusal costs no render and no write, then again inside the transaction.
    seen = Report.objects.select_related("unit").get(pk=report.pk)
    _check_role(user, seen, step)
    if seen.status not in step.sources:
        raise _state_conflict(seen, step)
    if step.reason_required and not comment:
        raise WorkflowError(f"“{step.label}”需要填写理由。")
    _check_separation_of_duties(user, seen, step)
    if step.checked:  # refused here at no cost; checked again on the version the transaction takes
        _check_contents(seen, confirmed)

    when = timezone.now()
    # The render, with no transaction open: on SQLite an open write transaction would hold every other
    # unit's save for as long as the render takes.
    frozen = FrozenPdf(_as_after(seen, step, user, when)) if step.freezes_pdf else None
    try:
        with transaction.atomic():
            event = _switch(user, seen, step, comment, when, frozen, confirmed)
    except BaseException:
        if frozen is not None:
            frozen.discard()  # no file without its row
        raise
    report.status, report.version = event.report.status, event.report.version
    return event


def _switch(
    user: User,
    seen: Report,
    step: Step,
    comment: str,
    when: datetime,
    frozen: FrozenPdf | None,
    confirmed: bool = False,
) -> ReportEvent:
    """The transition's short transaction: status, snapshot, history row, stored PDF, notices.

    Its first statement changes the status, conditional on the status checked (and, when the step froze
    a PDF, on the version it rendered): that takes the row, so two leaders approving at once end with one
    approval and one clear refusal. Writing first matters on SQLite: a transaction that has read cannot
    wait for another writer and fails at once with "database is locked"; one that writes first waits its
    turn. On PostgreSQL the update takes the row lock and, if another transaction changed the row
    meanwhile, sees the row as that one committed it.
    """
    rows = Report.objects.filter(pk=seen.pk, status=seen.status)
    if step.freezes_pdf:
        rows = rows.filter(version=seen.version)
    changed = rows.update(status=step.target, version=F("version") + 1, updated_at=when, updated_by=user)
    if not changed:
        raise _conflict(seen, step)
    locked = Report.objects.select_related("unit").get(pk=seen.pk)
    # Again, now that nobody else can act on the report: a membership may have changed meanwhile.
    _check_role(user, locked, step)
    _check_separation_of_duties(user, locked, step)
    if step.checked:  # a save just before may have changed what the first check saw
        _check_contents(locked, confirmed)
    snapshot = None
    if step.snapshot:
        snapshot = Snapshot.objects.create(
            report=locked, version=locked.version, created_by=user, content=snapshot_content(locked)
        )
    event = ReportEvent.objects.create(
        report=locked,
        action=step.action,
        from_status=seen.status,
        to_status=step.target,
        user=user,
        comment=comment,
        snapshot=snapshot,
    )
    if frozen is not None:
        frozen.attach(event)
    detail = f"{step.label}：{seen.get_status_display()} → {locked.get_status_display()}"
    audit.record(
        AuditEntry.Action.WORKFLOW,
        user=user,
        obj=locked,
        detail=f"{detail}；{step.comment_name}：{comment}" if comment else detail,
    )
    notify(locked, step.notify_roles, _notice_text(locked, step, user, comment), exclude=user)
    return event


def _as_after(seen: Report, step: Step, user: User, when: datetime) -> Report:
    """``seen`` as ``step`` will leave it (status, version, date of the change): what the frozen PDF
    shows, the same file a render of the report just after the transition would give."""
    after = copy.copy(seen)
    after.status = step.target
    after.version = seen.version + 1
    after.updated_at = when
    after.updated_by = user
    return after


def _check_role(user: User, report: Report, step: Step) -> None:
    if not roles_on(user, report).intersection(step.roles):
        raise NotAllowed(f"您没有“{step.label}”的权限。")


def _check_separation_of_duties(user: User, report: Report, step: Step) -> None:
    if step.action != EventAction.APPROVE:
        return
    if last_submitter_id(report) == user.pk:
        raise NotAllowed("提交这一版本的人不能审核通过同一版本，请由其他审核领导审核。")
    if report.unit.district.separate_editing_from_approval and edited_this_version(user, report):
        raise NotAllowed(
            "您修改过这一版本的内容，不能再审核通过同一版本（区里要求修改与审核分离），请由其他审核领导审核。"
        )


def _check_contents(report: Report, confirmed: bool) -> None:
    refusal = check_report(report).refusal(confirmed)
    if refusal:
        raise CheckFailed(refusal)


def _state_conflict(report: Report, step: Step) -> StateConflict:
    return StateConflict(
        f"报告当前状态为“{report.get_status_display()}”，不能“{step.label}”。可能有人刚刚操作过，请刷新页面。"
    )


def _conflict(seen: Report, step: Step) -> StateConflict:
    """Why the conditional update changed nothing: someone acted on the report, or changed it, since."""
    now = Report.objects.get(pk=seen.pk)
    if now.status not in step.sources:
        return _state_conflict(now, step)
    if step.freezes_pdf and now.version != seen.version:
        return StateConflict(f"报告在审核期间被修改，本次“{step.label}”未生效。请刷新后重新审核。")
    return StateConflict("报告刚被其他人操作过，请刷新页面。")


def _notice_text(report: Report, step: Step, user: User, comment: str) -> str:
    who = name_of(user)
    text = f"{report.unit}{report.year}年度报告：{who}{step.label}"
    return f"{text}，{step.comment_name}：{comment}" if comment else text


def comment_name(action: str) -> str:
    """The history's name for the comment of an event of ``action``: a transition's 理由 or 说明, a
    withdrawal's 理由, and "" for the others, whose comment says what happened (a reminder, a
    publication, a restore)."""
    step = TRANSITIONS.get(action)
    if step is not None:
        return step.comment_name
    return "理由" if action == EventAction.WITHDRAW else ""
