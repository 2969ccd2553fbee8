"""Benchmark: search latency (median, p95) through the code path the GUI uses.

    .venv/bin/python bench/search.py --dir DIR [--runs 50]

DIR comes from ``bench/sync.py --keep DIR`` (encrypted store + the mbsync Maildir with its
mu and notmuch indexes). Each typical query runs through ``mssclient.mailstore.search``
(top 50 with snippets); ``notmuch search`` and ``mu find`` run on the same corpus for
comparison (their figures include starting a process).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

QUERIES = {
    "rare word": ("zygomatique", "zygomatique", "zygomatique"),
    "common word": ("pansement", "pansement", "pansement"),
    "phrase": ('"compte rendu"', '"compte rendu"', '"compte rendu"'),
    "from:": ("from:rousseau", "from:rousseau", "from:rousseau"),
    "date range": (
        "cicatrisation date:2024-01-15..2024-01-31",
        "cicatrisation date:2024-01-15..2024-01-31",
        "cicatrisation date:20240115..20240131",
    ),
    "attachment + word": ("avec:pj diabète", "diabète", "diabète flag:attach"),
}


def _stats(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def _external(command: list[str], runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples.append(time.perf_counter() - started)
    return _stats(samples)


def main() -> None:
    from mssclient.mailstore import search
    from mssclient.store import Store

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dir", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    store = Store.open(args.dir / "store.db", (args.dir / "store.key").read_bytes())
    count = store.scalar("SELECT count(*) FROM mail_messages")
    print(f"corpus: {count} messages; {args.runs} runs per query; top 50 with snippets")
    notmuch_config = args.dir / "notmuch-config"
    mu_home = args.dir / "mu-home"
    header = f"{'query':20} {'hits':>5} {'ours med/p95 ms':>18}"
    has_notmuch = shutil.which("notmuch") and notmuch_config.exists()
    has_mu = shutil.which("mu") and mu_home.exists()
    if has_notmuch:
        header += f" {'notmuch med/p95 ms':>20}"
    if has_mu:
        header += f" {'mu med/p95 ms':>16}"
    print(header)
    for label, (ours, notmuch_query, mu_query) in QUERIES.items():
        search(store, ours)  # warm the page cache like a second search in the GUI
        samples = []
        hits = 0
        for _ in range(args.runs):
            started = time.perf_counter()
            hits = len(search(store, ours, limit=50))
            samples.append(time.perf_counter() - started)
        median, p95 = _stats(samples)
        line = f"{label:20} {hits:5d} {median:8.1f} / {p95:7.1f}"
        runs = max(5, args.runs // 5)
        if has_notmuch:
            m, p = _external(
                ["notmuch", "--config", str(notmuch_config), "search", "--limit=50", notmuch_query],
                runs,
            )
            line += f" {m:10.1f} / {p:7.1f}"
        if has_mu:
            m, p = _external(["mu", "find", f"--muhome={mu_home}", "--maxnum=50", mu_query], runs)
            line += f" {m:8.1f} / {p:5.1f}"
        print(line)
    store.close()


if __name__ == "__main__":
    main()
