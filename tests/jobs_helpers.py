"""Running the queued background jobs inside a test, as the worker (``manage.py db_worker``) would: each
ready task claimed and run by django-tasks-db's own ``Worker.run_task``, in this process and transaction.
(``Worker.run`` itself closes the database connection between tasks, which a test's transaction cannot
survive; tests/test_jobs_worker.py starts the real command.)"""

from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

WORKER_ID = "test-worker"


def run_queued_jobs(limit=50):
    """Runs every task that is ready now (not those deferred to later); returns how many ran."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=WORKER_ID,
        excluded_queue_names=[],
    )
    ran = 0
    while ran < limit and (result := DBTaskResult.objects.ready().first()) is not None:
        result.claim(WORKER_ID)
        worker.run_task(result)
        ran += 1
    return ran


def queued_tasks():
    """The paths of the tasks waiting in the queue (ready or deferred)."""
    return list(DBTaskResult.objects.filter(status="READY").values_list("task_path", flat=True))
