"""Settings, read from the environment: README "Deploying" lists every variable.

Development: DEBUG=1 (make run sets it). Production (DEBUG unset) needs SECRET_KEY and SITE_URL. A
variable that is set but cannot be read (DEBUG=ture, CONN_MAX_AGE=abc) stops the start with its name
(config/env.py).
"""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from csp.constants import NONE, SELF
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
# Served over HTTPS (Secure cookies on): plain HTTP is redirected and browsers are told to use nothing else
# for a year (HSTS). /healthz stays reachable over HTTP for a monitor on the machine itself.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=SECURE_COOKIES)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000 if SECURE_COOKIES else 0)
# Binds only names under the app's own (fazhi.example.gov.cn's subdomains), not its siblings.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
# Not SECURE_HSTS_PRELOAD: the browsers' preload list is for public names registered with it, which an
# intranet host is not, and once listed a name cannot go back to HTTP for months; so its warning is off.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
# The proxies whose X-Forwarded-For the audit trail believes for the client's address (reports/audit.py).
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", cast=str.strip, default=["127.0.0.1", "::1"])

# Content-Security-Policy (django-csp): scripts, styles, images, fonts and requests from the app itself
# only; no inline script and no inline style (static/js, static/css). The one exception is the <style> of
# the 400 and 500 pages, which are shown without static files and allowed by its hash
# (tests/test_security_headers.py keeps the hash and the templates together). img-src data: is Bootstrap's
# form controls (its stylesheet draws the arrows and ticks as data: SVG).
ERROR_PAGE_STYLE_HASH = "'sha256-K7qOXt7BuM8A+bXjIkf9smbu+KsEaZZjxuTCzF1xfbA='"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, ERROR_PAGE_STYLE_HASH],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Browser features no page of the app uses, refused to every page and anything it might embed.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=()"
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "csp",
    "django.contrib.sitemaps",  # the public site's sitemap.xml
    "crispy_forms",
    "crispy_bootstrap5",
    "django_tasks",
    "django_tasks_db",
    "axes",  # login failures: lockout per account (README: Security)
    "django_otp",
    "django_otp.plugins.otp_totp",  # the second factor: TOTP in a phone app
    "django_otp.plugins.otp_static",  # its recovery codes
    "reports",
    "indicators",
]

MIDDLEWARE = [
    "reports.common.middleware.RequestLogMiddleware",  # first: log records carry the path and the user
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",  # Content-Security-Policy on every response
    "reports.common.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # serves /static/ in production, before any session work
    "reports.common.middleware.SessionMiddleware",  # Django's, leaving public pages without a cookie
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "reports.common.middleware.ActingForMiddleware",  # the unit a person acts for: request.user.acting_unit_id
    "reports.common.middleware.PrivatePagesMiddleware",  # logged-in pages: Cache-Control: private, no-store
    "reports.audit_events.AuditMiddleware",  # refusals and downloads into the audit trail
    "django.contrib.messages.middleware.MessageMiddleware",
    "reports.accounts.middleware.SessionLimitMiddleware",  # the 12-hour limit from login
    "reports.accounts.middleware.PendingStepsMiddleware",  # second factor, forced password change
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a refused login into the lockout page
]

ROOT_URLCONF = "config.urls"
# The error pages are templates/400.html … 500.html; a failed CSRF check gets a page of its own that says
# what to do and nothing technical (the reason goes to the log).
CSRF_FAILURE_VIEW = "reports.views.errors.csrf_failure"

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
                "reports.accounts.context_processors.session_limits",
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

# Passwords (README: Security): at least PASSWORD_MIN_LENGTH characters of three of the four classes, not
# like the username, not a common password nor a local word with digits ("qianjiang2025").
PASSWORD_MIN_LENGTH = env.int("PASSWORD_MIN_LENGTH", default=8)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "reports.accounts.passwords.MinimumLengthValidator",
        "OPTIONS": {"min_length": PASSWORD_MIN_LENGTH},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "reports.accounts.passwords.CharacterClassesValidator", "OPTIONS": {"min_classes": 3}},
    {"NAME": "reports.accounts.passwords.LocalWordValidator"},
]

