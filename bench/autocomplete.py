"""Benchmark: recipient autocomplete over a 535,000-row national directory.

Uses the store built by bench/directory_import.py (``--keep DIR``), or builds one, then
times ``Autocompleter.complete`` -- the call the composer makes on each keystroke -- over
typical prefixes typed letter by letter. Prints p50/p95/max. Target: p95 < 20 ms.

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
from mssclient.directory.autocomplete import Autocompleter
from mssclient.directory.national_import import import_extraction

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
        completer = Autocompleter(store, HOSPITAL_DOMAIN)
        completer.complete("warm up")
        timings: list[float] = []
        empty = 0
        for query in QUERIES:
            for typed in keystrokes(query):
                started = time.perf_counter()
                found = completer.complete(typed, limit=10)
                timings.append((time.perf_counter() - started) * 1000)
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
        sample = completer.complete("cardio", limit=3)
        for recipient in sample:
            print("  e.g.", recipient.label())
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
