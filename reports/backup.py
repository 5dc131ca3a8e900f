"""Back up the whole application into one archive, and restore it into a new, migrated, empty database.

The archive is a ZIP file (ZIP64, so it may pass 4 GB):

    manifest.json          what the archive holds: format, app and Django version, source engine, creation
                           time, the applied migrations of every app, each table's row count and member,
                           each stored file's name, size and SHA-256 (written last, read first)
    rows/<app>.<model>.jsonl   every row of every table of every installed app, one JSON object a line
                           (Django's serialization), primary keys kept, so every reference stays valid
    files/<name>           every file a FileField refers to, read through the field's storage (the default
                           storage: a folder or a bucket), under its storage name

Tables: every concrete model of every installed app, the many-to-many tables too (a user's groups and
permissions, a group's permissions), except the login sessions (``SKIPPED``: after a restore people log in
again). Content types and permissions are created by ``migrate`` in the new database with ids of its own:
they are written without their ids and every reference to them by natural key (``["reports", "report"]``,
``["view_report", "reports", "report"]``), as ``dumpdata --natural-foreign --natural-primary`` writes
them; a restore matches them to the target's rows by that key and adds only those migrate did not create
(content types of removed models, permissions made by hand).

The restore refuses an archive whose migrations differ from the target database's, and a target that holds
data; it loads every row and every file in one transaction (a file written before a failure is deleted
again), checks every file's SHA-256 before and after writing it to the storage, checks the foreign keys,
and on PostgreSQL moves the id sequences past the restored ids.
"""

import contextlib
import datetime
import hashlib
import io
import json
import os
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path, PurePosixPath
from typing import IO, Any

import django
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files import File
from django.core.files.storage import Storage
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.jsonl import Serializer as JsonlSerializer
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = "fazhi-nianbao-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
# Not backed up, and why (the manifest says so too).
SKIPPED = {"sessions.session": "登录会话不备份：恢复后各用户重新登录即可"}
# Rows migrate creates in every database, each with ids of its own: written and matched by natural key.
NATURAL = ("contenttypes.contenttype", "auth.permission")
CHUNK = 1024 * 1024
ROWS_PER_QUERY = 2000
ROWS_PER_INSERT = 500
SPOOL_IN_MEMORY = 16 * 1024 * 1024

Progress = Callable[[str], None]
ModelClass = type[models.Model]


class BackupError(Exception):
    """A backup or a restore that cannot go on; the message (in Chinese) says why and what to do."""


@dataclass
class Summary:
    """What a backup wrote or a restore loaded."""

    rows: int = 0
    tables: int = 0
    files: int = 0
    files_kept: int = 0  # a restore found them in the storage already, with the same content
    file_bytes: int = 0
    archive_bytes: int = 0
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)


def _quiet(message: str) -> None:
    pass


def size_text(size: int) -> str:
    """1234567 → "1.2 MB"."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    if size < 1024**3:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{size / 1024**3:.2f} GB"


def app_version() -> str:
    try:
        return metadata.version("fazhi-nianbao")
    except metadata.PackageNotFoundError:
        return "unknown"


def label(model: ModelClass) -> str:
    return model._meta.label_lower


def backed_up_models() -> list[ModelClass]:
    """Every table of every installed app the archive holds, the natural-key ones first (content types
    before the permissions that name them), then in the apps' order, many-to-many tables included."""
    found = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed
        and not model._meta.proxy
        and not model._meta.swapped
        and label(model) not in SKIPPED
    ]
    natural = sorted((m for m in found if label(m) in NATURAL), key=lambda m: NATURAL.index(label(m)))
    return natural + [m for m in found if label(m) not in NATURAL]


def applied_migrations(using: str = DEFAULT_DB_ALIAS) -> dict[str, list[str]]:
    """The migrations applied to the database, by app: what the archive's rows fit."""
    applied: dict[str, list[str]] = {}
    for app_label, name in MigrationRecorder(connections[using]).applied_migrations():
        applied.setdefault(app_label, []).append(name)
    return {app_label: sorted(names) for app_label, names in sorted(applied.items())}


def file_fields(model: ModelClass) -> list[models.FileField]:
    return [f for f in model._meta.local_concrete_fields if isinstance(f, models.FileField)]


def field_label(model_field: models.FileField) -> str:
    return f"{label(model_field.model)}.{model_field.name}"


