"""Import the national MSSanté extraction into the store: streaming, cancellable, atomic.

Rows go into staging copies of ``national_entries`` / ``national_fts`` in committed batches
(other writers are never blocked for long); only when the whole file has been read are the
staging tables swapped in, in one transaction. A cancelled or failed import drops the
staging tables and leaves the previous directory as it was.

The file is read by a helper process (``national_rows``) while this thread writes. Bad
rows never stop the import: each is rejected (or, for text that is not UTF-8, repaired
from Windows-1252) and listed in the report with its line number.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from mssclient.directory.errors import ImportCancelledError, NationalImportError
from mssclient.directory.national_rows import (
    BATCH_ROWS,
    ParsedBatch,
    parse_batches,
    parse_in_helper,
)
from mssclient.errors import StoreError
from mssclient.store import Store

#: Page cache while importing (KiB): FTS index merges stay in memory.
IMPORT_CACHE_KIB = 64 * 1024
#: Rejected rows listed one by one in the report (all are counted).
MAX_REPORTED = 1000


@dataclass(frozen=True)
class ImportProgress:
    bytes_read: int
    bytes_total: int
    rows_imported: int

    @property
    def fraction(self) -> float:
        return min(1.0, self.bytes_read / self.bytes_total) if self.bytes_total else 0.0


@dataclass(frozen=True)
class RowProblem:
    line: int
    reason: str  # French


@dataclass
class ImportReport:
    source_name: str = ""
    imported: int = 0
    rejected: int = 0
    repaired: int = 0
    problems: list[RowProblem] = field(default_factory=list)

    def note(self, line: int, reason: str, *, repaired: bool = False) -> None:
        if repaired:
            self.repaired += 1
        else:
            self.rejected += 1
        if len(self.problems) < MAX_REPORTED:
            self.problems.append(RowProblem(line, reason))

    def summary(self) -> str:
        text = _count(self.imported, "adresse importée", "adresses importées")
        if self.rejected:
            text += ", " + _count(self.rejected, "ligne rejetée", "lignes rejetées")
        if self.repaired:
            text += ", " + _count(
                self.repaired, "ligne à l'encodage réparé", "lignes à l'encodage réparé"
            )
        return text + "."


def _count(count: int, one: str, many: str) -> str:
    """French agreement: singular for 0 and 1."""
    return f"{count} {one if count <= 1 else many}"


_INSERT_ENTRY = "INSERT INTO national_entries_staging VALUES (" + ", ".join("?" * 20) + ")"  # noqa: S608
_INSERT_FTS = (
    "INSERT INTO national_fts_staging(rowid, name, profession, city, street, mailbox, kind) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)


def _table_sql(store: Store, name: str) -> str:
    sql = store.scalar("SELECT sql FROM sqlite_master WHERE name = ?", (name,))
    if not sql:
        raise StoreError(f"table {name} missing")
    return str(sql)


def _staging_sql(sql: str, name: str) -> str:
    pattern = re.compile(r'^(CREATE (?:VIRTUAL )?TABLE )"?' + re.escape(name) + r'"?', re.I)
    return pattern.sub(lambda m: f"{m.group(1)}{name}_staging", sql, count=1)


_TABLES = ("national_entries", "national_fts", "national_terms")


def _drop_staging(store: Store) -> None:
    for name in _TABLES:
        store.execute(f"DROP TABLE IF EXISTS {name}_staging")


def _create_staging(store: Store) -> None:
    _drop_staging(store)  # leftovers of an interrupted import
    for name in _TABLES:
        store.execute(_staging_sql(_table_sql(store, name), name))


def _finish_staged_index(store: Store) -> None:
    """Merge the index's segments into one (a word is then one seek, not one per batch
    written) and list its words for autocomplete (migration 0011), read from the index
    itself so that the list holds exactly the tokenizer's words."""
    store.execute("INSERT INTO national_fts_staging(national_fts_staging) VALUES ('optimize')")
    store.execute(
        "CREATE VIRTUAL TABLE temp.national_fts_staging_words "
        "USING fts5vocab(main, national_fts_staging, row)"
    )
    try:
        with store.transaction():
            store.execute(
                "INSERT INTO national_terms_staging(term) "
                "SELECT term FROM temp.national_fts_staging_words"
            )
    finally:
        store.execute("DROP TABLE temp.national_fts_staging_words")


