"""The second factor (等保2.0 身份鉴别: 两种或两种以上组合的鉴别技术): TOTP required for the district office and
the administrator roles, optional for unit users, with ten recovery codes shown once, each good once;
load_demo's users skip it under DEBUG=1 only. The tests run with the production list of roles (the test
settings leave it empty for the other tests' logins)."""

import time

import pytest
from django.core.checks import run_checks
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from config import settings as production
from reports.accounts.actions import mark_demo_user
from reports.accounts.roles import AdminRole
from reports.models import AuditEntry, Membership
from tests.conftest import PASSWORD, make_admin, make_user

ENROL, VERIFY = reverse("accounts:otp-enrol"), reverse("accounts:otp-verify")


@pytest.fixture(autouse=True)
def production_roles(settings):
    settings.OTP_REQUIRED_ROLES = production.OTP_REQUIRED_ROLES


def code_of(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():0{device.digits}d}"


def log_in(client, username):
    response = client.post(reverse("login"), {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client.get("/")


def test_required_for_the_district_office_and_the_administrators_by_default():
    assert set(production.OTP_REQUIRED_ROLES) == {
        Membership.Role.DISTRICT_OFFICE, *AdminRole, "superuser"
    }  # fmt: skip


def test_the_district_office_must_enrol_before_any_page(client, district_officer):
    response = log_in(client, "district")
    assert response.status_code == 302 and response.url.startswith(ENROL)
    assert client.get(reverse("district:home")).url.startswith(ENROL)
    assert "您的角色要求登录时使用动态口令" in client.get(ENROL).content.decode()


@pytest.mark.parametrize("role", list(AdminRole))
def test_each_administrator_must_enrol_before_any_page(client, db, role):
    make_admin("someone", role)
    response = log_in(client, "someone")
    assert response.status_code == 302 and response.url.startswith(ENROL)


def test_the_superuser_must_enrol_before_the_admin(client, db):
    make_user("root", is_superuser=True, is_staff=True)
    log_in(client, "root")
    assert client.get("/admin/").url.startswith(ENROL)


def test_optional_for_unit_staff(client, staff, leader):
    assert log_in(client, "staff").status_code == 200
    assert "尚未绑定" in client.get(reverse("accounts:security")).content.decode()
    assert log_in(Client(), "leader").status_code == 200


def test_enrolment_shows_ten_recovery_codes_once_and_is_audited(client, staff):
    client.force_login(staff)
    page = client.get(ENROL).content.decode()
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    assert device.config_url.split("secret=")[1].split("&")[0] in page  # the key, for typing by hand
    response = client.post(ENROL, {"token": code_of(device)})
    assert response.status_code == 200
    codes = list(StaticToken.objects.filter(device__user=staff).values_list("token", flat=True))
    assert len(codes) == 10 and all(code in response.content.decode() for code in codes)
    assert TOTPDevice.objects.get(user=staff).confirmed
    entry = AuditEntry.objects.get(action=AuditEntry.Action.OTP_ENROL)
    assert (entry.user, entry.object_id) == (staff, str(staff.pk))
    assert not any(code in client.get(reverse("accounts:security")).content.decode() for code in codes)
    assert "剩余恢复码：10个" in client.get(reverse("accounts:security")).content.decode()


def test_a_wrong_code_at_enrolment_is_refused_in_chinese(client, staff):
    client.force_login(staff)
    client.get(ENROL)
    response = client.post(
        ENROL, {"token": "000000" if code_of(TOTPDevice.objects.get()) != "000000" else "111111"}
    )
    assert response.status_code == 400 and "动态口令不对" in response.content.decode()
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.OTP_ENROL).exists()


def test_the_qr_code_is_an_svg_drawn_here(client, staff):
    client.force_login(staff)
    response = client.get(reverse("accounts:otp-qr"))
    assert response["Content-Type"] == "image/svg+xml"
    svg = response.content.decode()
    assert "<svg" in svg and "<path" in svg and "href" not in svg  # nothing fetched from anywhere
    assert reverse("accounts:otp-qr") in client.get(ENROL).content.decode()


def enrolled(user):
    device = TOTPDevice.objects.create(user=user, name="手机", confirmed=True)
    recovery = StaticDevice.objects.create(user=user, name="恢复码", confirmed=True)
    recovery.token_set.create(token="abcd2345")
    return device


def test_an_enrolled_user_enters_the_code_after_the_password(client, staff, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # a wrong code then the right one at once
    device = enrolled(staff)
    response = log_in(client, "staff")
    assert response.status_code == 302 and response.url.startswith(VERIFY)
    refused = client.post(VERIFY, {"token": "12345678"})
    assert refused.status_code == 400 and "动态口令或恢复码不对" in refused.content.decode()
    assert client.post(VERIFY, {"token": code_of(device)}).status_code == 302
    assert client.get("/").status_code == 200
    failed = AuditEntry.objects.get(action=AuditEntry.Action.LOGIN_FAILED)
    assert (failed.user, failed.detail) == (staff, "动态口令错误")
    assert AuditEntry.objects.filter(action=AuditEntry.Action.LOGIN, detail="动态口令验证通过").exists()


def test_a_recovery_code_works_once(client, staff):
    enrolled(staff)
    log_in(client, "staff")
    assert client.post(VERIFY, {"token": "ABCD 2345"}).status_code == 302
    assert client.get("/").status_code == 200
    client.post(reverse("logout"))
    log_in(client, "staff")
    assert client.post(VERIFY, {"token": "abcd2345"}).status_code == 400
    assert client.get("/").url.startswith(VERIFY)


def test_an_unverified_session_reaches_nothing_but_the_code_page_and_logout(client, staff, report):
    enrolled(staff)
    log_in(client, "staff")
    for url in (reverse("reports:detail", args=[report.pk]), reverse("accounts:password-change"), ENROL):
        assert client.get(url).url.startswith(VERIFY), url
    assert client.post(reverse("logout")).status_code == 302


def test_the_browsers_icon_request_is_not_sent_to_the_step_page(client, district_officer):
    # Every page a browser loads asks for /favicon.ico: it was redirected to the enrolment page, rendered
    # again (a new enrolment looked up) with next=/favicon.ico.
    log_in(client, "district")
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and ENROL not in response.url


@pytest.mark.parametrize(("debug", "asked"), [(True, False), (False, True)])
def test_the_demo_users_skip_the_second_factor_under_debug_only(
    client, district_officer, settings, debug, asked
):
    mark_demo_user(district_officer)
    settings.DEBUG = debug
    response = log_in(client, "district")
    assert (response.status_code == 302) == asked


def test_a_role_name_misspelt_in_the_setting_stops_the_start(settings):
    settings.OTP_REQUIRED_ROLES = ["district_ofice", "system_admin"]
    errors = [message for message in run_checks() if message.id == "reports.E002"]
    assert len(errors) == 1 and "district_ofice" in errors[0].msg
    settings.OTP_REQUIRED_ROLES = production.OTP_REQUIRED_ROLES
    assert "reports.E002" not in [message.id for message in run_checks()]


def test_the_right_code_typed_during_the_wait_after_wrong_ones_is_told_to_wait_not_that_it_is_wrong(
    client, staff
):
    # django-otp refuses any code for 1, 2, 4… seconds after wrong ones: the right code typed at once
    # was answered "动态口令不对", and the user, told to check the phone's clock, typed it again.
    client.force_login(staff)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    wrong = "000000" if code_of(device) != "000000" else "111111"
    for _ in range(3):
        client.post(ENROL, {"token": wrong})
    response = client.post(ENROL, {"token": code_of(device)})
    content = response.content.decode()
    assert response.status_code == 400 and "动态口令不对" not in content
    assert "连续输错后需要稍等：请" in content and "秒后再输入" in content
    device.refresh_from_db()
    device.throttling_failure_timestamp = None  # the wait is over
    device.save()
    assert client.post(ENROL, {"token": code_of(device)}).status_code == 200  # the recovery codes
    assert TOTPDevice.objects.get(user=staff).confirmed


def test_at_login_the_wait_is_named_for_the_phones_code_and_for_a_recovery_code(client, staff):
    device = enrolled(staff)
    log_in(client, "staff")
    client.post(VERIFY, {"token": "000000" if code_of(device) != "000000" else "111111"})
    waiting = client.post(VERIFY, {"token": code_of(device)}).content.decode()
    assert "连续输错后需要稍等" in waiting and "动态口令或恢复码不对" not in waiting
    waiting = client.post(VERIFY, {"token": "abcd2345"}).content.decode()  # tried too by the wrong one
    assert "连续输错后需要稍等" in waiting
    TOTPDevice.objects.update(throttling_failure_timestamp=None)
    StaticDevice.objects.update(throttling_failure_timestamp=None)
    assert client.post(VERIFY, {"token": "abcd2345"}).status_code == 302
