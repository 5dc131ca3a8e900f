"""Settings, read from the environment: README "Deploying" lists every variable.

Development: DEBUG=1 (make run sets it). Production (DEBUG unset) needs SECRET_KEY and SITE_URL. A
variable that is set but cannot be read (DEBUG=ture, CONN_MAX_AGE=abc) stops the start with its name
(config/env.py).
"""

from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .env import StrictEnv

env = StrictEnv()

BASE_DIR = Path(__file__).resolve().parent.parent
# The one place that says where templates/ and static/ are: beside config/ in the checkout (so in an
# editable install too); an installed wheel carries them inside config/ (pyproject.toml, the wheel target).
_CONFIG_DIR = Path(__file__).resolve().parent
SITE_FILES_DIR = _CONFIG_DIR if (_CONFIG_DIR / "templates").is_dir() else BASE_DIR
# The SQLite file, stored PDFs (media/) and collected static files live here; a fresh clone has none.
VAR_DIR = Path(env.str("VAR_DIR", default=str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env.bool("DEBUG", default=False)

_DEV_SECRET_KEY = "insecure-development-key-not-for-production"
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Production needs a real secret key; "
            "for development set DEBUG=1 (make run does)."
        )
    SECRET_KEY = _DEV_SECRET_KEY
elif SECRET_KEY == _DEV_SECRET_KEY and not DEBUG:
    raise ImproperlyConfigured("SECRET_KEY is the development key; set a real one for production.")

# The address people open the app at: links in e-mails point there, and forms may be posted from it.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000" if DEBUG else "")
_site = urlsplit(SITE_URL)
if not SITE_URL:
    raise ImproperlyConfigured(
        "SITE_URL is not set: the address people open the app at, which e-mail links point to "
        "(e.g. https://fazhi.example.gov.cn)."
    )
if _site.scheme not in {"http", "https"} or not _site.hostname:
    raise ImproperlyConfigured(f"SITE_URL must be an http:// or https:// address, not {SITE_URL!r}.")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", cast=str.strip, default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env.list(
    "CSRF_TRUSTED_ORIGINS", cast=str.strip, default=[f"{_site.scheme}://{_site.netloc}"]
)

# HTTPS. Cookies are Secure in production; an intranet served over plain HTTP sets SECURE_COOKIES=0, or the
# browser never sends the login cookie back. The rest is off unless asked for (README: check --deploy).
SECURE_COOKIES = env.bool("SECURE_COOKIES", default=not DEBUG)
if SECURE_COOKIES and _site.scheme == "http":
    raise ImproperlyConfigured(
        f"SITE_URL is {SITE_URL} (plain HTTP) but SECURE_COOKIES is on: browsers would not send the login "
        "cookie back and nobody could log in. Set SECURE_COOKIES=0 for an intranet over HTTP."
    )
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_COOKIES
if env.bool("SECURE_PROXY_SSL_HEADER", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)

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
    "reports.common.middleware.RequestLogMiddleware",  # first: log records carry the path and the user
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # serves /static/ in production, before any session work
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "reports.common.middleware.ActingForMiddleware",  # the unit a person acts for: request.user.acting_unit_id
    "reports.common.middleware.PrivatePagesMiddleware",  # logged-in pages: Cache-Control: private, no-store
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

# Django's widget templates, the common ones written out in Python (reports/common/widgets.py).
FORM_RENDERER = "reports.common.widgets.WidgetRenderer"

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {"default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
# A connection kept across requests is tested before reuse: after a database restart the first request
# of each worker reconnects instead of failing.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# SQLite beside a worker process (make run): a transaction that reads before it writes would otherwise
# fail at once with "database is locked" when the worker holds the write lock at that moment (SQLite
# cannot let it wait); IMMEDIATE takes the write lock at BEGIN, and waits for it.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Argon2id first (reports/common/hashers.py: OWASP's parameters, ~27 ms of CPU a hash); the PBKDF2 hashes
# of before still verify and are made Argon2id at the next login.
PASSWORD_HASHERS = [
    "reports.common.hashers.Argon2idPasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

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

# Static files: whitenoise serves them from STATIC_ROOT (manage.py collectstatic) under hashed names.
STATIC_URL = "static/"
STATICFILES_DIRS = [SITE_FILES_DIR / "static"]
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "staticfiles")))
WHITENOISE_KEEP_ONLY_HASHED_FILES = True  # pages name only the hashed copies: half the files to compress
# Stored PDFs: files under VAR_DIR/media, or an S3-compatible object store (pip install 'fazhi-nianbao[s3]')
# when AWS_STORAGE_BUCKET_NAME is set; django-storages reads AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.
MEDIA_URL = "media/"  # never served: downloads go through the views, which check who asks
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "reports.common.static_storage.StaticStorage"},
}
if _bucket := env.str("AWS_STORAGE_BUCKET_NAME", default=""):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": _bucket,
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default=None),  # MinIO or another S3 service
            "region_name": env.str("AWS_S3_REGION_NAME", default=None),
            "file_overwrite": False,
        },
    }

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

# E-mail: EMAIL_URL (smtp+tls://user:password@host:587, smtp+ssl://…:465, smtp://host:25). Without it
# development prints e-mails to the console and production sends none (notices in the app still reach
# everyone; `manage.py check` says so, reports.W004).
_email = env.email_url("EMAIL_URL", default="consolemail://" if DEBUG else "dummymail://")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email["EMAIL_HOST"] or "localhost"
EMAIL_PORT = _email["EMAIL_PORT"] or 25
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"] or ""
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"] or ""
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = 20  # seconds: a mail server that does not answer must not hold a worker
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="fazhi-nianbao@localhost")

# Logging: one plain line a record on stderr (the journal under systemd) with the path and the user of the
# request it came from; a 500 with its traceback (django.request), a failed e-mail (reports.notifications).
# Background jobs log their start, end and failure to "fazhi.jobs".
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request": {"()": "reports.common.middleware.RequestLogFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(path)s %(user)s] %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["request"], "formatter": "plain"},
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django": {"handlers": [], "level": "INFO"},  # to the root's handler; Django's own only in DEBUG
        "fazhi.jobs": {"level": "INFO"},
        "weasyprint.progress": {"level": "WARNING"},  # each step of each render
    },
}
