import threading

import pytest
from django.db import connection

from reports import actions, workflow
from reports.models import Membership, Notice, Report, ReportEvent
from tests.editor_helpers import add_section
from tests.jobs_helpers import queued_tasks, run_queued_jobs
from tests.workflow_helpers import make_submittable, submit

S = Report.Status


def set_status(report, status):
    Report.objects.filter(pk=report.pk).update(status=status)
    report.refresh_from_db()


ALLOWED = [
    # (starting status, action, actor fixture, resulting status)
    (S.DRAFT, "submit", "staff", S.SUBMITTED),
    (S.RETURNED, "submit", "staff", S.SUBMITTED),
    (S.DRAFT, "submit", "leader", S.SUBMITTED),
    (S.RETURNED, "submit", "leader", S.SUBMITTED),
    (S.SUBMITTED, "return", "leader", S.RETURNED),
    (S.SUBMITTED, "approve", "leader", S.APPROVED),
    (S.APPROVED, "accept", "district_officer", S.ACCEPTED),
    (S.APPROVED, "district_return", "district_officer", S.RETURNED),
    (S.ACCEPTED, "reopen", "district_officer", S.RETURNED),
]


@pytest.mark.parametrize(("start", "action", "actor", "end"), ALLOWED)
def test_allowed_transitions_change_the_status_and_write_one_audit_row(
    request, written, start, action, actor, end
):
    user = request.getfixturevalue(actor)
    set_status(written, start)
    make_submittable(written)
    event = workflow.perform(user, written, action, comment="理由", confirmed=True)
    written.refresh_from_db()
    assert written.status == end
    assert ReportEvent.objects.filter(report=written, action=action).count() == 1
    assert (event.user, event.from_status, event.to_status, event.comment) == (user, start, end, "理由")


ALLOWED_MOVES = {(start, action, actor) for start, action, actor, _ in ALLOWED}
FORBIDDEN = [
    (start, action, actor)
    for start in S
    for action in workflow.TRANSITIONS
    for actor in ["staff", "leader", "district_officer", "outsider"]
    if (start, action, actor) not in ALLOWED_MOVES
]


@pytest.mark.parametrize(("start", "action", "actor"), FORBIDDEN)
def test_everything_not_in_the_table_is_refused_and_changes_nothing(request, written, start, action, actor):
    user = request.getfixturevalue(actor)
    set_status(written, start)
    with pytest.raises(workflow.WorkflowError):
        workflow.perform(user, written, action, comment="理由")
    written.refresh_from_db()
    assert written.status == start
    assert not ReportEvent.objects.filter(report=written).exclude(action="save").exists()


@pytest.mark.parametrize("action", ["return", "district_return", "reopen"])
def test_sending_back_needs_a_reason(request, written, leader, district_officer, action):
    step = workflow.TRANSITIONS[action]
    set_status(written, step.sources[0])
    user = leader if Membership.Role.LEADER in step.roles else district_officer
    with pytest.raises(workflow.WorkflowError, match="需要填写理由"):
        workflow.perform(user, written, action, comment="  ")


def test_who_submitted_a_version_cannot_approve_it(written, leader, second_leader):
    submit(leader, written)
    with pytest.raises(workflow.NotAllowed, match="不能审核通过同一版本"):
        workflow.perform(leader, written, "approve")
    workflow.perform(second_leader, written, "approve")
    written.refresh_from_db()
    assert written.status == S.APPROVED


def test_submit_and_approve_store_snapshots_of_the_whole_report(written, staff, leader):
    submit(staff, written)
    approval = workflow.perform(leader, written, "approve")
    assert written.snapshots.count() == 2
    parts = approval.snapshot.content["parts"]
    assert parts[1]["title"] == "一、主要举措"
    assert "（一）第1条。正文1。" in parts[1]["text"]


def test_an_approved_report_cannot_be_saved_by_any_path(written, staff, leader):
    base = written.version
    submit(staff, written)
    with pytest.raises(actions.EditConflict):
        actions.add_item(written, staff, written.sections.first())
    workflow.perform(leader, written, "approve")
    header = {
        "title": "x", "document_number": "", "addressee": "", "preamble": "",
        "signing_date": None, "issuing_organs": [], "signing_organs": [],
    }  # fmt: skip
    with pytest.raises(actions.EditConflict):
        actions.save_report_content(written, staff, base_version=base, header=header, sections={}, items={})
    with pytest.raises(actions.EditConflict):
        actions.save_report_content(
            written, staff, base_version=written.version, header=header, sections={}, items={}
        )


def test_a_stale_second_approval_is_refused_with_a_clear_message(written, staff, leader, second_leader):
    submit(staff, written)
    stale = Report.objects.get(pk=written.pk)  # the second leader's page, loaded before
    workflow.perform(leader, written, "approve")
    with pytest.raises(workflow.StateConflict, match="已审核"):
        workflow.perform(second_leader, stale, "approve")
    assert ReportEvent.objects.filter(report=written, action="approve").count() == 1


