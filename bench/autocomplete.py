"""Benchmark: recipient autocomplete over a 535,000-row national directory.

Uses the store built by bench/directory_import.py (``--keep DIR``), or builds one, then
times ``suggest_recipients`` (local directory only, as the composer calls it on each
keystroke) over typical prefixes typed letter by letter. Prints p50/p95/max and the
slowest keystrokes. Target: p95 < 20 ms.

    .venv/bin/python bench/directory_import.py --keep /tmp/dirbench
    .venv/bin/python bench/autocomplete.py --store-dir /tmp/dirbench
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.directory_import import (
    HOSPITAL_DOMAIN,
    ROWS,
    open_bench_store,
    write_extraction_zip,
)
from mssclient.directory.national_import import import_extraction
from mssclient.directory.suggestions import suggest_recipients

#: What people type: names, professions, cities, mailbox kind, combinations.
QUERIES = [
    "dupont",
    "martin lille",
    "dr lefebvre",
    "cardio",
    "cardiologie arras",
    "infirmier lens",
    "pharmacie",
    "org urgences",
    "sage-femme",
    "masseur kine",
    "pediatrie",
    "muller strasbourg",
    "jean",
    "marie paris",
    "centre hospitalier",
    "laboratoire",
    "ehpad",
    "dermato",
    "gériatrie",
    "clinique",
    "kinésithérapeute nantes",
    "françois",
    "rue pasteur",
    "medecin.mssante",
    "zoé",
    "secretariat",
    "radiologie",
    "bethune",
    "exemple",
]


def keystrokes(query: str) -> list[str]:
    return [query[:n] for n in range(2, len(query) + 1)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store-dir", type=Path, help="directory holding bench.db")
    args = parser.parse_args()
    workdir = args.store_dir
    if workdir is None or not (workdir / "bench.db").exists():
        workdir = workdir or Path(tempfile.mkdtemp(prefix="mss-bench-"))
        workdir.mkdir(parents=True, exist_ok=True)
        zip_path = write_extraction_zip(workdir / "extraction.zip", ROWS)
        store = open_bench_store(workdir)
        import_extraction(store, zip_path, datetime.now(UTC))
        store.close()
    store = open_bench_store(workdir)
    try:
        rows = store.scalar("SELECT count(*) FROM national_entries")
        suggest_recipients(store, "warm up", HOSPITAL_DOMAIN, None)
        timings: list[float] = []
        slowest: list[tuple[float, str]] = []
        empty = 0
        for query in QUERIES:
            for typed in keystrokes(query):
                started = time.perf_counter()
                found = suggest_recipients(store, typed, HOSPITAL_DOMAIN, None, limit=10)
                elapsed = (time.perf_counter() - started) * 1000
                timings.append(elapsed)
                slowest.append((elapsed, typed))
                empty += not found
        timings.sort()
        p50 = statistics.median(timings)
        p95 = timings[int(len(timings) * 0.95) - 1]
        print(
            f"{rows} rows, {len(timings)} keystrokes over {len(QUERIES)} queries "
            f"({empty} with no result)"
        )
        print(f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {timings[-1]:.1f} ms")
        print(f"target p95 < 20 ms -> {'OK' if p95 < 20 else 'MISSED'}")
        slowest.sort(reverse=True)
        print("slowest:", ", ".join(f"{t!r} {ms:.0f} ms" for ms, t in slowest[:5]))
        sample = suggest_recipients(store, "cardio", HOSPITAL_DOMAIN, None, limit=3)
        for recipient in sample:
            print("  e.g.", recipient.label())
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
