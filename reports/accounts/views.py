"""The account pages: lockout page (django-axes' callable), own password, second factor, the keep-alive
of the editor, and the security administrator's pages (lockouts, password resets, roles)."""

from base64 import b32encode
from typing import Any, cast

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm
from django.contrib.auth.views import PasswordChangeView
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticToken

from reports.common.typing import User as UserType
from reports.models import Membership

from . import actions, lockouts, steps
from .forms import AdminRoleForm, EnrolForm, MembershipForm, TokenForm
from .roles import AdminRole, admin_roles

User = get_user_model()


def me(request: HttpRequest) -> UserType:
    """The logged-in user of a view behind login_required."""
    return cast(UserType, request.user)


def next_url(request: HttpRequest) -> str:
    """Where to go after a step: the next pending step, else the page asked for, else home."""
    pending = steps.pending(request)
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(wanted, {request.get_host()}, request.is_secure()):
        wanted = ""
    if pending:
        step_url = reverse(steps.URL_NAMES[steps.Step(pending[0])])
        return f"{step_url}?next={wanted}" if wanted else step_url
    return wanted or reverse("reports:home")


def locked_out(
    request: HttpRequest, response: Any = None, credentials: dict[str, Any] | None = None
) -> HttpResponse:
    """django-axes refused the login (AXES_LOCKOUT_CALLABLE): the login page again, saying until when."""
    username = str((credentials or {}).get("username") or request.POST.get("username", ""))
    lockout = lockouts.lockout_of(username)
    context = {
        "form": AuthenticationForm(request, initial={"username": username}),
        "next": request.POST.get("next", ""),
        "lockout_until": timezone.localtime(lockout.until) if lockout else None,
        "failure_limit": settings.AXES_FAILURE_LIMIT,
    }
    return render(request, "registration/login.html", context, status=429)


class PasswordChange(PasswordChangeView):
    template_name = "accounts/password_change.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        forced = steps.Step.PASSWORD in steps.pending(self.request)
        return super().get_context_data(**kwargs) | {"forced": forced}

    def form_valid(self, form: Any) -> HttpResponse:
        actions.change_own_password(self.request, form)
        messages.success(self.request, "密码已修改。")
        return HttpResponseRedirect(next_url(self.request))


@login_required
def security(request: HttpRequest) -> HttpResponse:
    """账号安全: the user's own password and second factor."""
    return render(
        request,
        "accounts/security.html",
        {
            "enrolled": user_has_device(me(request)),
            "required": steps.otp_required(me(request)),
            "recovery_left": StaticToken.objects.filter(device__user=me(request)).count(),
            "roles": admin_roles(me(request)),
        },
    )


def too_soon(wait: int) -> str:
    return f"连续输错后需要稍等：请{wait}秒后再输入（这次输入的没有核对）。"


@login_required
def otp_enrol(request: HttpRequest) -> HttpResponse:
    form = EnrolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if wait := actions.seconds_to_wait(me(request), enrolling=True):
            form.add_error("token", too_soon(wait))
        elif (
            codes := actions.confirm_totp_enrolment(request, me(request), form.cleaned_data["token"])
        ) is not None:
            # Shown once, in the answer to the POST: nothing stores or shows them again.
            return render(
                request, "accounts/recovery_codes.html", {"codes": codes, "next": next_url(request)}
            )
        else:
            form.add_error("token", "动态口令不对。请确认手机的时间准确，输入应用里当前显示的6位数字。")
    device = actions.start_totp_enrolment(me(request))
    context = {
        "form": form,
        "secret": b32encode(device.bin_key).decode(),
        "forced": steps.Step.OTP_ENROL in steps.pending(request),
        "next": request.GET.get("next", ""),
    }
    return render(request, "accounts/otp_enrol.html", context, status=400 if form.errors else 200)


@login_required
def otp_qr(request: HttpRequest) -> HttpResponse:
    """The QR code of the secret being enrolled, drawn here as SVG (no outside service sees the secret)."""
    device = actions.start_totp_enrolment(me(request))
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    return HttpResponse(image.to_string(), content_type="image/svg+xml")


