"""The database of bench/load.py, built by one tree's own code: run by load.py in a subprocess, never alone.

    python bench/_load_data.py TREE OUT.json [--districts 3] [--units 80] [--district-users 10]

With ``TREE`` first on ``sys.path`` (load.py also sets ``PYTHONPATH``), so the baseline's worktree builds
its database with its own models, importer, workflow and password hasher, and the current tree with its
own. The environment gives the settings (``DATABASE_URL``, ``SECRET_KEY``, ``VAR_DIR``...), as for gunicorn.

What it builds, for a deadline week: the demo data (``load_demo``, for the catalogue and the demo users),
then ``--districts`` districts of ``--units`` units each, every unit with a staff member and a leader, its
2024 report accepted with a stored PDF and its 2025 draft (both the demo report imported from
``reports/demo_data/chengxi-2024-report.txt`` by the importer, with the 43 figures it states), a quarter
of the drafts submitted by staff and returned by the leader (snapshots, history, notices), and
``--district-users`` district office users per district. Then ``collectstatic``, a logged-in session per
user (so that the mix phases do not log in: the login burst measures that), and the CPU time of one
password check with the tree's hasher. Writes what the load test needs as JSON to ``OUT.json``.
"""

import argparse
import hashlib
import io
import json
import os
import sys
import time
from pathlib import Path

PARSER = argparse.ArgumentParser(description=__doc__.splitlines()[0])
PARSER.add_argument("tree", type=Path)
PARSER.add_argument("out", type=Path)
PARSER.add_argument("--districts", type=int, default=3)
PARSER.add_argument("--units", type=int, default=80)
PARSER.add_argument("--district-users", type=int, default=10)
PARSER.add_argument("--password", default="load-test-Passw0rd")
ARGS = PARSER.parse_args()

sys.path.insert(0, str(ARGS.tree.resolve()))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from _submitting import submit  # noqa: E402  (bench/, beside this script)
from django.conf import settings  # noqa: E402
from django.contrib.auth import (  # noqa: E402
    BACKEND_SESSION_KEY,
    HASH_SESSION_KEY,
    SESSION_KEY,
    get_user_model,
)
from django.contrib.auth.hashers import check_password, get_hasher, make_password  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402

import reports  # noqa: E402
from indicators.demo_catalogue import install_catalogue  # noqa: E402
from indicators.models import Indicator  # noqa: E402
from reports.importing.preview import preview_import  # noqa: E402
from reports.importing.save import save_import  # noqa: E402
from reports.models import Membership, Report, StoredPdf, Unit  # noqa: E402
from reports.rendering.pdf import render_pdf  # noqa: E402
from reports.workflow import perform  # noqa: E402

SEED = ARGS.tree / "reports" / "demo_data" / "chengxi-2024-report.txt"
AUTH_BACKEND = "django.contrib.auth.backends.ModelBackend"


