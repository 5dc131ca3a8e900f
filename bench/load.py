"""The deadline week under load (issue 13): gunicorn and PostgreSQL on 127.0.0.1, this code beside a baseline.

    .venv/bin/python bench/load.py                      # a few minutes: the three phases, this code and the baseline
    .venv/bin/python bench/load.py --duration 120 --step-seconds 20 --rounds 2   # longer, repeated
    .venv/bin/python bench/load.py --no-baseline --phases a   # this code only, the 300-user mix only

For each of two trees, this checkout and a git worktree of the baseline (``--baseline REF``; by default
main as it was before issue 13's work: the newest commit of main's first-parent line without this file),
it creates a uniquely named PostgreSQL database (psycopg, on 127.0.0.1:5432 as
postgres), builds it with that tree's own code (bench/_load_data.py: migrate, demo data, three districts
of 80 units with a staff member and a leader each, every unit's 2024 report accepted with a stored PDF and
its 2025 draft imported from the demo report, a quarter of the drafts submitted and returned; collectstatic;
a logged-in session per user) and serves it with gunicorn (the tree's config/gunicorn.py, with 3 sync workers unless
``--workers`` / ``--worker-class`` / ``--threads`` say otherwise) on a free 127.0.0.1 port with production settings (DEBUG
off, a SECRET_KEY, ALLOWED_HOSTS=127.0.0.1, SECURE_COOKIES=0). Then locust runs in this process
(``Environment`` and its local runner, headless) against one tree at a time, the two in turns:

(a) the mix: ``--users`` (300) users, 70 % staff (open the editor, autosave one changed item every 15 s
    with ``X-Autosave: 1``, open the indicator sheet, autosave one changed note, preview), 20 % leaders
    (report page, changes, history), 10 % district office (dashboard, indicator matrix, a stored PDF),
    3-8 s between pages; spawned over ``--ramp`` seconds, each starting at a random offset in its first
    15 s and staff at a random place in their cycle; measured for ``--duration`` seconds after that:
    requests per second, p50/p95/p99 per kind, errors, the CPU of the server and its database.
(b) a burst of ``--burst`` (300) logins, each at a random offset within ``--burst-window`` (10) seconds:
    login page, then the POST; the time until the last is answered ("cleared"), login p95. Stopped after
    ``--burst-timeout`` seconds, counting what was not answered (and gunicorn restarted, to drop the rest).
(c) saturation: the same mix without think time at ``--steps`` users (2, 4, 8, 16, 32, 64), the trees in
    turns at each step, ``--step-seconds`` each, until a tree's throughput stops growing (two steps in a
    row under 3 % over its best); its saturation throughput is the best step's. Beside it, requests per
    second per core that the server and its database used: other processes on a shared machine shift
    what a tree gets of the two cores from one step to the next, not what a request costs.

Requests only go to 127.0.0.1; every phase is bounded in time; gunicorn runs in its own process group and
is killed with it; the databases are dropped and the worktree removed at the end, whatever happens.
Prints figures and ratios, never pass/fail. The locust client shares the machine's two cores with the
server: its CPU is printed too. ``uptime``'s load is printed with each phase.
"""

import argparse
import contextlib
import http.cookiejar
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import gevent
import lxml.html
import psycopg
from locust import FastHttpUser, constant, events, task
from locust.env import Environment

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
DATA_SCRIPT = ROOT / "bench" / "_load_data.py"
# The commit issue 13's work started from: the baseline when main cannot be read.
BEFORE_ISSUE_13 = "4d6ef35"
ADMIN_DSN = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432/postgres")
KINDS = [
    "editor", "autosave", "sheet", "sheet autosave", "preview",
    "detail", "changes", "history",
    "dashboard", "matrix", "stored pdf",
    "login page", "login",
]  # fmt: skip
PAGES = {"editor", "sheet", "preview", "detail", "changes", "history", "dashboard", "matrix"}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", help="git ref of the baseline (default: see above)")
    parser.add_argument("--no-baseline", action="store_true", help="measure this checkout only")
    parser.add_argument("--phases", default="abc", help="which of a, b, c to run (default abc)")
    parser.add_argument("--users", type=int, default=300)
    parser.add_argument("--ramp", type=float, default=10, help="seconds to start the mix's users")
    parser.add_argument("--duration", type=float, default=60, help="seconds the mix is measured")
    parser.add_argument("--burst", type=int, default=300)
    parser.add_argument("--burst-window", type=float, default=10)
    parser.add_argument("--burst-timeout", type=float, default=45)
    parser.add_argument("--steps", default="2,4,8,16,32,64")
    parser.add_argument("--step-seconds", type=float, default=8)
    parser.add_argument("--rounds", type=int, default=1, help="repeat the phases, the trees in turns")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--worker-class", default="sync")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--units", type=int, default=80, help="units per district")
    parser.add_argument("--districts", type=int, help="default: enough for every staff user's own draft")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    return parser.parse_args()


