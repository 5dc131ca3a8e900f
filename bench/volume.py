"""Benchmark of the district's 汇编 (issue 13): prints figures, asserts nothing.

    .venv/bin/python bench/volume.py

Builds, in a throw-away SQLite database, a district of 60 units, each with the demo report (城西街道 2024,
load_demo's seed text and its figures) accepted and its PDF stored as at approval (the demo report is
rendered once and stored for each of them: the merge costs the same). Then measures on this machine:
- asking for the volume through the dashboard's address (the test client) until it is ready: the request
  that queues the job, then the job run in this process as the worker runs it (a worker polls the queue
  every second, `manage.py db_worker --interval`, so up to one more second in production); the first
  time in the process (it lays out the page numbers once, WeasyPrint loads its fonts), then warm, median
  of 3 (each after a report's title changed, so a new volume is made);
- asking again once it is made (served at once), median of 20;
- the same with a real worker process (`manage.py db_worker`, started fresh for it: cold, then warm),
  from the request to the row marked done, polling as the status page does;
- the same volume with every report laid out again by WeasyPrint (what the volume cost before it was
  merged from the stored PDFs);
- the volume's size and pages, and a check that every page has one number at most.
Target: ready ≤ 10 s after it is asked for.
"""

import io
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="bench-volume-"))
os.environ["VAR_DIR"] = str(WORK)  # before the settings are read: the database lives there
os.environ["DJANGO_SETTINGS_MODULE"] = "config.test_settings"
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

settings.STORAGES = {  # stored files on disk, as in production (the test settings keep them in memory)
    **settings.STORAGES,
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
}

import hashlib  # noqa: E402

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402
from django_tasks_db.management.commands.db_worker import Worker  # noqa: E402
from django_tasks_db.models import DBTaskResult  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from indicators.models import Indicator  # noqa: E402
from reports.importing.preview import preview_import  # noqa: E402
from reports.importing.save import save_import  # noqa: E402
from reports.management.commands.load_demo import SEED_REPORT  # noqa: E402
from reports.models import GeneratedFile, Report, StoredPdf, Unit  # noqa: E402
from reports.rendering.pdf import render_pdf  # noqa: E402
from reports.rendering.volume import Part, accepted_reports, build_volume  # noqa: E402

UNITS = 60
YEAR = 2024
NUMBER = re.compile(r"— (\d+) —")


def build_district():
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=StringIO())
    district = Unit.objects.get(code="qianjiang")
    Report.objects.filter(year=YEAR).delete()
    Unit.objects.filter(parent=district).update(position=1000)
    found = preview_import(
        SEED_REPORT.read_text(encoding="utf-8"), Indicator.objects.for_year(district, YEAR)
    )
    pdf = None
    for n in range(UNITS):
        unit = Unit.objects.create(
            code=f"bench-{n}", name=f"黔江区第{n + 1}街道", short_name=f"第{n + 1}街道", kind="subdistrict",
            parent=district, position=n,
        )  # fmt: skip
        report = save_import(found.parsed, unit, YEAR, None, suggestions=found.suggestions, source="bench")
        Report.objects.filter(pk=report.pk).update(status=Report.Status.ACCEPTED)
        report.refresh_from_db()
        pdf = pdf or render_pdf(report)
        stored = StoredPdf(
            report=report, version=report.version, sha256=hashlib.sha256(pdf).hexdigest(), size=len(pdf)
        )
        stored.file.save("report.pdf", ContentFile(pdf), save=False)
        stored.save()
    return district, pdf


def run_jobs():
    worker = Worker(
        queue_names=["*"], interval=0, batch=True, backend_name="default", startup_delay=False,
        max_tasks=None, worker_id="bench", excluded_queue_names=[],
    )  # fmt: skip
    while (result := DBTaskResult.objects.ready().first()) is not None:
        result.claim("bench")
        worker.run_task(result)


