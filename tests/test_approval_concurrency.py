"""Approval never blocks other users (issue 13): the frozen PDF renders before the approval's transaction.

The render is made slow and observable: ``frozen_pdf.render_pdf`` is replaced by one that says it has
started, then waits for the test's word before rendering. The approval runs in a thread (real threads,
transactional tests, each thread closing its connection), so the test acts while the render is under way.
These run on SQLite and on PostgreSQL.
"""

import threading
import time

import pytest
from django.core.files.storage import default_storage
from django.db import connection
from django.test import Client

from reports import actions, frozen_pdf, workflow
from reports.models import Membership, Report, ReportEvent, StoredPdf
from tests.conftest import make_user
from tests.editor_helpers import add_section, editor_data
from tests.workflow_helpers import submit

S = Report.Status
WAIT = 30  # s: the longest any step of these tests may take before it counts as hanging
EMPTY_HEADER = {
    "title": "", "document_number": "", "addressee": "", "preamble": "",
    "signing_date": None, "issuing_organs": [], "signing_organs": [],
}  # fmt: skip


class SlowRender:
    """Stands in for ``render_pdf`` in ``frozen_pdf``: reports each start, then waits for ``release``."""

    def __init__(self, monkeypatch, renders=1):
        self.real = frozen_pdf.render_pdf
        self.started = threading.Barrier(renders + 1)  # every render and the test
        self.go = threading.Semaphore(0)
        self.in_transaction = []  # per render: was a transaction open on its connection?
        monkeypatch.setattr(frozen_pdf, "render_pdf", self)

    def __call__(self, report, **options):
        self.in_transaction.append(connection.in_atomic_block)
        self.started.wait(WAIT)
        assert self.go.acquire(timeout=WAIT), "the test never released the render"
        return self.real(report, **options)

    def wait_until_rendering(self):
        self.started.wait(WAIT)

    def release(self, renders=1):
        """Let ``renders`` of the waiting renders go on."""
        self.go.release(renders)


def in_thread(function, *args):
    """Run ``function`` in a thread with its own connection; the thread's ``outcome`` is what it returned,
    or the WorkflowError it raised."""

    def run():
        try:
            thread.outcome = function(*args)
        except workflow.WorkflowError as error:
            thread.outcome = error
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.outcome = None
    thread.start()
    return thread


def stored_files(folder="reports"):
    """Every file in the default storage under ``folder``."""
    if not default_storage.exists(folder):
        return set()
    folders, files = default_storage.listdir(folder)
    found = {f"{folder}/{name}" for name in files}
    for name in folders:
        found |= stored_files(f"{folder}/{name}")
    return found


@pytest.fixture
def other_staff(other_unit):
    return make_user("other_staff", other_unit, Membership.Role.STAFF, first_name="周填报")


@pytest.fixture
def submitted(unit, staff):
    report = Report.objects.create(unit=unit, year=2025)
    add_section(report, items=2)
    submit(staff, report)
    return report


def approve_through_the_page(user, report):
    """The leader's button: the real view, as the browser posts it."""
    client = Client()
    client.force_login(user)
    return client.post(f"/reports/{report.pk}/act/approve/")


@pytest.mark.django_db(transaction=True)
def test_another_units_save_succeeds_at_once_while_an_approval_renders(
    monkeypatch, submitted, leader, other_unit, other_staff
):
    draft = Report.objects.create(unit=other_unit, year=2025)
    add_section(draft, items=2)
    editor = Client()
    editor.force_login(other_staff)
    data = editor_data(draft, **{"report-preamble": "审核期间保存的导语。"})
    render = SlowRender(monkeypatch)
    approval = in_thread(approve_through_the_page, leader, submitted)
    try:
        render.wait_until_rendering()

        start = time.perf_counter()
        response = editor.post(f"/reports/{draft.pk}/edit/", data)
        elapsed = time.perf_counter() - start

        assert response.status_code == 302, response.content.decode()[:500]
        assert elapsed < 0.5, f"the save waited {elapsed:.2f} s"
        assert approval.is_alive()  # the approval is still rendering
    finally:
        render.release()
        approval.join(WAIT)
    draft.refresh_from_db()
    assert draft.preamble == "审核期间保存的导语。"
    assert approval.outcome.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == S.APPROVED and StoredPdf.objects.filter(report=submitted).count() == 1
    # Through the view as through perform(): no transaction was open while the PDF rendered.
    assert render.in_transaction == [False]


