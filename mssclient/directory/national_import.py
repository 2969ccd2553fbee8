"""Import the national MSSanté extraction into the store: streaming, cancellable, atomic.

Rows go into staging copies of ``national_entries`` / ``national_fts`` in committed batches
(other writers are never blocked for long); only when the whole file has been read are the
staging tables swapped in, in one transaction. A cancelled or failed import drops the
staging tables and leaves the previous directory as it was.

Bad rows never stop the import: each is rejected (or, for text that is not UTF-8, repaired
from Windows-1252) and listed in the report with its line number.
"""

from __future__ import annotations

import contextlib
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from mssclient.directory.errors import ImportCancelledError, NationalImportError
from mssclient.directory.extraction_format import ColumnMap, map_columns
from mssclient.errors import StoreError
from mssclient.store import Store

#: Rows per committed staging transaction (about 0.5 s of writing: other connections wait
#: no longer than that; cancellation is checked between batches).
BATCH_ROWS = 20_000
#: Read size of the (decompressed) file.
READ_BYTES = 1024 * 1024
#: Page cache while importing (KiB): FTS index merges stay in memory.
IMPORT_CACHE_KIB = 64 * 1024
#: Rejected rows listed one by one in the report (all are counted).
MAX_REPORTED = 1000
#: A line longer than this is not a directory row.
MAX_LINE_BYTES = 16 * 1024
#: Refuse archives that inflate beyond this (the real file is ~89 MB).
MAX_UNCOMPRESSED = 2 * 1024**3

KINDS = {"PER": "PER personnelle", "ORG": "ORG organisationnelle", "APP": "APP applicative"}
_MAILBOX = re.compile(r"^[^@\s|]{1,128}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,}$")


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
        text = f"{self.imported} adresses importées"
        if self.rejected:
            text += f", {self.rejected} lignes rejetées"
        if self.repaired:
            text += f", {self.repaired} lignes à l'encodage réparé"
        return text + "."


_DAMAGED = NationalImportError(
    "damaged archive",
    user_message=(
        "L'archive ZIP de l'annuaire national est endommagée ou incomplète "
        "(téléchargement interrompu ?). L'annuaire précédent est conservé."
    ),
)


def _damaged(detail: str) -> NationalImportError:
    return NationalImportError(detail, user_message=_DAMAGED.user_message)


class _Source:
    """The text file inside the ZIP (or the text file itself), read as binary lines."""

    def __init__(self, path: Path, stack: ExitStack) -> None:
        self.name = path.name
        if not path.is_file():
            raise NationalImportError(
                f"no such file {path}", user_message=f"Le fichier « {path.name} » est introuvable."
            )
        raw = stack.enter_context(path.open("rb"))
        magic = raw.read(4)
        raw.seek(0)
        if magic.startswith(b"PK"):
            try:
                archive = stack.enter_context(zipfile.ZipFile(raw))
            except (zipfile.BadZipFile, EOFError, OSError) as exc:
                raise _damaged(f"bad zip: {exc}") from None
            members = [i for i in archive.infolist() if not i.is_dir()]
            if not members:
                raise _damaged("empty zip")
            member = max(members, key=lambda i: i.file_size)
            if member.file_size > MAX_UNCOMPRESSED:
                raise NationalImportError(
                    f"member too large: {member.file_size}",
                    user_message="Le fichier contenu dans l'archive est anormalement volumineux.",
                )
            self.name = member.filename
            self.total = member.file_size
            self.stream: IO[bytes] = stack.enter_context(archive.open(member))
        else:
            self.total = path.stat().st_size
            self.stream = raw

    def lines(self) -> Iterator[bytes]:
        """The lines, without their b"\\n", read in large blocks. A line longer than
        ``MAX_LINE_BYTES`` comes as its first ``MAX_LINE_BYTES + 1`` bytes only; the rest
        of it is skipped."""
        carry = b""
        skipping = False  # inside an over-long line, already handed out
        try:
            while block := self.stream.read(READ_BYTES):
                parts = (carry + block).split(b"\n")
                carry = parts.pop()
                if skipping:
                    if parts:
                        del parts[0]  # the end of the over-long line
                        skipping = False
                    else:
                        carry = b""
                yield from parts
                if len(carry) > MAX_LINE_BYTES:
                    yield carry[: MAX_LINE_BYTES + 1]
                    carry, skipping = b"", True
        except (zipfile.BadZipFile, EOFError, zlib.error, OSError) as exc:
            raise _damaged(f"read failed: {exc}") from None
        if carry and not skipping:
            yield carry


def _decode(line: bytes) -> tuple[str, bool]:
    try:
        return line.decode("utf-8"), False
    except UnicodeDecodeError:
        # The usual accident: a Windows-1252 (Latin-1) row inside the UTF-8 file.
        return line.decode("cp1252", errors="replace"), True