# --- The trees, their databases and servers ----------------------------------------------------------------


@dataclass
class Tree:
    name: str
    path: Path
    ref: str
    database: str
    var: Path
    port: int = 0
    server: subprocess.Popen | None = None
    data: dict = field(default_factory=dict)
    results: dict = field(default_factory=dict)
    secret_key: str = field(default_factory=lambda: "load-test-" + uuid.uuid4().hex)

    @property
    def host(self):
        return f"http://127.0.0.1:{self.port}"

    @property
    def database_url(self):
        return ADMIN_DSN.rsplit("/", 1)[0] + "/" + self.database

    def environment(self):
        env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}}
        env.update(
            PYTHONPATH=str(self.path),
            DATABASE_URL=self.database_url,
            SECRET_KEY=self.secret_key,
            VAR_DIR=str(self.var),
            ALLOWED_HOSTS="127.0.0.1",
            SITE_URL="http://127.0.0.1",  # the address in e-mail links: production settings require one
            SECURE_COOKIES="0",
            EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
            CONN_MAX_AGE="60",
        )
        return env


def git(*args):
    return subprocess.run(
        ["git", "-C", str(ROOT), *args], check=True, capture_output=True, text=True
    ).stdout.strip()


def baseline_ref(requested):
    """``requested``, else main as it was before this load test came to it: the newest commit of main's
    first-parent line without bench/load.py (main itself while it has none; before issue 13's work)."""
    if requested:
        return git("rev-parse", "--short", requested)
    try:
        line = git("rev-list", "--first-parent", "main").split()
    except subprocess.CalledProcessError:
        line = []
    for commit in line:
        has_it = subprocess.run(
            ["git", "-C", str(ROOT), "cat-file", "-e", f"{commit}:bench/load.py"], capture_output=True
        )
        if has_it.returncode != 0:
            return git("rev-parse", "--short", commit)
    return git("rev-parse", "--short", BEFORE_ISSUE_13)


def add_worktree(tree):
    """A git worktree of ``tree.ref`` at ``tree.path``, with this checkout's cut fonts (made by make, not
    kept in git)."""
    git("worktree", "add", "--detach", str(tree.path), tree.ref)
    fonts = ROOT / "static" / "fonts"
    if fonts.is_dir() and not (tree.path / "static" / "fonts").exists():
        (tree.path / "static" / "fonts").symlink_to(fonts)


