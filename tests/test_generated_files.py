"""The district's files made by background jobs (reports/district/files.py, actions.py, tasks.py): one job
per fingerprint, the stored file served at once while it is current, a new one once a report in it
changes; the status page and its JSON; a failed job and "重新生成"; the jobs' log lines."""

import datetime
import io
import logging
import threading
import zipfile

import pytest
from django.db import close_old_connections, connection
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader

from reports import workflow
from reports.district import actions, files, tasks
from reports.frozen_pdf import current_stored_pdf
from reports.models import GeneratedFile, Report
from tests.district_helpers import report_in
from tests.editor_helpers import add_section
from tests.jobs_helpers import queued_tasks, run_queued_jobs
from tests.test_district_downloads import store_pdf

YEAR = 2025
Kind, Status = GeneratedFile.Kind, GeneratedFile.Status


@pytest.fixture
def accepted(district, unit, other_unit):
    first, second = (
        report_in(unit, YEAR, Report.Status.ACCEPTED),
        report_in(other_unit, YEAR, Report.Status.ACCEPTED),
    )
    add_section(first, items=2)
    add_section(second, items=2)
    return first, second


def ask(client, user, name="district:volume"):
    client.force_login(user)
    return client.get(reverse(name, args=[YEAR]))


def test_a_volume_is_made_once_then_served_at_once(client, district_officer, accepted):
    response = ask(client, district_officer)
    generated = GeneratedFile.objects.get()
    assert response.status_code == 302 and response.url == generated.get_absolute_url()
    assert (generated.kind, generated.status, generated.total, generated.requested_by) == (
        Kind.VOLUME, Status.QUEUED, 2, district_officer,
    )  # fmt: skip
    assert queued_tasks() == ["reports.district.tasks.make_volume"]
    assert generated.task_id == str(DBTaskResult.objects.get().id)

    assert run_queued_jobs() == 1
    generated.refresh_from_db()
    assert (generated.status, generated.done, generated.total) == (Status.DONE, 2, 2)
    assert generated.size == generated.file.size > 0 and generated.finished_at

    again = ask(client, district_officer)
    assert again.status_code == 200 and again["Content-Type"] == "application/pdf"
    assert again["Cache-Control"] == "private, no-store"
    assert "filename*=UTF-8''" in again["Content-Disposition"]
    assert len(PdfReader(io.BytesIO(b"".join(again.streaming_content))).pages) >= 4
    assert GeneratedFile.objects.count() == 1 and not queued_tasks()


def test_a_change_in_the_volume_makes_it_stale_and_a_new_one_is_made(
    client, district_officer, accepted, district, unit, leader, staff
):
    ask(client, district_officer)
    run_queued_jobs()
    first = GeneratedFile.objects.get()
    old_name = first.file.name

    # Another unit's report accepted: a new fingerprint, a new job.
    third_unit = type(unit).objects.create(
        code="town", name="黔江区濯水镇", short_name="濯水镇", kind="town", parent=district, position=9
    )
    third = report_in(third_unit, YEAR, Report.Status.APPROVED)
    workflow.perform(district_officer, third, "accept")
    assert ask(client, district_officer).status_code == 302
    second = GeneratedFile.objects.exclude(pk=first.pk).get()
    assert second.fingerprint != first.fingerprint and second.total == 3
    run_queued_jobs()

    # One reopened: out of the volume, a new one again; the earlier files are deleted once it is done.
    workflow.perform(district_officer, accepted[0], "reopen", "请补充")
    assert ask(client, district_officer).status_code == 302
    third_file = GeneratedFile.objects.order_by("-pk").first()
    assert third_file.total == 2 and third_file.fingerprint not in (first.fingerprint, second.fingerprint)
    run_queued_jobs()
    assert list(GeneratedFile.objects.values_list("pk", flat=True)) == [third_file.pk]
    assert not first.file.storage.exists(old_name)


