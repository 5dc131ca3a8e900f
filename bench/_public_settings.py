"""bench/public_site.py's settings: production's (DEBUG off, the file-based page cache under VAR_DIR), with
static files found in the app's folders as in development, so no collectstatic is needed."""

from config.settings import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
