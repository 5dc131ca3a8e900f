"""What a login still has to do after the password, kept in the session so that a page costs no query
to check it: verify the second factor, change a password someone else set, enrol a second factor the
user's role requires. Also the time of the login, for the absolute session limit."""

from django.conf import settings
from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django_otp import user_has_device

from reports.common.typing import RequestUser, User
from reports.models import AccountSecurity

from .roles import all_roles

LOGIN_AT = "login_at"  # the password login, in seconds since the epoch
PENDING = "pending_steps"


class Step(models.TextChoices):
    OTP_VERIFY = "otp_verify", "输入动态口令"
    PASSWORD = "password", "修改初始密码"
    OTP_ENROL = "otp_enrol", "绑定动态口令"


URL_NAMES = {
    Step.OTP_VERIFY: "accounts:otp-verify",
    Step.PASSWORD: "accounts:password-change",
    Step.OTP_ENROL: "accounts:otp-enrol",
}


def demo_exempt(user: User) -> bool:
    """load_demo's users skip the second factor and the forced change, under DEBUG=1 only."""
    return settings.DEBUG and AccountSecurity.objects.filter(user=user, is_demo=True).exists()


def otp_required(user: RequestUser) -> bool:
    return bool(all_roles(user) & set(settings.OTP_REQUIRED_ROLES))


def must_change_password(user: User) -> bool:
    return AccountSecurity.objects.filter(user=user, must_change_password=True).exists()


def steps_after_password(user: User) -> list[str]:
    if demo_exempt(user):
        return []
    enrolled = user_has_device(user)
    steps = []
    if enrolled:
        steps.append(Step.OTP_VERIFY)
    if must_change_password(user):
        steps.append(Step.PASSWORD)
    if not enrolled and otp_required(user):
        steps.append(Step.OTP_ENROL)
    return [str(step) for step in steps]


def start(request: HttpRequest, user: User) -> None:
    request.session[LOGIN_AT] = timezone.now().timestamp()
    request.session[PENDING] = steps_after_password(user)


def pending(request: HttpRequest) -> list[str]:
    return list(request.session.get(PENDING, []))


def complete(request: HttpRequest, step: str) -> None:
    request.session[PENDING] = [s for s in pending(request) if s != step]


def seconds_since_login(request: HttpRequest) -> float | None:
    login_at = request.session.get(LOGIN_AT)
    return None if login_at is None else timezone.now().timestamp() - login_at
