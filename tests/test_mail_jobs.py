"""E-mail as a retried background job (reports/mail.py): queued after the commit, sent by a worker; a mail
server that fails is tried again later, a bounded number of times, and every attempt is logged."""

import datetime
import logging

import pytest
from django.core import mail as outbox
from django.core.mail.backends.locmem import EmailBackend
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from reports import mail
from tests.jobs_helpers import queued_tasks, run_queued_jobs

MAILS = [
    ["【法治年报】城西街道已提交", "请审核", "app@example.com", ["leader@example.com"]],
    ["【法治年报】城西街道已提交", "请审核", "app@example.com", ["refused@example.com"]],
]


class FlakyBackend(EmailBackend):
    """The locmem backend behind a server that refuses some addresses, or cannot be reached at all."""

    refused: set[str] = set()
    down = False

    def open(self):
        if FlakyBackend.down:
            raise ConnectionRefusedError("mail server down")
        return super().open()

    def send_messages(self, messages):
        for message in messages:
            if set(message.to) & FlakyBackend.refused:
                raise ConnectionResetError("refused by the server")
        return super().send_messages(messages)


@pytest.fixture
def flaky(settings):
    settings.EMAIL_BACKEND = "tests.test_mail_jobs.FlakyBackend"
    FlakyBackend.refused, FlakyBackend.down = set(), False
    yield FlakyBackend
    FlakyBackend.refused, FlakyBackend.down = set(), False


def due_now():
    """Moves the deferred retries to now, as if their delay had passed."""
    DBTaskResult.objects.filter(status="READY").update(
        run_after=timezone.now() - datetime.timedelta(seconds=1)
    )


def test_mails_are_sent_by_the_job(db, flaky, caplog):
    mail.send_mails.enqueue(MAILS)
    with caplog.at_level(logging.INFO, logger="fazhi.jobs"):
        assert run_queued_jobs() == 1
    assert [m.to for m in outbox.outbox] == [["leader@example.com"], ["refused@example.com"]]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert "job started: mail count=2 attempt=1" in caplog.text
    assert "job finished: mail count=2 attempt=1" in caplog.text


def test_a_refused_mail_is_tried_again_later_alone(db, flaky, caplog):
    flaky.refused = {"refused@example.com"}
    mail.send_mails.enqueue(MAILS)
    with caplog.at_level(logging.INFO, logger="fazhi.jobs"):
        run_queued_jobs()
    # The other one left; the attempt is recorded as failed, the next one deferred by a minute.
    assert [m.to for m in outbox.outbox] == [["leader@example.com"]]
    first, retry = DBTaskResult.objects.order_by("enqueued_at")
    assert first.status == "FAILED" and "MailNotSent" in first.exception_class_path
    assert retry.status == "READY" and retry.args_kwargs["args"] == [[MAILS[1]], 2]
    delay = (retry.run_after - timezone.now()).total_seconds()
    assert 50 < delay <= mail.RETRY_DELAYS[0]
    assert "1 of 2 not sent (attempt 1 of 4" in caplog.text and "job failed: mail" in caplog.text
    assert run_queued_jobs() == 0  # not before its time

    flaky.refused = set()
    due_now()
    run_queued_jobs()
    assert [m.to for m in outbox.outbox] == [["leader@example.com"], ["refused@example.com"]]
    assert not queued_tasks()


def test_a_server_that_stays_down_is_given_up_after_the_last_attempt(db, flaky, caplog):
    flaky.down = True
    mail.send_mails.enqueue(MAILS)
    with caplog.at_level(logging.INFO, logger="fazhi.jobs"):
        for _ in range(mail.MAX_ATTEMPTS + 2):
            due_now()
            run_queued_jobs()
    attempts = DBTaskResult.objects.order_by("enqueued_at")
    assert [[*a.args_kwargs["args"], 1][1] for a in attempts] == [1, 2, 3, 4]  # the first: the default
    assert all(a.status == "FAILED" for a in attempts)
    assert not outbox.outbox and not queued_tasks()
    assert "2 of 2 not sent after 4 attempts, given up" in caplog.text
    assert [r.levelname for r in caplog.records if "given up" in r.getMessage()] == ["ERROR"]


def test_the_delays_grow(db, flaky):
    flaky.down = True
    mail.send_mails.enqueue(MAILS[:1])
    delays = []
    for _ in range(mail.MAX_ATTEMPTS - 1):
        run_queued_jobs()
        retry = DBTaskResult.objects.filter(status="READY").get()
        delays.append(round((retry.run_after - timezone.now()).total_seconds() / 10) * 10)
        due_now()
    assert delays == list(mail.RETRY_DELAYS)


def test_with_the_immediate_backend_mails_leave_at_once(db, flaky, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    mail.send_mails.enqueue(MAILS[:1])
    assert [m.to for m in outbox.outbox] == [["leader@example.com"]]


def test_a_queued_mail_whose_subject_has_a_line_break_is_sent_on_one_line(db, flaky):
    """Jobs queued before subjects were made one line: sent, not failed four times with BadHeaderError."""
    mail.send_mails.enqueue(
        [["【法治年报】退回：\r\n请补充", "正文", "app@example.com", ["staff@example.com"]]]
    )
    run_queued_jobs()
    assert [m.subject for m in outbox.outbox] == ["【法治年报】退回： 请补充"]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