def _swap(store: Store, report: ImportReport, now: datetime) -> None:
    with store.transaction():
        for name in _TABLES:
            store.execute(f"DROP TABLE {name}")
            store.execute(f"ALTER TABLE {name}_staging RENAME TO {name}")
        store.execute(
            "CREATE INDEX national_entries_domain ON national_entries(domain, mailbox_type)"
        )
        store.execute(
            "INSERT INTO national_import_state(id, source_name, imported_at, row_count, "
            "rejected_count, repaired_count) VALUES (1, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE "
            "SET source_name = excluded.source_name, imported_at = excluded.imported_at, "
            "row_count = excluded.row_count, rejected_count = excluded.rejected_count, "
            "repaired_count = excluded.repaired_count",
            (
                report.source_name,
                now.isoformat(timespec="seconds"),
                report.imported,
                report.rejected,
                report.repaired,
            ),
        )


@contextlib.contextmanager
def _bulk_write_pragmas(store: Store) -> Iterator[None]:
    """While staging (thrown away on any failure): a larger page cache, and no fsync per
    batch. The swap that makes the import visible runs with the usual settings."""
    cache = store.scalar("PRAGMA cache_size")
    synchronous = store.scalar("PRAGMA synchronous")
    store.execute(f"PRAGMA cache_size = {-IMPORT_CACHE_KIB}")
    store.execute("PRAGMA synchronous = NORMAL")
    try:
        yield
    finally:
        with contextlib.suppress(StoreError):
            store.execute(f"PRAGMA cache_size = {int(cache)}")
            store.execute(f"PRAGMA synchronous = {int(synchronous)}")


def _write_batch(store: Store, batch: ParsedBatch) -> None:
    with store.transaction():
        store.executemany(_INSERT_ENTRY, batch.entries)
        store.executemany(_INSERT_FTS, batch.fts)


def import_extraction(
    store: Store,
    path: Path,
    now: datetime,
    *,
    progress: Callable[[ImportProgress], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    batch_rows: int = BATCH_ROWS,
    helper_process: bool = True,
) -> ImportReport:
    """Import the extraction at ``path`` (ZIP or text). Raises ``NationalImportError`` (the
    previous directory intact) or returns the report of a completed import.
    ``helper_process=False`` reads the file in this thread (same rows, one core)."""
    report = ImportReport()
    reader = parse_in_helper if helper_process else parse_batches
    try:
        with contextlib.ExitStack() as stack:
            batches = stack.enter_context(contextlib.closing(reader(path, batch_rows)))
            first = next(batches)  # the header is checked before anything is written
            report.source_name = first.source_name
            _create_staging(store)
            stack.enter_context(_bulk_write_pragmas(store))
            _write_all(store, first, batches, report, progress, cancelled)
            _finish_staged_index(store)
        if report.imported == 0:
            raise NationalImportError(
                "no valid row",
                user_message=(
                    "Aucune ligne valide dans le fichier de l'annuaire national : "
                    "l'annuaire précédent est conservé."
                ),
            )
        if cancelled():
            raise ImportCancelledError("cancelled before swap")
        _swap(store, report, now)
    except BaseException:
        # If the store is gone (locked), staging is dropped at the next import instead.
        with contextlib.suppress(StoreError):
            _drop_staging(store)
        raise
    store.audit.append("user", "directory.national.import", report.source_name, report.summary())
    return report


def _write_all(
    store: Store,
    first: ParsedBatch,
    rest: Iterator[ParsedBatch],
    report: ImportReport,
    progress: Callable[[ImportProgress], None] | None,
    cancelled: Callable[[], bool],
) -> None:
    batch: ParsedBatch | None = first
    while batch is not None:
        if cancelled():
            raise ImportCancelledError("cancelled by the user")
        for line, reason, repaired in batch.problems:
            report.note(line, reason, repaired=repaired)
        if batch.entries:
            _write_batch(store, batch)
            report.imported += len(batch.entries)
        if progress:
            progress(ImportProgress(batch.bytes_read, batch.bytes_total, report.imported))
        batch = next(rest, None)


def import_state(store: Store) -> dict[str, Any] | None:
    rows = store.query(
        "SELECT source_name, imported_at, row_count, rejected_count, repaired_count "
        "FROM national_import_state WHERE id = 1"
    )
    return (
        dict(
            zip(
                ("source_name", "imported_at", "rows", "rejected", "repaired"), rows[0], strict=True
            )
        )
        if rows
        else None
    )


__all__ = [
    "ImportProgress",
    "ImportReport",
    "RowProblem",
    "import_extraction",
    "import_state",
]
