"""E-mail as a background job, retried: ``reports.notifications`` enqueues ``send_mails`` once the
transaction that made the notices has committed, and a worker sends them.

Each mail goes on its own, so a refused address does not hold back the others, and only the mails that
failed are tried again: ``MAX_ATTEMPTS`` times in all, ``RETRY_DELAYS`` apart (a new job with
``run_after``: django-tasks has no retries of its own). Each attempt is a job of its own; one that did not
send everything raises after it has queued the next attempt, so the queue records it as failed, with the
traceback. Every attempt is logged on ``fazhi.jobs``; the last one's failure as an error.
"""

import datetime
import re
from collections.abc import Sequence
from typing import Any

from django.core.mail import EmailMessage, get_connection
from django.utils import timezone
from django_tasks import task

from reports.common.joblog import logged_job

# (subject, body, from, [to]): what send_mass_mail takes; a job's arguments are JSON, so lists come back.
Mail = Sequence[Any]

MAX_ATTEMPTS = 4
RETRY_DELAYS = (60, 300, 1800)  # seconds before the second, third and fourth attempt
MAIL_PRIORITY = 10  # ahead of the district's files in the queue: a mail takes milliseconds


class MailNotSent(RuntimeError):
    """Some mails of a job were not sent (what the queue records for the attempt)."""


@task(priority=MAIL_PRIORITY)
def send_mails(mails: list[Mail], attempt: int = 1) -> int:
    """Sends ``mails``; returns how many left. On a failure queues the failed ones again, then raises."""
    with logged_job("mail", count=len(mails), attempt=attempt) as log:
        failed, error = deliver(mails)
        if not failed:
            return len(mails)
        if attempt < MAX_ATTEMPTS:
            delay = retry_later(failed, attempt + 1)
            log.warning(
                "mail: %d of %d not sent (attempt %d of %d: %r); trying again in %d s",
                len(failed), len(mails), attempt, MAX_ATTEMPTS, error, delay,
            )  # fmt: skip
        else:
            log.error(
                "mail: %d of %d not sent after %d attempts, given up: %r: %s",
                len(failed), len(mails), attempt, error, [list(mail[3]) for mail in failed],
            )  # fmt: skip
        raise MailNotSent(f"{len(failed)} of {len(mails)} mails not sent: {error!r}") from error


def deliver(mails: Sequence[Mail]) -> tuple[list[Mail], Exception | None]:
    """Sends each mail on one connection; returns the ones that failed and the last error."""
    failed: list[Mail] = []
    error: Exception | None = None
    handled = 0
    try:
        with get_connection(fail_silently=False) as connection:
            for mail in mails:
                try:
                    connection.send_messages([_message(mail)])
                except Exception as exc:  # a refused address, a dropped connection: try it again later
                    failed.append(mail)
                    error = exc
                handled += 1
    except Exception as exc:  # the server could not be reached: what was not handled yet failed
        failed += mails[handled:]
        error = exc
    return failed, error


def retry_later(mails: list[Mail], attempt: int) -> int:
    """Queues ``mails`` for ``attempt``; returns the delay in seconds."""
    delay = RETRY_DELAYS[min(attempt - 2, len(RETRY_DELAYS) - 1)]
    job = send_mails
    if job.get_backend().supports_defer:  # the database backend; the immediate one runs it now
        job = job.using(run_after=timezone.now() + datetime.timedelta(seconds=delay))
    job.enqueue(mails, attempt)
    return delay


# Line breaks of every kind (\r, \n, \v, \f, U+2028…): Django refuses a header holding one (BadHeaderError).
LINE_BREAKS = re.compile(r"\s*[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+\s*")


def subject_line(text: str) -> str:
    """``text`` as an e-mail subject: one line, each line break a space (a return reason may have several)."""
    return LINE_BREAKS.sub(" ", text).strip()


def _message(mail: Mail) -> EmailMessage:
    subject, body, sender, recipients = mail
    # Jobs queued before subjects were made one line are sent too, rather than failing four times.
    return EmailMessage(subject_line(subject), body, sender, list(recipients))