def clean_up(work, databases, worktree):
    """Drop the databases, remove the baseline's worktree (``work / "baseline"``) and the work folder."""
    for name in databases:
        with contextlib.suppress(Exception):
            drop_database(name)
    if worktree:
        with contextlib.suppress(subprocess.CalledProcessError):
            git("worktree", "remove", "--force", str(work / "baseline"))
        with contextlib.suppress(subprocess.CalledProcessError):
            git("worktree", "prune")
    shutil.rmtree(work, ignore_errors=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def create_database(name):
    with psycopg.connect(ADMIN_DSN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')


def drop_database(name):
    with psycopg.connect(ADMIN_DSN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def prepare(tree, args, districts):
    print(f"  {tree.name}: building the database {tree.database} with {tree.path}'s code…", flush=True)
    out = tree.var / "data.json"
    subprocess.run(
        [
            sys.executable, str(DATA_SCRIPT), str(tree.path), str(out),
            "--districts", str(districts), "--units", str(args.units),
            "--district-users", str(max(1, -(-args.users // 10 // districts))),
        ],
        cwd=tree.path, env=tree.environment(), check=True, timeout=900,
    )  # fmt: skip
    tree.data = json.loads(out.read_text())
    if Path(tree.data["code"]) != tree.path.resolve():
        raise SystemExit(f"{tree.name}: the data script ran {tree.data['code']}'s code, not {tree.path}'s")
    print(
        f"  {tree.name}: {len(tree.data['staff'])} drafts, {len(tree.data['pdf_reports'])} stored PDFs "
        f"in {tree.data['seconds']} s; password hasher {tree.data['hash_parameters']}, "
        f"{tree.data['password_check_cpu'] * 1000:.0f} ms CPU a check",
        flush=True,
    )


def start_server(tree, args):
    tree.port = free_port()
    log = open(tree.var / "gunicorn.log", "ab")  # closed with the process
    # The tree's own gunicorn settings when it has them (production's: access log, timeouts), the
    # workers of the command line on top
    config = ["-c", "python:config.gunicorn"] if (tree.path / "config" / "gunicorn.py").exists() else []
    tree.server = subprocess.Popen(
        [
            str(VENV_BIN / "gunicorn"), *config, "config.wsgi:application", "--chdir", str(tree.path),
            "--bind", f"127.0.0.1:{tree.port}", "--workers", str(args.workers),
            "--worker-class", args.worker_class, "--threads", str(args.threads),
            "--timeout", "60", "--graceful-timeout", "5", "--log-level", "warning",
        ],
        cwd=tree.path, env=tree.environment(), stdout=log, stderr=log, start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if tree.server.poll() is not None:
            raise SystemExit(f"{tree.name}: gunicorn exited; see {tree.var / 'gunicorn.log'}")
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(tree.host + "/accounts/login/", timeout=5) as response:
                if response.status == 200:
                    return
        gevent.sleep(0.5)
    raise SystemExit(f"{tree.name}: gunicorn did not answer in 60 s")


def stop_server(tree):
    if tree.server is None or tree.server.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(tree.server.pid, signal.SIGTERM)
    try:
        tree.server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(tree.server.pid, signal.SIGKILL)
        tree.server.wait(timeout=10)


def cpu_by_process(tree):
    """CPU seconds used so far by each process of the server (gunicorn's process group) and of its
    database (the PostgreSQL backends serving ``tree.database``, named so in their process titles)."""
    found = {}
    pgid = tree.server.pid
    for proc in Path("/proc").glob("[0-9]*"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
            seconds = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
            if int(fields[2]) == pgid:  # fields after the name: state ppid pgrp ...
                found[("server", proc.name)] = seconds
            elif tree.database.encode() in (proc / "cmdline").read_bytes():
                found[("database", proc.name)] = seconds
    return found


def cores(before, after, seconds, kind):
    """Cores busy on average between two ``cpu_by_process`` readings for ``kind`` (a process that started
    in between counts whole, one that ended counts until the first reading)."""
    used = sum(after[key] - before.get(key, 0) for key in after if key[0] == kind)
    return used / seconds


def server_cpu(tree):
    """CPU seconds used so far by the server's processes (the master and its workers)."""
    return sum(v for k, v in cpu_by_process(tree).items() if k[0] == "server")


def drain(tree, limit=180):
    """Wait until the server is idle (under 0.1 core for 2 s): requests a phase left queued (a login burst
    that timed out) are still being answered, and would be counted against the next phase."""
    started, quiet = time.monotonic(), 0
    while time.monotonic() - started < limit and quiet < 2:
        before = server_cpu(tree)
        gevent.sleep(1)
        quiet = quiet + 1 if server_cpu(tree) - before < 0.1 else 0
    waited = time.monotonic() - started
    if waited > 5:
        print(f"  ({tree.name} took {waited:.0f} s to answer what the phase left queued)", flush=True)


def client_cpu():
    usage = os.times()
    return usage.user + usage.system


def load_average():
    return "load {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


# --- The users -------------------------------------------------------------------------------------------


class Run:
    """What the users of one phase against one tree share: the accounts and whether they think."""

    def __init__(self, tree, think):
        self.tree = tree
        self.think = think
        self.taken = {}

    def take(self, kind):
        rows = self.tree.data[kind]
        n = self.taken.get(kind, 0)
        self.taken[kind] = n + 1
        return rows[n % len(rows)]


def session_cookie(name, value):
    return http.cookiejar.Cookie(
        0, name, value, None, False, "127.0.0.1", False, False, "/", True, False, None, False, None, None, {}
    )


def form_of(text):
    """The page's autosaving form: its URL and its fields as (name, value) pairs, as the browser posts them."""
    form = lxml.html.fromstring(text).xpath("//form[@data-autosave-url]")[0]
    return form.get("data-autosave-url"), [list(pair) for pair in form.form_values()]


def toggle(value, mark):
    return value[: -len(mark)] if value.endswith(mark) else value + mark


class Visitor(FastHttpUser):
    abstract = True
    wait_time = constant(0)
    connection_timeout = 30.0
    network_timeout = 60.0
    phase: Run
    accounts = ""

    def on_start(self):
        self.account = self.phase.take(self.accounts)
        self.client.cookiejar.set_cookie(session_cookie("sessionid", self.account["session"]))
        gevent.sleep(random.uniform(0, 15 if self.phase.think else 1))

    def pause(self, low, high):
        if self.phase.think:
            gevent.sleep(random.uniform(low, high))

    def get(self, url, name, content_type="text/html", must_contain=""):
        """A page (redirects followed: a lost session ends on the login page, which ``must_contain`` tells)."""
        with self.client.get(url, name=name, catch_response=True) as response:
            if response.status_code != 200:
                return response
            if not response.headers.get("Content-Type", "").startswith(content_type):
                response.failure(f"{response.headers.get('Content-Type')} instead of {content_type}")
            elif must_contain and must_contain not in (response.text or ""):
                response.failure(f"no {must_contain} on the page (logged out?)")
            return response

    def autosave(self, url, fields, name):
        """Post the form as autosave.js does; the new version goes into the form, as the script does."""
        with self.client.post(
            url,
            data=urlencode([tuple(pair) for pair in fields]),
            name=name,
            headers={"X-Autosave": "1", "Content-Type": "application/x-www-form-urlencoded"},
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}: {response.text[:200]}")
                return
            version = response.json().get("version")
            for pair in fields:
                if pair[0] in ("report-version", "version"):
                    pair[1] = str(version)


class Staff(Visitor):
    weight = 7
    accounts = "staff"

    def on_start(self):
        super().on_start()
        # A random place in the cycle to start from, so that a short measurement sees every kind of page
        self.segment = random.randrange(len(self.SEGMENTS))

    SEGMENTS = ("text", "sheet", "preview")  # the cycle: editor and three autosaves, sheet and one, preview

    @task
    def write(self):
        segment = self.SEGMENTS[self.segment]
        self.segment = (self.segment + 1) % len(self.SEGMENTS)
        getattr(self, segment)(self.account["report"])

    def text(self, pk):
        response = self.get(f"/reports/{pk}/edit/", "editor", must_contain="data-autosave-url")
        if response.status_code != 200 or "data-autosave-url" not in response.text:
            return self.pause(3, 8)
        url, fields = form_of(response.text)
        bodies = [pair for pair in fields if re.fullmatch(r"i\d+-body", pair[0])]
        for _ in range(3):
            self.pause(15, 15)
            pair = random.choice(bodies)
            pair[1] = toggle(pair[1], "（补充）")
            self.autosave(url, fields, "autosave")
        self.pause(3, 8)

    def sheet(self, pk):
        response = self.get(f"/reports/{pk}/indicators/", "sheet", must_contain="data-autosave-url")
        if response.status_code == 200 and "data-autosave-url" in response.text:
            url, fields = form_of(response.text)
            notes = [pair for pair in fields if re.fullmatch(r"v\d+-note", pair[0])]
            self.pause(15, 15)
            pair = random.choice(notes)
            pair[1] = toggle(pair[1], "核对")
            self.autosave(url, fields, "sheet autosave")
        self.pause(3, 8)

    def preview(self, pk):
        self.get(f"/reports/{pk}/preview/", "preview")
        self.pause(3, 8)


class Leader(Visitor):
    weight = 2
    accounts = "leaders"

    @task
    def review(self):
        pk = self.account["report"]
        self.get(f"/reports/{pk}/", "detail", must_contain="comment")
        self.pause(3, 8)
        self.get(f"/reports/{pk}/changes/", "changes")
        self.pause(3, 8)
        self.get(f"/reports/{pk}/history/", "history")
        self.pause(3, 8)


class Office(Visitor):
    weight = 1
    accounts = "office"

    @task
    def watch(self):
        year = self.account["year"]
        self.get(f"/district/{year}/", "dashboard", must_contain="district")
        self.pause(3, 8)
        self.get(f"/district/{year}/indicators/", "matrix")
        self.pause(3, 8)
        self.get(
            f"/reports/{random.choice(self.account['pdf_reports'])}/pdf/", "stored pdf", "application/pdf"
        )
        self.pause(3, 8)


class Login(FastHttpUser):
    """One login at a random offset within the burst's window, then the user idles."""

    wait_time = constant(0)
    connection_timeout = 30.0
    network_timeout = 120.0
    phase: Run
    window = 10.0
    started = 0.0
    done: list

    @task
    def log_in(self):
        account = self.phase.take("logins")
        gevent.sleep(max(0.0, self.started + random.uniform(0, self.window) - time.monotonic()))
        response = self.client.get("/accounts/login/", name="login page")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text or "")
        if token:
            with self.client.post(
                "/accounts/login/",
                data=urlencode(
                    {
                        "csrfmiddlewaretoken": token.group(1),
                        "username": account,
                        "password": self.phase.tree.data["password"],
                    }
                ),
                headers={"Content-Type": "application/x-www-form-urlencoded"},
                name="login",
                allow_redirects=False,
                catch_response=True,
            ) as response:
                if response.status_code != 302:
                    response.failure(f"{response.status_code}: not logged in")
        self.done.append(time.monotonic())
        # Stay (idle) until the phase ends: a user that stopped during the spawn would be replaced
        gevent.sleep(3600)


# --- The phases -----------------------------------------------------------------------------------------


def figures(env, seconds):
    """Per kind of request: count, errors, rps, p50/p95/p99/max in ms; and the totals."""
    rows = {}
    for (name, _method), entry in sorted(env.stats.entries.items(), key=lambda e: KINDS.index(e[0][0])):
        if not entry.num_requests:
            continue
        rows[name] = {
            "requests": entry.num_requests,
            "errors": entry.num_failures,
            "rps": entry.num_requests / seconds,
            **{f"p{p}": entry.get_response_time_percentile(p / 100) for p in (50, 95, 99)},
            "max": entry.max_response_time,
        }
    total = env.stats.total
    errors = {str(e.error)[:120]: e.occurrences for e in env.stats.errors.values()}
    return {
        "kinds": rows,
        "requests": total.num_requests,
        "errors": total.num_failures,
        "rps": total.num_requests / seconds,
        "p95 pages": max((r["p95"] for n, r in rows.items() if n in PAGES), default=0),
        "error messages": errors,
    }


def run_users(tree, classes, run, users, spawn_rate, warmup, seconds):
    """Start ``users``, let them settle for ``warmup`` seconds, measure ``seconds``; stop them."""
    for cls in classes:
        cls.phase = run
    env = Environment(user_classes=classes, host=tree.host, events=events)
    runner = env.create_local_runner()
    load = load_average()
    try:
        runner.start(users, spawn_rate=spawn_rate)
        gevent.sleep(warmup)
        env.stats.reset_all()
        cpu, mine, started = cpu_by_process(tree), client_cpu(), time.monotonic()
        gevent.sleep(seconds)
        elapsed = time.monotonic() - started
        result = figures(env, elapsed)
        after = cpu_by_process(tree)
        result.update(
            seconds=elapsed,
            users=users,
            server_cores=cores(cpu, after, elapsed, "server"),
            database_cores=cores(cpu, after, elapsed, "database"),
            client_cores=(client_cpu() - mine) / elapsed,
            load=load,
        )
        # Requests a second per core the server and its database used: what two free cores would give
        result["per_core"] = result["rps"] / max(result["server_cores"] + result["database_cores"], 0.01)
    finally:
        runner.quit()
        drain(tree)
    return result


def phase_mix(tree, args):
    return run_users(
        tree, [Staff, Leader, Office], Run(tree, think=True), args.users, args.users / args.ramp,
        args.ramp + 15, args.duration,
    )  # fmt: skip


def phase_burst(tree, args):
    run = Run(tree, think=False)
    tree.data["logins"] = [
        row["username"] for key in ("staff", "leaders", "office") for row in tree.data[key]
    ]
    env = Environment(user_classes=[Login], host=tree.host, events=events)
    runner = env.create_local_runner()
    load = load_average()
    cpu, started = cpu_by_process(tree), time.monotonic()
    Login.phase, Login.window, Login.started, Login.done = run, args.burst_window, started, []
    try:
        # 100 a second (locust's advice): each user then waits for its offset from the burst's start
        runner.start(args.burst, spawn_rate=100)
        while len(Login.done) < args.burst and time.monotonic() - started < args.burst_timeout:
            gevent.sleep(0.1)
        elapsed = time.monotonic() - started
        result = figures(env, elapsed)
        answered = len(Login.done)
        result.update(
            load=load,
            logins=args.burst,
            answered=answered,
            cleared=(max(Login.done) - started) if answered == args.burst else None,
            server_cores=cores(cpu, cpu_by_process(tree), elapsed, "server"),
            timeout=args.burst_timeout,
        )
    finally:
        runner.quit()
        if len(Login.done) < args.burst:  # logins still queued: a new server rather than minutes of waiting
            print(f"  ({tree.name}: restarting gunicorn to drop the logins still queued)", flush=True)
            stop_server(tree)
            start_server(tree, args)
        else:
            drain(tree)
    return result


def phase_saturation(trees, args):
    """The trees in turns at each step; a tree stops after two steps in a row that do not beat its best by
    3 % (one alone may be the machine's noise)."""
    steps = [int(n) for n in args.steps.split(",")]
    growing = {tree.name: True for tree in trees}
    flat = {tree.name: 0 for tree in trees}
    this_round = {tree.name: [] for tree in trees}  # the stop rule looks at this round's steps only
    for tree in trees:
        tree.results.setdefault("saturation", [])
    for index, users in enumerate(steps):
        order = trees if index % 2 == 0 else trees[::-1]
        for tree in order:
            if not growing[tree.name]:
                continue
            result = run_users(
                tree, [Staff, Leader, Office], Run(tree, think=False), users, users, 3, args.step_seconds
            )
            print_step(tree, result)
            best = max((r["rps"] for r in this_round[tree.name]), default=0)
            this_round[tree.name].append(result)
            tree.results["saturation"].append(result)
            flat[tree.name] = flat[tree.name] + 1 if best and result["rps"] < best * 1.03 else 0
            if flat[tree.name] == 2:
                growing[tree.name] = False
        if not any(growing.values()):
            break


# --- Printing -------------------------------------------------------------------------------------------


def ms(value):
    return f"{value:>6.0f}"


def print_mix(tree, result, title):
    print(
        f"\n{title} — {tree.name} ({tree.ref}): {result['users']} users, {result['rps']:.1f} requests/s, "
        f"{result['errors']} errors of {result['requests']}, p95 of pages {result['p95 pages']:.0f} ms; "
        f"cores busy: server {result['server_cores']:.2f}, database {result['database_cores']:.2f}, "
        f"locust {result['client_cores']:.2f}; {result['load']}"
    )
    print(f"  {'kind':<15}{'requests':>9}{'errors':>7}{'rps':>7}{'p50':>7}{'p95':>7}{'p99':>7}{'max':>7}  ms")
    for name, row in result["kinds"].items():
        print(
            f"  {name:<15}{row['requests']:>9}{row['errors']:>7}{row['rps']:>7.1f}"
            f"{ms(row['p50'])} {ms(row['p95'])} {ms(row['p99'])} {ms(row['max'])}"
        )
    for message, count in result["error messages"].items():
        print(f"  error ×{count}: {message}")


def print_burst(tree, result):
    cleared = (
        f"cleared in {result['cleared']:.1f} s"
        if result["cleared"] is not None
        else (
            f"NOT cleared: {result['answered']} of {result['logins']} answered in {result['timeout']:.0f} s"
        )
    )
    login = result["kinds"].get("login", {})
    print(
        f"\n(b) login burst — {tree.name} ({tree.ref}): {result['logins']} logins within the window, {cleared}; "
        f"login p50 {login.get('p50', 0):.0f} ms, p95 {login.get('p95', 0):.0f} ms, max {login.get('max', 0):.0f} ms; "
        f"{result['errors']} errors; server {result['server_cores']:.2f} cores; {result['load']}"
    )
    for message, count in result["error messages"].items():
        print(f"  error ×{count}: {message}")


def print_step(tree, result):
    print(
        f"  (c) {tree.name:<8} {result['users']:>3} users: {result['rps']:6.1f} requests/s, "
        f"p95 pages {result['p95 pages']:5.0f} ms, {result['errors']} errors; cores: server "
        f"{result['server_cores']:.2f} + database {result['database_cores']:.2f} → {result['per_core']:.1f} "
        f"requests/s a core; locust {result['client_cores']:.2f}; {result['load']}",
        flush=True,
    )


def print_summary(trees, args):
    print("\n== summary")
    for tree in trees:
        r = tree.results
        print(f"{tree.name} ({tree.ref}), gunicorn {args.workers} {args.worker_class} workers × {args.threads} threads, "
              f"hasher {tree.data['hash_parameters']} ({tree.data['password_check_cpu'] * 1000:.0f} ms CPU a check):")  # fmt: skip
        for result in r.get("mix", []):
            autosave = max(result["kinds"].get(k, {}).get("p95", 0) for k in ("autosave", "sheet autosave"))
            print(
                f"  (a) {result['users']} users: {result['rps']:.1f} requests/s, {result['errors']} errors, "
                f"p95 pages {result['p95 pages']:.0f} ms, p95 autosaves {autosave:.0f} ms, "
                f"p95 stored PDF {result['kinds'].get('stored pdf', {}).get('p95', 0):.0f} ms; {result['load']}"
            )
        for result in r.get("burst", []):
            cleared = f"{result['cleared']:.1f} s" if result["cleared"] is not None else "not cleared"
            print(
                f"  (b) {result['logins']} logins: {cleared}, login p95 "
                f"{result['kinds'].get('login', {}).get('p95', 0):.0f} ms, {result['errors']} errors; {result['load']}"
            )
        if r.get("saturation"):
            best = max(r["saturation"], key=lambda s: s["rps"])
            efficient = max(r["saturation"], key=lambda s: s["per_core"])
            print(f"  (c) saturation: {best['rps']:.1f} requests/s at {best['users']} users (cores busy: server "
                  f"{best['server_cores']:.2f}, database {best['database_cores']:.2f}); "
                  f"{efficient['per_core']:.1f} requests/s per core of server and database "
                  f"({efficient['users']} users), {2 * efficient['per_core']:.0f} on two free cores")  # fmt: skip
    if len(trees) == 2 and all(t.results.get("saturation") for t in trees):
        new, base = (max(s["rps"] for s in t.results["saturation"]) for t in trees)
        new_core, base_core = (max(s["per_core"] for s in t.results["saturation"]) for t in trees)
        print(f"saturation throughput ratio {trees[0].name}/{trees[1].name}: {new / base:.2f} measured, "
              f"{new_core / base_core:.2f} per core used (the machine's other load shifts the first)")  # fmt: skip


def main():
    args = parse_args()
    staff_users = -(-args.users * 7 // 10)
    districts = args.districts or max(1, -(-staff_users // args.units))
    work = Path(tempfile.mkdtemp(prefix="bench-load-"))
    tag = f"{os.getpid()}_{uuid.uuid4().hex[:6]}"
    trees = [
        Tree(
            "current",
            ROOT,
            git("rev-parse", "--short", "HEAD"),
            f"fazhi_load_{tag}_current",
            work / "current",
        )
    ]
    if not args.no_baseline:
        ref = baseline_ref(args.baseline)
        trees.append(
            Tree("baseline", work / "baseline", ref, f"fazhi_load_{tag}_baseline", work / "baseline-var")
        )
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    created = []
    worktree = False
    print(f"== load test: {', '.join(f'{t.name} {t.ref}' for t in trees)}; {districts} districts × {args.units} "
          f"units; {load_average()}", flush=True)  # fmt: skip
    try:
        for tree in trees:
            tree.var.mkdir(parents=True, exist_ok=True)
            if tree.name == "baseline":
                add_worktree(tree)
                worktree = True
            create_database(tree.database)
            created.append(tree.database)
            prepare(tree, args, districts)
            start_server(tree, args)
        for round_ in range(args.rounds):
            if "a" in args.phases:
                for tree in trees if round_ % 2 == 0 else trees[::-1]:
                    result = phase_mix(tree, args)
                    tree.results.setdefault("mix", []).append(result)
                    print_mix(tree, result, "(a) the mix")
            if "b" in args.phases:
                for tree in trees if round_ % 2 == 0 else trees[::-1]:
                    result = phase_burst(tree, args)
                    tree.results.setdefault("burst", []).append(result)
                    print_burst(tree, result)
            if "c" in args.phases:
                print("\n(c) saturation: the mix without think time, more users each step", flush=True)
                phase_saturation(trees if round_ % 2 == 0 else trees[::-1], args)
        print_summary(trees, args)
        if args.json:
            args.json.write_text(json.dumps({t.name: {"ref": t.ref, **t.results} for t in trees}, indent=1))
    finally:
        for tree in trees:
            stop_server(tree)
        clean_up(work, created, worktree)


if __name__ == "__main__":
    main()
