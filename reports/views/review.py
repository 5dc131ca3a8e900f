"""The review side: a report's page (status, actions, comments), transitions, history and changes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from reports import actions, precheck, publishing, workflow
from reports.common.redirects import redirect_back
from reports.consistency import document_text
from reports.deadlines import deadline_of, deadline_text, year_setting
from reports.forms import CommentForm
from reports.frozen_pdf import current_stored_pdf
from reports.models import Item, Report, ReportEvent, ReviewComment, Section
from reports.permissions import Action, Refused, can, get_inside_or_404, get_report_or_refuse, roles_on
from reports.rendering.document import build_blocks
from reports.snapshots import comparable_content, compare, snapshot_reason

EventAction = ReportEvent.Action
REVIEW_ACTIONS = (EventAction.RETURN, EventAction.APPROVE, EventAction.ACCEPT, EventAction.DISTRICT_RETURN)
CHECKED_STATUSES = (Report.Status.DRAFT, Report.Status.RETURNED, Report.Status.SUBMITTED)


@login_required
def detail(request, pk):
    report = get_report_or_refuse(request.user, pk)
    sections = list(report.sections_with_items())
    comments = list(
        report.comments.select_related("author", "resolved_by").prefetch_related("replies__author")
    )
    threads = {}
    for comment in comments:
        if comment.parent_id is None:
            threads.setdefault(comment.anchor, []).append(comment)
    # The receiving office's deadline and word limits, from its one row for the year.
    setting = year_setting(report.unit.parent or report.unit, report.year)
    deadline = deadline_of(setting, report.year)
    can_edit = can(request.user, report, Action.EDIT)
    blocks = build_blocks(report, sections)
    context = {
        "report": report,
        "blocks": blocks,
        "threads": threads,
        "open_comments": sum(1 for c in comments if c.parent_id is None and not c.is_resolved),
        "steps": (steps := workflow.available_steps(request.user, report)),
        "no_reviewer": any(step.action == EventAction.SUBMIT for step in steps)
        and not workflow.has_reviewer(report, request.user),
        # Before approval: what the check before submitting finds, for staff before submitting and for
        # the leader reviewing (with why it last came back).
        "check": (
            precheck.check_report(
                report,
                sections,
                editable=can_edit,
                text=document_text(blocks),
                limits=precheck.limits_of(setting),
            )
            if report.status in CHECKED_STATUSES
            else None
        ),
        "last_return": report.last_return_event() if report.status == report.Status.SUBMITTED else None,
        "can_edit": can_edit,
        "deadline": deadline,
        "deadline_text": deadline_text(deadline, report.status),
        "comment_form": CommentForm(),
        "stored_pdf": current_stored_pdf(report),
        "publication": publishing.visible_publication(report) if report.status == "accepted" else None,
        "may_publish": report.status == "accepted" and publishing.may_publish(request.user, report),
    }
    return render(request, "reports/detail.html", context)


@login_required
@require_POST
def act(request, pk, action):
    report = get_report_or_refuse(request.user, pk)
    try:
        workflow.perform(
            request.user,
            report,
            action,
            request.POST.get("comment", ""),
            confirmed=request.POST.get("confirmed") == "1",
        )
    except workflow.NotAllowed as refusal:
        raise Refused(str(refusal), report) from refusal
    except workflow.WorkflowError as error:
        messages.error(request, str(error))
        return _back(request, report, "")
    messages.success(request, f"{report.unit}{report.year}年度报告：{workflow.TRANSITIONS[action].done}")
    return _back(request, report, "")


@login_required
@require_POST
def comment(request, pk):
    report = get_report_or_refuse(request.user, pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, "意见没有发出：" + " ".join(e for errors in form.errors.values() for e in errors)
        )
        return redirect(report)
    comment = actions.add_comment(
        report, request.user, form.cleaned_data["body"], **_comment_target(report, form.cleaned_data)
    )
    messages.success(request, "意见已发出。")
    anchor = "#comments" if comment.anchor == "report" else f"#{comment.anchor}"
    return _back(request, report, anchor)


def _back(request, report, anchor):
    """Back to where the form was (the editor shows comments too), else to the report's page."""
    return redirect_back(request, report, anchor=anchor)