def _row(
    cells: list[str], columns: ColumnMap, row_id: int
) -> tuple[tuple[Any, ...], tuple[Any, ...]] | str:
    """(entry row, fts row), or a French reason for rejecting the line. Called once per
    line of a 535,000-line file: kept to one pass, without per-row dicts.
    ``cells`` is consumed (see ``ColumnMap.pick``)."""
    v = columns.pick(cells)
    # v: the values of extraction_format.FIELDS in that order, then the street line.
    kind = v[0].upper()
    if kind not in KINDS:
        return f"type de boîte « {kind[:10]} » inconnu (PER, ORG ou APP attendu)"
    mailbox = v[1].lower()
    if not _MAILBOX.match(mailbox):
        return f"adresse de messagerie invalide « {mailbox[:60]} »"
    (
        pp_id_type,
        pp_id,
        pp_national_id,
        structure_id,
        service,
        civility,
        last_name,
        first_name,
        profession,
        category,
        specialty,
        organisation,
        postcode,
        city,
        departement,
        street,
    ) = v[2:]
    if not departement:
        departement = postcode[:3] if postcode.startswith("97") else postcode[:2]
    entry = (
        row_id,
        kind,
        mailbox,
        mailbox.rsplit("@", 1)[1],
        pp_id_type,
        pp_id,
        pp_national_id,
        structure_id,
        service,
        civility,
        last_name,
        first_name,
        profession,
        category,
        specialty,
        organisation,
        street,
        postcode,
        city,
        departement,
    )
    # Empty parts leave extra spaces, which the FTS tokenizer ignores.
    fts = (
        row_id,
        f"{first_name} {last_name} {organisation} {service}",
        f"{profession} {category} {specialty}",
        f"{city} {postcode} {departement}",
        street,
        mailbox,
        KINDS[kind],
    )
    return entry, fts


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


def _drop_staging(store: Store) -> None:
    store.execute("DROP TABLE IF EXISTS national_entries_staging")
    store.execute("DROP TABLE IF EXISTS national_fts_staging")


def _create_staging(store: Store) -> None:
    _drop_staging(store)  # leftovers of an interrupted import
    for name in ("national_entries", "national_fts"):
        store.execute(_staging_sql(_table_sql(store, name), name))


def _swap(store: Store, report: ImportReport, now: datetime) -> None:
    with store.transaction():
        store.execute("DROP TABLE national_entries")
        store.execute("DROP TABLE national_fts")
        store.execute("ALTER TABLE national_entries_staging RENAME TO national_entries")
        store.execute("ALTER TABLE national_fts_staging RENAME TO national_fts")
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


def _write_batch(store: Store, entries: list[tuple[Any, ...]], fts: list[tuple[Any, ...]]) -> None:
    with store.transaction():
        store.executemany(_INSERT_ENTRY, entries)
        store.executemany(_INSERT_FTS, fts)


def import_extraction(
    store: Store,
    path: Path,
    now: datetime,
    *,
    progress: Callable[[ImportProgress], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    batch_rows: int = BATCH_ROWS,
) -> ImportReport:
    """Import the extraction at ``path`` (ZIP or text). Raises ``NationalImportError`` (the
    previous directory intact) or returns the report of a completed import."""
    report = ImportReport()
    try:
        with ExitStack() as stack:
            source = _Source(path, stack)
            report.source_name = source.name
            _create_staging(store)
            stack.enter_context(_bulk_write_pragmas(store))
            _read_into_staging(store, source, report, progress, cancelled, batch_rows)
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


def _read_into_staging(
    store: Store,
    source: _Source,
    report: ImportReport,
    progress: Callable[[ImportProgress], None] | None,
    cancelled: Callable[[], bool],
    batch_rows: int,
) -> None:
    lines = source.lines()
    header_line = next(lines, b"")
    header_text, _ = _decode(header_line.lstrip(b"\xef\xbb\xbf"))
    if "|" not in header_text:
        raise NationalImportError(
            "no | in header",
            user_message=(
                "Ce fichier n'est pas une extraction de l'annuaire MSSanté "
                "(en-tête séparé par « | » attendu)."
            ),
        )
    columns = map_columns(header_text.rstrip("\r\n").split("|"))
    width = columns.width
    read = len(header_line) + 1  # progress, in bytes (over-long lines count short)
    entries: list[tuple[Any, ...]] = []
    fts: list[tuple[Any, ...]] = []
    row_id = 0
    for line_number, line in enumerate(lines, start=2):
        read += len(line) + 1
        if len(line) > MAX_LINE_BYTES:
            report.note(line_number, "ligne anormalement longue")
            continue
        try:
            text = line.decode("utf-8")
            repaired = False
        except UnicodeDecodeError:
            text, repaired = _decode(line)
        cells = text.rstrip("\r\n").split("|")
        if len(cells) != width:
            if len(cells) == width + 1 and not cells[-1].strip():
                cells.pop()  # a trailing separator
            elif not text.strip():
                continue
            else:
                report.note(line_number, f"{len(cells)} colonnes au lieu de {width}")
                continue
        built = _row(cells, columns, row_id + 1)
        if isinstance(built, str):
            report.note(line_number, built)
            continue
        row_id += 1
        if repaired:
            report.note(line_number, "texte non UTF-8 réparé (lu en Windows-1252)", repaired=True)
        entries.append(built[0])
        fts.append(built[1])
        if len(entries) >= batch_rows:
            _flush(store, entries, fts, report, cancelled)
            if progress:
                progress(ImportProgress(read, source.total, report.imported))
    _flush(store, entries, fts, report, cancelled)
    if progress:
        progress(ImportProgress(source.total, source.total, report.imported))


def _flush(
    store: Store,
    entries: list[tuple[Any, ...]],
    fts: list[tuple[Any, ...]],
    report: ImportReport,
    cancelled: Callable[[], bool],
) -> None:
    if cancelled():
        raise ImportCancelledError("cancelled by the user")
    if entries:
        _write_batch(store, entries, fts)
        report.imported += len(entries)
        entries.clear()
        fts.clear()


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