@login_required
def otp_verify(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["token"]
        # The phone's six digits or a recovery code (8 letters and digits): the wait of the one typed
        recovery = not "".join(token.split()).isdigit()
        wait = actions.seconds_to_wait(me(request), recovery=recovery)
        if wait:
            form.add_error("token", too_soon(wait))
        elif actions.verify_second_factor(request, me(request), token):
            return HttpResponseRedirect(next_url(request))
        else:
            form.add_error("token", "动态口令或恢复码不对。多次输错后需等待的时间会逐次加长。")
    return render(
        request, "accounts/otp_verify.html", {"form": form, "next": request.GET.get("next", "")},
        status=400 if form.errors else 200,
    )  # fmt: skip


@require_POST
@login_required
def keep_alive(request: HttpRequest) -> JsonResponse:
    """The editor's 继续编辑: the request itself renews the session (SESSION_SAVE_EVERY_REQUEST)."""
    return JsonResponse({"idle_seconds": settings.SESSION_COOKIE_AGE})


# --- The security administrator ---------------------------------------------------------------------------


@login_required
@permission_required("reports.unlock_account", raise_exception=True)
def lockout_list(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        username = request.POST.get("username", "")
        actions.unlock(request, username)
        messages.success(request, f"已解除 {username} 的登录锁定。")
        return redirect("accounts:lockouts")
    return render(request, "accounts/lockouts.html", {"lockouts": lockouts.current_lockouts()})


@login_required
@permission_required("reports.reset_password", raise_exception=True)
def user_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    users = User.objects.order_by("username").prefetch_related("groups", "memberships__unit")
    if query:
        users = users.filter(Q(username__icontains=query) | Q(first_name__icontains=query))
    return render(request, "accounts/users.html", {"users": users[:200], "query": query})


def _managed_user(request: HttpRequest, pk: int) -> Any:
    """Another user the security administrator may manage: not themselves, not the superuser."""
    user = get_object_or_404(User, pk=pk)
    if user.pk == request.user.pk or user.is_superuser:
        raise PermissionDenied("不能在这里管理自己或超级用户的账号。")
    return user


@login_required
@permission_required("reports.reset_password", raise_exception=True)
def reset_password(request: HttpRequest, pk: int) -> HttpResponse:
    user = _managed_user(request, pk)
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.reset_password(request, form)
        messages.success(request, f"已重置 {user.get_username()} 的密码；该用户下次登录时须修改密码。")
        return redirect("accounts:users")
    return render(request, "accounts/reset_password.html", {"form": form, "managed": user},
                  status=400 if form.errors else 200)  # fmt: skip


@login_required
@permission_required("reports.grant_role", raise_exception=True)
def user_roles(request: HttpRequest, pk: int) -> HttpResponse:
    user = _managed_user(request, pk)
    role_form, membership_form = AdminRoleForm(), MembershipForm()
    if request.method == "POST":
        try:
            if "grant_role" in request.POST or "revoke_role" in request.POST:
                role_form = AdminRoleForm(request.POST)
                if role_form.is_valid():
                    role = AdminRole(role_form.cleaned_data["role"])
                    name = user.get_username()
                    if "grant_role" in request.POST:
                        actions.grant_admin_role(user, role)
                        messages.success(request, f"已授予 {name} {role.label}角色。")
                    elif role in admin_roles(user):
                        actions.revoke_admin_role(user, role)
                        messages.success(request, f"已撤销 {name} 的{role.label}角色。")
                    else:  # the button said nothing when the role was not held
                        messages.info(request, f"{name} 没有{role.label}角色，无需撤销。")
                    return redirect("accounts:user-roles", pk=user.pk)
            elif "grant_membership" in request.POST:
                membership_form = MembershipForm(request.POST)
                if membership_form.is_valid():
                    data = membership_form.cleaned_data
                    membership = actions.grant_membership(user, data["unit"].pk, data["role"])
                    messages.success(
                        request, f"已授予 {user.get_username()} {_membership_label(membership)}。"
                    )
                    return redirect("accounts:user-roles", pk=user.pk)
            elif "revoke_membership" in request.POST:
                membership = get_object_or_404(Membership, pk=request.POST["revoke_membership"], user=user)
                label = _membership_label(membership)
                actions.revoke_membership(membership)
                messages.success(request, f"已撤销 {user.get_username()} 的{label}。")
                return redirect("accounts:user-roles", pk=user.pk)
        except actions.RoleConflict as conflict:
            messages.error(request, str(conflict))
            return redirect("accounts:user-roles", pk=user.pk)
    context = {
        "managed": user,
        "roles": admin_roles(user),
        "memberships": user.memberships.select_related("unit"),
        "role_form": role_form,
        "membership_form": membership_form,
    }
    return render(request, "accounts/user_roles.html", context)


def _membership_label(membership: Membership) -> str:
    """ "城西街道 审核领导", as the roles page lists a membership."""
    return f"{membership.unit.short_name} {membership.get_role_display()}"
