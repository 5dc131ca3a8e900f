"""The user admin of the separated roles: only the superuser (installation) sets administrator flags,
groups and permissions here (roles are granted on the security administrator's pages); a password set here
is for the user to change at the next login, and only the security administrator (or the superuser) may set
one; a user added here starts with that forced change too."""

from typing import Any

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from . import actions

User = get_user_model()
ROLE_FIELDS = ("is_superuser", "is_staff", "groups", "user_permissions")


class UserAdmin(DjangoUserAdmin):
    # Users are deactivated (is_active off), never deleted: their names stay on the history they wrote.
    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        fields = tuple(super().get_readonly_fields(request, obj))
        return fields if request.user.is_superuser else fields + ROLE_FIELDS

    def user_change_password(self, request: HttpRequest, id: str, form_url: str = "") -> HttpResponse:
        if not request.user.has_perm("reports.reset_password"):
            raise PermissionDenied
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            user = self.get_object(request, unquote(id))
            if user is not None:
                actions.password_was_reset(request, user)
        return response

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if not change:
            actions.require_password_change(obj)


admin.site.unregister(User)
admin.site.register(User, UserAdmin)
