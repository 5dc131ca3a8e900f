"""The audit trail: rows chain by hash, cannot be changed or removed through the app, and
``verify_audit`` finds a row edited or removed in the database behind the app's back."""

import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.test import RequestFactory

from reports import audit
from reports.models import AuditEntry


def record_three(staff):
    request = RequestFactory().get("/", REMOTE_ADDR="10.1.2.3")
    request.user = staff
    first = audit.record(AuditEntry.Action.LOGIN, request=request)
    second = audit.record(AuditEntry.Action.DOWNLOAD, request=request, obj=staff, detail="PDF")
    third = audit.record(AuditEntry.Action.LOGIN_FAILED, username="nobody", result=AuditEntry.Result.FAILURE)
    return first, second, third


def test_each_row_carries_the_hash_of_the_row_before_it(staff):
    first, second, third = record_three(staff)
    assert first.previous_hash == ""
    assert second.previous_hash == first.hash
    assert third.previous_hash == second.hash
    assert len({first.hash, second.hash, third.hash}) == 3


def test_a_row_names_who_from_where_what_and_the_result(staff):
    _, download, failed = record_three(staff)
    assert (download.user, download.username, download.address) == (staff, "staff", "10.1.2.3")
    assert (download.object_type, download.object_id) == ("auth.user", str(staff.pk))
    assert download.result == AuditEntry.Result.SUCCESS
    assert (failed.user, failed.username, failed.result) == (None, "nobody", AuditEntry.Result.FAILURE)


def test_the_app_can_neither_change_nor_delete_a_row(staff):
    first, _, _ = record_three(staff)
    first.detail = "changed"
    with pytest.raises(PermissionError):
        first.save()
    with pytest.raises(PermissionError):
        first.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=first.pk).update(detail="changed")
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.count() == 3


def test_verify_audit_passes_an_intact_chain(staff, capsys):
    record_three(staff)
    call_command("verify_audit")
    assert "共3条" in capsys.readouterr().out


def test_verify_audit_finds_a_row_edited_in_the_database(staff):
    _, second, _ = record_three(staff)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE reports_auditentry SET detail = 'DOCX' WHERE id = %s", [second.pk])
    broken = list(audit.broken_links())
    assert [link.entry_id for link in broken] == [second.pk]
    with pytest.raises(CommandError, match="1处"):
        call_command("verify_audit")


def test_verify_audit_finds_a_row_removed_from_the_database(staff):
    _, second, third = record_three(staff)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM reports_auditentry WHERE id = %s", [second.pk])
    assert [link.entry_id for link in audit.broken_links()] == [third.pk]


@pytest.mark.django_db(transaction=True)
def test_rows_recorded_at_once_from_many_connections_form_one_line():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers with its own lock; the advisory lock is PostgreSQL's")

    def record_some():
        try:
            for _ in range(10):
                audit.record(AuditEntry.Action.LOGIN_FAILED, username="x", result=AuditEntry.Result.FAILURE)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=record_some) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert AuditEntry.objects.count() == 40
    assert list(audit.broken_links()) == []
