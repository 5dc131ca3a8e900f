"""The PDF of an approved report is rendered once, at approval, and stored with its SHA-256.

Downloads of an approved or accepted report serve that file, so what the district receives never changes
under it, and a download costs a file read instead of a render.

The render takes a good part of a second, more for a long report, so it happens before the approval's
transaction, never inside it (``workflow.perform``): ``FrozenPdf`` renders the report as it will read once
approved and writes the file to the default storage; the approval's short transaction then saves the
``StoredPdf`` row beside the new status (``attach``), so that an approval never exists without its file.
When that transaction does not commit (the report changed meanwhile, another leader was first, the
database failed), ``discard`` removes the file: no file is left that no row names.
"""

import hashlib

from django.core.files.base import ContentFile
from django.db import transaction

from .models import Report, ReportEvent, StoredPdf
from .rendering.pdf import render_pdf

FROZEN_STATUSES = (Report.Status.APPROVED, Report.Status.ACCEPTED)


class FrozenPdf:
    """An approval's PDF: rendered and written to storage first, its row saved in the transaction later."""

    def __init__(self, approved: Report) -> None:
        """Render ``approved`` (the report as it reads once approved: status, version and date of the
        approval, so no "草稿" watermark) and write the file. Call it outside any transaction."""
        data = render_pdf(approved)
        self.stored = StoredPdf(
            report=approved,
            version=approved.version,
            sha256=hashlib.sha256(data).hexdigest(),
            size=len(data),
        )
        self.stored.file.save("report.pdf", ContentFile(data), save=False)
        self.committed = False

    def attach(self, event: ReportEvent) -> None:
        """Inside the approval's transaction: the row, tied to the approval's history row."""
        self.stored.event = event
        self.stored.save()
        # Registered before the notices' e-mails: an e-mail failing after the commit leaves the file kept.
        transaction.on_commit(self._mark_committed)

    def _mark_committed(self) -> None:
        self.committed = True

    def discard(self) -> None:
        """After a failed approval: remove the file, unless its row was committed after all."""
        if not self.committed:
            self.stored.file.delete(save=False)


def current_stored_pdf(report: Report) -> StoredPdf | None:
    """The stored PDF a download of ``report`` serves now, or None (drafts render on demand)."""
    if report.status not in FROZEN_STATUSES:
        return None
    return report.stored_pdfs.order_by("-created_at", "-pk").first()
