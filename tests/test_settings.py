"""config/settings.py read from the environment, in a fresh interpreter each time (the settings are read
once per process)."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[1]
# Every variable config/settings.py reads: none leaks in from the environment of the test run.
READ = {
    "DEBUG", "SECRET_KEY", "SITE_URL", "DATABASE_URL", "CONN_MAX_AGE", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS",
    "SECURE_COOKIES", "SECURE_PROXY_SSL_HEADER", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS", "VAR_DIR",
    "STATIC_ROOT", "EMAIL_URL", "DEFAULT_FROM_EMAIL", "LOG_LEVEL", "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL", "AWS_S3_REGION_NAME",
}  # fmt: skip
PRODUCTION = {"SECRET_KEY": "k" * 50, "SITE_URL": "https://fazhi.example.gov.cn"}


def load_settings(*names, **env):
    """Import config.settings with only ``env`` set; the process, and the settings ``names`` as .values."""
    clean = {k: v for k, v in os.environ.items() if k not in READ and not k.startswith("DJANGO")}
    clean.update(env)
    code = (
        "import json, config.settings as s\n"
        f"print(json.dumps({{name: getattr(s, name, None) for name in {list(names)!r}}}, default=str))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True)
    result.values = json.loads(result.stdout) if result.returncode == 0 else None
    return result


def test_chinese_is_the_default_language():
    assert settings.LANGUAGE_CODE == "zh-hans"
    assert settings.TIME_ZONE == "Asia/Shanghai"


def test_production_refuses_to_start_without_a_secret_key():
    result = load_settings(SITE_URL="https://fazhi.example.gov.cn")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_refuses_the_development_key():
    result = load_settings(**PRODUCTION | {"SECRET_KEY": "insecure-development-key-not-for-production"})
    assert result.returncode != 0
    assert "development key" in result.stderr


def test_development_runs_without_a_key_on_sqlite_in_var_dir(tmp_path):
    result = load_settings("DATABASES", "SITE_URL", "EMAIL_BACKEND", DEBUG="1", VAR_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    database = result.values["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == str(tmp_path / "db.sqlite3")
    assert database["CONN_HEALTH_CHECKS"] is True
    assert result.values["SITE_URL"] == "http://127.0.0.1:8000"
    assert result.values["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"


def test_database_url_selects_postgresql():
    result = load_settings(
        "DATABASES", **PRODUCTION, DATABASE_URL="postgres://app:pw@db.internal:5432/fazhi", CONN_MAX_AGE="0"
    )
    assert result.returncode == 0, result.stderr
    database = result.values["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["PORT"], database["NAME"], database["USER"]) == (
        "db.internal", 5432, "fazhi", "app",
    )  # fmt: skip
    assert database["CONN_MAX_AGE"] == 0
    assert database["CONN_HEALTH_CHECKS"] is True


def test_a_misspelt_boolean_is_an_error_not_false():
    result = load_settings(DEBUG="ture")
    assert result.returncode != 0
    assert "DEBUG" in result.stderr and "'ture' is not a boolean" in result.stderr
    result = load_settings(**PRODUCTION, SECURE_COOKIES="nein")
    assert result.returncode != 0 and "SECURE_COOKIES" in result.stderr


def test_a_number_that_is_not_one_is_an_error():
    result = load_settings(**PRODUCTION, CONN_MAX_AGE="a minute")
    assert result.returncode != 0 and "CONN_MAX_AGE" in result.stderr


def test_booleans_read_the_usual_words():
    for word, expected in [
        ("1", True),
        ("TRUE", True),
        ("on", True),
        ("0", False),
        ("no", False),
        ("Off", False),
    ]:
        result = load_settings("DEBUG", **PRODUCTION, DEBUG=word)
        assert result.returncode == 0, result.stderr
        assert result.values["DEBUG"] is expected, word


def test_an_empty_variable_counts_as_not_set():
    result = load_settings("DEBUG", "EMAIL_BACKEND", **PRODUCTION, DEBUG="", EMAIL_URL="")
    assert result.returncode == 0, result.stderr
    assert result.values == {"DEBUG": False, "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend"}


def test_production_needs_the_site_url_so_that_e_mail_links_do_not_point_at_127_0_0_1():
    result = load_settings(SECRET_KEY="k" * 50)
    assert result.returncode != 0
    assert "SITE_URL is not set" in result.stderr
    result = load_settings(**PRODUCTION | {"SITE_URL": "fazhi.example.gov.cn"})
    assert result.returncode != 0 and "http:// or https://" in result.stderr


def test_cookies_are_secure_in_production_and_the_site_address_is_a_trusted_origin():
    result = load_settings(
        "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "CSRF_TRUSTED_ORIGINS", "ALLOWED_HOSTS", **PRODUCTION
    )
    assert result.returncode == 0, result.stderr
    assert result.values == {
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "CSRF_TRUSTED_ORIGINS": ["https://fazhi.example.gov.cn"],
        "ALLOWED_HOSTS": ["localhost", "127.0.0.1"],
    }


def test_an_intranet_over_http_turns_secure_cookies_off():
    env = PRODUCTION | {"SITE_URL": "http://10.1.2.3:8080"}
    result = load_settings(**env)
    assert result.returncode != 0
    assert "SECURE_COOKIES=0" in result.stderr  # rather than a login that silently never works
    result = load_settings(
        "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "CSRF_TRUSTED_ORIGINS", "ALLOWED_HOSTS",
        **env, SECURE_COOKIES="0", ALLOWED_HOSTS="10.1.2.3, fazhi.local", CSRF_TRUSTED_ORIGINS="http://fazhi.local",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.values == {
        "SESSION_COOKIE_SECURE": False,
        "CSRF_COOKIE_SECURE": False,
        "CSRF_TRUSTED_ORIGINS": ["http://fazhi.local"],
        "ALLOWED_HOSTS": ["10.1.2.3", "fazhi.local"],
    }


def test_https_means_a_redirect_and_hsts_and_plain_http_neither():
    names = (
        "SECURE_PROXY_SSL_HEADER",
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SECURE_REDIRECT_EXEMPT",
    )
    result = load_settings(*names, **PRODUCTION)  # an https:// SITE_URL, Secure cookies
    assert result.values == {
        "SECURE_PROXY_SSL_HEADER": None,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_REDIRECT_EXEMPT": ["^healthz$"],  # a monitor on the machine asks over HTTP
    }
    intranet = PRODUCTION | {"SITE_URL": "http://10.20.1.5:8000", "SECURE_COOKIES": "0"}
    result = load_settings(*names, **intranet)
    assert result.values["SECURE_SSL_REDIRECT"] is False and result.values["SECURE_HSTS_SECONDS"] == 0
    result = load_settings(
        *names,
        **PRODUCTION,
        SECURE_PROXY_SSL_HEADER="1",
        SECURE_SSL_REDIRECT="0",  # nginx redirects port 80 itself
        SECURE_HSTS_SECONDS="600",
    )
    assert result.values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert result.values["SECURE_SSL_REDIRECT"] is False and result.values["SECURE_HSTS_SECONDS"] == 600


def test_a_secret_key_is_taken_as_written_even_with_a_dollar_sign():
    # django-environ alone reads "$name" as the value of the variable "name"
    result = load_settings("SECRET_KEY", **PRODUCTION | {"SECRET_KEY": "$" + "x" * 49})
    assert result.returncode == 0, result.stderr
    assert result.values["SECRET_KEY"] == "$" + "x" * 49


def test_email_url_sets_the_smtp_server():
    result = load_settings(
        "EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD", "EMAIL_USE_TLS",
        "EMAIL_USE_SSL", "DEFAULT_FROM_EMAIL",
        **PRODUCTION, EMAIL_URL="smtp+tls://fazhi%40example.gov.cn:p%40ss@mail.example.gov.cn:587",
        DEFAULT_FROM_EMAIL="法治年报 <fazhi@example.gov.cn>",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.values == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "mail.example.gov.cn",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "fazhi@example.gov.cn",
        "EMAIL_HOST_PASSWORD": "p@ss",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
        "DEFAULT_FROM_EMAIL": "法治年报 <fazhi@example.gov.cn>",
    }
    result = load_settings(
        "EMAIL_PORT", "EMAIL_USE_SSL", **PRODUCTION, EMAIL_URL="smtp+ssl://mail.example.gov.cn:465"
    )
    assert result.values == {"EMAIL_PORT": 465, "EMAIL_USE_SSL": True}


def test_production_without_email_url_sends_no_email():
    result = load_settings("EMAIL_BACKEND", **PRODUCTION)
    assert result.values["EMAIL_BACKEND"] == "django.core.mail.backends.dummy.EmailBackend"


def test_stored_files_go_under_var_dir_or_to_an_object_store(tmp_path):
    result = load_settings("STORAGES", "MEDIA_ROOT", "STATIC_ROOT", **PRODUCTION, VAR_DIR=str(tmp_path))
    assert result.values["STORAGES"]["default"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert result.values["MEDIA_ROOT"] == str(tmp_path / "media")
    assert result.values["STATIC_ROOT"] == str(tmp_path / "staticfiles")
    assert result.values["STORAGES"]["staticfiles"] == {
        "BACKEND": "reports.common.static_storage.StaticStorage"
    }
    result = load_settings(
        "STORAGES",
        **PRODUCTION,
        AWS_STORAGE_BUCKET_NAME="fazhi-pdf",
        AWS_S3_ENDPOINT_URL="http://minio.internal:9000",
    )
    assert result.values["STORAGES"]["default"] == {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": "fazhi-pdf",
            "endpoint_url": "http://minio.internal:9000",
            "region_name": None,
            "file_overwrite": False,
        },
    }


def test_the_test_settings_keep_their_own_storage_and_mail():
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.locmem.EmailBackend"
    assert settings.STORAGES["default"]["BACKEND"] == "django.core.files.storage.InMemoryStorage"
