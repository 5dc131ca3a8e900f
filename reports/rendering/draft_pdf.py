"""A draft's PDF, rendered at most once per version of the report and kept in the file storage.

A long draft takes seconds to render, and anyone who may see it can ask again and again. Each content
save and each transition bumps ``Report.version``; the file's name holds the version and a digest of
everything else the document is made from: the status (the watermark), the time of the last change (the
PDF's date), the unit's names (an administrator may rename a unit), last year's report of the unit (the
indicator table's "上年" column) and the revision of the template and stylesheets. So a changed report
asks for a name not stored yet, and renders once; nothing needs invalidating. The storage (a folder or a
bucket) is shared by every worker and survives a restart. Storing a new version removes the report's older
ones. Two requests for a version not yet stored, at the same moment, may both render; both files are
the same bytes.

Stored files are a cache: ``manage.py backup`` takes only files that a row refers to, so these are not in it.
"""

import hashlib
import logging
from functools import cache
from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import get_template

from reports.models import Report

from .pdf import STYLESHEET, USER_AGENT_STYLESHEET, render_pdf

logger = logging.getLogger(__name__)

FOLDER = "draft-pdfs"
TEMPLATE = "document/report.html"


@cache
def document_revision() -> str:
    """A digest of the template and stylesheets a PDF is made from (once per process: a changed file
    comes with a restart, as changed code does)."""
    digest = hashlib.sha256()
    template_path = get_template(TEMPLATE).origin.name  # type: ignore[attr-defined]  # Django's Template
    for path in (template_path, finders.find(STYLESHEET), finders.find(USER_AGENT_STYLESHEET)):
        digest.update(Path(str(path)).read_bytes())
    return digest.hexdigest()[:16]


def draft_name(report: Report) -> str:
    """The storage name of ``report``'s PDF as it is now."""
    previous = (
        Report.objects.filter(unit_id=report.unit_id, year=report.year - 1)
        .values_list("version", "updated_at")
        .first()
    )
    made_from = "|".join(
        map(
            str,
            (
                report.status,
                report.updated_at.isoformat(),
                report.unit.name,
                report.unit.short_name,
                previous,
                document_revision(),
            ),
        )
    )
    digest = hashlib.sha256(made_from.encode()).hexdigest()[:16]
    return f"{FOLDER}/{report.pk}/v{report.version}-{digest}.pdf"


def draft_pdf(report: Report) -> bytes:
    """``report``'s PDF: the stored one of this version if there is one, else rendered now and stored."""
    name = draft_name(report)
    try:
        with default_storage.open(name, "rb") as stored:
            return bytes(stored.read())
    except OSError:  # not stored yet (FileNotFoundError), or not readable: render
        pass
    data = render_pdf(report)
    try:
        _forget_older(report, keep=name)
        default_storage.save(name, ContentFile(data))
    except OSError:  # a full disk or an unreachable bucket: the user still gets the file
        logger.exception("draft PDF of report %s not stored", report.pk)
    return data


def _forget_older(report: Report, keep: str) -> None:
    folder = f"{FOLDER}/{report.pk}"
    try:
        filenames = default_storage.listdir(folder)[1]
    except FileNotFoundError:
        return
    for filename in filenames:
        if f"{folder}/{filename}" != keep:
            default_storage.delete(f"{folder}/{filename}")