def field_storage(name: str) -> Storage:
    """The storage of the FileField named "app.model.field"."""
    model_label, _, field_name = name.rpartition(".")
    try:
        model_field = apps.get_model(model_label)._meta.get_field(field_name)
    except LookupError as exc:
        raise BackupError(f"备份中的文件属于本程序没有的字段 {name}。") from exc
    if not isinstance(model_field, models.FileField):
        raise BackupError(f"备份中的文件属于本程序没有的字段 {name}。")
    return model_field.storage


# --- writing -------------------------------------------------------------------------------------------


class _Encoder(DjangoJSONEncoder):
    """Django's encoder, but times keep their microseconds (it cuts them to milliseconds)."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class _RowSerializer(JsonlSerializer):
    """Django's JSON Lines serializer, with natural keys for the content types and permissions only (a
    user stays a user id, so every row keeps its references), and no many-to-many lists: those tables are
    written as tables of their own, ids and all."""

    _current: dict[str, Any]  # the row being written (Django's, untyped in the stubs)

    def __init__(self, natural_keys: dict[str, dict[Any, tuple[Any, ...]]]) -> None:
        super().__init__()
        self.natural_keys = natural_keys

    def get_dump_object(self, obj: models.Model) -> dict[str, Any]:
        data = super().get_dump_object(obj)
        if label(type(obj)) in NATURAL:
            data.pop("pk", None)
        return data

    def handle_fk_field(self, obj: models.Model, model_field: Any) -> None:
        keys = self.natural_keys.get(label(model_field.remote_field.model))
        if keys is None:
            super().handle_fk_field(obj, model_field)
            return
        value = getattr(obj, model_field.attname)
        self._current[model_field.name] = None if value is None else list(keys[value])

    def handle_m2m_field(self, obj: models.Model, model_field: Any) -> None:
        pass


def _natural_keys(using: str) -> dict[str, dict[Any, tuple[Any, ...]]]:
    keys: dict[str, dict[Any, tuple[Any, ...]]] = {}
    for name in NATURAL:
        model: Any = apps.get_model(name)
        keys[name] = {obj.pk: obj.natural_key() for obj in model._base_manager.using(using).select_related()}
    return keys


class _Counting:
    def __init__(self, rows: Iterable[models.Model]) -> None:
        self.rows = rows
        self.count = 0

    def __iter__(self) -> Iterator[models.Model]:
        for row in self.rows:
            self.count += 1
            yield row


def _stream_member(archive: zipfile.ZipFile, member: str, compress: int) -> IO[bytes]:
    info = zipfile.ZipInfo(member, date_time=time.localtime()[:6])
    info.compress_type = compress
    info.external_attr = 0o644 << 16
    return archive.open(info, "w", force_zip64=True)


def _write_rows(
    archive: zipfile.ZipFile,
    model: ModelClass,
    natural_keys: dict[str, dict[Any, tuple[Any, ...]]],
    using: str,
) -> int:
    rows = _Counting(model._base_manager.using(using).order_by("pk").iterator(chunk_size=ROWS_PER_QUERY))
    with (
        _stream_member(archive, f"rows/{label(model)}.jsonl", zipfile.ZIP_DEFLATED) as raw,
        io.TextIOWrapper(raw, encoding="utf-8", newline="\n") as text,
    ):
        _RowSerializer(natural_keys).serialize(rows, stream=text, cls=_Encoder)
    return rows.count


def _referenced_files(models_: list[ModelClass], using: str) -> list[tuple[str, str]]:
    """(field label, storage name) of every file a row refers to, each once."""
    found: dict[tuple[str, str], None] = {}
    for model in models_:
        for model_field in file_fields(model):
            names = (
                model._base_manager.using(using)
                .exclude(**{model_field.attname: ""})
                .exclude(**{f"{model_field.attname}__isnull": True})
                .order_by("pk")
                .values_list(model_field.attname, flat=True)
            )
            for name in names.iterator(chunk_size=ROWS_PER_QUERY):
                found[(field_label(model_field), name)] = None
    return list(found)


def _write_file(archive: zipfile.ZipFile, storage: Storage, name: str, member: str) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    # Stored, not deflated: the PDFs are compressed already.
    with storage.open(name, "rb") as source, _stream_member(archive, member, zipfile.ZIP_STORED) as target:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            target.write(chunk)
    return size, digest.hexdigest()


def backup(
    path: str | os.PathLike[str],
    *,
    progress: Progress = _quiet,
    allow_missing_files: bool = False,
    using: str = DEFAULT_DB_ALIAS,
) -> Summary:
    """Write every row and every stored file into one archive at ``path`` (replaced only once complete)."""
    started = time.monotonic()
    target = Path(path)
    if not target.parent.is_dir():
        raise BackupError(f"目录不存在：{target.parent}")
    if target.is_dir():
        raise BackupError(f"{target} 是一个目录：请给出备份文件的路径，如 {target / '法治年报备份.zip'}")
    connection = connections[using]
    summary = Summary()
    handle, partial_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(handle)
    partial = Path(partial_name)
    try:
        outermost = not connection.in_atomic_block
        with transaction.atomic(using=using):
            if outermost and connection.vendor == "postgresql":
                # One snapshot for every table, whatever the users change meanwhile.
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            manifest = _write_archive(partial, summary, progress, allow_missing_files, using)
        partial.chmod(0o600)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    summary.archive_bytes = target.stat().st_size
    summary.seconds = time.monotonic() - started
    progress(f"数据：{summary.rows} 行，{summary.tables} 个表")
    progress(f"文件：{summary.files} 个，共 {size_text(summary.file_bytes)}")
    if manifest["missing_files"]:
        progress(f"警告：存储中缺少 {len(manifest['missing_files'])} 个文件，未能备份（见 manifest.json）")
    progress(f"已写入 {target}（{size_text(summary.archive_bytes)}），用时 {summary.seconds:.2f} 秒")
    return summary


def _write_archive(
    path: Path, summary: Summary, progress: Progress, allow_missing_files: bool, using: str
) -> dict[str, Any]:
    connection = connections[using]
    migrations = applied_migrations(using)
    if not migrations:
        raise BackupError("数据库还没有建表（没有运行过 manage.py migrate），没有可备份的数据。")
    progress(f"备份数据库（{connection.vendor}，{sum(len(names) for names in migrations.values())} 个迁移）")
    to_back_up = backed_up_models()
    natural_keys = _natural_keys(using)
    tables = []
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        for model in to_back_up:
            count = _write_rows(archive, model, natural_keys, using)
            tables.append({"model": label(model), "member": f"rows/{label(model)}.jsonl", "rows": count})
            summary.counts[label(model)] = count
            summary.rows += count
            summary.tables += 1
            if count:
                progress(f"  {label(model)}（{model._meta.verbose_name}）：{count} 行")

        files, missing, members = [], [], set()
        for owner, name in _referenced_files(to_back_up, using):
            storage = field_storage(owner)
            if not storage.exists(name):
                missing.append({"field": owner, "name": name})
                continue
            member = f"files/{name}"
            if member in members:  # the same name in another field's storage
                member = f"files/{owner}/{name}"
            members.add(member)
            size, sha256 = _write_file(archive, storage, name, member)
            files.append({"field": owner, "name": name, "member": member, "size": size, "sha256": sha256})
            summary.files += 1
            summary.file_bytes += size
        if missing and not allow_missing_files:
            listed = "、".join(f"{m['name']}（{m['field']}）" for m in missing[:5])
            raise BackupError(
                f"存储中缺少 {len(missing)} 个被数据引用的文件：{listed}。"
                "请先找回这些文件；确认它们已经丢失的，可加 --allow-missing-files 在没有它们的情况下备份。"
            )

        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "created_at": timezone.now().isoformat(),
            "app_version": app_version(),
            "django_version": django.get_version(),
            "engine": connection.vendor,
            "migrations": migrations,
            "tables": tables,
            "files": files,
            "missing_files": missing,
            "skipped": SKIPPED,
            "natural_keys": list(NATURAL),
        }
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
    return manifest


# --- reading -------------------------------------------------------------------------------------------


def read_manifest(archive: zipfile.ZipFile) -> dict[str, Any]:
    """The archive's manifest, checked to be one this program writes."""
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except KeyError as exc:
        raise BackupError(f"这不是法治年报的备份文件：其中没有 {MANIFEST}。") from exc
    except ValueError as exc:
        raise BackupError(f"备份文件的 {MANIFEST} 已损坏：{exc}") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError("这不是法治年报的备份文件（manifest.json 的格式不对）。")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"备份文件的格式版本是 {manifest.get('format_version')}，本程序只能读取第 {FORMAT_VERSION} 版："
            "请用写出这个备份的程序版本恢复。"
        )
    return manifest


