"""The official document of any report the user may see: on screen, and as PDF (watermarked until approved).

All start from ``get_report_or_refuse``: another unit's report is simply not found (404).
"""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from indicators.consistency import consistency_warnings
from reports.downloads import reports_download_start
from reports.frozen_pdf import current_stored_pdf
from reports.permissions import get_report_or_refuse
from reports.rendering.filenames import attachment_header, document_filename
from reports.rendering.pdf import render_html, render_pdf


@login_required
def preview(request, pk):
    report = get_report_or_refuse(request.user, pk)
    html = render_html(
        report,
        preview=True,
        back_url=reverse("report-detail", args=[report.pk]),
        pdf_url=reverse("report-pdf", args=[report.pk]),
        docx_url=reverse("report-docx", args=[report.pk]),
        warnings=consistency_warnings(report),
    )
    return HttpResponse(html)


@login_required
@reports_download_start
def pdf(request, pk):
    """An approved report's PDF is the file stored at approval; anything else renders now, watermarked."""
    report = get_report_or_refuse(request.user, pk)
    stored = current_stored_pdf(report)
    if stored is not None:
        return _stored_response(report, stored)
    response = HttpResponse(render_pdf(report), content_type="application/pdf")
    response["Content-Disposition"] = attachment_header(
        document_filename(report), f"report-{report.unit.code}-{report.year}.pdf"
    )
    return response


@login_required
@reports_download_start
def stored_pdf(request, pk, stored_pk):
    """Any PDF stored at an approval of this report, the earlier ones included (linked from the history)."""
    report = get_report_or_refuse(request.user, pk)
    return _stored_response(report, get_object_or_404(report.stored_pdfs, pk=stored_pk), versioned=True)


def _stored_response(report, stored, versioned=False):
    filename = document_filename(report)
    if versioned:
        filename = filename.removesuffix(".pdf") + f"（第{stored.version}版）.pdf"
    response = FileResponse(stored.file.open("rb"), content_type="application/pdf")
    response["ETag"] = f'"{stored.sha256}"'
    response["Content-Disposition"] = attachment_header(
        filename, f"report-{report.unit.code}-{report.year}-v{stored.version}.pdf"
    )
    return response
