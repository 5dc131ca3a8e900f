"""Review and approval. The allowed transitions are data (``TRANSITIONS``), enforced in ``perform`` alone.

draft ──submit──> submitted ──approve──> approved ──accept──> accepted
returned ─submit─┘    └──return──> returned <──district_return──┘ │
                                       ^────────────reopen──────────┘

Each transition, in one transaction: lock the report row, check role and state, store a snapshot (on
submit and approve), change the status and version, write the history row, create the in-app notices;
e-mails go out after commit.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .common.people import name_of
from .common.typing import RequestUser, User
from .frozen_pdf import freeze_on_approval
from .models import Membership, Report, ReportEvent, Snapshot
from .notifications import notify
from .permissions import roles_on
from .snapshots import snapshot_content

Status = Report.Status
Role = Membership.Role
EventAction = ReportEvent.Action


@dataclass(frozen=True, kw_only=True)
class Step:
    action: EventAction
    sources: tuple[Status, ...]
    target: Status
    roles: tuple[Role, ...]  # any of these roles on the report (the unit's, or the district office's)
    notify_roles: tuple[Role, ...]
    reason_required: bool = False
    snapshot: bool = False
    done: str  # the message after it happened

    @property
    def label(self) -> str:
        """The button, and the history's name for it."""
        return str(self.action.label)


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
            done="已审核通过，内容已锁定。",
        ),
        Step(
            action=EventAction.ACCEPT,
            sources=(Status.APPROVED,),
            target=Status.ACCEPTED,
            roles=(Role.DISTRICT_OFFICE,),
            notify_roles=(Role.STAFF, Role.LEADER),
            done="区级已接收。",
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


def available_steps(user: RequestUser, report: Report) -> list[Step]:
    """The steps ``user`` could take on ``report`` now: the buttons to show."""
    roles = roles_on(user, report)
    return [s for s in TRANSITIONS.values() if report.status in s.sources and roles.intersection(s.roles)]


def last_submitter_id(report: Report) -> int | None:
    event = report.events.filter(action=EventAction.SUBMIT).order_by("-created_at", "-pk").first()
    return event.user_id if event else None


@transaction.atomic
def perform(user: User, report: Report, action: str, comment: str = "") -> ReportEvent:
    """Carry out ``action`` on ``report`` as ``user``; returns the ReportEvent written."""
    step = TRANSITIONS.get(action)
    if step is None:
        raise NotAllowed("没有这个操作。")
    comment = comment.strip()
    # Lock the row: two leaders approving at once end with one approval and one clear refusal.
    locked = Report.objects.select_for_update().select_related("unit").get(pk=report.pk)
    if not roles_on(user, locked).intersection(step.roles):
        raise NotAllowed(f"您没有“{step.label}”的权限。")
    if locked.status not in step.sources:
        raise StateConflict(
            f"报告当前状态为“{locked.get_status_display()}”，不能“{step.label}”。可能有人刚刚操作过，请刷新页面。"
        )
    if step.reason_required and not comment:
        raise WorkflowError(f"“{step.label}”需要填写理由。")
    if action == EventAction.APPROVE and last_submitter_id(locked) == user.pk:
        raise NotAllowed("提交这一版本的人不能审核通过同一版本，请由其他审核领导审核。")

    snapshot = None
    if step.snapshot:
        snapshot = Snapshot.objects.create(
            report=locked, version=locked.version + 1, created_by=user, content=snapshot_content(locked)
        )
    # Conditional on the status just checked: a belt to the row lock's braces on SQLite.
    changed = Report.objects.filter(pk=locked.pk, status=locked.status).update(
        status=step.target, version=F("version") + 1, updated_at=timezone.now(), updated_by=user
    )
    if not changed:
        raise StateConflict("报告刚被其他人操作过，请刷新页面。")
    event = ReportEvent.objects.create(
        report=locked,
        action=step.action,
        from_status=locked.status,
        to_status=step.target,
        user=user,
        comment=comment,
        snapshot=snapshot,
    )
    locked.refresh_from_db()
    report.status, report.version = locked.status, locked.version
    for hook in AFTER_TRANSITION:
        hook(locked, event)
    notify(locked, step.notify_roles, _notice_text(locked, step, user, comment), exclude=user)
    return event


# Called inside the transaction after each status change, (report, event) → None, so that an approval
# without its stored PDF cannot happen.
AFTER_TRANSITION: list[Callable[[Report, ReportEvent], None]] = [freeze_on_approval]


def _notice_text(report: Report, step: Step, user: User, comment: str) -> str:
    who = name_of(user)
    text = f"{report.unit}{report.year}年度报告：{who}{step.label}"
    return f"{text}，理由：{comment}" if comment else text