def _migration_differences(archived: dict[str, list[str]], target: dict[str, list[str]]) -> list[str]:
    lines = []
    for app_label in sorted(set(archived) | set(target)):
        only_archive = sorted(set(archived.get(app_label, [])) - set(target.get(app_label, [])))
        only_target = sorted(set(target.get(app_label, [])) - set(archived.get(app_label, [])))
        if only_archive:
            lines.append(f"  {app_label}：备份有、目标数据库没有 {'、'.join(only_archive)}")
        if only_target:
            lines.append(f"  {app_label}：目标数据库有、备份没有 {'、'.join(only_target)}")
    return lines


def check_migrations(manifest: dict[str, Any], using: str = DEFAULT_DB_ALIAS) -> None:
    """Refuse a target whose applied migrations are not exactly the archive's."""
    target = applied_migrations(using)
    if not target:
        raise BackupError(
            "目标数据库还没有建表：请先运行 manage.py migrate（用与备份时相同版本的程序），再恢复。"
        )
    differences = _migration_differences(manifest["migrations"], target)
    if differences:
        raise BackupError(
            "备份的数据库迁移状态与目标数据库不一致，不能恢复：\n"
            + "\n".join(differences[:20])
            + f"\n备份由程序版本 {manifest.get('app_version')} 写出。请用与备份时相同版本的程序，"
            "在新建的空数据库上运行 manage.py migrate 后再恢复；恢复后再升级程序并运行 migrate。"
        )


