"""Separation of duties, set per district (on by default): a leader who changed the content of the version
under review cannot approve it; and every transition writes its audit row in its own transaction."""

import pytest
from django.urls import reverse

from reports import actions, workflow
from reports.models import AuditEntry, Report, Unit
from tests.editor_helpers import editor_data
from tests.workflow_helpers import make_submittable, submit


def test_a_leader_who_edited_the_version_cannot_approve_it(client, written, staff, leader):
    client.force_login(leader)
    saved = client.post(
        reverse("reports:edit", args=[written.pk]),
        editor_data(written, **{"report-preamble": "领导改写的导语"}),
    )
    assert saved.status_code == 302
    submit(staff, written)
    with pytest.raises(workflow.NotAllowed, match="您修改过这一版本的内容，不能再审核通过同一版本"):
        workflow.perform(leader, written, "approve")
    written.refresh_from_db()
    assert written.status == Report.Status.SUBMITTED


def test_the_refusal_is_a_403_with_the_chinese_reason_and_an_audit_row(client, written, staff, leader):
    actions.bump_version(written, leader)  # the indicator sheet and every editor button save through this
    submit(staff, written)
    client.force_login(leader)
    response = client.post(reverse("reports:act", args=[written.pk, "approve"]))
    assert response.status_code == 403
    row = AuditEntry.objects.filter(action=AuditEntry.Action.REFUSED).get()
    assert "修改与审核分离" in row.detail and row.object_id == str(written.pk)
    assert not AuditEntry.objects.filter(
        action=AuditEntry.Action.WORKFLOW, detail__startswith="审核通过"
    ).exists()


def test_another_leader_who_did_not_edit_may_approve(written, staff, leader, second_leader):
    actions.bump_version(written, leader)
    submit(staff, written)
    workflow.perform(second_leader, written, "approve")
    written.refresh_from_db()
    assert written.status == Report.Status.APPROVED


def test_with_the_districts_setting_off_the_editing_leader_may_approve(written, staff, leader, district):
    Unit.objects.filter(pk=district.pk).update(separate_editing_from_approval=False)
    actions.bump_version(written, leader)
    submit(staff, written)
    workflow.perform(leader, written, "approve")
    written.refresh_from_db()
    assert written.status == Report.Status.APPROVED


def test_the_setting_is_the_districts_not_the_units(written, staff, leader, unit):
    """Only the district's value counts: a unit's own flag is not read."""
    Unit.objects.filter(pk=unit.pk).update(separate_editing_from_approval=False)
    actions.bump_version(written, leader)
    submit(staff, written)
    with pytest.raises(workflow.NotAllowed):
        workflow.perform(leader, written, "approve")


def test_edits_before_the_report_last_came_back_are_another_versions(written, staff, leader, second_leader):
    actions.bump_version(written, leader)
    submit(staff, written)
    workflow.perform(second_leader, written, "return", comment="请补充数据")
    actions.bump_version(written, staff)
    submit(staff, written)
    workflow.perform(leader, written, "approve")  # this version is the staff member's
    written.refresh_from_db()
    assert written.status == Report.Status.APPROVED


def test_the_submitter_still_cannot_approve_with_the_setting_off(written, leader, district):
    Unit.objects.filter(pk=district.pk).update(separate_editing_from_approval=False)
    submit(leader, written)
    with pytest.raises(workflow.NotAllowed, match="提交这一版本的人"):
        workflow.perform(leader, written, "approve")


def test_each_transition_writes_a_workflow_audit_row_with_the_report(client, written, staff, leader):
    make_submittable(written)
    client.force_login(staff)
    client.post(
        reverse("reports:act", args=[written.pk, "submit"]), {"confirmed": "1"}, REMOTE_ADDR="10.0.0.5"
    )
    client.force_login(leader)
    client.post(reverse("reports:act", args=[written.pk, "return"]), {"comment": "请补充数据"})
    submit, returned = AuditEntry.objects.filter(action=AuditEntry.Action.WORKFLOW).order_by("pk")
    assert (submit.user, submit.address, submit.object_type, submit.object_id) == (
        staff,
        "10.0.0.5",
        "reports.report",
        str(written.pk),
    )
    assert submit.detail == "提交审核：草稿 → 待审核"
    assert returned.user == leader and returned.detail == "退回修改：待审核 → 已退回；理由：请补充数据"


def test_a_transition_that_fails_leaves_no_workflow_row(written, staff, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("notices failed")

    monkeypatch.setattr(workflow, "notify", fail)
    with pytest.raises(RuntimeError):
        submit(staff, written)
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.WORKFLOW).exists()
    written.refresh_from_db()
    assert written.status == Report.Status.DRAFT
