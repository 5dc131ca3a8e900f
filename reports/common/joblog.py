"""One log line when a background job starts, one when it ends, and the traceback when it fails: every job
of the app (reports/district/tasks.py, reports/mail.py) runs inside ``logged_job``, on the ``fazhi.jobs``
logger, whether a worker process (``manage.py db_worker``) or the request itself runs it.
"""

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager

logger = logging.getLogger("fazhi.jobs")


@contextmanager
def logged_job(name: str, **context: object) -> Iterator[logging.Logger]:
    """Logs ``name`` with ``context`` ("volume district=qianjiang year=2025") on entry, on a normal exit
    with the seconds it took, and with the traceback when it raises (the exception goes on)."""
    label = " ".join([name, *(f"{key}={value}" for key, value in context.items())])
    logger.info("job started: %s", label)
    start = time.perf_counter()
    try:
        yield logger
    except BaseException:
        logger.exception("job failed: %s after %.1f s", label, time.perf_counter() - start)
        raise
    logger.info("job finished: %s in %.1f s", label, time.perf_counter() - start)
