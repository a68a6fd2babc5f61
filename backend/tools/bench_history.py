"""How fast the history takes a brand's exports and reports on them (`make bench`).

Makes 50 000 posts and replies as the networks export them (Facebook JSON, the Meta Business
Suite CSV with figures, LinkedIn's Shares.csv, Facebook comments: tests/history_demo.py), imports
them into an empty history on one core, imports them again (nothing new: the idempotent path),
then builds the report (numbers and the HTML file). Target: the first import in 60 s or less
of CPU time on one core (the process is pinned to one; the wall time is printed too, and is
longer on a machine other work shares).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT / "tests"))

from history_demo import demo_exports  # noqa: E402

IMPORT_TARGET_S = 60.0


def timed(work):
    """(result, CPU seconds, wall seconds) of work()."""
    cpu, wall = time.process_time(), time.perf_counter()
    result = work()
    return result, time.process_time() - cpu, time.perf_counter() - wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=50_000)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as promised
    with tempfile.TemporaryDirectory() as home:
        os.environ["POSTCOACH_HOME"] = home
        from postcoach.brand.store import Store
        from postcoach.history.recording import import_files
        from postcoach.history.report import measures, page
        from postcoach.history.store import HistoryStore

        files = demo_exports(args.posts, days=730)
        size = sum(len(data) for data in files.values()) / 1e6
        store = HistoryStore()
        outcomes, first, first_wall = timed(lambda: import_files(store, Store(), files.items()))
        taken = sum(o.report.taken for o in outcomes)
        _, again, again_wall = timed(lambda: import_files(store, Store(), files.items()))
        data, numbers, numbers_wall = timed(lambda: measures.build(store.rows()))
        out = Path(home) / "report.html"
        _, html, html_wall = timed(lambda: page.write(data, out))

    ok = first <= IMPORT_TARGET_S
    print(f"History, {args.posts} posts and replies ({size:.1f} MB of exports), one core "
          "(CPU time, wall time):")
    print(f"  import          {first:6.1f} s  {first_wall:6.1f} s   {taken} stored, "
          f"{taken / first:,.0f} posts/s   target ≤ {IMPORT_TARGET_S:g} s  "
          f"{'ok' if ok else 'MISSED'}")
    print(f"  import again    {again:6.1f} s  {again_wall:6.1f} s   nothing new (idempotent)")
    print(f"  report numbers  {numbers:6.1f} s  {numbers_wall:6.1f} s   "
          f"{data['duplicates']['count']} repeated pairs")
    print(f"  report HTML     {html:6.1f} s  {html_wall:6.1f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
