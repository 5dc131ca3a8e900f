"""Every row of every table and the SHA-256 of every stored file, in a form two databases can be compared
in, whatever their engine: written here, apart from ``reports.backup``, so a table or a field the backup
forgot shows as a difference.

Run as ``python -m tests.backup_helpers dump|new-rows`` (with DJANGO_SETTINGS_MODULE and DATABASE_URL set)
it works on another database than the test's: ``dump`` prints the JSON, ``new-rows`` creates a row in the
main tables (a fresh PostgreSQL database whose id sequences were not moved past the restored ids fails it).
"""

import datetime
import hashlib
import json
import sys
from decimal import Decimal

from django.apps import apps
from django.db import models

# Rows migrate creates with ids of each database's own: compared by natural key, never by id.
BY_NATURAL_KEY = {"contenttypes.contenttype", "auth.permission"}
LEFT_OUT = {"sessions.session"}  # the backup says it leaves the login sessions out


def tables():
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy and model._meta.label_lower not in LEFT_OUT
    ]


def plain(value):
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    return value


def natural_key(model, pk):
    if pk is None:
        return None
    return list(model._base_manager.get(pk=pk).natural_key())


def row(obj):
    label = obj._meta.label_lower
    data = {}
    for field in obj._meta.concrete_fields:
        if label in BY_NATURAL_KEY and field.primary_key:
            continue
        value = field.value_from_object(obj)
        if field.is_relation and field.related_model._meta.label_lower in BY_NATURAL_KEY:
            value = natural_key(field.related_model, value)
        data[field.attname] = plain(value)
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


def all_rows():
    """{table: sorted rows as canonical JSON}: every row of every table."""
    return {
        model._meta.label_lower: sorted(row(obj) for obj in model._base_manager.all()) for model in tables()
    }


def stored_files():
    """{storage name: SHA-256} of every file a FileField refers to, read through its storage."""
    found = {}
    for model in tables():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                for obj in model._base_manager.exclude(**{field.attname: ""}):
                    fieldfile = getattr(obj, field.attname)
                    with field.storage.open(fieldfile.name, "rb") as stored:
                        found[fieldfile.name] = hashlib.sha256(stored.read()).hexdigest()
    return found


def snapshot():
    return {"rows": all_rows(), "files": stored_files()}


def create_new_rows():
    """A user, a unit, a report started with its sections and history: fresh ids in the main tables."""
    from django.contrib.auth import get_user_model

    from reports.actions import start_report
    from reports.models import Unit

    user = get_user_model().objects.create_user("after_restore")
    unit = Unit.objects.create(
        code="after-restore", name="恢复后新建", short_name="新建", kind=Unit.Kind.TOWN
    )
    report = start_report(user, unit, 2030)
    return {"user": user.pk, "unit": unit.pk, "report": report.pk, "sections": report.sections.count()}


if __name__ == "__main__":
    import django

    django.setup()
    if sys.argv[1] == "dump":
        print(json.dumps(snapshot(), ensure_ascii=False))
    elif sys.argv[1] == "new-rows":
        print(json.dumps(create_new_rows()))