def ask_until_ready(client, url):
    start = time.perf_counter()
    response = client.get(url)
    assert response.status_code == 302, response.status_code
    run_jobs()
    seconds = time.perf_counter() - start
    generated = GeneratedFile.objects.order_by("-pk").first()
    assert generated.status == GeneratedFile.Status.DONE, generated.error
    return seconds, generated


def with_a_worker(client, url):
    """Asks twice (after a change) with a fresh `db_worker` process running; returns the two times."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.worker_settings",  # the test settings, files in a folder
        "FAZHI_WORKER_MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    command = [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay", "-v", "0"]
    worker = subprocess.Popen(command, cwd=ROOT, env=env)
    try:
        time.sleep(3)  # started and waiting
        times = []
        for n in (10, 11):
            change_a_title(n)
            start = time.perf_counter()
            assert client.get(url).status_code == 302
            generated = GeneratedFile.objects.order_by("-pk").first()
            while generated.status not in (GeneratedFile.Status.DONE, GeneratedFile.Status.FAILED):
                assert time.perf_counter() - start < 120 and worker.poll() is None
                time.sleep(0.1)
                generated.refresh_from_db()
            assert generated.status == GeneratedFile.Status.DONE, generated.error
            times.append(time.perf_counter() - start)
        return times
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(30)


def change_a_title(n):
    report = Report.objects.filter(year=YEAR, status=Report.Status.ACCEPTED).order_by("unit__position")[n]
    Report.objects.filter(pk=report.pk).update(title=f"关于{YEAR}年度法治政府建设情况的报告（第{n}次修订）")


def check(data):
    reader = PdfReader(io.BytesIO(data))
    pages = reader.pages
    most = max(len(NUMBER.findall(page.extract_text())) for page in pages)
    return len(pages), most


def show(label, value):
    print(f"{label:<58} {value}")


def main():
    start = time.perf_counter()
    district, pdf = build_district()
    show("built", f"{UNITS} accepted reports with stored PDFs ({len(pdf) / 1024:.0f} KB, "
         f"{len(PdfReader(io.BytesIO(pdf)).pages)} pages each) in {time.perf_counter() - start:.1f} s")  # fmt: skip

    setup_test_environment()
    client = Client()
    client.force_login(get_user_model().objects.get(username="district_office"))
    url = reverse("district:volume", args=[YEAR])

    first, _ = ask_until_ready(client, url)
    show("asked → ready, first in the process", f"{first:.2f} s (target ≤ 10 s)")
    warm = []
    for n in range(3):
        change_a_title(n)
        seconds, _ = ask_until_ready(client, url)
        warm.append(seconds)
    show(
        "asked → ready, warm: median of 3",
        f"{statistics.median(warm):.2f} s ({min(warm):.2f}–{max(warm):.2f})",
    )

    cold, warm_worker = with_a_worker(client, url)
    show("asked → ready with a db_worker process: fresh, then warm", f"{cold:.2f} s, {warm_worker:.2f} s")

    served = []
    for _ in range(20):
        t = time.perf_counter()
        response = client.get(url)
        body = b"".join(response.streaming_content)
        served.append(time.perf_counter() - t)
    assert response.status_code == 200
    show("asked again, served at once: median of 20", f"{statistics.median(served) * 1000:.0f} ms")

    pages, most = check(body)
    show("volume", f"{pages} pages, {len(body) / 1024 / 1024:.1f} MB, at most {most} page number a page")

    reports = accepted_reports(district, YEAR)
    t = time.perf_counter()
    again = build_volume(district, YEAR, [Part(report=r, pdf=None) for r in reports])
    seconds = time.perf_counter() - t
    show(
        "every report laid out again (the volume before)",
        f"{seconds:.2f} s, {len(again) / 1024 / 1024:.1f} MB",
    )
    show("ratio stored-PDF merge / laying out again", f"{statistics.median(warm) / seconds:.2f}")
    print(f"files: {WORK}")


if __name__ == "__main__":
    main()
