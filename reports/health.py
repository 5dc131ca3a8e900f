"""GET /healthz for a monitor or a load balancer: no login, JSON, 200 when all is well, 503 otherwise.

    {"database": "ok", "storage": "ok", "fonts": "ok",
     "jobs": {"queue": "ok", "ready": 0, "oldest_age_seconds": null}}

Each part says "ok" or what is wrong with it; the reason goes to the log (one line: a monitor asks every
minute), not to the visitor.
- database: a trivial query;
- storage: a small file written to and deleted from the default storage (where the approved PDFs go);
- fonts: fontconfig knows CJK fonts (the check of reports/checks.py, run once per process);
- jobs: the background task queue (django-tasks with its database backend, django-tasks-db): the number
  of tasks ready to run and the age of the oldest in seconds. A ready task older than ``STALLED_AFTER`` means no worker is taking tasks: "stalled", 503.
"""

import logging
import uuid
from functools import cache

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import DatabaseError, connection
from django.db.models import Case, Count, F, Min, When
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_tasks_db.models import DBTaskResult, get_date_max

from .checks import cjk_font_families

logger = logging.getLogger(__name__)

OK = "ok"
STALLED_AFTER = 15 * 60  # seconds a task may wait for a worker


def database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.warning("healthz: the database does not answer: %s: %s", type(error).__name__, error)
        return "unreachable"
    return OK


def storage():
    try:
        name = default_storage.save(f"healthz/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
        default_storage.delete(name)
    except Exception as error:  # whatever the storage raises: OSError, an object store's client errors
        logger.warning("healthz: the file storage is not writable: %s: %s", type(error).__name__, error)
        return "not writable"
    return OK


@cache
def cjk_fonts_found():
    return bool(cjk_font_families())


def fonts():
    return OK if cjk_fonts_found() else "missing"


def task_model():
    """The queued tasks' model (a seam the tests replace)."""
    return DBTaskResult


def jobs(database_ok=True):
    model = task_model()
    if not database_ok:
        return {"queue": "unknown", "ready": None, "oldest_age_seconds": None}
    # A job waits from when it was queued, or, deferred (a mail's retry), from when it fell due.
    due = Case(When(run_after=get_date_max(), then=F("enqueued_at")), default=F("run_after"))
    ready = model.objects.ready().aggregate(count=Count("pk"), oldest=Min(due))
    age = None if ready["oldest"] is None else round((timezone.now() - ready["oldest"]).total_seconds())
    queue = "stalled" if age is not None and age > STALLED_AFTER else OK
    return {"queue": queue, "ready": ready["count"], "oldest_age_seconds": age}


@never_cache
@require_GET
def healthz(request):
    status = {"database": database(), "storage": storage(), "fonts": fonts()}
    status["jobs"] = jobs(database_ok=status["database"] == OK)
    healthy = all(status[part] == OK for part in ("database", "storage", "fonts"))
    healthy = healthy and status["jobs"]["queue"] != "stalled"
    return JsonResponse(status, status=200 if healthy else 503, json_dumps_params={"ensure_ascii": False})
