"""GET /healthz: 200 when the database, the file storage, the fonts and the task queue are fine; 503 naming
what is not."""

import datetime
import logging

import pytest
from django.db import OperationalError, connection
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from reports import health
from reports.mail import send_mails

pytestmark = pytest.mark.django_db

CJK_FONTS_FOUND = health.cjk_fonts_found  # before the fixture below replaces it

HEALTHY = {"database": "ok", "storage": "ok", "fonts": "ok"}


@pytest.fixture(autouse=True)
def fonts_found(monkeypatch):
    """fontconfig's answer is the machine's (reports/checks.py tests it); here it is given."""
    monkeypatch.setattr(health, "cjk_fonts_found", lambda: True)


def get(client):
    response = client.get(reverse("healthz"))
    return response.status_code, response.json()


def parts(client):
    """The status and the answer but its jobs part (the queue's own tests look at that)."""
    status, body = get(client)
    return status, {part: value for part, value in body.items() if part != "jobs"}


def test_all_is_well_without_logging_in(client):
    assert reverse("healthz") == "/healthz"
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    body = response.json()
    assert body == HEALTHY | {"jobs": {"queue": "ok", "ready": 0, "oldest_age_seconds": None}}


def test_the_database_not_answering_is_503(client, monkeypatch, caplog):
    def unreachable(*args, **kwargs):
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')

    monkeypatch.setattr(connection, "cursor", unreachable)
    status, body = get(client)
    assert status == 503
    assert body["database"] == "unreachable"
    assert body["jobs"]["queue"] in ("no queue", "unknown")  # not asked: the queue is in the database
    assert "Connection refused" in caplog.text  # the reason is in the log, not in the answer
    assert "5432" not in str(body)


def test_a_storage_that_cannot_be_written_is_503(client, monkeypatch):
    def full(name, content, max_length=None):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(health.default_storage, "save", full)
    assert parts(client) == (503, HEALTHY | {"storage": "not writable"})


def test_the_storage_is_written_and_cleaned_up(client, monkeypatch):
    saved, deleted = [], []
    original_save, original_delete = health.default_storage.save, health.default_storage.delete
    monkeypatch.setattr(
        health.default_storage, "save", lambda *a, **k: saved.append(original_save(*a, **k)) or saved[-1]
    )
    monkeypatch.setattr(
        health.default_storage, "delete", lambda name: deleted.append(original_delete(name) or name)
    )
    assert get(client)[0] == 200
    assert saved == deleted and saved[0].startswith("healthz/")
    assert not health.default_storage.exists(saved[0])


def test_missing_cjk_fonts_are_503(client, monkeypatch):
    monkeypatch.setattr(health, "cjk_fonts_found", lambda: False)
    assert parts(client) == (503, HEALTHY | {"fonts": "missing"})


def test_the_font_lookup_runs_once_per_process(monkeypatch):
    calls = []
    monkeypatch.setattr(health, "cjk_font_families", lambda: calls.append(1) or {"Noto Serif CJK SC"})
    CJK_FONTS_FOUND.cache_clear()
    try:
        assert CJK_FONTS_FOUND() and CJK_FONTS_FOUND()
        assert calls == [1]
    finally:
        CJK_FONTS_FOUND.cache_clear()


class FakeTasks:
    """Stands for django-tasks-db's DBTaskResult: ``objects.ready()`` is the tasks a worker may take."""

    def __init__(self, enqueued):
        self.enqueued = enqueued
        self.objects = self

    def ready(self):
        return self

    def aggregate(self, count, oldest):
        return {"count": len(self.enqueued), "oldest": min(self.enqueued, default=None)}


def test_the_queue_reports_its_oldest_ready_task(client, monkeypatch):
    now = timezone.now()
    monkeypatch.setattr(health, "task_model", lambda: FakeTasks([now - datetime.timedelta(seconds=42), now]))
    status, body = get(client)
    assert status == 200
    assert body["jobs"]["queue"] == "ok" and body["jobs"]["ready"] == 2
    assert 42 <= body["jobs"]["oldest_age_seconds"] <= 44


def test_an_empty_queue_is_well(client, monkeypatch):
    monkeypatch.setattr(health, "task_model", lambda: FakeTasks([]))
    assert health.jobs() == {"queue": "ok", "ready": 0, "oldest_age_seconds": None}
    assert parts(client) == (200, HEALTHY)


def test_a_task_waiting_longer_than_a_worker_would_let_it_is_503(client, monkeypatch):
    old = timezone.now() - datetime.timedelta(seconds=health.STALLED_AFTER + 60)
    monkeypatch.setattr(health, "task_model", lambda: FakeTasks([old]))
    status, body = get(client)
    assert status == 503
    assert body["jobs"]["queue"] == "stalled" and body["jobs"]["oldest_age_seconds"] >= health.STALLED_AFTER


def test_ready_tasks_of_the_queue_are_counted(db):
    model = health.task_model()
    assert model._meta.model_name == "dbtaskresult"
    assert health.jobs() == {"queue": "ok", "ready": 0, "oldest_age_seconds": None}
    model.objects.create(
        task_path="reports.health.healthz",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        run_after=timezone.now() - datetime.timedelta(seconds=1),
        exception_class_path="",
        traceback="",
    )
    jobs = health.jobs()
    assert jobs["queue"] == "ok" and jobs["ready"] == 1 and jobs["oldest_age_seconds"] <= 5


def test_only_get(client):
    assert client.post("/healthz").status_code == 405


def test_a_failed_part_is_logged_with_its_reason(client, monkeypatch, caplog):
    monkeypatch.setattr(
        health.default_storage,
        "save",
        lambda *a, **k: (_ for _ in ()).throw(PermissionError("/var/lib/fazhi/media")),
    )
    with caplog.at_level(logging.WARNING, logger="reports.health"):
        get(client)
    assert "PermissionError" in caplog.text and "/var/lib/fazhi/media" in caplog.text


def test_a_deferred_retry_counts_from_when_it_fell_due(client, db):
    """A mail retried in 30 minutes is not a job waiting for 30 minutes once it falls due."""
    send_mails.using(run_after=timezone.now() + datetime.timedelta(minutes=30)).enqueue([], 2)
    DBTaskResult.objects.update(
        enqueued_at=timezone.now() - datetime.timedelta(minutes=31),
        run_after=timezone.now() - datetime.timedelta(minutes=1),
    )
    jobs = client.get("/healthz").json()["jobs"]
    assert jobs["ready"] == 1 and jobs["oldest_age_seconds"] < 120 and jobs["queue"] == "ok"