def test_the_fingerprint_follows_what_the_volume_prints(district, accepted):
    items = files.sources(Kind.VOLUME, district, YEAR)
    key = files.fingerprint(Kind.VOLUME, district, YEAR, items)
    assert files.fingerprint(Kind.VOLUME, district, YEAR, files.sources(Kind.VOLUME, district, YEAR)) == key
    Report.objects.filter(pk=accepted[0].pk).update(title="关于2025年度法治政府建设情况的报告（修订）")
    assert files.fingerprint(Kind.VOLUME, district, YEAR, files.sources(Kind.VOLUME, district, YEAR)) != key
    # The unit order is printed too.
    accepted[1].unit.__class__.objects.filter(pk=accepted[1].unit_id).update(position=0)
    reordered = files.sources(Kind.VOLUME, district, YEAR)
    assert [s.report for s in reordered] == [accepted[1], accepted[0]]


def test_the_current_stored_pdfs_are_the_ones_downloads_serve(accepted):
    store_pdf(accepted[0], b"%PDF old")
    newer = store_pdf(accepted[0], b"%PDF new")
    found = files.current_stored_pdfs(accepted)
    assert found == {accepted[0].pk: newer} and current_stored_pdf(accepted[0]) == newer
    assert current_stored_pdf(accepted[1]) is None


def test_two_clicks_make_one_job(client, district_officer, accepted):
    ask(client, district_officer)
    ask(client, district_officer)
    ask(client, district_officer, "district:zip")
    assert GeneratedFile.objects.count() == 2
    assert sorted(queued_tasks()) == ["reports.district.tasks.make_volume", "reports.district.tasks.make_zip"]


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="two requests at once need two connections: PostgreSQL's"
)
@pytest.mark.django_db(transaction=True)
def test_two_requests_at_the_same_moment_make_one_job(district, unit, district_officer):
    report_in(unit, YEAR, Report.Status.ACCEPTED)
    barrier = threading.Barrier(2)
    made = []

    def request():
        try:
            barrier.wait()
            made.append(actions.request_file(Kind.VOLUME, district, YEAR, district_officer).pk)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=request) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert len(made) == 2 and made[0] == made[1]
    assert GeneratedFile.objects.count() == 1
    assert DBTaskResult.objects.count() == 1


def test_the_zip_job_packs_every_delivered_report(client, district_officer, accepted):
    ask(client, district_officer, "district:zip")
    run_queued_jobs()
    generated = GeneratedFile.objects.get(kind=Kind.ZIP)
    assert (generated.status, generated.done, generated.total) == (Status.DONE, 2, 2)
    response = ask(client, district_officer, "district:zip")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert archive.namelist() == [  # the district's unit order: here by code, chengdong first
        "城东街道2025年度法治政府建设情况的报告.pdf",
        "城西街道2025年度法治政府建设情况的报告.pdf",
    ]


# --- The status page and its JSON -----------------------------------------------------------------------


def status(client, generated):
    return client.get(reverse("district:file-status", args=[YEAR, generated.pk])).json()


def test_the_status_json_follows_the_job(client, district_officer, accepted, district):
    ask(client, district_officer)
    generated = GeneratedFile.objects.get()
    queued = status(client, generated)
    assert queued["status"] == "queued" and queued["message"] == "正在排队等候生成汇编（共2份报告）…"
    assert not queued["download_url"] and not queued["can_retry"]

    GeneratedFile.objects.filter(pk=generated.pk).update(status=Status.RUNNING, done=1, total=60)
    assert status(client, generated)["message"] == "正在生成汇编：已完成 1/60 份"
    GeneratedFile.objects.filter(pk=generated.pk).update(done=60)
    assert status(client, generated)["message"] == "正在生成汇编：已完成 60/60 份，正在排版目录和页码…"

    GeneratedFile.objects.filter(pk=generated.pk).update(status=Status.QUEUED, done=0, total=2)
    run_queued_jobs()
    done = status(client, generated)
    assert done["status"] == "done" and done["message"].startswith("汇编已生成（2份报告，")
    assert done["download_url"] == reverse("district:file-download", args=[YEAR, generated.pk])
    page = client.get(generated.get_absolute_url())
    assert page.status_code == 200
    assert 'id="file-download"' in page.content.decode() and done["download_url"] in page.content.decode()
    download = client.get(done["download_url"])
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"


