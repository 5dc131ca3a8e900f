"""Grant or revoke an administrator role (三权分立): the way to make the first administrators.

manage.py admin_role alice security --create   # a new user with a one-time password, printed here
manage.py admin_role bob system                # an existing user
manage.py admin_role bob system --revoke
"""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from reports.accounts import actions
from reports.accounts.roles import AdminRole

ROLES = {"system": AdminRole.SYSTEM, "security": AdminRole.SECURITY, "audit": AdminRole.AUDIT}


class Command(BaseCommand):
    help = "授予或撤销管理员角色（system 系统管理员、security 安全管理员、audit 审计管理员）"

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("role", choices=sorted(ROLES))
        parser.add_argument("--revoke", action="store_true", help="撤销这个角色")
        parser.add_argument("--create", action="store_true", help="新建这个用户，打印一次性初始密码")

    @transaction.atomic
    def handle(self, username, role, revoke, create, **options):
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        initial_password = None
        if user is None:
            if not create:
                raise CommandError(f"没有用户 {username}；要新建请加 --create。")
            # Letters, digits and symbols: meets the password rules; changed at the first login anyway.
            initial_password = secrets.token_urlsafe(12) + "#7a"
            user = User.objects.create_user(username=username, password=initial_password)
            actions.require_password_change(user)
        try:
            if revoke:
                actions.revoke_admin_role(user, ROLES[role])
            else:
                actions.grant_admin_role(user, ROLES[role])
        except actions.RoleConflict as conflict:
            raise CommandError(str(conflict)) from None
        verb = "撤销" if revoke else "授予"
        self.stdout.write(f"已{verb} {username} {ROLES[role].label}。")
        if initial_password:
            self.stdout.write(f"初始密码（只显示这一次，首次登录须修改）：{initial_password}")
