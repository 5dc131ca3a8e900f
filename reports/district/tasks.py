"""The district office's background jobs: the year's 汇编 (volume) and ZIP, each made into the stored file of
a ``GeneratedFile`` row (asked for through ``actions.request_file``).

A job runs in a worker process (``manage.py db_worker``, django-tasks' database backend): it marks its row
running, counts its progress on the row as it goes (the status page polls it), stores the file in the
default storage and marks the row done, or failed with the error, which the status page shows with a
"重新生成" button. The previous files of the same kind and year are deleted once a new one is done. Each
job's start, end and failure are logged on ``fazhi.jobs``.
"""

import tempfile
from collections.abc import Callable, Iterator

from django.core.files import File
from django.core.files.base import ContentFile
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from reports.common.joblog import logged_job
from reports.models import GeneratedFile, Report
from reports.rendering.volume import Part, build_volume

from .dashboard import zip_chunks
from .files import Source, sources

Kind = GeneratedFile.Kind
Status = GeneratedFile.Status
Progress = Callable[[int, int], None]

# What the status page says when a job failed (the error itself is logged, and kept on the row).
FAILED_MESSAGE = {Kind.VOLUME: "汇编生成失败", Kind.ZIP: "ZIP打包失败"}


@task()
def make_volume(pk: int) -> int:
    """Makes the 汇编 of ``GeneratedFile`` ``pk``; returns its size in bytes."""
    return _make(pk, _volume)


@task()
def make_zip(pk: int) -> int:
    """Makes the ZIP of ``GeneratedFile`` ``pk``; returns its size in bytes."""
    return _make(pk, _zip)


TASKS = {Kind.VOLUME: make_volume, Kind.ZIP: make_zip}


def _make(pk: int, build: Callable[[GeneratedFile, list[Source], Progress], File]) -> int:
    generated = GeneratedFile.objects.select_related("district").get(pk=pk)
    district, year = generated.district, generated.year
    with logged_job(generated.kind, district=district.code, year=year, file=pk):
        _update(pk, status=Status.RUNNING, started_at=timezone.now(), done=0, attempts=F("attempts") + 1)
        try:
            items = sources(generated.kind, district, year)
            _update(pk, total=len(items))

            def progress(done: int, total: int) -> None:
                _update(pk, done=done, total=total)

            content = build(generated, items, progress)
            generated.file.save(content.name or generated.kind, content, save=False)
        except Exception as error:
            _update(
                pk,
                status=Status.FAILED,
                finished_at=timezone.now(),
                error=f"{FAILED_MESSAGE[Kind(generated.kind)]}：{type(error).__name__}: {error}"[:2000],
            )
            raise
        size = generated.file.size
        _update(
            pk,
            status=Status.DONE,
            file=generated.file.name,
            size=size,
            done=len(items),
            total=len(items),
            error="",
            finished_at=timezone.now(),
        )
        _prune(generated)
    return size


def _update(pk: int, **fields: object) -> None:
    """Writes ``fields`` to the row at once (no transaction is open: the status page sees it now)."""
    GeneratedFile.objects.filter(pk=pk).update(updated_at=timezone.now(), **fields)


def _prune(generated: GeneratedFile) -> None:
    """Deletes the earlier files of the same kind and year, made for contents that have changed since."""
    earlier = GeneratedFile.objects.of(generated.kind, generated.district, generated.year).filter(
        status__in=(Status.DONE, Status.FAILED), created_at__lte=generated.created_at
    )
    for old in earlier.exclude(pk=generated.pk):
        if old.file:
            old.file.delete(save=False)
        old.delete()


def _volume(generated: GeneratedFile, items: list[Source], progress: Progress) -> File:
    parts = []
    for item in items:
        pdf = None
        if item.stored is not None:
            with item.stored.file.open("rb") as file:
                pdf = file.read()
        parts.append(Part(report=item.report, pdf=pdf))
    data = build_volume(generated.district, generated.year, parts, progress)
    return ContentFile(data, name="volume.pdf")


def _zip(generated: GeneratedFile, items: list[Source], progress: Progress) -> File:
    reports = [item.report for item in items]
    spool = tempfile.SpooledTemporaryFile(max_size=16 * 1024 * 1024)
    for chunk in zip_chunks(_counted(reports, progress)):
        spool.write(chunk)
    spool.seek(0)
    return File(spool, name="reports.zip")


def _counted(reports: list[Report], progress: Progress) -> Iterator[Report]:
    """``reports`` one by one, telling ``progress`` each time the one before has been written."""
    for done, report in enumerate(reports, start=1):
        yield report
        progress(done, len(reports))