def check_empty(using: str = DEFAULT_DB_ALIAS) -> None:
    """Refuse a target that holds data (the rows migrate creates aside)."""
    filled = []
    for model in backed_up_models():
        if label(model) in NATURAL:
            continue
        count = model._base_manager.using(using).count()
        if count:
            filled.append(f"{model._meta.verbose_name}（{label(model)}）{count} 行")
    if filled:
        raise BackupError(
            "目标数据库不是空的，不能恢复："
            + "、".join(filled[:6])
            + ("等" if len(filled) > 6 else "")
            + "。恢复只写入新建的空数据库：请新建一个数据库，运行 manage.py migrate，再恢复到它。"
        )


def _insert(model: ModelClass, objs: list[models.Model], using: str) -> None:
    # The rows as they are: raw, so no auto_now/auto_now_add field takes the current time and no save()
    # override or signal runs, as for loaddata; many rows an INSERT (loaddata saves one at a time).
    fields = [f for f in model._meta.local_concrete_fields if not getattr(f, "generated", False)]
    manager: Any = model._base_manager
    manager._insert(objs, fields=fields, using=using, raw=True)


def _load_rows(archive: zipfile.ZipFile, model: ModelClass, member: str, using: str) -> int:
    connection = connections[using]
    fields = model._meta.local_concrete_fields
    batch_size = max(
        1, min(ROWS_PER_INSERT, connection.ops.bulk_batch_size(fields, [None] * ROWS_PER_INSERT))
    )
    count = 0
    batch: list[models.Model] = []
    with archive.open(member) as raw, io.TextIOWrapper(raw, encoding="utf-8") as text:
        for deserialized in serializers.deserialize("jsonl", text, using=using):
            obj = deserialized.object
            if type(obj) is not model:
                raise BackupError(f"备份中 {member} 含有其他表（{label(type(obj))}）的行。")
            count += 1
            if label(model) in NATURAL:
                if obj.pk is None:  # not one migrate made: added, with an id of this database
                    deserialized.save(using=using)
                continue
            batch.append(obj)
            if len(batch) >= batch_size:
                _insert(model, batch, using)
                batch = []
    if batch:
        _insert(model, batch, using)
    return count


def _sha256_in_storage(storage: Storage, name: str) -> str:
    digest = hashlib.sha256()
    with storage.open(name, "rb") as stored:
        while chunk := stored.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _restore_file(
    archive: zipfile.ZipFile, entry: dict[str, Any], written: list[tuple[Storage, str]]
) -> bool:
    """Write one file into its field's storage after checking it against the manifest; False when the
    storage has it already, with the same content."""
    name = entry["name"]
    storage = field_storage(entry["field"])
    try:
        source = archive.open(entry["member"])
    except KeyError as exc:
        raise BackupError(f"备份文件不完整：清单中的文件 {name} 不在其中。") from exc
    with source, tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY) as spool:
        digest = hashlib.sha256()
        size = 0
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            spool.write(chunk)
        if size != entry["size"] or digest.hexdigest() != entry["sha256"]:
            raise BackupError(
                f"文件校验失败：{name} 的 SHA-256 与备份清单不符（备份文件被改动过或已损坏），未恢复任何数据。"
            )
        if storage.exists(name):
            if _sha256_in_storage(storage, name) == entry["sha256"]:
                return False
            raise BackupError(
                f"文件存储中已有 {name}，内容与备份不同：请恢复到空的文件存储（新的 MEDIA_ROOT 或存储桶）。"
            )
        spool.seek(0)
        content = File(spool, name=PurePosixPath(name).name)
        content.size = size
        saved = storage.save(name, content)
        written.append((storage, saved))
    if saved != name:
        raise BackupError(f"文件存储把 {name} 存成了 {saved}：请恢复到空的文件存储。")
    if _sha256_in_storage(storage, name) != entry["sha256"]:
        raise BackupError(f"文件 {name} 写入存储后校验失败（SHA-256 不符）：请检查存储。")
    return True


