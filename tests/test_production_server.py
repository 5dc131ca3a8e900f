"""The app as production runs it: gunicorn with config/gunicorn.py, DEBUG unset, a real SECRET_KEY, plain HTTP
on an intranet address (SECURE_COOKIES=0), after migrate and collectstatic, its own SQLite file in a
temporary VAR_DIR whatever database the suite runs on. Spoken to over HTTP with urllib, as a browser would."""

import http.cookiejar
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.test_settings import READ

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
USERNAME, PASSWORD = "clerk", "a-long-test-password-42"
STARTUP_SECONDS = 30


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run_all(commands, env, timeout=120):
    """Runs the commands side by side; fails with their output if one fails."""
    processes = [
        subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        for command in commands
    ]
    for command, process in zip(commands, processes, strict=True):
        output, _ = process.communicate(timeout=timeout)
        assert process.returncode == 0, f"{' '.join(command)}:\n{output}"


class Answer:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body
        self.text = body.decode("utf-8", "replace")


def request(opener, url, data=None, headers=None):
    encoded = urllib.parse.urlencode(data).encode() if data is not None else None
    try:
        with opener.open(urllib.request.Request(url, encoded, headers or {}), timeout=20) as response:
            return Answer(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.headers, error.read())


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    var = tmp_path_factory.mktemp("production")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if k not in READ and not k.startswith("DJANGO")}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        SECRET_KEY=secrets.token_urlsafe(50),
        SITE_URL=base,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_COOKIES="0",
        VAR_DIR=str(var),
        STATIC_ROOT=str(var / "static"),
        XDG_RUNTIME_DIR=str(var),  # gunicorn's control socket: this server's own
    )
    migrate_and_add_a_user = (
        "import django; django.setup()\n"
        "from django.core.management import call_command\n"
        "from django.contrib.auth import get_user_model\n"
        "call_command('migrate', interactive=False, verbosity=0)\n"
        f"get_user_model().objects.create_user({USERNAME!r}, password={PASSWORD!r}, first_name='王填报')\n"
    )
    run_all(
        [
            [sys.executable, "-c", migrate_and_add_a_user],
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        ],
        env,
    )
    access_log, error_log = (var / "access.log").open("w"), (var / "error.log").open("w")
    process = subprocess.Popen(
        [BIN / "gunicorn", "-c", "python:config.gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", "1",
         "config.wsgi:application"],
        cwd=ROOT, env=env, stdout=access_log, stderr=error_log,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            assert process.poll() is None, (var / "error.log").read_text()
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                assert time.monotonic() < deadline, (
                    "gunicorn did not start:\n" + (var / "error.log").read_text()
                )
                time.sleep(0.1)
        yield {"base": base, "var": var}
    finally:
        process.send_signal(signal.SIGINT)  # gunicorn's quick shutdown
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        access_log.close()
        error_log.close()


@pytest.fixture(scope="module")
def browser(server):
    """A cookie-keeping client, logged in through the login form over plain HTTP."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = request(opener, server["base"] + "/accounts/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    home = request(
        opener,
        server["base"] + "/accounts/login/",
        {"csrfmiddlewaretoken": token, "username": USERNAME, "password": PASSWORD},
    )
    return {"opener": opener, "jar": jar, "home": home}


def test_login_over_plain_http_works_with_secure_cookies_off(browser):
    assert browser["home"].status == 200
    assert "王填报" in browser["home"].text and "退出登录" in browser["home"].text
    session = [cookie for cookie in browser["jar"] if cookie.name == "sessionid"]
    assert session and not session[0].secure


def test_pages_are_styled_from_hashed_static_files(server, browser):
    links = re.findall(r'<link rel="stylesheet" href="([^"]+)">', browser["home"].text)
    assert links and all(re.search(r"\.[0-9a-f]{12}\.css$", link) for link in links), links
    for link in links:
        css = request(urllib.request.build_opener(), server["base"] + link)
        assert css.status == 200
        assert css.headers["Content-Type"].startswith("text/css")
        assert "immutable" in css.headers["Cache-Control"]  # whitenoise: hashed names never change
    assert "--bs-" in request(urllib.request.build_opener(), server["base"] + links[0]).text


def test_a_logged_in_page_is_private_and_not_stored(server, browser):
    page = request(browser["opener"], server["base"] + "/")
    assert page.status == 200
    assert page.headers["Cache-Control"] == "private, no-store"


def test_healthz_answers_json(server):
    answer = request(urllib.request.build_opener(), server["base"] + "/healthz")
    assert answer.status == 200
    assert answer.headers["Content-Type"] == "application/json"
    body = json.loads(answer.text)
    assert {part: body[part] for part in ("database", "storage", "fonts")} == {
        "database": "ok",
        "storage": "ok",
        "fonts": "ok",
    }
    assert body["jobs"]["queue"] in ("no queue", "ok")


def test_a_foreign_host_gets_the_chinese_400(server):
    answer = request(urllib.request.build_opener(), server["base"] + "/", headers={"Host": "evil.example"})
    assert answer.status == 400
    assert '<html lang="zh-CN"' in answer.text and "这个请求无法处理" in answer.text
    assert "Bad Request" not in answer.text


def test_a_missing_report_gets_the_chinese_404_and_is_logged_with_the_user(server, browser):
    answer = request(browser["opener"], server["base"] + "/reports/999999/")
    assert answer.status == 404
    assert "找不到这个页面" in answer.text and "Not Found" not in answer.text
    deadline = time.monotonic() + 5  # the logs are written as the worker goes on
    while time.monotonic() < deadline:
        access = (server["var"] / "access.log").read_text()
        errors = (server["var"] / "error.log").read_text()
        if "999999" in access and "999999" in errors:
            break
        time.sleep(0.1)
    assert re.search(rf' {USERNAME} "GET /reports/999999/ HTTP/1.1" 404 \d+ \d+ms', access), access
    assert f"WARNING django.request [/reports/999999/ {USERNAME}] Not Found: /reports/999999/" in errors
