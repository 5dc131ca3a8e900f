"""Publishing an accepted report to the public site, after the personal-information check, and
withdrawing it (撤回). The district office may; the unit's leader too when the district allows it.

The report is looked up with ``get_report_or_refuse`` (another unit's report is 404), then
``publishing.may_publish`` decides (403). The writes are ``reports.publishing.publish`` and ``withdraw``.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from reports import publishing
from reports.common.redirects import redirect_back
from reports.forms import PublishForm, WithdrawForm
from reports.permissions import get_report_or_refuse


def _report_for_publishing(request, pk):
    report = get_report_or_refuse(request.user, pk)
    if not publishing.may_publish(request.user, report):
        raise PermissionDenied("只有区级管理员（或经区里允许的单位审核领导）可以公开报告。")
    return report


@login_required
def publish(request, pk):
    """The check's findings, each in its context, to mask or confirm; then 公开发布."""
    report = _report_for_publishing(request, pk)
    findings = publishing.findings(report)
    data = request.POST if request.method == "POST" else None
    form = PublishForm(data, findings=findings, version=report.version)
    status = 200
    if form.is_bound:
        status = 400
        if form.is_valid():
            try:
                publishing.publish(request.user, report, form.decisions(), request=request)
            except publishing.NotAllowed as refusal:
                raise PermissionDenied(str(refusal)) from refusal
            except publishing.PublishingError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, f"{report.unit}{report.year}年度报告已公开。")
                return redirect(report)
    context = {
        "report": report,
        "form": form,
        "publication": publishing.visible_publication(report),
        "deadline": publishing.publication_deadline(report.year),
    }
    return render(request, "reports/publish.html", context, status=status)


@login_required
@require_POST
def withdraw(request, pk):
    report = _report_for_publishing(request, pk)
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        messages.error(request, "撤回公开需要填写理由。")
    else:
        try:
            publishing.withdraw(request.user, report, form.cleaned_data["reason"], request=request)
        except publishing.PublishingError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"{report.unit}{report.year}年度报告已撤回公开。")
    return redirect_back(request, report)  # the office's board when withdrawn from there
