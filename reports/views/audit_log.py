"""The audit administrator's page (审计管理员): search the audit trail and export what was found as CSV.

Read-only: nothing here writes but the trail itself (the refusal of anyone else, the export as a download,
both recorded by ``reports.audit_events.AuditMiddleware``). Open to users with ``reports.view_auditentry``
only; everyone else logged in is refused (403).
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from indicators.exports import csv_chunks
from reports.common.downloads import CSV, attachment, reports_download_start
from reports.forms import AuditSearchForm
from reports.models import AuditEntry
from reports.permissions import Refused

PER_PAGE = 50
READ_PERMISSION = "reports.view_auditentry"
CSV_HEADER = ["时间", "用户名", "来源地址", "事件", "结果", "对象类型", "对象编号", "对象", "详情", "哈希"]


def audit_reader_required(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    @wraps(view)
    @login_required
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.has_perm(READ_PERMISSION):
            raise Refused("只有审计管理员可以查看审计日志。")
        return view(request, *args, **kwargs)

    return wrapped


def _searched(request):
    """The search form from the query string, and the rows it finds (none while it has errors)."""
    form = AuditSearchForm(request.GET or None)
    if not form.is_bound:
        return form, AuditEntry.objects.order_by("-pk")
    if not form.is_valid():
        return form, AuditEntry.objects.none()
    return form, form.search(AuditEntry.objects.all())


@audit_reader_required
@require_safe
def audit_log(request):
    form, entries = _searched(request)
    return _page(request, form, entries)


def _page(request, form, entries):
    page = Paginator(entries, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "reports/audit_log.html", context, status=400 if form.errors else 200)


@audit_reader_required
@require_safe
@reports_download_start
def audit_export(request):
    """Every row the search finds (not only the page shown), streamed; a search with errors gets the
    page with its errors instead."""
    form, entries = _searched(request)
    if form.errors:
        return _page(request, form, entries)
    rows = (_csv_row(entry) for entry in entries.iterator(chunk_size=2000))
    searched = request.GET.copy()
    searched.pop("download_token", None)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    return attachment(
        csv_chunks(CSV_HEADER, rows),
        f"审计日志-{stamp}.csv",
        ascii_fallback=f"audit-{stamp}.csv",
        content_type=CSV,
        about=None,
        kind="审计日志CSV" + (f"（条件：{searched.urlencode()}）" if searched else ""),
    )


def _csv_row(entry):
    return [
        timezone.localtime(entry.at).strftime("%Y-%m-%d %H:%M:%S"),
        entry.username,
        entry.address or "",
        entry.get_action_display(),
        entry.get_result_display(),
        entry.object_type,
        entry.object_id,
        entry.object_repr,
        entry.detail,
        entry.hash,
    ]
