"""Settings for the worker process tests/test_jobs_worker.py starts: the test settings, with the files the
worker stores in a folder the test reads too (the test settings keep them in this process's memory)."""

import os

from config.test_settings import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": os.environ["FAZHI_WORKER_MEDIA_ROOT"]},
    },
}
