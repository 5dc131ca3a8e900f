"""Passwords (等保2.0 身份鉴别: 口令复杂度, 定期更换): at least 8 characters of three of the four classes, not
like the username, not common nor a local word with digits; users change their own; a password someone
else set must be changed at the next login (load_demo's users: only outside DEBUG=1)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from reports.accounts.actions import mark_demo_user
from reports.models import AccountSecurity, AuditEntry
from tests.conftest import PASSWORD, make_user

GOOD = "Fz-nianbao#2025"


def refusals(password, user=None):
    with translation.override("zh-hans"):  # as in a request
        try:
            validate_password(password, user)
        except ValidationError as error:
            return " ".join(error.messages)
    return ""


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("qianjiang2025", "至少3类"),  # the probe's example: letters and digits only
        ("Ab1!xyz", "密码太短，至少要有8个字符"),
        ("abcdefgh12", "至少3类"),
        ("Qianjiang2025!", "地名、单位名或常见词"),
        ("Chengxi@123", "地名、单位名或常见词"),
        ("Password123!", "常见"),
    ],
)
def test_a_weak_password_is_refused_with_a_chinese_reason(db, password, reason):
    assert reason in refusals(password)


def test_qianjiang2025_is_refused(db):
    assert refusals("qianjiang2025")


def test_a_password_like_the_username_is_refused(db):
    user = make_user("zhangxiaoming")
    assert "太相似" in refusals("Zhangxiaoming1!", user)


def test_a_strong_password_passes(db):
    assert refusals(GOOD, make_user("zhangxiaoming")) == ""
    assert refusals("xiao-ming-2025") == ""  # lower-case, digits and symbols: three classes


def test_users_change_their_own_password_from_the_user_menu(client, staff):
    client.force_login(staff)
    assert reverse("accounts:security") in client.get("/").content.decode()
    assert reverse("accounts:password-change") in client.get(reverse("accounts:security")).content.decode()
    response = client.post(
        reverse("accounts:password-change"),
        {"old_password": PASSWORD, "new_password1": GOOD, "new_password2": GOOD},
    )
    assert response.status_code == 302
    staff.refresh_from_db()
    assert staff.check_password(GOOD)
    assert client.get("/").status_code == 200  # still logged in
    entry = AuditEntry.objects.get(action=AuditEntry.Action.PASSWORD_CHANGE)
    assert (entry.user, entry.object_id) == (staff, str(staff.pk))


def test_a_weak_new_password_is_refused_in_chinese_and_nothing_changes(client, staff):
    client.force_login(staff)
    response = client.post(
        reverse("accounts:password-change"),
        {"old_password": PASSWORD, "new_password1": "qianjiang2025", "new_password2": "qianjiang2025"},
    )
    assert response.status_code == 200
    assert "至少3类" in response.content.decode()
    staff.refresh_from_db()
    assert staff.check_password(PASSWORD)
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.PASSWORD_CHANGE).exists()


def log_in(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_a_password_reset_by_the_security_administrator_must_be_changed_at_the_next_login(
    client, staff, security_admin
):
    admin = Client()
    admin.force_login(security_admin)
    temporary = "Temp-pass-2025"
    response = admin.post(
        reverse("accounts:reset-password", args=[staff.pk]),
        {"new_password1": temporary, "new_password2": temporary},
    )
    assert response.status_code == 302
    reset = AuditEntry.objects.get(action=AuditEntry.Action.PASSWORD_RESET)
    assert (reset.user, reset.object_id) == (security_admin, str(staff.pk))

    log_in(client, "staff", temporary)
    change = reverse("accounts:password-change")
    response = client.get("/")
    assert response.status_code == 302 and response.url.startswith(change)
    assert client.get(reverse("reports:notices")).url.startswith(change)
    assert "初始密码或重置密码" in client.get(change).content.decode()
    client.post(change, {"old_password": temporary, "new_password1": GOOD, "new_password2": GOOD})
    assert client.get("/").status_code == 200
    assert not AccountSecurity.objects.get(user=staff).must_change_password


def test_a_user_added_in_the_admin_must_change_the_initial_password(client, system_admin):
    client.force_login(system_admin)
    response = client.post(
        "/admin/auth/user/add/",
        {"username": "newcomer", "password1": GOOD, "password2": GOOD, "usable_password": "true"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    newcomer = get_user_model().objects.get(username="newcomer")
    assert AccountSecurity.objects.get(user=newcomer).must_change_password


def test_a_password_set_in_the_admin_by_the_superuser_must_be_changed_and_is_recorded(client, staff):
    client.force_login(make_user("root", is_superuser=True, is_staff=True))
    response = client.post(
        f"/admin/auth/user/{staff.pk}/password/",
        {"password1": GOOD, "password2": GOOD, "usable_password": "true"},
    )
    assert response.status_code == 302
    assert AccountSecurity.objects.get(user=staff).must_change_password
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.PASSWORD_RESET, object_id=str(staff.pk)
    ).exists()


@pytest.mark.parametrize(("debug", "forced"), [(True, False), (False, True)])
def test_the_demo_users_skip_the_forced_change_under_debug_only(client, db, settings, debug, forced):
    mark_demo_user(make_user("chengxi_staff"))
    settings.DEBUG = debug
    log_in(client, "chengxi_staff", PASSWORD)
    response = client.get("/")
    assert (response.status_code == 302 and reverse("accounts:password-change") in response.url) == forced