def build_district(number, password_hash, pdf_bytes):
    """One district: units, users, catalogue, the 2024 reports (accepted, stored PDF) and 2025 drafts."""
    User = get_user_model()
    code = f"load{number}"
    district = Unit.objects.create(
        code=code, name=f"压测{number}区", short_name=f"压测{number}区", kind="district"
    )
    install_catalogue(district, first_year=2020)
    found = {
        year: preview_import(SEED.read_text(encoding="utf-8"), Indicator.objects.for_year(district, year))
        for year in (2024, 2025)
    }
    units, staff, leaders = [], [], []
    for n in range(ARGS.units):
        unit = Unit.objects.create(
            code=f"{code}-{n}",
            name=f"压测{number}区第{n}街道",
            short_name=f"第{n}街道",
            kind="town" if n % 4 == 3 else "subdistrict",
            parent=district,
            position=n,
        )
        units.append(unit)
    users = User.objects.bulk_create(
        [User(username=f"{code}-staff-{n}", first_name=f"填报员{n}", password=password_hash) for n in range(len(units))]
        + [User(username=f"{code}-leader-{n}", first_name=f"领导{n}", password=password_hash) for n in range(len(units))]
        + [User(username=f"{code}-office-{n}", first_name=f"区办{n}", password=password_hash) for n in range(ARGS.district_users)]
    )  # fmt: skip
    staff, leaders, office = users[: len(units)], users[len(units) : 2 * len(units)], users[2 * len(units) :]
    Membership.objects.bulk_create(
        [Membership(user=u, unit=unit, role="staff") for u, unit in zip(staff, units, strict=True)]
        + [Membership(user=u, unit=unit, role="leader") for u, unit in zip(leaders, units, strict=True)]
        + [Membership(user=u, unit=district, role="district_office") for u in office]
    )
    rows = {"staff": [], "leaders": [], "office": [], "pdf_reports": []}
    for n, unit in enumerate(units):
        with transaction.atomic():
            last_year = save_import(
                found[2024].parsed, unit, 2024, None, suggestions=found[2024].suggestions, source=SEED.name
            )
            Report.objects.filter(pk=last_year.pk).update(status=Report.Status.ACCEPTED)
            stored = StoredPdf(
                report=last_year, version=last_year.version, sha256=hashlib.sha256(pdf_bytes).hexdigest(),
                size=len(pdf_bytes),
            )  # fmt: skip
            stored.file.save("report.pdf", ContentFile(pdf_bytes), save=False)
            stored.save()
            draft = save_import(
                found[2025].parsed,
                unit,
                2025,
                staff[n],
                suggestions=found[2025].suggestions,
                source=SEED.name,
            )
            if n % 4 == 1:  # submitted by staff and returned by the leader: something to compare
                submit(staff[n], draft)
                perform(leaders[n], draft, "return", "请补充第三部分的数据。")
        rows["staff"].append({"username": staff[n].username, "report": draft.pk})
        rows["leaders"].append({"username": leaders[n].username, "report": draft.pk})
        rows["pdf_reports"].append(last_year.pk)
    rows["office"] = [
        {"username": u.username, "year": 2025, "pdf_reports": rows["pdf_reports"]} for u in office
    ]
    return rows


def session_for(user):
    session = SessionStore()
    session[SESSION_KEY] = user._meta.pk.value_to_string(user)
    session[BACKEND_SESSION_KEY] = AUTH_BACKEND
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def password_check_cpu(encoded, password):
    """CPU seconds of one check of ``password`` against ``encoded`` (the median of five)."""
    times = []
    for _ in range(5):
        start = time.process_time()
        assert check_password(password, encoded)
        times.append(time.process_time() - start)
    return sorted(times)[2]


def main():
    started = time.monotonic()
    quiet = io.StringIO()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", stdout=quiet)
    call_command("collectstatic", verbosity=0, interactive=False)
    password_hash = make_password(ARGS.password)
    chengxi_2024 = Report.objects.get(unit__code="chengxi", year=2024)
    pdf_bytes = render_pdf(chengxi_2024)
    data = {"staff": [], "leaders": [], "office": [], "pdf_reports": []}
    for number in range(ARGS.districts):
        for key, rows in build_district(number, password_hash, pdf_bytes).items():
            data[key].extend(rows)
    users = get_user_model().objects.in_bulk(
        [row["username"] for key in ("staff", "leaders", "office") for row in data[key]],
        field_name="username",
    )
    for key in ("staff", "leaders", "office"):
        for row in data[key]:
            row["session"] = session_for(users[row["username"]])
    data.update(
        password=ARGS.password,
        hasher=get_hasher().algorithm,
        hash_parameters=password_hash.rsplit("$", 2)[0],
        password_check_cpu=password_check_cpu(password_hash, ARGS.password),
        code=str(Path(reports.__file__).resolve().parent.parent),
        pdf_size=len(pdf_bytes),
        seconds=round(time.monotonic() - started, 1),
        static_root=str(settings.STATIC_ROOT),
    )
    ARGS.out.write_text(json.dumps(data, ensure_ascii=False))


if __name__ == "__main__":
    main()
