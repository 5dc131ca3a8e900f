"""What each request of the deadline-week mix costs, in process: this code beside a baseline.

    .venv/bin/python bench/request_costs.py                       # this checkout and the baseline, 3 rounds
    .venv/bin/python bench/request_costs.py --no-baseline --kinds editor,detail --profile /tmp/prof
    .venv/bin/python bench/request_costs.py --no-baseline --keep /tmp/costs   # build once, reuse after

Builds, for each tree, the load test's PostgreSQL database with that tree's own code (bench/_load_data.py:
one district of ``--units`` units, the demo report as each draft, a quarter returned), then runs each kind
of request of bench/load.py's mix through Django's test client in a subprocess of that tree
(bench/_request_costs_worker.py, production settings): Python function calls (cProfile: the same on any
machine under any load), CPU milliseconds (median of ``--repeat``, the process's own time) and queries.
The trees take turns for ``--rounds`` rounds; the CPU figure is the median over rounds. Prints one table
with the ratios. ``--profile DIR`` keeps the current tree's cProfile statistics per kind (``python -m
pstats``, or snakeviz). ``--keep DIR`` keeps the built database and its data file there and reuses them
(this checkout only; drop it with ``--drop DIR``). Only 127.0.0.1's PostgreSQL is used.
"""

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load import (
    ROOT,
    Tree,
    add_worktree,
    baseline_ref,
    clean_up,
    create_database,
    drop_database,
    git,
    load_average,
)

WORKER = ROOT / "bench" / "_request_costs_worker.py"
DATA_SCRIPT = ROOT / "bench" / "_load_data.py"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", help="git ref of the baseline (default: bench/load.py's)")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--units", type=int, default=80)
    parser.add_argument("--kinds", default="", help="comma-separated kinds (default: all)")
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--keep", type=Path, help="build once into this folder, reuse afterwards")
    parser.add_argument("--drop", type=Path, help="drop the database kept in this folder and stop")
    return parser.parse_args()


def build(tree, args):
    out = tree.var / "data.json"
    if out.exists():
        tree.data = json.loads(out.read_text())
        return
    print(f"  {tree.name}: building {tree.database} with {tree.path}'s code…", file=sys.stderr, flush=True)
    create_database(tree.database)
    subprocess.run(
        [sys.executable, str(DATA_SCRIPT), str(tree.path), str(out), "--districts", "1",
         "--units", str(args.units), "--district-users", "1"],
        cwd=tree.path, env=tree.environment(), check=True, timeout=900,
    )  # fmt: skip
    tree.data = json.loads(out.read_text())


def run_worker(tree, args, profile):
    out = tree.var / "costs.json"
    command = [sys.executable, str(WORKER), str(tree.path), str(tree.var / "data.json"), str(out),
               "--repeat", str(args.repeat), "--kinds", args.kinds]  # fmt: skip
    if profile:
        command += ["--profile", str(profile)]
    subprocess.run(command, cwd=tree.path, env=tree.environment(), check=True, timeout=1800)
    return json.loads(out.read_text())


def kept_tree(folder):
    folder.mkdir(parents=True, exist_ok=True)
    settings = folder / "tree.json"
    if settings.exists():
        saved = json.loads(settings.read_text())
    else:
        saved = {"database": f"fazhi_costs_{uuid.uuid4().hex[:8]}", "secret_key": uuid.uuid4().hex}
        settings.write_text(json.dumps(saved))
    return Tree("current", ROOT, git("rev-parse", "--short", "HEAD"), saved["database"], folder,
                secret_key=saved["secret_key"])  # fmt: skip


def main():
    args = parse_args()
    if args.drop:
        drop_database(kept_tree(args.drop).database)
        shutil.rmtree(args.drop, ignore_errors=True)
        return
    work = Path(tempfile.mkdtemp(prefix="bench-costs-"))
    tag = uuid.uuid4().hex[:6]
    if args.keep:
        trees = [kept_tree(args.keep)]
    else:
        trees = [Tree("current", ROOT, git("rev-parse", "--short", "HEAD"), f"fazhi_costs_{tag}_current",
                      work / "current")]  # fmt: skip
        if not args.no_baseline:
            ref = baseline_ref(args.baseline)
            trees.append(Tree("baseline", work / "baseline", ref, f"fazhi_costs_{tag}_baseline",
                              work / "baseline-var"))  # fmt: skip
    print(f"== request costs: {', '.join(f'{t.name} {t.ref}' for t in trees)}; {load_average()}", flush=True)
    created, worktree = [], False
    try:
        for tree in trees:
            tree.var.mkdir(parents=True, exist_ok=True)
            if tree.name == "baseline":
                add_worktree(tree)
                worktree = True
            if not args.keep:
                created.append(tree.database)
            build(tree, args)
        runs = {tree.name: [] for tree in trees}
        for round_ in range(args.rounds):
            for tree in trees if round_ % 2 == 0 else trees[::-1]:
                profile = args.profile if tree.name == "current" and round_ == 0 else None
                runs[tree.name].append(run_worker(tree, args, profile))
        print_table(trees, runs)
    finally:
        clean_up(work, created, worktree)


def print_table(trees, runs):
    def summary(name):
        rounds = runs[name]
        return {
            kind: {
                "calls": rounds[0][kind]["calls"],
                "cpu_ms": statistics.median(r[kind]["cpu_ms"] for r in rounds),
                "queries": rounds[0][kind]["queries"],
            }
            for kind in rounds[0]
        }

    current = summary("current")
    baseline = summary("baseline") if len(trees) > 1 else None
    print(f"\n{'request':<16} {'calls':>9} {'CPU ms':>8} {'queries':>8}", end="")
    print(
        f"   {'baseline calls':>14} {'CPU ms':>8} {'queries':>8} {'ratio calls':>11} {'CPU':>6}"
        if baseline
        else ""
    )
    totals = {"current": 0.0, "baseline": 0.0}
    for kind, row in current.items():
        print(f"{kind:<16} {row['calls']:>9,} {row['cpu_ms']:>8.1f} {row['queries']:>8}", end="")
        totals["current"] += row["cpu_ms"]
        if baseline:
            b = baseline[kind]
            totals["baseline"] += b["cpu_ms"]
            print(f"   {b['calls']:>14,} {b['cpu_ms']:>8.1f} {b['queries']:>8} "
                  f"{b['calls'] / row['calls']:>11.2f} {b['cpu_ms'] / row['cpu_ms']:>6.2f}")  # fmt: skip
        else:
            print()
    print(f"sum of CPU ms: {totals['current']:.1f}", end="")
    if baseline:
        print(f" against {totals['baseline']:.1f} ({totals['baseline'] / totals['current']:.2f}×)")
    else:
        print()
    print(load_average())


if __name__ == "__main__":
    main()
