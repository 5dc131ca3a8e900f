"""Benchmark of the district office's pages at scale (issue 6): prints figures, asserts nothing.

    .venv/bin/python bench/district_scale.py

Builds, in a throw-away SQLite database, a district of 1,000 units with 40 indicators and three years of
reports (120,000 values, with their history and a staff member per unit), and beside it a district of 10
units built the same way. Then measures, through the test client as a browser would reach them, the
server time of the year's dashboard and indicator matrix (median of 10) and their SQL query counts.
Targets: each ≤ 0.5 s with 1,000 units, and the same number of queries as with 10 units.

Then a city (issue 16) of 40 districts × 30 units, each district with its own 40-indicator catalogue and
three years of reports, and a small city of 2 districts × 3 units: the city office's dashboard (every unit
grouped by district) and matrix (a row per district), timed the same way. Target: ≤ 0.5 s each, the same
number of queries as the small city.
"""

import os
import random
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="bench-district-"))
os.environ["VAR_DIR"] = str(WORK)  # before the settings are read: the database lives there
os.environ["DJANGO_SETTINGS_MODULE"] = "config.test_settings"
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from indicators.models import Indicator, IndicatorValue, Qualifier  # noqa: E402
from reports.models import Membership, Report, ReportEvent, Unit  # noqa: E402

YEARS = [2023, 2024, 2025]
INDICATORS = 40
RUNS = 10
STATUSES = ["draft", "submitted", "returned", "approved", "accepted", "accepted", "accepted"]
HISTORY = {
    "submitted": ["submit"],
    "returned": ["submit", "return"],
    "approved": ["submit", "approve"],
    "accepted": ["submit", "approve", "accept"],
}


def build_district(code, units_count, rng, city=None, position=0):
    """A district, its units, a staff member each, the catalogue, and three years of reports and values."""
    district = Unit.objects.create(
        code=code, name=f"{code}区", short_name=f"{code}区", kind=Unit.Kind.DISTRICT, parent=city,
        position=position,
    )  # fmt: skip
    units = Unit.objects.bulk_create(
        Unit(
            code=f"{code}-{n}",
            name=f"{code}区第{n}街道",
            short_name=f"第{n}街道",
            kind=Unit.Kind.TOWN if n % 4 == 0 else Unit.Kind.SUBDISTRICT,
            parent=district,
            position=n,
        )
        for n in range(units_count)
    )
    User = get_user_model()
    users = User.objects.bulk_create(
        User(username=f"{code}-staff-{n}", first_name=f"填报员{n}") for n in range(units_count)
    )
    officer = User.objects.create(username=f"{code}-office")
    Membership.objects.bulk_create(
        [Membership(user=u, unit=unit, role="staff") for u, unit in zip(users, units, strict=True)]
        + [Membership(user=officer, unit=district, role="district_office")]
    )
    indicators = Indicator.objects.bulk_create(
        Indicator(
            district=district,
            code=f"i{n}",
            name=f"指标{n}",
            unit="%" if n % 10 == 9 else "次",
            kind="percent" if n % 10 == 9 else "count",
            category=Indicator.Category.choices[n % 7][0],
            first_year=2020,
            position=n,
        )
        for n in range(INDICATORS)
    )
    for year in YEARS:
        reports = Report.objects.bulk_create(
            Report(
                unit=unit,
                year=year,
                status=rng.choice(STATUSES),
                title=f"关于{year}年度法治政府建设情况的报告",
            )
            for unit in units
            if rng.random() > 0.05  # a few units never start
        )
        ReportEvent.objects.bulk_create(
            ReportEvent(report=r, action=action, from_status="draft", to_status=r.status)
            for r in reports
            for action in HISTORY.get(r.status, [])
        )
        IndicatorValue.objects.bulk_create(
            (_value(r, indicator, rng) for r in reports for indicator in indicators), batch_size=5000
        )
    return officer


def _value(report, indicator, rng):
    roll = rng.random()
    if roll < 0.03:
        return IndicatorValue(report=report, indicator=indicator, not_applicable=True)
    qualifier = Qualifier.MORE_THAN if roll > 0.9 else Qualifier.EXACT
    return IndicatorValue(
        report=report, indicator=indicator, value=Decimal(rng.randint(0, 2000)), qualifier=qualifier
    )


def build_city(code, districts, units_each, rng):
    """A city office over ``districts`` districts built as above; each district has its own report too."""
    city = Unit.objects.create(code=code, name=f"{code}市", short_name=f"{code}市", kind=Unit.Kind.CITY)
    for n in range(districts):
        build_district(f"{code}-{n}", units_each, rng, city=city, position=n)
    Report.objects.bulk_create(
        Report(unit=district, year=year, status=rng.choice(STATUSES))
        for district in city.children.all()
        for year in YEARS
    )
    officer = get_user_model().objects.create(username=f"{code}-office")
    Membership.objects.create(user=officer, unit=city, role="district_office")
    return officer


def measure(client, url):
    client.get(url)  # warm: templates compiled, caches filled
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    query_count = len(queries)  # now: the next request clears the connection's log
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - start)
    return statistics.median(times), query_count, len(response.content)


def show(label, value):
    print(f"{label:<52} {value}")


def main():
    call_command("migrate", verbosity=0)
    rng = random.Random(6)
    start = time.perf_counter()
    big = build_district("big", 1000, rng)
    small = build_district("small", 10, rng)
    values = IndicatorValue.objects.count()
    show("built", f"{Unit.objects.count()} units, {Report.objects.count()} reports, {values} values "
         f"in {time.perf_counter() - start:.1f} s")  # fmt: skip

    year = YEARS[-1]
    pages = [
        ("dashboard", reverse("district:dashboard", args=[year])),
        ("matrix", reverse("district:matrix", args=[year])),
    ]
    for name, url in pages:
        figures = {}
        for label, user in (("1,000 units", big), ("10 units", small)):
            client = Client()
            client.force_login(user)
            figures[label] = measure(client, url)
        seconds, queries, size = figures["1,000 units"]
        small_seconds, small_queries, _ = figures["10 units"]
        show(
            f"{name}, 1,000 units: median of {RUNS}",
            f"{seconds:.3f} s, {queries} queries, {size / 1024:.0f} KB (target ≤ 0.5 s)",
        )
        show(f"{name}, 10 units: median of {RUNS}", f"{small_seconds:.3f} s, {small_queries} queries")
        show(
            f"{name}: same query count",
            "yes" if queries == small_queries else f"NO ({queries} vs {small_queries})",
        )
    start = time.perf_counter()
    big_city = build_city("city", 40, 30, rng)
    small_city = build_city("town", 2, 3, rng)
    show("built the cities", f"{Unit.objects.count()} units, {IndicatorValue.objects.count()} values in all, "
         f"in {time.perf_counter() - start:.1f} s")  # fmt: skip
    for name, url in pages:
        figures = {}
        for label, user in (("big", big_city), ("small", small_city)):
            client = Client()
            client.force_login(user)
            figures[label] = measure(client, url)
        seconds, queries, size = figures["big"]
        small_seconds, small_queries, _ = figures["small"]
        show(
            f"city {name}, 40 × 30 units: median of {RUNS}",
            f"{seconds:.3f} s, {queries} queries, {size / 1024:.0f} KB (target ≤ 0.5 s)",
        )
        show(f"city {name}, 2 × 3 units: median of {RUNS}", f"{small_seconds:.3f} s, {small_queries} queries")
        show(
            f"city {name}: same query count",
            "yes" if queries == small_queries else f"NO ({queries} vs {small_queries})",
        )
    print(f"files: {WORK}")


if __name__ == "__main__":
    main()
