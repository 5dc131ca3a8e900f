"""Restore an archive written by ``manage.py backup`` into a new, migrated, empty database.

python manage.py migrate          # the new, empty database, with the same version of the program
python manage.py restore 法治年报备份-2025-03-01.zip
"""

from django.core.management.base import BaseCommand, CommandError

from reports.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "把 manage.py backup 写出的备份恢复到新建并已运行 migrate 的空数据库，文件写入文件存储；"
        "全部成功或全部不写。"
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="备份文件路径")
        parser.add_argument("--database", default="default", help="数据库别名（默认 default）")

    def handle(self, *args, archive, database, **options):
        try:
            restore(archive, progress=self.stdout.write, using=database)
        except BackupError as exc:
            raise CommandError(f"恢复失败：{exc}") from exc