def test_transitions_notify_in_the_app_and_by_email_after_commit(
    written, staff, leader, mailoutbox, django_capture_on_commit_callbacks
):
    leader.email = "leader@example.com"
    leader.save()
    with django_capture_on_commit_callbacks(execute=True):
        submit(staff, written)
    notice = Notice.objects.get(user=leader)
    assert "提交审核" in notice.message
    assert not Notice.objects.filter(user=staff).exists()
    assert not mailoutbox  # the mail is a background job (reports/mail.py)
    assert queued_tasks() == ["reports.mail.send_mails"]
    run_queued_jobs()
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["leader@example.com"]
    assert f"/reports/{written.pk}/" in mailoutbox[0].body


def test_no_email_leaves_when_the_transaction_rolls_back(written, staff, leader, mailoutbox, monkeypatch):
    leader.email = "leader@example.com"
    leader.save()
    real_notify = workflow.notify

    def notify_then_fail(*args, **kwargs):  # the notices and the e-mail queued, then the failure
        real_notify(*args, **kwargs)
        raise RuntimeError("boom")

    monkeypatch.setattr(workflow, "notify", notify_then_fail)
    with pytest.raises(RuntimeError):
        submit(staff, written)
    written.refresh_from_db()
    assert written.status == S.DRAFT
    assert not Notice.objects.exists() and not mailoutbox and not queued_tasks()
    assert not ReportEvent.objects.filter(action="submit").exists()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks are PostgreSQL's; SQLite serialises writers"
)
@pytest.mark.django_db(transaction=True)
def test_two_leaders_approving_at_once_give_one_approval(unit, staff, leader, second_leader):
    report = Report.objects.create(unit=unit, year=2025)
    add_section(report, items=1)
    submit(staff, report)
    barrier = threading.Barrier(2)
    outcomes = []

    def approve(user):
        from django.db import connection as thread_connection

        barrier.wait()
        try:
            workflow.perform(user, Report.objects.get(pk=report.pk), "approve")
            outcomes.append("approved")
        except workflow.StateConflict:
            outcomes.append("refused")
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=approve, args=(user,)) for user in (leader, second_leader)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["approved", "refused"]
    assert ReportEvent.objects.filter(report=report, action="approve").count() == 1
    assert Report.objects.get(pk=report.pk).status == S.APPROVED


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks are PostgreSQL's; SQLite serialises writers"
)
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("attempt", range(3))
def test_a_save_racing_a_submission_lands_before_it_or_is_refused(unit, staff, leader, attempt):
    report = Report.objects.create(unit=unit, year=2025)
    add_section(report, items=1)
    make_submittable(report)
    barrier = threading.Barrier(2)
    outcomes = {}

    def run(name, operation):
        from django.db import connection as thread_connection

        barrier.wait()
        try:
            operation()
            outcomes[name] = "done"
        except actions.EditConflict:
            outcomes[name] = "refused"
        finally:
            thread_connection.close()

    def save():
        actions.bump_version(Report.objects.get(pk=report.pk), leader, preamble="抢先保存的导语")

    save = threading.Thread(target=run, args=("save", save))
    submit = threading.Thread(
        target=run,
        args=(
            "submit",
            lambda: workflow.perform(staff, Report.objects.get(pk=report.pk), "submit", confirmed=True),
        ),
    )
    for thread in (save, submit):
        thread.start()
    for thread in (save, submit):
        thread.join()

    assert outcomes["submit"] == "done"
    submitted_text = report.snapshots.get().content["parts"][0]["text"]
    report.refresh_from_db()
    if outcomes["save"] == "done":  # the save came first: the submitted version includes it
        assert report.preamble == "抢先保存的导语" and "抢先保存的导语" in submitted_text
    else:  # the submission came first: the save changed nothing
        assert report.preamble == "" and "抢先保存的导语" not in submitted_text


def test_a_return_reason_with_line_breaks_is_mailed_with_a_one_line_subject(
    written, staff, leader, mailoutbox, django_capture_on_commit_callbacks
):
    """Issue 14: a line break in the subject raised BadHeaderError in the mail job, and the mail was lost."""
    staff.email = "staff@example.com"
    staff.save()
    submit(staff, written)
    reason = "请修改：\n1. 第二部分缺少数据；\r\n2. 落款日期有误。\u2028另：附件请补充。"
    with django_capture_on_commit_callbacks(execute=True):
        workflow.perform(leader, written, "return", reason)
    run_queued_jobs()
    assert [m.to for m in mailoutbox] == [["staff@example.com"]]
    subject = mailoutbox[0].subject
    assert mailoutbox[0].message()["Subject"]  # the header BadHeaderError came from, built
    assert "\n" not in subject and "\r" not in subject and "\u2028" not in subject
    assert (
        subject.startswith("【法治年报】")
        and "请修改： 1. 第二部分缺少数据； 2. 落款日期有误。 另" in subject
    )
    assert reason in mailoutbox[0].body  # the body keeps the reason as written
