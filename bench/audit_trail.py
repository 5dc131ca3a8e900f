"""What the audit trail costs: a row recorded, and ``verify_audit`` over many rows. Prints, asserts nothing.

    .venv/bin/python bench/audit_trail.py [ROWS]

In a throw-away SQLite file (or, with ``BENCH_DATABASE_URL=postgres://…``, that database, which must be
an empty throw-away one: rows cannot be removed afterwards), records ROWS rows (default 20000) one by one through
``audit.record()`` as a request would (each its own transaction, with the chain's lock), then walks the
chain with ``broken_links()`` as ``verify_audit`` does. Figures: milliseconds per row recorded, seconds
for the walk and rows per second.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="bench-audit-"))
os.environ["VAR_DIR"] = str(WORK)
os.environ.pop("DATABASE_URL", None)  # never the database the tests or the app use
if os.environ.get("BENCH_DATABASE_URL"):
    os.environ["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
os.environ["DJANGO_SETTINGS_MODULE"] = "config.test_settings"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import RequestFactory  # noqa: E402

from reports import audit  # noqa: E402
from reports.models import AuditEntry  # noqa: E402


def main(rows: int) -> None:
    call_command("migrate", verbosity=0)
    if AuditEntry.objects.exists():
        sys.exit("the database already has audit rows: give an empty throw-away one")
    request = RequestFactory().get("/reports/1/pdf/", REMOTE_ADDR="10.20.3.17")
    start = time.perf_counter()
    for number in range(rows):
        audit.record(AuditEntry.Action.DOWNLOAD, request=request, username=f"user{number % 300}",
                     detail=f"PDF（草稿）：城西街道2025年度报告.pdf #{number}")  # fmt: skip
    recorded = time.perf_counter() - start
    start = time.perf_counter()
    broken = sum(1 for _ in audit.broken_links())
    walked = time.perf_counter() - start
    print(f"database: {connection.vendor}; rows: {rows}")
    print(
        f"record(): {recorded / rows * 1000:.2f} ms a row ({rows / recorded:.0f} rows/s, one transaction each)"
    )
    print(f"verify (broken_links): {walked:.2f} s, {rows / walked:.0f} rows/s, {broken} broken")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
