"""Logging (settings.LOGGING): one plain line a record on stderr with the time, the level, the logger, the
request's path and user; a 500 with its traceback; a failed e-mail. Read here from the real handler."""

import io
import logging
import re
import socket

import pytest
from django.contrib.auth.backends import ModelBackend
from django.core.checks import run_checks
from django.db import OperationalError
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from reports.views import home
from tests.conftest import PASSWORD
from tests.editor_helpers import add_section
from tests.workflow_helpers import make_submittable

TIME_LEVEL = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (ERROR|WARNING|INFO)"


@pytest.fixture
def log():
    """What the settings' console handler writes (stderr in production), as a StringIO."""
    [handler] = [h for h in logging.getLogger().handlers if h.name == "console"]
    output = io.StringIO()
    previous = handler.setStream(output)
    yield output
    handler.setStream(previous)


@pytest.fixture
def server():
    """A client that gets the 500 page, as a browser would, instead of the exception."""
    return Client(raise_request_exception=False)


def test_a_500_is_logged_with_its_traceback_path_and_user(server, staff, monkeypatch, log):
    def broken(user):
        raise RuntimeError("the home page broke")

    monkeypatch.setattr(home, "waiting_for", broken)
    server.force_login(staff)
    response = server.get(reverse("reports:home"))
    assert response.status_code == 500
    assert "系统出错" in response.content.decode()
    text = log.getvalue()
    assert re.search(
        TIME_LEVEL.replace("(ERROR|WARNING|INFO)", "ERROR")
        + r" django.request \[/ staff\] Internal Server Error: /",
        text,
    ), text
    assert "Traceback (most recent call last)" in text
    assert "RuntimeError: the home page broke" in text


def test_with_the_database_down_login_gets_the_chinese_500_and_the_log_says_why(
    server, staff, monkeypatch, log
):
    def database_down(self, request, **credentials):
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')

    monkeypatch.setattr(ModelBackend, "authenticate", database_down)
    response = server.post(reverse("login"), {"username": "staff", "password": PASSWORD})
    assert response.status_code == 500
    assert "系统出错" in response.content.decode()
    text = log.getvalue()
    assert "ERROR django.request [/accounts/login/ -] Internal Server Error" in text
    assert "OperationalError: connection to server" in text


def test_a_404_names_the_path_and_the_user(client, staff, log):
    client.force_login(staff)
    assert client.get("/reports/999999/").status_code == 404
    assert "WARNING django.request [/reports/999999/ staff] Not Found: /reports/999999/" in log.getvalue()


def test_records_outside_a_request_have_dashes(log):
    logging.getLogger("fazhi.jobs").info("job started: render the volume")
    assert re.search(
        TIME_LEVEL + r" fazhi.jobs \[- -\] job started: render the volume$", log.getvalue().strip()
    )


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens there once the socket is closed


def test_a_submit_queues_its_mails_and_never_waits_for_the_mail_server(
    client, report, staff, leader, settings, log, django_capture_on_commit_callbacks
):
    """The SMTP server is down: the submit goes through at once, the notice is saved, and the mails wait in
    the queue for the worker (reports/mail.py sends them, retries and logs failures: tests/test_mail_jobs.py)."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port(), 5
    leader.email = "leader@example.com"
    leader.save()
    add_section(report, items=1)
    make_submittable(report)
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:act", args=[report.pk, "submit"]), {"confirmed": "1"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == report.Status.SUBMITTED and leader.notices.count() == 1
    assert DBTaskResult.objects.filter(task_path="reports.mail.send_mails", status="READY").count() == 1
    assert "E-mail not sent" not in log.getvalue()


def test_production_without_email_url_says_so_in_manage_py_check(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
    assert "reports.W004" in [message.id for message in run_checks()]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    assert "reports.W004" not in [message.id for message in run_checks()]
