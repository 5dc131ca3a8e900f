"""One tree's requests measured in process: run by bench/request_costs.py in a subprocess, never alone.

    python bench/_request_costs_worker.py TREE DATA.json OUT.json [--repeat 15] [--kinds editor,sheet]

With ``TREE`` first on ``sys.path`` and the environment of bench/load.py (production settings: DEBUG off),
each kind of request of the load test's mix goes through Django's test client (the whole middleware stack,
the tree's own URLs, a session of the data's users): a few to warm up, then ``--repeat`` times for the
CPU time (``time.process_time``: the process's own, whatever else the machine runs) and once under cProfile
for the number of Python function calls, which does not depend on the machine at all. Queries are counted
with ``CaptureQueriesContext``.
"""

import argparse
import cProfile
import json
import os
import pstats
import re
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

PARSER = argparse.ArgumentParser(description=__doc__.splitlines()[0])
PARSER.add_argument("tree", type=Path)
PARSER.add_argument("data", type=Path)
PARSER.add_argument("out", type=Path)
PARSER.add_argument("--repeat", type=int, default=15)
PARSER.add_argument("--kinds", default="")
PARSER.add_argument("--profile", type=Path, help="write each kind's cProfile statistics into this folder")
ARGS = PARSER.parse_args()

sys.path.insert(0, str(ARGS.tree.resolve()))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

import lxml.html  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

DATA = json.loads(ARGS.data.read_text())


def client_for(account):
    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies["sessionid"] = account["session"]
    return client


def form_of(text):
    form = lxml.html.fromstring(text).xpath("//form[@data-autosave-url]")[0]
    return form.get("data-autosave-url"), [list(pair) for pair in form.form_values()]


def toggle(value, mark):
    return value[: -len(mark)] if value.endswith(mark) else value + mark


class Autosave:
    """A form read from its page, posted with one field changed each time (as the load test's users do)."""

    def __init__(self, client, page, field):
        response = client.get(page)
        assert response.status_code == 200, (page, response.status_code)
        self.client = client
        self.url, self.fields = form_of(response.content.decode())
        self.pair = next(pair for pair in self.fields if re.fullmatch(field, pair[0]))

    def __call__(self):
        self.pair[1] = toggle(self.pair[1], "（补充）")
        # URL-encoded, as autosave.js and bench/load.py post it (the test client's default is multipart)
        response = self.client.post(
            self.url,
            urlencode([tuple(pair) for pair in self.fields]),
            content_type="application/x-www-form-urlencoded",
            HTTP_X_AUTOSAVE="1",
        )
        version = response.json().get("version")
        for pair in self.fields:
            if pair[0] in ("report-version", "version"):
                pair[1] = str(version)
        return response


def requests():
    """Per kind, a function that makes the request (an autosave's reads its form first, when its turn comes:
    the other kinds' saves change the report's version)."""
    staff, leader, office = DATA["staff"][0], DATA["leaders"][0], DATA["office"][0]
    s, lead, o = client_for(staff), client_for(leader), client_for(office)
    pk, reviewed, year = staff["report"], leader["report"], office["year"]
    return {
        "editor": lambda: s.get(f"/reports/{pk}/edit/"),
        "autosave": lambda: Autosave(s, f"/reports/{pk}/edit/", r"i\d+-body"),
        "sheet": lambda: s.get(f"/reports/{pk}/indicators/"),
        "sheet autosave": lambda: Autosave(s, f"/reports/{pk}/indicators/", r"v\d+-note"),
        "preview": lambda: s.get(f"/reports/{pk}/preview/"),
        "detail": lambda: lead.get(f"/reports/{reviewed}/"),
        "changes": lambda: lead.get(f"/reports/{reviewed}/changes/"),
        "history": lambda: lead.get(f"/reports/{reviewed}/history/"),
        "dashboard": lambda: o.get(f"/district/{year}/"),
        "matrix": lambda: o.get(f"/district/{year}/indicators/"),
        "stored pdf": lambda: o.get(f"/reports/{office['pdf_reports'][0]}/pdf/"),
    }


def measure(name, request):
    for _ in range(3):
        response = request()
        assert response.status_code == 200, (name, response.status_code)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    cpu = []
    for _ in range(ARGS.repeat):
        start = time.process_time()
        response = request()
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
        cpu.append(time.process_time() - start)
    with CaptureQueriesContext(connection) as queries:
        request()
    query_count = len(queries)  # read now: the next request empties the connection's log
    profile = cProfile.Profile()
    profile.enable()
    response = request()
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)
    profile.disable()
    stats = pstats.Stats(profile)
    if ARGS.profile:
        ARGS.profile.mkdir(parents=True, exist_ok=True)
        stats.dump_stats(ARGS.profile / (name.replace(" ", "_") + ".prof"))
    return {
        "calls": stats.total_calls,
        "cpu_ms": statistics.median(cpu) * 1000,
        "queries": query_count,
    }


def main():
    wanted = {k.strip() for k in ARGS.kinds.split(",") if k.strip()}
    results = {}
    for name, request in requests().items():
        if wanted and name not in wanted:
            continue
        if "autosave" in name:
            request = request()
        results[name] = measure(name, request)
        print(f"    {name}: {results[name]}", file=sys.stderr, flush=True)
    ARGS.out.write_text(json.dumps(results))


if __name__ == "__main__":
    main()
