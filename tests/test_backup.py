"""`manage.py backup` and `manage.py restore`: every row and every stored file, into a fresh database.

The round trip runs the commands as an office would: the demo data (with a report approved, so a stored
PDF exists) is backed up from the test database, a new SQLite database is migrated and restored in
subprocesses (its own settings, its own file storage in a temporary VAR_DIR), and every row of every table
and the SHA-256 of every stored file are compared (tests/backup_helpers.py, written apart from the backup
code). The restored SQLite database is backed up in turn; when the suite runs on PostgreSQL that archive
is restored into a new PostgreSQL database (the move off the embedded default) and compared again.
"""

import hashlib
import io
import json
import os
import struct
import subprocess
import sys
import uuid
import zipfile
from io import StringIO
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from reports import workflow
from reports.deadlines import reporting_year
from reports.models import Membership, Publication, Report, StoredPdf, Unit
from tests.backup_helpers import snapshot
from tests.conftest import make_user
from tests.workflow_helpers import submit

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *map(str, args)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def helper(env, command):
    result = subprocess.run(
        [sys.executable, "-m", "tests.backup_helpers", command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout)


def other_database(var_dir, database_url):
    """The environment of another installation: the production settings on its own database and files."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DEBUG", "VAR_DIR", "SECRET_KEY"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        SECRET_KEY="backup-test-secret-key",
        DATABASE_URL=database_url,
        VAR_DIR=str(var_dir),
    )
    return env


def demo_with_everything():
    """The demo data, plus what it lacks: a stored PDF (a report approved), a group with permissions, a
    user's own permission, an admin log entry (rows that refer to content types and permissions)."""
    call_command("load_demo", stdout=StringIO())
    User = get_user_model()
    report = Report.objects.get(unit__code="chengdong", year=reporting_year())
    submit(User.objects.get(username="chengdong_staff"), report)
    workflow.perform(User.objects.get(username="chengdong_leader"), report, "approve")
    group = Group.objects.create(name="审核组")
    group.permissions.set(Permission.objects.filter(codename__in=["view_report", "change_report"]))
    leader = User.objects.get(username="chengxi_leader")
    leader.groups.add(group)
    leader.user_permissions.add(Permission.objects.get(codename="view_unit"))
    LogEntry.objects.log_actions(
        User.objects.get(username="admin").pk, [report], CHANGE, change_message="备份测试"
    )


def test_a_backup_restored_into_a_fresh_database_has_every_row_and_file(tmp_path):
    demo_with_everything()
    expected = snapshot()
    # The stored PDFs and the public PDFs that load_demo's publications rendered (reports/publishing.py).
    files = StoredPdf.objects.count() + Publication.objects.exclude(file="").count()
    assert StoredPdf.objects.exists() and len(expected["files"]) == files
    assert sum(len(rows) for rows in expected["rows"].values()) > 300

    archive = tmp_path / "backup.zip"
    out = StringIO()
    call_command("backup", "-o", archive, stdout=out)
    assert "定稿PDF" in out.getvalue() and f"文件：{files} 个" in out.getvalue()

    # A new SQLite database and file storage: migrate, restore, compare.
    restored = other_database(tmp_path / "sqlite-var", f"sqlite:///{tmp_path / 'restored.sqlite3'}")
    manage(restored, "migrate", "--noinput")
    out = manage(restored, "restore", archive)
    assert "SHA-256 全部核对无误" in out and "已恢复" in out
    assert helper(restored, "dump") == expected

    # The restored database backs up to the same rows and files: the archive the move to PostgreSQL takes.
    from_sqlite = tmp_path / "from-sqlite.zip"
    manage(restored, "backup", "-o", from_sqlite)
    assert archive_rows(from_sqlite) == archive_rows(archive)
    assert archive_files(from_sqlite) == archive_files(archive) == expected["files"]
    assert helper(restored, "new-rows")["sections"] > 0

    if connection.vendor == "postgresql":
        with fresh_postgresql_database() as database_url:
            moved = other_database(tmp_path / "pg-var", database_url)
            manage(moved, "migrate", "--noinput")
            manage(moved, "restore", from_sqlite)
            assert helper(moved, "dump") == expected
            # The id sequences were moved past the restored ids: new rows get fresh ids.
            ids = helper(moved, "new-rows")
            assert ids["user"] > max(u.pk for u in get_user_model().objects.all())
            assert ids["report"] > max(r.pk for r in Report.objects.all())


def archive_rows(path):
    """{member: rows} of an archive, rows as parsed JSON (content types and permissions have no ids)."""
    with zipfile.ZipFile(path) as archive:
        return {
            name: sorted(
                json.dumps(json.loads(line), sort_keys=True) for line in archive.read(name).splitlines()
            )
            for name in archive.namelist()
            if name.startswith("rows/")
        }


def archive_files(path):
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        for entry in manifest["files"]:
            assert hashlib.sha256(archive.read(entry["member"])).hexdigest() == entry["sha256"]
        return {entry["name"]: entry["sha256"] for entry in manifest["files"]}


class fresh_postgresql_database:
    """A new, empty PostgreSQL database on the test's server, dropped on exit; its DATABASE_URL."""

    def __enter__(self):
        params = settings.DATABASES["default"]
        self.name = f"fazhi_backup_test_{uuid.uuid4().hex[:12]}"
        self.server = psycopg.connect(
            host=params["HOST"] or None,
            port=params["PORT"] or None,
            user=params["USER"] or None,
            password=params["PASSWORD"] or None,
            dbname="postgres",
            autocommit=True,
        )
        self.server.execute(f'CREATE DATABASE "{self.name}"')
        credentials = quote(params["USER"]) + (f":{quote(params['PASSWORD'])}" if params["PASSWORD"] else "")
        return f"postgres://{credentials}@{params['HOST']}:{params['PORT'] or 5432}/{self.name}"

    def __exit__(self, *exc):
        self.server.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        self.server.close()


# --- refusals, in this process: a small archive, restored into the test's (empty) database -------------

PDF = b"%PDF-1.7\n% a stored PDF for the backup tests\n%%EOF\n"


class _Undo(Exception):
    pass


@pytest.fixture
def small_archive(tmp_path):
    """An archive of a unit, a user, a report and its stored PDF; the database and the storage are empty
    again afterwards (the rows were made in a savepoint rolled back, the file deleted)."""
    path = tmp_path / "small.zip"
    try:
        with transaction.atomic():
            unit = Unit.objects.create(
                code="chengxi", name="城西街道", short_name="城西", kind=Unit.Kind.SUBDISTRICT
            )
            make_user("staff", unit, Membership.Role.STAFF)
            report = Report.objects.create(unit=unit, year=2025, status=Report.Status.APPROVED)
            stored = StoredPdf(
                report=report, version=1, sha256=hashlib.sha256(PDF).hexdigest(), size=len(PDF)
            )
            stored.file.save("report.pdf", ContentFile(PDF), save=False)
            stored.save()
            call_command("backup", "-o", path, stdout=StringIO())
            raise _Undo
    except _Undo:
        pass
    default_storage.delete(stored.file.name)
    assert not Unit.objects.exists() and not default_storage.exists(stored.file.name)
    return path


def rewrite(source, target, change):
    """A copy of the archive with ``change(name, data)`` applied to each member (valid ZIP checksums)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for name in old.namelist():
            new.writestr(name, change(name, old.read(name)))
    return target


def restore_fails(path):
    with pytest.raises(CommandError) as refused:
        call_command("restore", path, stdout=StringIO())
    assert not Report.objects.exists() and not get_user_model().objects.exists()
    return str(refused.value)


def test_a_small_archive_restores_here_with_its_ids_and_file(small_archive):
    out = StringIO()
    call_command("restore", small_archive, stdout=out)
    stored = StoredPdf.objects.select_related("report__unit").get()
    assert stored.report.unit.code == "chengxi" and get_user_model().objects.get().memberships.count() == 1
    assert default_storage.open(stored.file.name).read() == PDF
    assert "定稿PDF" in out.getvalue() and "文件：1 个" in out.getvalue()
    assert (
        Unit.objects.create(code="new", name="新", short_name="新", kind=Unit.Kind.TOWN).pk
        > stored.report.unit.pk
    )
    default_storage.delete(stored.file.name)


def test_restore_refuses_a_database_that_has_data(small_archive):
    Unit.objects.create(code="there", name="已有单位", short_name="已有", kind=Unit.Kind.TOWN)
    with pytest.raises(CommandError, match="目标数据库不是空的") as refused:
        call_command("restore", small_archive, stdout=StringIO())
    assert "manage.py migrate" in str(refused.value) and "单位" in str(refused.value)
    assert Unit.objects.count() == 1 and not Report.objects.exists()


def test_restore_refuses_a_tampered_file_and_writes_nothing(small_archive, tmp_path):
    tampered = rewrite(
        small_archive,
        tmp_path / "tampered.zip",
        lambda name, data: data + b"x" if name.startswith("files/") else data,
    )
    message = restore_fails(tampered)
    assert "文件校验失败" in message and "SHA-256" in message
    assert not Unit.objects.exists() and not StoredPdf.objects.exists()
    with zipfile.ZipFile(small_archive) as archive:
        (entry,) = json.loads(archive.read("manifest.json"))["files"]
    assert not default_storage.exists(entry["name"])


def test_restore_refuses_an_archive_of_other_migrations(small_archive, tmp_path):
    def newer(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["migrations"]["reports"].append("0099_from_a_later_version")
        return json.dumps(manifest).encode()

    message = restore_fails(rewrite(small_archive, tmp_path / "newer.zip", newer))
    assert "迁移状态" in message and "0099_from_a_later_version" in message and "manage.py migrate" in message


def test_restore_refuses_a_corrupt_or_missing_archive(small_archive, tmp_path):
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(small_archive.read_bytes()[: small_archive.stat().st_size // 2])
    assert "已损坏" in restore_fails(truncated)

    flipped = bytearray(small_archive.read_bytes())
    with zipfile.ZipFile(small_archive) as archive:
        info = archive.getinfo("rows/reports.report.jsonl")
    name_length, extra_length = struct.unpack_from("<HH", flipped, info.header_offset + 26)
    flipped[info.header_offset + 30 + name_length + extra_length + 5] ^= 0xFF  # inside the deflated rows
    (tmp_path / "flipped.zip").write_bytes(bytes(flipped))
    assert "已损坏" in restore_fails(tmp_path / "flipped.zip")

    assert "找不到备份文件" in restore_fails(tmp_path / "nowhere.zip")
    not_ours = tmp_path / "other.zip"
    with zipfile.ZipFile(not_ours, "w") as archive:
        archive.writestr("readme.txt", "x")
    assert "不是法治年报的备份文件" in restore_fails(not_ours)


def test_backup_refuses_a_missing_stored_file_unless_told(tmp_path, report):
    StoredPdf.objects.create(report=report, version=1, file="reports/gone.pdf", sha256="0" * 64, size=1)
    target = tmp_path / "backup.zip"
    with pytest.raises(CommandError, match="缺少 1 个被数据引用的文件") as refused:
        call_command("backup", "-o", target, stdout=StringIO())
    assert "reports/gone.pdf" in str(refused.value) and "--allow-missing-files" in str(refused.value)
    assert list(tmp_path.iterdir()) == []  # no half-written archive left

    out = StringIO()
    call_command("backup", "-o", target, "--allow-missing-files", stdout=out)
    assert "缺少 1 个文件" in out.getvalue()
    with zipfile.ZipFile(target) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["missing_files"] == [{"field": "reports.storedpdf.file", "name": "reports/gone.pdf"}]


def test_the_manifest_describes_the_archive(small_archive):
    with zipfile.ZipFile(small_archive) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        rows = {t["model"]: t["rows"] for t in manifest["tables"]}
        users = [json.loads(line) for line in io.BytesIO(archive.read("rows/auth.user.jsonl"))]
    assert manifest["format"] == "fazhi-nianbao-backup" and manifest["app_version"]
    assert "0001_initial" in manifest["migrations"]["reports"]
    assert rows["reports.unit"] == rows["reports.report"] == rows["reports.storedpdf"] == 1
    assert "sessions.session" not in rows and "sessions.session" in manifest["skipped"]
    assert users[0]["fields"]["password"].startswith("md5$")  # the hash, as stored
    (entry,) = manifest["files"]
    assert entry["sha256"] == hashlib.sha256(PDF).hexdigest() and entry["size"] == len(PDF)