# Login: django-axes counts failures per account (not per address: colleagues behind one NAT address do
# not lock each other out) and refuses the account for LOGIN_LOCKOUT_MINUTES after LOGIN_FAILURE_LIMIT
# failures; the security administrator can lift it earlier (reports/accounts/).
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
# Attempts during a lockout do not restart it: the page can say when to try again, and it stays true.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "reports.accounts.views.locked_out"
AXES_DISABLE_ACCESS_LOG = True  # logins and logouts go to the audit trail (reports.AuditEntry)
AXES_VERBOSE = False
# axes warns when the address is not one of the lockout parameters; per account is the point here (colleagues
# share one NAT address), and failures are summed over every address and browser of the account.
SILENCED_SYSTEM_CHECKS += ["axes.W006"]

# Sessions: an idle session ends after SESSION_IDLE_MINUTES (the cookie's Max-Age, renewed on every
# request), any session SESSION_MAX_HOURS after its login (SessionLimitMiddleware). The editor warns
# SESSION_WARNING_MINUTES before the idle end (static/js/autosave.js).
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_MINUTES", default=30) * 60
SESSION_SAVE_EVERY_REQUEST = True
# The database store, but a row written only when its data changed or its expiry moved by a minute or more
# (not once per request, autosaves included): reports/accounts/sessions.py.
SESSION_ENGINE = "reports.accounts.sessions"
SESSION_MAX_AGE = env.int("SESSION_MAX_HOURS", default=12) * 3600
SESSION_WARNING_SECONDS = env.int("SESSION_WARNING_MINUTES", default=5) * 60

# The second factor (django-otp): TOTP required for these roles (Membership roles, the administrator
# roles of reports/accounts/roles.py, "superuser"), optional for the others; the demo users of
# `load_demo` log in without it under DEBUG=1 only.
OTP_REQUIRED_ROLES = env.list(
    "OTP_REQUIRED_ROLES",
    cast=str.strip,
    default=["district_office", "system_admin", "security_admin", "audit_admin", "superuser"],
)
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="法治年报")
RECOVERY_CODE_COUNT = 10

# One language on an intranet; to add a translation later: LANGUAGES + LocaleMiddleware + a locale/ folder.
LANGUAGE_CODE = "zh-hans"
# Texts Django's own Chinese catalogues leave in English (the admin's pickers): locale/zh_Hans.
LOCALE_PATHS = [BASE_DIR / "locale"]
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

# The editor posts the whole report as one form (every save, autosave and button): five fields an item, two
# a section, a dozen for the rest. Django's default of 1,000 fields refused a report of 200 items with a 400.
# Bounded by the longest report that can be made: the import takes 200,000 characters (IMPORT_TEXT_MAX),
# at most 10,000 items of one line, so 5 × 10,000 + a thousand for sections and the rest. Such a post is
# under 3 MB percent-encoded, within DATA_UPLOAD_MAX_MEMORY_SIZE below (tests/test_large_reports.py).
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5 * 10_000 + 1_000
# Uploads are bounded while the request is read, not after: a file past 10 MB is given up as it arrives
# (reports/common/uploads.py), so no more than that and one chunk of it is ever held; the form's other
# fields are kept. The rest of a request (every field but files) may hold 5 MB: the editor posts a whole
# report percent-encoded (9 bytes a Chinese character), and the import's 200,000 characters are 1.8 MB so.
FILE_UPLOAD_HANDLERS = [
    "reports.common.uploads.BoundedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Background jobs (the 汇编, the year's ZIP, e-mail): django-tasks with its database backend, in every
# environment. A job is a row in this same database; `manage.py db_worker` (started by `make run`, a
# service in production) takes them one at a time, on any number of machines sharing the database.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

# The public site's pages (reports/public/) are kept in Django's cache until something is published or
# withdrawn (reports/common/pagecache.py). Files under VAR_DIR/cache by default: shared by every gunicorn
# worker on the machine, so an invalidation reaches them all, with no other service. Several machines need a
# shared cache: CACHE_URL (e.g. redis://…, django-environ's syntax).
CACHES = {"default": env.cache_url("CACHE_URL", default=f"filecache://{VAR_DIR / 'cache'}")}
PUBLIC_PAGE_MAX_AGE = env.int("PUBLIC_PAGE_MAX_AGE", default=300)  # seconds a browser or proxy may keep one

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
        "axes": {"level": "WARNING"},  # a line for every login; failures and lockouts are warnings
    },
}
