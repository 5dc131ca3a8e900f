"""Login failures (等保2.0 身份鉴别: 登录失败处理): django-axes counts them per account; after the limit the
account is refused for the lockout time, even with the right password, with a Chinese page saying until
when; colleagues on the same address are not affected; every step is in the audit trail; the security
administrator can lift a lockout."""

import datetime

from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import F
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from config import settings as production
from reports.models import AuditEntry
from tests.conftest import PASSWORD, make_user

OFFICE_ADDRESS = "10.20.30.40"  # one NAT address for a whole office


def attempt(client, username, password, address=OFFICE_ADDRESS):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def logged_in(client):
    return "_auth_user_id" in client.session


def test_the_limits_are_five_failures_and_fifteen_minutes_by_default():
    assert production.AXES_FAILURE_LIMIT == 5
    assert production.AXES_COOLOFF_TIME == datetime.timedelta(minutes=15)
    assert production.AXES_LOCKOUT_PARAMETERS == ["username"]


def test_ten_wrong_passwords_then_the_right_one_do_not_log_the_user_in(client, staff):
    for _ in range(10):
        attempt(client, "staff", "wrong-password")
    response = attempt(client, "staff", PASSWORD)
    assert response.status_code == 429
    assert not logged_in(client)


def test_four_failures_still_let_the_right_password_in(client, staff):
    for _ in range(4):
        assert attempt(client, "staff", "wrong-password").status_code == 200
    assert attempt(client, "staff", PASSWORD).status_code == 302
    assert logged_in(client)


def test_the_lockout_page_says_in_chinese_until_when_and_keeps_the_login_form(client, staff):
    for _ in range(4):
        attempt(client, "staff", "wrong-password")
    response = attempt(client, "staff", "wrong-password")
    assert response.status_code == 429
    last_failure = AccessAttempt.objects.get(username="staff").attempt_time
    until = timezone.localtime(last_failure + settings.AXES_COOLOFF_TIME)
    text = response.content.decode()
    assert f"该账号连续5次登录失败，已暂时锁定。请于{until:%H:%M}后再试" in text
    assert 'name="username"' in text and 'value="staff"' in text  # the login page's own look and form


def test_the_failure_limit_and_the_lockout_time_are_settings(client, staff, settings):
    settings.AXES_FAILURE_LIMIT = 2
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=1)
    attempt(client, "staff", "wrong-password")
    assert attempt(client, "staff", "wrong-password").status_code == 429
    assert attempt(client, "staff", PASSWORD).status_code == 429
    # Two minutes later the lockout has run out.
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - datetime.timedelta(minutes=2))
    assert attempt(client, "staff", PASSWORD).status_code == 302


def test_another_user_on_the_same_address_is_not_locked_out(client, staff, leader):
    for _ in range(6):
        attempt(client, "staff", "wrong-password")
    colleague = Client()
    assert attempt(colleague, "leader", PASSWORD).status_code == 302
    assert logged_in(colleague)


def test_the_lockout_follows_the_account_to_another_address(client, staff):
    for number in range(5):
        attempt(client, "staff", "wrong-password", address=f"10.0.0.{number}")
    assert attempt(Client(), "staff", PASSWORD, address="10.9.9.9").status_code == 429


def test_failures_the_lockout_and_refused_attempts_are_in_the_audit_trail(client, staff):
    for _ in range(6):
        attempt(client, "staff", "wrong-password")
    rows = list(AuditEntry.objects.filter(username="staff").order_by("pk").values_list("action", "detail"))
    failed = [detail for action, detail in rows if action == AuditEntry.Action.LOGIN_FAILED]
    assert failed[:5] == ["用户名或密码错误"] * 5
    assert failed[5] == "账号已锁定，未验证密码"
    lockouts = [detail for action, detail in rows if action == AuditEntry.Action.LOCKOUT]
    assert len(lockouts) == 1 and lockouts[0].startswith("连续5次登录失败，锁定至")
    entry = AuditEntry.objects.filter(action=AuditEntry.Action.LOCKOUT).get()
    assert (entry.address, entry.result) == (OFFICE_ADDRESS, AuditEntry.Result.FAILURE)


def test_login_and_logout_are_in_the_audit_trail(client, staff):
    attempt(client, "staff", PASSWORD)
    client.post(reverse("logout"))
    login, logout = AuditEntry.objects.order_by("pk").filter(user=staff)
    assert (login.action, login.address, login.detail) == (AuditEntry.Action.LOGIN, OFFICE_ADDRESS, "")
    assert logout.action == AuditEntry.Action.LOGOUT


def test_a_superuser_login_is_marked_in_the_audit_trail(client, db):
    make_user("root", is_superuser=True, is_staff=True)
    attempt(client, "root", PASSWORD)
    assert AuditEntry.objects.get(action=AuditEntry.Action.LOGIN).detail == "superuser"


def test_the_security_administrator_lists_and_lifts_a_lockout(client, staff, security_admin):
    for _ in range(5):
        attempt(client, "staff", "wrong-password")
    admin = Client()
    admin.force_login(security_admin)
    page = admin.get(reverse("accounts:lockouts")).content.decode()
    assert "<td>staff</td>" in page and "解除锁定" in page
    response = admin.post(reverse("accounts:lockouts"), {"username": "staff"})
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="staff").exists()
    unlock = AuditEntry.objects.get(action=AuditEntry.Action.UNLOCK)
    assert (unlock.user, unlock.detail) == (security_admin, "解除 staff 的登录锁定")
    assert attempt(client, "staff", PASSWORD).status_code == 302