@pytest.mark.django_db(transaction=True)
def test_two_leaders_approving_at_once_give_one_approval_one_refusal_and_one_stored_pdf(
    monkeypatch, submitted, leader, second_leader
):
    before = stored_files()
    render = SlowRender(monkeypatch, renders=2)
    first = in_thread(workflow.perform, leader, Report.objects.get(pk=submitted.pk), "approve")
    second = in_thread(workflow.perform, second_leader, Report.objects.get(pk=submitted.pk), "approve")
    render.wait_until_rendering()  # both passed the checks and render: neither has written anything yet
    # Their transactions one after the other: the tests' in-memory SQLite refuses a second writer at once
    # where a SQLite file waits for it (bench/concurrent_approvals.py measures that); on PostgreSQL the
    # row lock would order them anyway (test_workflow.py runs two approvals truly at once there).
    render.release()
    deadline = time.monotonic() + WAIT
    while first.is_alive() and second.is_alive() and time.monotonic() < deadline:
        time.sleep(0.01)
    render.release()
    first.join(WAIT)
    second.join(WAIT)

    outcomes = [first.outcome, second.outcome]
    refusals = [o for o in outcomes if isinstance(o, workflow.WorkflowError)]
    assert len(refusals) == 1 and isinstance(refusals[0], workflow.StateConflict)
    assert "报告当前状态为“已审核”，不能“审核通过”" in str(refusals[0])
    (approval,) = [o for o in outcomes if isinstance(o, ReportEvent)]
    assert ReportEvent.objects.filter(report=submitted, action="approve").count() == 1
    stored = StoredPdf.objects.get(report=submitted)
    assert stored.event == approval
    assert stored_files() - before == {stored.file.name}  # the refused approval's file is gone


@pytest.mark.django_db(transaction=True)
def test_a_change_to_the_report_during_the_render_refuses_the_approval_and_leaves_no_file(
    monkeypatch, submitted, staff, leader, second_leader
):
    before = stored_files()
    render = SlowRender(monkeypatch)
    approval = in_thread(workflow.perform, leader, Report.objects.get(pk=submitted.pk), "approve")
    try:
        render.wait_until_rendering()
        # Meanwhile: another leader sends it back, the staff member changes it and submits it again.
        workflow.perform(second_leader, submitted, "return", comment="第二条要补充数据")
        item = submitted.sections.first().items.first()
        actions.save_report_content(
            submitted,
            staff,
            base_version=submitted.version,
            header={**EMPTY_HEADER, "title": submitted.title},
            sections={},
            items={item.pk: {"body": "补充后的正文。"}},
        )
        submit(staff, submitted)
    finally:
        render.release()
        approval.join(WAIT)

    assert isinstance(approval.outcome, workflow.StateConflict)
    assert "报告在审核期间被修改" in str(approval.outcome) and "请刷新后重新审核" in str(approval.outcome)
    submitted.refresh_from_db()
    assert submitted.status == S.SUBMITTED
    assert not StoredPdf.objects.exists()
    assert not ReportEvent.objects.filter(action="approve").exists()
    assert stored_files() == before


def test_a_failing_transaction_removes_the_rendered_file(monkeypatch, submitted, leader):
    before = stored_files()
    real_notify = workflow.notify

    def notify_then_fail(*args, **kwargs):  # the last step of the transaction: the row is saved by now
        real_notify(*args, **kwargs)
        assert StoredPdf.objects.filter(report=submitted).exists()
        raise RuntimeError("database gone")

    monkeypatch.setattr(workflow, "notify", notify_then_fail)
    with pytest.raises(RuntimeError):
        workflow.perform(leader, submitted, "approve")
    submitted.refresh_from_db()
    assert submitted.status == S.SUBMITTED
    assert not StoredPdf.objects.exists()
    assert stored_files() == before


def test_a_refused_approval_renders_nothing(monkeypatch, submitted, staff):
    rendered = []
    monkeypatch.setattr(frozen_pdf, "render_pdf", lambda report, **options: rendered.append(report))
    with pytest.raises(workflow.NotAllowed):
        workflow.perform(staff, submitted, "approve")
    assert rendered == []
