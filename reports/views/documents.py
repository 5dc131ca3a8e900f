"""The official document of any report the user may see: on screen, as PDF (watermarked until approved)
and as .docx.

All start from ``get_report_or_refuse``: another unit's report is simply not found (404).
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from indicators.models import IndicatorValue
from reports.common.downloads import DOCX, PDF, attachment, reports_download_start
from reports.consistency import consistency_warnings
from reports.frozen_pdf import current_stored_pdf
from reports.models import StoredPdf
from reports.permissions import get_inside_or_404, get_report_or_refuse
from reports.rendering.context import FINAL_STATUSES, report_context
from reports.rendering.docx import render_docx
from reports.rendering.draft_pdf import draft_pdf
from reports.rendering.filenames import document_filename


@login_required
def preview(request, pk):
    report = get_report_or_refuse(request.user, pk)
    # The document and its consistency check share the sections and this year's values, read once.
    sections = list(report.sections_with_items())
    values = list(
        IndicatorValue.objects.filter(report=report)
        .select_related("indicator")
        .order_by("indicator__position")
    )
    document = report_context(report, sections, values=values)
    # The check reads the text of the blocks the document built (unmasked: a preview masks nothing).
    warnings = consistency_warnings(
        report, blocks=document["blocks"], values={v.indicator: v for v in values}
    )
    context = {
        **document,
        "preview": True,
        "back_url": report.get_absolute_url(),
        "pdf_url": reverse("reports:pdf", args=[report.pk]),
        "docx_url": reverse("reports:docx", args=[report.pk]),
        "warnings": warnings,
    }
    return HttpResponse(render_to_string("document/report.html", context))


@login_required
@reports_download_start
def pdf(request, pk):
    """An approved report's PDF is the file stored at approval; a draft's renders once per version,
    watermarked (rendering/draft_pdf.py)."""
    report = get_report_or_refuse(request.user, pk)
    stored = current_stored_pdf(report)
    if stored is not None:
        return _stored_response(report, stored)
    return attachment(
        draft_pdf(report),
        document_filename(report),
        ascii_fallback=f"report-{report.unit.code}-{report.year}.pdf",
        content_type=PDF,
        about=report,
        kind="PDF（即时生成）" if report.status in FINAL_STATUSES else "PDF（草稿）",
    )


@login_required
@reports_download_start
def stored_pdf(request, pk, stored_pk):
    """Any PDF stored at an approval of this report, the earlier ones included (linked from the history)."""
    report = get_report_or_refuse(request.user, pk)
    return _stored_response(
        report, get_inside_or_404(StoredPdf.objects, stored_pk, report=report), versioned=True
    )


def _stored_response(report, stored, versioned=False):
    filename = document_filename(report)
    made = timezone.localtime(stored.created_at)
    if versioned:
        filename = filename.removesuffix(".pdf") + f"（{made:%Y-%m-%d %H%M}生成）.pdf"
    response = attachment(
        stored.file.open("rb"),
        filename,
        ascii_fallback=f"report-{report.unit.code}-{report.year}-{made:%Y%m%d-%H%M}.pdf",
        content_type=PDF,
        about=stored,
        kind=f"定稿PDF（{stored.made}生成，SHA-256 {stored.sha256[:12]}…）",
    )
    response["ETag"] = f'"{stored.sha256}"'
    return response


@login_required
@reports_download_start
def docx(request, pk):
    report = get_report_or_refuse(request.user, pk)
    return attachment(
        render_docx(report),
        document_filename(report, "docx"),
        ascii_fallback=f"report-{report.unit.code}-{report.year}.docx",
        content_type=DOCX,
        about=report,
        kind="Word（.docx）",
    )
