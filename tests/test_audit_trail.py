"""The audit trail: rows chain by hash, cannot be changed or removed through the app, and
``verify_audit`` finds a row edited or removed in the database behind the app's back."""

import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.test import RequestFactory

from reports import audit
from reports.models import AuditEntry
from tests.conftest import make_user


@pytest.fixture
def staff(db):
    """A user with no unit: the trail starts empty (granting a unit role is itself an audit row)."""
    return make_user("staff")


def record_three(staff):
    request = RequestFactory().get("/", REMOTE_ADDR="10.1.2.3")
    request.user = staff
    first = audit.record(AuditEntry.Action.LOGIN, request=request)
    second = audit.record(AuditEntry.Action.DOWNLOAD, request=request, obj=staff, detail="PDF")
    third = audit.record(AuditEntry.Action.LOGIN_FAILED, username="nobody", result=AuditEntry.Result.FAILURE)
    return first, second, third


def latest_hash():
    return AuditEntry.objects.order_by("-pk").values_list("hash", flat=True).first() or ""


def test_each_row_carries_the_hash_of_the_row_before_it(staff):
    before = latest_hash()  # the staff fixture's membership is a row already
    first, second, third = record_three(staff)
    assert first.previous_hash == before
    assert second.previous_hash == first.hash
    assert third.previous_hash == second.hash
    assert len({first.hash, second.hash, third.hash}) == 3


def test_a_row_names_who_from_where_what_and_the_result(staff):
    _, download, failed = record_three(staff)
    assert (download.user, download.username, download.address) == (staff, "staff", "10.1.2.3")
    assert (download.object_type, download.object_id) == ("auth.user", str(staff.pk))
    assert download.result == AuditEntry.Result.SUCCESS
    assert (failed.user, failed.username, failed.result) == (None, "nobody", AuditEntry.Result.FAILURE)


def test_the_first_row_chains_to_nothing(db):
    assert audit.record(AuditEntry.Action.LOGIN_FAILED, username="x").previous_hash == ""


def test_the_app_can_neither_change_nor_delete_a_row(staff):
    first, _, _ = record_three(staff)
    count = AuditEntry.objects.count()
    first.detail = "changed"
    with pytest.raises(PermissionError):
        first.save()
    with pytest.raises(PermissionError):
        first.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=first.pk).update(detail="changed")
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.count() == count


def test_verify_audit_passes_an_intact_chain(staff, capsys):
    record_three(staff)
    call_command("verify_audit")
    assert f"共{AuditEntry.objects.count()}条" in capsys.readouterr().out


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


def address_of(**meta):
    return audit.source_address(RequestFactory().get("/", **meta))


def test_the_address_is_the_clients_as_the_trusted_proxy_forwarded_it(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert address_of(REMOTE_ADDR="10.1.2.3") == "10.1.2.3"
    assert address_of(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.20.3.17") == "10.20.3.17"
    # what a client wrote itself stays left of what the proxy appended, and is not believed
    assert address_of(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 10.20.3.17") == "10.20.3.17"
    # a client that is not the proxy cannot claim another address
    assert address_of(REMOTE_ADDR="10.1.2.3", HTTP_X_FORWARDED_FOR="6.6.6.6") == "10.1.2.3"
    # garbage in the header leaves the proxy's own address
    assert address_of(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="not-an-address") == "127.0.0.1"
