"""Settings for pytest: the real settings, made fast and self-contained."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key")
os.environ.setdefault("SITE_URL", "http://testserver")
os.environ.setdefault("SECURE_COOKIES", "0")  # the test client and the browser tests speak plain HTTP
# pytest-django's live_server runs beside Playwright's event loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from .settings import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Each test process its own cache in memory (tests clear it: tests/conftest.py).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# whitenoise as in development: static files from the app's folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = True
# The fixtures' district office would have to enrol a second factor before every page; tests/test_second_factor.py
# turns the requirement on with the production value (config.settings.OTP_REQUIRED_ROLES).
OTP_REQUIRED_ROLES: list[str] = []
