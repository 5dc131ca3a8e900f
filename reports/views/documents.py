"""The official document of any report the user may see: on screen, and as PDF (watermarked until approved).

Both start from ``Report.objects.restrict``: another unit's report is simply not found (404).
"""

import re
from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from reports.frozen_pdf import current_stored_pdf
from reports.models import Report
from reports.rendering.pdf import render_html, render_pdf


def _get_report(request, pk):
    return get_object_or_404(Report.objects.restrict(request.user).select_related("unit"), pk=pk)


@login_required
def preview(request, pk):
    report = _get_report(request, pk)
    html = render_html(
        report,
        preview=True,
        back_url=reverse("home"),
        pdf_url=reverse("report-pdf", args=[report.pk]),
    )
    return HttpResponse(html)


@login_required
def pdf(request, pk):
    """An approved report's PDF is the file stored at approval; anything else renders now, watermarked."""
    report = _get_report(request, pk)
    stored = current_stored_pdf(report)
    if stored is not None:
        response = FileResponse(stored.file.open("rb"), content_type="application/pdf")
        response["ETag"] = f'"{stored.sha256}"'
    else:
        response = HttpResponse(render_pdf(report), content_type="application/pdf")
    response["Content-Disposition"] = attachment_header(
        document_filename(report), f"report-{report.unit.code}-{report.year}.pdf"
    )
    return response


def document_filename(report, extension="pdf"):
    """ "城西街道2024年度法治政府建设情况的报告.pdf": the unit's short name, then the title without "关于"."""
    title = report.title
    short_name = report.unit.short_name
    if title.startswith(short_name):  # "黄桷坪街道关于2025年…" already names the unit
        title = title[len(short_name) :]
    title = title.removeprefix("关于")
    name = re.sub(r'[\\/:*?"<>|\s]+', "", short_name + title)  # nothing a file system refuses
    return f"{name}.{extension}"


def attachment_header(filename, ascii_fallback):
    """RFC 6266 with an RFC 5987 UTF-8 name; old clients take the ASCII fallback."""
    return f"attachment; filename=\"{ascii_fallback}\"; filename*=UTF-8''{quote(filename)}"
