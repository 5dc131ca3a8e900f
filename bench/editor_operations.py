"""Benchmark of the editor's buttons pressed in place (issue 15 #12): prints figures, asserts nothing.

    .venv/bin/python bench/editor_operations.py [--items 300] [--runs 7]

In a throw-away SQLite database, a draft of ``--items`` items (six sections, bodies of 150–250 characters,
as real reports have) is opened by its staff member, and each button is sent as static/js/editor.js sends
it: the whole form (URL-encoded, as editor.js sends it) plus the button, with ``X-In-Place: 1``. The time is
the server's CPU time (the process's, so other work on the machine counts little) from the request, already
encoded, to the JSON answer: Django's test client, no network, SQLite in the same process.
Median and slowest of ``--runs`` presses, each on the report as the last one left it. For comparison: the
editor page itself, and the same button without JavaScript (the POST and its redirect's page).
Target: each button answered in 150 ms or less for a 300-item report.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

PARSER = argparse.ArgumentParser(description=__doc__.splitlines()[0])
PARSER.add_argument("--items", type=int, default=300)
PARSER.add_argument("--runs", type=int, default=7)
ARGS = PARSER.parse_args()

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["VAR_DIR"] = tempfile.mkdtemp(prefix="bench-editor-")
os.environ["DJANGO_SETTINGS_MODULE"] = "config.test_settings"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.template import Template  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from reports.models import Item, Membership, Report, Section, Unit  # noqa: E402
from tests.conftest import make_user  # noqa: E402
from tests.editor_helpers import editor_data  # noqa: E402

SECTIONS = 6
FORM = "application/x-www-form-urlencoded"
TEXT = "坚持以习近平法治思想为指导，深入贯彻落实党中央、国务院关于法治政府建设的决策部署，"


def build():
    call_command("migrate", verbosity=0)
    district = Unit.objects.create(code="d", name="黔江区", short_name="黔江区", kind=Unit.Kind.DISTRICT)
    unit = Unit.objects.create(
        code="u", name="黔江区城西街道", short_name="城西街道", kind=Unit.Kind.SUBDISTRICT, parent=district
    )
    staff = make_user("staff", unit, Membership.Role.STAFF)
    report = Report.objects.create(unit=unit, year=2025, title="关于2025年度法治政府建设情况的报告")
    rng = random.Random(15)
    per_section = [ARGS.items // SECTIONS + (n < ARGS.items % SECTIONS) for n in range(SECTIONS)]
    for position, count in enumerate(per_section):
        section = Section.objects.create(
            report=report, position=position, kind=Section.Kind.MEASURES, heading=f"第{position + 1}部分"
        )
        Item.objects.bulk_create(
            Item(
                section=section,
                position=n,
                heading=f"第{n + 1}项工作。",
                body=(TEXT * 6)[: rng.randint(150, 250)],
            )
            for n in range(count)
        )
    return report, staff


def press(client, report, value="", **extra):
    """Seconds for one press, the request encoded beforehand; the answer's status."""
    data = editor_data(report, **extra)
    if value:
        data["op"] = value
    body = urlencode(data)
    url = f"/reports/{report.pk}/edit/"
    started = time.process_time()
    response = client.generic("POST", url, body, content_type=FORM, headers={"X-In-Place": "1"})
    seconds = time.process_time() - started
    assert response.status_code == 200, (value, response.status_code, response.content[:300])
    return seconds


def timed(label, runs, once):
    times = [once() for _ in range(runs)]
    print(
        f"  {label:<34} median {statistics.median(times) * 1000:6.0f} ms   slowest {max(times) * 1000:6.0f} ms"
    )
    return statistics.median(times)


def main():
    render = Template._render
    setup_test_environment()
    Template._render = render  # not the test runner's instrumented render: it costs a third of a page
    report, staff = build()
    client = Client()
    client.force_login(staff)
    sections = list(report.sections.all())
    middle = sections[SECTIONS // 2]
    fields = len(editor_data(report))
    print(f"A draft of {ARGS.items} items in {SECTIONS} sections; the form posts {fields} fields.")
    print(f"Each press {ARGS.runs} times (server time; target 150 ms):")

    def item(n):
        return middle.items.all()[n]

    medians = {}
    medians["保存（只保存）"] = timed(
        "保存（只保存，自动保存一样）", ARGS.runs, lambda: press(client, report)
    )
    medians["添加条目"] = timed("添加条目", ARGS.runs, lambda: press(client, report, f"add-item:{middle.pk}"))
    medians["上移条目"] = timed(
        "上移条目", ARGS.runs, lambda: press(client, report, f"move-item:{item(10).pk}:-1")
    )
    medians["下移条目"] = timed(
        "下移条目", ARGS.runs, lambda: press(client, report, f"move-item:{item(10).pk}:1")
    )

    def delete_and_undo():
        first = press(client, report, f"delete-item:{item(5).pk}")
        return first

    medians["删除条目"] = timed("删除条目", ARGS.runs, delete_and_undo)
    medians["撤销删除"] = timed(
        "撤销删除（删除后）",
        ARGS.runs,
        lambda: (press(client, report, f"delete-item:{item(5).pk}"), press(client, report, "undo-delete"))[1],
    )

    def change_level():
        target = item(3)
        level = Item.Level.THIRD if target.level == Item.Level.SECOND else Item.Level.SECOND
        return press(client, report, **{f"i{target.pk}-level": level, "show": str(middle.pk)})

    medians["改层级"] = timed("改层级（本部分重新编号）", ARGS.runs, change_level)

    def change_style():
        target = item(4)
        style = Item.Style.ENUMERATED if target.style == Item.Style.RUN_IN else Item.Style.RUN_IN
        return press(client, report, **{f"i{target.pk}-style": style, "show": str(middle.pk)})

    medians["改样式"] = timed("改样式", ARGS.runs, change_style)
    medians["上移部分"] = timed(
        "上移部分", ARGS.runs, lambda: press(client, report, f"move-section:{middle.pk}:-1")
    )
    medians["添加部分"] = timed("添加部分", ARGS.runs, lambda: press(client, report, "add-section"))
    medians["删除部分"] = timed(
        "删除部分（空的）",
        ARGS.runs,
        lambda: press(
            client, report, f"delete-section:{report.sections.filter(items__isnull=True).first().pk}"
        ),
    )

    print("For comparison:")
    url = f"/reports/{report.pk}/edit/"

    def page():
        started = time.process_time()
        client.get(url)
        return time.process_time() - started

    timed("编辑页（整页）", ARGS.runs, page)

    def without_javascript():
        data = editor_data(report, op=f"move-item:{item(10).pk}:-1")
        body = urlencode(data)
        started = time.process_time()
        response = client.generic("POST", url, body, content_type=FORM)
        client.get(response.url)
        return time.process_time() - started

    timed("上移条目，无 JavaScript（提交+整页）", ARGS.runs, without_javascript)
    slowest = max(medians, key=medians.get)
    print(f"Slowest button (median): {slowest}, {medians[slowest] * 1000:.0f} ms.")


main()
