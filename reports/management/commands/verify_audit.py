"""Check the audit trail's hash chain: exit 0 when intact, 1 naming each broken row."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from reports.audit import broken_links
from reports.models import AuditEntry


class Command(BaseCommand):
    help = "校验审计日志的哈希链：发现被修改或删除的记录时列出并以非零状态退出。"

    def handle(self, *args: Any, **options: Any) -> None:
        broken = list(broken_links())
        for link in broken:
            self.stderr.write(f"第{link.entry_id}条：{link.reason}")
        if broken:
            raise CommandError(f"审计日志哈希链校验失败：{len(broken)}处不一致。")
        self.stdout.write(f"审计日志完整：共{AuditEntry.objects.count()}条，哈希链校验通过。")