def test_the_status_page_polls_its_json(client, district_officer, accepted):
    ask(client, district_officer)
    generated = GeneratedFile.objects.get()
    page = client.get(generated.get_absolute_url()).content.decode()
    assert f'data-status-url="{reverse("district:file-status", args=[YEAR, generated.pk])}"' in page
    assert "js/file-status.js" in page and "正在排队等候生成汇编" in page
    assert '<meta http-equiv="refresh"' in page  # without JavaScript it reloads itself
    # Not finished: the download redirects back to the status page.
    response = client.get(reverse("district:file-download", args=[YEAR, generated.pk]))
    assert response.status_code == 302 and response.url == generated.get_absolute_url()


def test_a_failed_job_says_so_and_can_be_made_again(client, district_officer, accepted, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("字体缺失")

    monkeypatch.setattr(tasks, "build_volume", broken)
    ask(client, district_officer)
    generated = GeneratedFile.objects.get()
    with caplog.at_level(logging.INFO, logger="fazhi.jobs"):
        run_queued_jobs()
    assert DBTaskResult.objects.get().status == "FAILED"  # the queue records it too
    failed = status(client, generated)
    assert failed["status"] == "failed" and failed["can_retry"]
    assert failed["message"].startswith("汇编生成失败。请点“重新生成”再试")
    assert failed["error"] == "汇编生成失败：RuntimeError: 字体缺失"
    page = client.get(generated.get_absolute_url()).content.decode()
    assert "重新生成" in page and "字体缺失" in page
    assert "job started: volume" in caplog.text and "job failed: volume" in caplog.text

    # Asking again from the dashboard goes to the failure, not a new job of the same contents.
    assert ask(client, district_officer).url == generated.get_absolute_url()
    monkeypatch.undo()
    response = client.post(reverse("district:file-retry", args=[YEAR, generated.pk]))
    assert response.status_code == 302 and response.url == generated.get_absolute_url()
    generated.refresh_from_db()
    assert (generated.status, generated.error) == (Status.QUEUED, "")
    with caplog.at_level(logging.INFO, logger="fazhi.jobs"):
        run_queued_jobs()
    generated.refresh_from_db()
    assert generated.status == Status.DONE and generated.attempts == 2
    assert "job finished: volume" in caplog.text


def test_made_again_only_when_failed_or_stalled(client, district_officer, accepted):
    ask(client, district_officer)
    generated = GeneratedFile.objects.get()
    client.post(reverse("district:file-retry", args=[YEAR, generated.pk]))
    assert len(queued_tasks()) == 1  # queued already: left alone
    # No progress for a long time (no worker runs, or it died): the page says so and offers to retry.
    long_ago = timezone.now() - files.STALLED_AFTER - datetime.timedelta(minutes=1)
    GeneratedFile.objects.filter(pk=generated.pk).update(updated_at=long_ago)
    stalled = status(client, generated)
    assert stalled["stalled"] and stalled["can_retry"] and "db_worker" in stalled["message"]
    client.post(reverse("district:file-retry", args=[YEAR, generated.pk]))
    assert len(queued_tasks()) == 2


def test_a_file_gone_from_the_storage_is_made_again(client, district_officer, accepted):
    """A database restored without its files: the row says done, the file is not there."""
    ask(client, district_officer)
    run_queued_jobs()
    generated = GeneratedFile.objects.get()
    generated.file.storage.delete(generated.file.name)
    response = ask(client, district_officer)
    assert response.status_code == 302 and response.url == generated.get_absolute_url()
    generated.refresh_from_db()
    assert generated.status == Status.QUEUED and queued_tasks() == ["reports.district.tasks.make_volume"]
    run_queued_jobs()
    assert ask(client, district_officer).status_code == 200