def _comment_target(report, data):
    """Section, item or parent of a new comment, each looked up inside ``report`` (else 404)."""
    if data.get("parent"):
        return {
            "parent": get_inside_or_404(
                ReviewComment.objects, data["parent"], report=report, parent__isnull=True
            )
        }
    kind, _, pk = (data.get("target") or "").partition("-")
    if kind == "item":
        item = get_inside_or_404(Item.objects.select_related("section"), pk, section__report=report)
        return {"item": item, "section": item.section}
    if kind == "section":
        return {"section": get_inside_or_404(Section.objects, pk, report=report)}
    if kind:
        raise Http404("unknown comment target")
    return {}


@login_required
@require_POST
def resolve_comment(request, pk, comment_pk):
    report = get_report_or_refuse(request.user, pk)
    comment = get_inside_or_404(ReviewComment.objects, comment_pk, report=report, parent__isnull=True)
    if not roles_on(request.user, report):
        raise Refused("您不能处理这条意见。", comment)
    resolved = comment.resolved_at is None
    actions.set_comment_resolved(comment, request.user, resolved)
    messages.success(request, "已标记为已解决。" if resolved else "已重新打开这条意见。")
    return _back(request, report, f"#comment-{comment.pk}")


@login_required
def history(request, pk):
    report = get_report_or_refuse(request.user, pk)
    events = [
        {
            "when": e.created_at,
            "who": e.user,
            "what": e.get_action_display(),
            "event": e,
            "comment_name": workflow.comment_name(e.action),
        }
        # A snapshot's content (the whole report as JSON) is not shown here: not read.
        for e in report.events.select_related("user", "snapshot").defer("snapshot__content")
    ]
    events += [
        {
            "when": c.created_at,
            "who": c.author,
            "what": "回复意见" if c.parent_id else "审核意见",
            "comment": c,
        }
        for c in report.comments.select_related("author")
    ]
    events.sort(key=lambda row: row["when"], reverse=True)
    by_snapshot = {row["event"].snapshot_id: row["event"] for row in events if row.get("event")}
    snapshots = list(
        report.snapshots.select_related("created_by").defer("content").order_by("-created_at", "-pk")
    )
    for snapshot in snapshots:
        snapshot.reason = snapshot_reason(snapshot, by_snapshot.get(snapshot.pk))
    context = {
        "report": report,
        "rows": events,
        "stored_pdfs": report.stored_pdfs.all(),
        "snapshots": snapshots,
        "can_edit": can(request.user, report, Action.EDIT),
    }
    return render(request, "reports/history.html", context)


@login_required
def changes(request, pk):
    """What changed since the version this user last reviewed, or since the last approval."""
    report = get_report_or_refuse(request.user, pk)
    since = request.GET.get("since", "reviewed")
    if since == "approved":
        base_event = report.events.filter(action=EventAction.APPROVE).order_by("-created_at", "-pk").first()
        base = base_event.snapshot if base_event else None
        missing = "这份报告还没有审核通过过，下面是全部内容。"
    else:
        since = "reviewed"
        base = _last_reviewed_snapshot(report, request.user)
        missing = "您还没有审核过这份报告的任何版本，下面是全部内容。"
    comparison = compare(base.content if base else None, comparable_content(report))
    context = {"report": report, "since": since, "base": base, "missing": missing, "comparison": comparison}
    return render(request, "reports/changes.html", context)


def _last_reviewed_snapshot(report, user):
    """The submission ``user`` last returned, approved or accepted: "the version I last reviewed"."""
    reviewed = (
        report.events.filter(user=user, action__in=REVIEW_ACTIONS).order_by("-created_at", "-pk").first()
    )
    if reviewed is None:
        return None
    submission = (
        report.events.filter(
            action=EventAction.SUBMIT, snapshot__isnull=False, created_at__lte=reviewed.created_at
        )
        .select_related("snapshot")
        .order_by("-created_at", "-pk")
        .first()
    )
    return submission.snapshot if submission else None
