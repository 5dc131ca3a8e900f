"""A real worker process (``manage.py db_worker``, as `make run` and production start it) takes a queued
job from the database and runs it: here, the 汇编 asked for through the dashboard's address.

On PostgreSQL only: the test's SQLite database is in this process's memory, where no other process can
see it. The worker is started for the test, given at most a minute, and stopped at its end."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from reports.models import GeneratedFile, Report
from tests.district_helpers import report_in
from tests.editor_helpers import add_section

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="the worker is another process: SQLite's test database lives in this process's memory",
    ),
    pytest.mark.django_db(transaction=True),
]


def database_url():
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def media(tmp_path, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    return tmp_path


@pytest.fixture
def worker(media):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.worker_settings",
        "DATABASE_URL": database_url(),  # the test database
        "FAZHI_WORKER_MEDIA_ROOT": str(media),
        "CONN_MAX_AGE": "0",
    }
    log = open(media / "worker.log", "w+b")
    command = [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2",
               "--worker-id", "pytest-worker"]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    yield process
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)  # a graceful stop: it exits between tasks
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
    log.seek(0)
    print(log.read().decode(errors="replace"))  # shown when the test fails
    log.close()


def test_a_worker_process_makes_the_volume(client, district, unit, district_officer, worker):
    report = report_in(unit, 2025, Report.Status.ACCEPTED)
    add_section(report, items=3)
    client.force_login(district_officer)
    asked = client.get(reverse("district:volume", args=[2025]))
    generated = GeneratedFile.objects.get()
    assert asked.status_code == 302 and asked.url == generated.get_absolute_url()

    deadline = time.monotonic() + 60
    while generated.status in (GeneratedFile.Status.QUEUED, GeneratedFile.Status.RUNNING):
        assert worker.poll() is None, "the worker stopped"
        assert time.monotonic() < deadline, f"not done in a minute: {generated.status}"
        time.sleep(0.2)
        generated.refresh_from_db()
    assert generated.status == GeneratedFile.Status.DONE, generated.error
    # The task marks its file done before the worker, once the task has returned, marks the task: wait for that.
    task = DBTaskResult.objects.get()
    while task.status == "RUNNING" and time.monotonic() < deadline:
        time.sleep(0.1)
        task.refresh_from_db()
    assert task.status == "SUCCESSFUL" and task.worker_ids == ["pytest-worker"]

    # The file the worker stored is the one the next request serves at once.
    response = client.get(reverse("district:volume", args=[2025]))
    assert response.status_code == 200
    data = b"".join(response.streaming_content)
    assert data.startswith(b"%PDF") and len(data) == generated.size
