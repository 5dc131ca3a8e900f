"""Three leaders approve at the same moment on SQLite (issue 13): prints what each got, asserts nothing.

    .venv/bin/python bench/concurrent_approvals.py [ROUNDS] [threads|processes] [COPIES]

In a throw-away SQLite file (the default engine, as `make run` uses it), four units each get the demo
report (城西街道 2024, imported from its text: 9 pages), three of them submitted. Per round, three
threads post "审核通过" through the real view at the same moment (each its own leader and connection)
while a fourth thread, 0.1 s later, saves the fourth unit's draft through the editor. Printed: what each
request got (the redirect of a success with its message, or the exception behind a 500) with its time.
Threads share one interpreter lock, so the save's time includes waiting for the renders' Python code;
`processes` runs each request in its own process instead, as gunicorn's sync workers do. COPIES
lengthens the approved reports: each section's items that many times over (8 makes about 50 pages).
"""

import logging
import multiprocessing
import os
import queue
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="bench-approvals-"))
os.environ["VAR_DIR"] = str(WORK)  # before the settings are read: the database lives there
os.environ.pop("DATABASE_URL", None)  # SQLite: the engine this measures
os.environ["DJANGO_SETTINGS_MODULE"] = "config.test_settings"
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from _submitting import submit  # noqa: E402  (bench/, beside this script)
from django.core.management import call_command  # noqa: E402
from django.core.signals import got_request_exception  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from reports.importing.parser import parse_report_text  # noqa: E402
from reports.importing.save import save_import  # noqa: E402
from reports.models import Item, Membership, Report, StoredPdf, Unit  # noqa: E402
from reports.rendering.pdf import render_pdf  # noqa: E402
from tests.conftest import make_user  # noqa: E402
from tests.editor_helpers import editor_data  # noqa: E402

SEED = ROOT / "reports" / "demo_data" / "chengxi-2024-report.txt"
APPROVING_UNITS = 3
SAVE_DELAY = 0.1  # s after the approvals start


def build(year, district, text, copies=1):
    """Three submitted reports with a leader each (not the submitter), their items ``copies`` times over,
    and a fourth unit's draft."""
    approvals = []
    for n in range(APPROVING_UNITS + 1):
        code = f"unit{n}"
        unit, _ = Unit.objects.get_or_create(
            code=code,
            defaults={"name": f"黔江区第{n}街道", "short_name": f"第{n}街道", "parent": district},
        )
        staff = _user(f"{code}-staff", unit, Membership.Role.STAFF)
        report = save_import(parse_report_text(text), unit, year, staff)
        if n == APPROVING_UNITS:
            return approvals, (staff, report)
        _lengthen(report, copies)
        submit(staff, report)
        approvals.append((_user(f"{code}-leader", unit, Membership.Role.LEADER), report))
    raise AssertionError("unreachable")


def _lengthen(report, copies):
    for section in report.sections.all():
        items = list(section.items.all())
        Item.objects.bulk_create(
            Item(
                section=section,
                position=copy * len(items) + item.position,
                level=item.level,
                style=item.style,
                joins_previous=item.joins_previous,
                heading=item.heading,
                body=item.body,
            )
            for copy in range(1, copies)
            for item in items
        )


def _user(username, unit, role):
    found = Membership.objects.filter(user__username=username).select_related("user").first()
    return found.user if found else make_user(username, unit, role)