def restore(
    path: str | os.PathLike[str], *, progress: Progress = _quiet, using: str = DEFAULT_DB_ALIAS
) -> Summary:
    """Load an archive into the (migrated, empty) database and its files into the storage: all or nothing."""
    started = time.monotonic()
    source = Path(path)
    if not source.is_file():
        raise BackupError(f"找不到备份文件：{source}")
    summary = Summary()
    try:
        with zipfile.ZipFile(source) as archive:
            manifest = read_manifest(archive)
            progress(
                f"备份创建于 {manifest['created_at']}，程序版本 {manifest['app_version']}，"
                f"来源数据库 {manifest['engine']}，Django {manifest['django_version']}"
            )
            check_migrations(manifest, using)
            check_empty(using)
            _restore_all(archive, manifest, summary, progress, using)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise BackupError(f"备份文件已损坏或不完整，未恢复任何数据：{exc}") from exc
    except DeserializationError as exc:
        raise BackupError(f"备份中的数据无法读取，未恢复任何数据：{exc}") from exc
    except DatabaseError as exc:
        raise BackupError(f"写入数据库失败，未恢复任何数据：{exc}") from exc
    summary.seconds = time.monotonic() - started
    progress(f"数据：{summary.rows} 行，{summary.tables} 个表")
    kept = f"（其中 {summary.files_kept} 个存储中已有，内容相同）" if summary.files_kept else ""
    progress(f"文件：{summary.files} 个{kept}，共 {size_text(summary.file_bytes)}，SHA-256 全部核对无误")
    if manifest["missing_files"]:
        progress(f"注意：备份时存储中已缺少 {len(manifest['missing_files'])} 个文件（见 manifest.json）")
    progress(f"已恢复，用时 {summary.seconds:.2f} 秒")
    return summary


def _restore_all(
    archive: zipfile.ZipFile, manifest: dict[str, Any], summary: Summary, progress: Progress, using: str
) -> None:
    connection = connections[using]
    written: list[tuple[Storage, str]] = []
    members = set(archive.namelist())
    ContentType.objects.clear_cache()
    try:
        with transaction.atomic(using=using):
            restored = []
            for table in manifest["tables"]:
                try:
                    model = apps.get_model(table["model"])
                except LookupError as exc:
                    raise BackupError(f"备份中有本程序没有的表 {table['model']}。") from exc
                if table["member"] not in members:
                    raise BackupError(f"备份文件不完整：缺少 {table['member']}。")
                count = _load_rows(archive, model, table["member"], using)
                if count != table["rows"]:
                    raise BackupError(
                        f"备份文件不完整：{table['model']} 应有 {table['rows']} 行，读到 {count} 行。"
                    )
                restored.append(model)
                summary.counts[label(model)] = count
                summary.rows += count
                summary.tables += 1
                if count:
                    progress(f"  {label(model)}（{model._meta.verbose_name}）：{count} 行")
            connection.check_constraints(table_names=[m._meta.db_table for m in restored])
            # PostgreSQL: the id sequences start after the restored ids (SQLite follows by itself).
            with connection.cursor() as cursor:
                for statement in connection.ops.sequence_reset_sql(no_style(), restored):
                    cursor.execute(statement)
            for entry in manifest["files"]:
                if not _restore_file(archive, entry, written):
                    summary.files_kept += 1
                summary.files += 1
                summary.file_bytes += entry["size"]
    except BaseException:
        for storage, name in written:
            with contextlib.suppress(Exception):  # the first error is the one to report
                storage.delete(name)
        raise
    finally:
        ContentType.objects.clear_cache()
