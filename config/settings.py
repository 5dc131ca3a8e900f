"""Settings read from the environment.

DATABASE_URL   defaults to a SQLite file in var/ (PostgreSQL: postgres://user@host:5432/name)
SECRET_KEY     required when DEBUG is off
DEBUG          "1"/"true" for development; off by default
ALLOWED_HOSTS  comma-separated
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
# The one place that says where templates/ and static/ are: beside config/ in the checkout (so in an
# editable install too); an installed wheel carries them inside config/ (pyproject.toml, the wheel target).
_CONFIG_DIR = Path(__file__).resolve().parent
SITE_FILES_DIR = _CONFIG_DIR if (_CONFIG_DIR / "templates").is_dir() else BASE_DIR
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(
    parents=True, exist_ok=True
)  # the SQLite file and stored PDFs live here; a fresh clone has none


def env_flag(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_flag("DEBUG")

_DEV_SECRET_KEY = "insecure-development-key-not-for-production"
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Production needs a real secret key; "
            "for development set DEBUG=1 (make run does)."
        )
    SECRET_KEY = _DEV_SECRET_KEY
elif SECRET_KEY == _DEV_SECRET_KEY and not DEBUG:
    raise ImproperlyConfigured("SECRET_KEY is the development key; set a real one for production.")

ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1").split(",") if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_tasks",
    "django_tasks_db",
    "reports",
    "indicators",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_FILES_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "reports.views.notices.unread_notices",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}

# SQLite beside a worker process (make run): a transaction that reads before it writes would otherwise
# fail at once with "database is locked" when the worker holds the write lock at that moment (SQLite
# cannot let it wait); IMMEDIATE takes the write lock at BEGIN, and waits for it.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# One language on an intranet; to add a translation later: LANGUAGES + LocaleMiddleware + a locale/ folder.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True  # Django's zh_Hans catalogue translates its own messages (form errors); gettext marks kept
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [SITE_FILES_DIR / "static"]
STATIC_ROOT = VAR_DIR / "staticfiles"
MEDIA_URL = "media/"
MEDIA_ROOT = VAR_DIR / "media"

# The editor posts the whole report as one form, five fields an item: Django's default of 1,000 fields would
# refuse a report of 200 items with a bare 400 (tests/test_editor_view.py saves one of 400).
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Background jobs (the 汇编, the year's ZIP, e-mail): django-tasks with its database backend, in every
# environment. A job is a row in this same database; `manage.py db_worker` (started by `make run`, a
# service in production) takes them one at a time, on any number of machines sharing the database.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "reports:home"
LOGOUT_REDIRECT_URL = "login"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "fazhi-nianbao@localhost")
# Where links in e-mails point: the address people open the app at.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

if not DEBUG:
    SESSION_COOKIE_SECURE = env_flag("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_flag("SECURE_COOKIES", True)
