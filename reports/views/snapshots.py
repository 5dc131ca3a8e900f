"""A report's snapshots: shown as the document, compared with the current text, restored into the draft.

Seeing a snapshot needs what seeing the report needs; restoring needs what editing it needs (staff, and a
draft or returned report). Every snapshot is looked up inside its report (``get_inside_or_404``).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from reports.forms import RestoreSnapshotForm
from reports.models import ReportEvent, Snapshot
from reports.permissions import Action, Refused, can, get_inside_or_404, get_report_or_refuse
from reports.rendering.pdf import render_html
from reports.snapshots import (
    RestoreConflict,
    RestoreRefused,
    compare,
    restore_snapshot,
    snapshot_content,
    snapshot_document,
    snapshot_reason,
)


def _snapshot(report, snapshot_pk):
    snapshot = get_inside_or_404(Snapshot.objects.select_related("created_by"), snapshot_pk, report=report)
    snapshot.event = ReportEvent.objects.filter(snapshot=snapshot).first()
    snapshot.reason = snapshot_reason(snapshot, snapshot.event)
    return snapshot


@login_required
def document(request, pk, snapshot_pk):
    report = get_report_or_refuse(request.user, pk)
    snapshot = _snapshot(report, snapshot_pk)
    shown = snapshot_document(report, snapshot)
    if snapshot.event is not None:  # the status it had then: a draft's snapshot prints "草稿"
        shown.report.status = snapshot.event.to_status
    html = render_html(
        shown.report,
        sections=shown.sections,
        values=shown.values or [],
        preview=True,
        snapshot=snapshot,
        snapshot_reason=snapshot.reason,
        values_kept=shown.values is not None,
        back_url=reverse("reports:history", args=[report.pk]) + "#snapshots",
        compare_url=reverse("reports:snapshot-changes", args=[report.pk, snapshot.pk]),
        restore_url=(
            reverse("reports:snapshot-restore", args=[report.pk, snapshot.pk])
            if can(request.user, report, Action.EDIT)
            else ""
        ),
    )
    return HttpResponse(html)


@login_required
def changes(request, pk, snapshot_pk):
    """From the snapshot to the current text, on the page that compares with the last reviewed version."""
    report = get_report_or_refuse(request.user, pk)
    snapshot = _snapshot(report, snapshot_pk)
    context = {
        "report": report,
        "since": "snapshot",
        "base": snapshot,
        "comparison": compare(snapshot.content, snapshot_content(report)),
        "can_edit": can(request.user, report, Action.EDIT),
    }
    return render(request, "reports/changes.html", context)


@login_required
def restore(request, pk, snapshot_pk):
    """Asks first (GET), restores on the confirmation's POST."""
    report = get_report_or_refuse(request.user, pk, Action.EDIT)
    snapshot = _snapshot(report, snapshot_pk)
    form = RestoreSnapshotForm(request.POST or None, initial={"base_version": report.version})
    if request.method == "POST" and form.is_valid():
        try:
            restore_snapshot(report, request.user, snapshot, base_version=form.cleaned_data["base_version"])
        except RestoreRefused as refusal:
            raise Refused(str(refusal), report) from refusal
        except RestoreConflict as conflict:
            messages.error(request, str(conflict))
            return redirect("reports:snapshot-restore", report.pk, snapshot.pk)
        messages.success(
            request, f"已恢复为{snapshot.taken}保存的快照。恢复前的内容已另存为快照，可在历史记录中撤销。"
        )
        return redirect("reports:edit", report.pk)
    context = {"report": report, "snapshot": snapshot, "form": form, "can_edit": True}
    return render(request, "reports/snapshot_restore.html", context, status=400 if form.errors else 200)