def run_round(year, district, text, mode, copies):
    approvals, (staff, draft) = build(year, district, text, copies)
    jobs = []  # (name, client, url, data, delay)
    for n, (user, report) in enumerate(approvals):
        client = Client(raise_request_exception=False)
        client.force_login(user)
        jobs.append((f"approval {n}", client, reverse("reports:act", args=[report.pk, "approve"]), {}, 0))
    saver = Client(raise_request_exception=False)
    saver.force_login(staff)
    save_data = editor_data(draft, **{"report-preamble": "并发保存测试。"})
    jobs.append(("other unit's save", saver, reverse("reports:edit", args=[draft.pk]), save_data, SAVE_DELAY))
    connection.close()  # each thread or process opens its own
    outcomes = {}
    _run(jobs, mode, outcomes)
    approved = Report.objects.filter(year=year, status=Report.Status.APPROVED).count()
    stored = StoredPdf.objects.filter(report__year=year).count()
    # For comparison: the same save again with nothing else running.
    alone = (
        "the same save alone",
        saver,
        jobs[-1][2],
        editor_data(draft, **{"report-preamble": "再存。"}),
        0,
    )
    connection.close()
    _run([alone], mode, outcomes)
    return outcomes, approved, stored


def _run(jobs, mode, outcomes):
    """Each job in its own thread or process, all starting together; their outcomes into ``outcomes``."""
    if mode == "threads":
        barrier, results = threading.Barrier(len(jobs)), queue.Queue()
        workers = [threading.Thread(target=_request, args=(job, barrier, results)) for job in jobs]
    else:  # as gunicorn's sync workers serve: one process a request, forked from a warm one
        context = multiprocessing.get_context("fork")
        barrier, results = context.Barrier(len(jobs)), context.Queue()
        workers = [context.Process(target=_request, args=(job, barrier, results)) for job in jobs]
    for worker in workers:
        worker.start()
    outcomes.update(results.get() for _ in jobs)
    for worker in workers:
        worker.join()


def _request(job, barrier, results):
    name, client, url, data, delay = job
    barrier.wait()
    time.sleep(delay)
    start, cpu = time.perf_counter(), time.thread_time()
    response = client.post(url, data)
    connection.close()
    results.put((name, (_outcome(response), time.perf_counter() - start, time.thread_time() - cpu)))


# The exception behind each 500, by thread: the test client's own record of it is one per process.
ERRORS = {}


def _record(sender, **kwargs):
    error = sys.exc_info()[1]
    ERRORS[threading.get_ident()] = f"{type(error).__name__}: {error}"


def _outcome(response):
    if response.status_code == 500:
        return f"500 {ERRORS.pop(threading.get_ident(), '')}"
    # The latest message: a client that never follows its redirects keeps the older ones in its cookie.
    messages = [str(m) for m in response.wsgi_request._messages][-1:] if response.status_code == 302 else []
    return " ".join([str(response.status_code), *messages])


def main():
    got_request_exception.connect(_record)
    logging.getLogger("django.request").setLevel(logging.CRITICAL)  # the 500s are printed below
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    mode = sys.argv[2] if len(sys.argv) > 2 else "threads"
    copies = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    call_command("migrate", verbosity=0)
    district = Unit.objects.create(
        code="qianjiang", name="黔江区", short_name="黔江区", kind=Unit.Kind.DISTRICT
    )
    text = SEED.read_text(encoding="utf-8")
    # Warm, as a serving process is: fonts and stylesheet loaded, templates compiled (forks inherit it).
    _, (staff, draft) = build(2024, district, text)
    render_pdf(Report.objects.select_related("unit").get(pk=draft.pk))
    client = Client()
    client.force_login(staff)
    client.post(reverse("reports:edit", args=[draft.pk]), editor_data(draft))
    errors = 0
    for n in range(rounds):
        results, approved, stored = run_round(2025 + n, district, text, mode, copies)
        results = dict(sorted(results.items(), key=lambda item: item[0].startswith("the same")))
        print(f"round {n + 1}: {approved} approved, {stored} stored PDFs")
        for name, (outcome, seconds, cpu) in results.items():
            print(f"  {name:<20} {seconds:6.2f} s (its CPU {cpu:4.2f} s)  {outcome}")
            errors += outcome.startswith("500")
    print(f"errors (500) in {rounds} rounds of {mode}: {errors}")
    print(f"files: {WORK}")


if __name__ == "__main__":
    main()
