"""The PDF of an approved report is rendered once, at approval, and stored with its SHA-256.

Downloads of an approved or accepted report serve that file, so what the district receives never changes
under it, and a download costs a file read instead of a render.
"""

import hashlib

from django.core.files.base import ContentFile

from .models import Report, StoredPdf
from .rendering.pdf import render_pdf

FROZEN_STATUSES = (Report.Status.APPROVED, Report.Status.ACCEPTED)


def freeze_on_approval(report, event):
    """Workflow hook (inside the approval's transaction): render and store the approved PDF."""
    if event.to_status != Report.Status.APPROVED:
        return
    data = render_pdf(report)
    stored = StoredPdf(
        report=report, version=report.version, sha256=hashlib.sha256(data).hexdigest(), size=len(data)
    )
    stored.event = event
    stored.file.save("report.pdf", ContentFile(data), save=False)
    stored.save()


def current_stored_pdf(report):
    """The stored PDF a download of ``report`` serves now, or None (drafts render on demand)."""
    if report.status not in FROZEN_STATUSES:
        return None
    return report.stored_pdfs.order_by("-created_at", "-pk").first()
