"""The district's generated files (the year's 汇编 and ZIP): what each is made from and its fingerprint.

A file is asked for through ``actions.request_file``, made by a background job (reports/district/tasks.py)
and stored (``GeneratedFile``). Its
fingerprint is the SHA-256 of everything that goes into it: for the volume, each accepted report (id,
version, the unit's name, the title) with the SHA-256 of its stored PDF (or, for a report laid out anew,
its last change), the unit order, the district's name, the cover's month and the volume's layout version;
for the ZIP, each delivered report with its file name, its last change and its stored PDF. Asking for a
file whose fingerprint is the current one gives the stored file at once; any change (a report accepted,
another reopened) makes a new fingerprint, hence a new file.

Two people asking at the same moment get the same row and one job: the row is unique per fingerprint, and
only the request that created it queues the job.
"""

import datetime
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils import timezone

from reports.frozen_pdf import FROZEN_STATUSES
from reports.models import GeneratedFile, Report, StoredPdf, Unit
from reports.rendering.filenames import document_filename
from reports.rendering.volume import accepted_reports, volume_title

from .dashboard import delivered_reports

Kind = GeneratedFile.Kind
Status = GeneratedFile.Status

# Bump when the volume or the ZIP is made differently: every stored one is then made anew.
LAYOUT_VERSION = {Kind.VOLUME: 2, Kind.ZIP: 1}
# A job with no progress for this long has most likely died with its worker: it may be asked for again.
STALLED_AFTER = datetime.timedelta(minutes=10)


@dataclass
class Source:
    """A report that goes into a file, with the PDF stored at its approval (None: rendered for it)."""

    report: Report
    stored: StoredPdf | None


def current_stored_pdfs(reports: Iterable[Report]) -> dict[int, StoredPdf]:
    """For each approved or accepted report, the stored PDF a download serves (``current_stored_pdf`` of
    reports/frozen_pdf.py, the newest), in one query for them all."""
    frozen = [r.pk for r in reports if r.status in FROZEN_STATUSES]
    found: dict[int, StoredPdf] = {}
    for stored in StoredPdf.objects.filter(report_id__in=frozen).order_by("report_id", "-created_at", "-pk"):
        found.setdefault(stored.report_id, stored)
    return found


def sources(kind: str, district: Unit, year: int) -> list[Source]:
    """What a ``kind`` file of ``district``'s ``year`` is made from, in the district's unit order."""
    reports = accepted_reports(district, year) if kind == Kind.VOLUME else delivered_reports(district, year)
    stored = current_stored_pdfs(reports)
    return [Source(report=r, stored=stored.get(r.pk)) for r in reports]


def fingerprint(kind: str, district: Unit, year: int, items: list[Source]) -> str:
    """The SHA-256 of everything the file shows (see the module's docstring)."""
    content: dict[str, Any] = {
        "kind": kind,
        "layout": LAYOUT_VERSION[Kind(kind)],
        "district": [district.pk, district.name, district.short_name],
        "year": year,
    }
    if kind == Kind.VOLUME:
        content["title"] = volume_title(district, year)
        content["month"] = timezone.localdate().strftime("%Y-%m")  # the cover's date
        content["reports"] = [
            [s.report.pk, s.report.version, s.report.unit.short_name, s.report.title, _pdf(s)] for s in items
        ]
    else:
        content["reports"] = [
            [
                s.report.pk,
                s.report.version,
                document_filename(s.report),
                s.report.updated_at.isoformat(),
                _pdf(s),
            ]
            for s in items
        ]
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def _pdf(source: Source) -> str:
    if source.stored is not None:
        return source.stored.sha256
    return f"render:{source.report.version}:{source.report.updated_at.isoformat()}"


def file_name(generated: GeneratedFile) -> tuple[str, str]:
    """The download's name, and its ASCII fallback."""
    district, year = generated.district, generated.year
    if generated.kind == Kind.VOLUME:
        return f"{volume_title(district, year)}.pdf", f"volume-{district.code}-{year}.pdf"
    return f"{district.short_name}{year}年度法治政府建设情况报告.zip", f"reports-{district.code}-{year}.zip"


def is_stalled(generated: GeneratedFile, now: datetime.datetime | None = None) -> bool:
    """Queued or running with no progress for ``STALLED_AFTER``: its worker is gone, or none runs."""
    if generated.status not in (Status.QUEUED, Status.RUNNING):
        return False
    return (now or timezone.now()) - generated.updated_at > STALLED_AFTER


def status_of(generated: GeneratedFile) -> dict[str, Any]:
    """What the status page shows and its JSON says: the state, the progress, a message in Chinese, and
    where to download (done) or ask again (failed, or stalled)."""
    stalled = is_stalled(generated)
    label = "汇编" if generated.kind == Kind.VOLUME else "ZIP"
    count = f"{generated.done}/{generated.total}"
    if generated.status == Status.DONE:
        message = f"{label}已生成（{generated.total}份报告，{_megabytes(generated.size)}）。"
    elif generated.status == Status.FAILED:
        message = f"{label}生成失败。请点“重新生成”再试；如仍失败，请联系系统管理员。"
    elif stalled:
        message = (
            f"{label}长时间没有进展，后台任务可能已中断。请点“重新生成”；如一直如此，"
            "请联系系统管理员确认后台任务进程（db_worker）在运行。"
        )
    elif generated.status == Status.QUEUED:
        message = f"正在排队等候生成{label}（共{generated.total}份报告）…"
    elif generated.kind == Kind.VOLUME:
        finishing = "，正在排版目录和页码…" if generated.total and generated.done == generated.total else ""
        message = f"正在生成汇编：已完成 {count} 份{finishing}"
    else:
        message = f"正在打包：已完成 {count} 份"
    return {
        "kind": generated.kind,
        "status": generated.status,
        "done": generated.done,
        "total": generated.total,
        "message": message,
        "stalled": stalled,
        "error": generated.error if generated.status == Status.FAILED else "",
        "download_url": reverse("district:file-download", args=[generated.year, generated.pk])
        if generated.status == Status.DONE
        else "",
        "can_retry": generated.status == Status.FAILED or stalled,
    }


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(size, 1) / 1024:.0f} KB"
