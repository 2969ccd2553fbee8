"""Read the national MSSanté extraction into batches of rows ready for the store.

This is the CPU half of the import (unzip, decode, split, check, shape): it runs in a
helper process while the importing thread writes the previous batch, so it imports
nothing heavier than the column map. Bad rows never stop the reading: each becomes a
problem (line number, French reason) in the batch that follows it.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Generator
from contextlib import ExitStack
from dataclasses import dataclass, field
from multiprocessing.queues import Queue
from pathlib import Path
from queue import Empty
from typing import IO, Any

from mssclient.directory.errors import NationalImportError
from mssclient.directory.extraction_format import ColumnMap, map_columns
from mssclient.worker_processes import worker_context

#: Rows (plus rejected lines) per batch: about half a second of writing.
BATCH_ROWS = 20_000
#: Read size of the (decompressed) file.
READ_BYTES = 1024 * 1024
#: A line longer than this is not a directory row.
MAX_LINE_BYTES = 16 * 1024
#: Refuse archives that inflate beyond this (the real file is ~89 MB).
MAX_UNCOMPRESSED = 2 * 1024**3

KINDS = {"PER": "PER personnelle", "ORG": "ORG organisationnelle", "APP": "APP applicative"}
_MAILBOX = re.compile(r"^[^@\s|]{1,128}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,}$")

_DAMAGED_MESSAGE = (
    "L'archive ZIP de l'annuaire national est endommagée ou incomplète "
    "(téléchargement interrompu ?). L'annuaire précédent est conservé."
)


def _damaged(detail: str) -> NationalImportError:
    return NationalImportError(detail, user_message=_DAMAGED_MESSAGE)


@dataclass
class ParsedBatch:
    """Rows for ``national_entries`` and ``national_fts``, and the lines turned away."""

    source_name: str
    bytes_total: int
    bytes_read: int = 0
    entries: list[tuple[Any, ...]] = field(default_factory=list)
    fts: list[tuple[Any, ...]] = field(default_factory=list)
    #: (line number, French reason, repaired rather than rejected)
    problems: list[tuple[int, str, bool]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.entries) + len(self.problems)


class _Source:
    """The text file inside the ZIP (or the text file itself), read as binary lines."""

    def __init__(self, path: Path, stack: ExitStack, read_bytes: int) -> None:
        self.name = path.name
        self._read_bytes = read_bytes
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

    def lines(self) -> Generator[bytes, None, None]:
        """The lines, without their b"\\n", read in large blocks. A line longer than
        ``MAX_LINE_BYTES`` comes as its first ``MAX_LINE_BYTES + 1`` bytes only; the rest
        of it is skipped."""
        carry = b""
        skipping = False  # inside an over-long line, already handed out
        try:
            while block := self.stream.read(self._read_bytes):
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
    domain = mailbox.rsplit("@", 1)[1]
    entry = (
        row_id,
        kind,
        mailbox,
        domain,
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


def _columns(header_line: bytes) -> ColumnMap:
    header_text, _ = _decode(header_line.lstrip(b"\xef\xbb\xbf"))
    if "|" not in header_text:
        raise NationalImportError(
            "no | in header",
            user_message=(
                "Ce fichier n'est pas une extraction de l'annuaire MSSanté "
                "(en-tête séparé par « | » attendu)."
            ),
        )
    return map_columns(header_text.rstrip("\r\n").split("|"))


def parse_batches(
    path: Path, batch_rows: int = BATCH_ROWS, read_bytes: int = READ_BYTES
) -> Generator[ParsedBatch, None, None]:
    """The file's rows in batches; the last batch (possibly empty) has ``bytes_read`` equal
    to ``bytes_total``. Raises ``NationalImportError`` for a file that is not an extraction
    or an archive that breaks while reading."""
    with ExitStack() as stack:
        source = _Source(path, stack, read_bytes)
        lines = source.lines()
        header_line = next(lines, b"")
        columns = _columns(header_line)
        width = columns.width
        read = len(header_line) + 1  # progress, in bytes (over-long lines count short)
        batch = ParsedBatch(source.name, source.total)
        row_id = 0
        for line_number, line in enumerate(lines, start=2):
            if len(batch) >= batch_rows:
                batch.bytes_read = read
                yield batch
                batch = ParsedBatch(source.name, source.total)
            read += len(line) + 1
            if len(line) > MAX_LINE_BYTES:
                batch.problems.append((line_number, "ligne anormalement longue", False))
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
                    reason = f"{len(cells)} colonnes au lieu de {width}"
                    batch.problems.append((line_number, reason, False))
                    continue
            built = _row(cells, columns, row_id + 1)
            if isinstance(built, str):
                batch.problems.append((line_number, built, False))
                continue
            row_id += 1
            if repaired:
                reason = "texte non UTF-8 réparé (lu en Windows-1252)"
                batch.problems.append((line_number, reason, True))
            batch.entries.append(built[0])
            batch.fts.append(built[1])
        batch.bytes_read = source.total
        yield batch


def _parse_into(queue: Queue[Any], path: str, batch_rows: int, read_bytes: int) -> None:
    """The helper process: every batch, then "done"; or why the file was refused."""
    try:
        for batch in parse_batches(Path(path), batch_rows, read_bytes):
            queue.put(("batch", batch))
    except NationalImportError as exc:
        queue.put(("refused", (str(exc), exc.user_message)))
    except Exception as exc:  # told to the importing side, which fails the import
        queue.put(("crashed", repr(exc)[:300]))
    else:
        queue.put(("done", None))


def _helper_lost(detail: str) -> NationalImportError:
    return NationalImportError(
        detail,
        user_message=(
            "La lecture du fichier de l'annuaire national s'est interrompue "
            "(erreur inattendue). L'annuaire précédent est conservé."
        ),
    )


def parse_in_helper(
    path: Path, batch_rows: int = BATCH_ROWS, read_bytes: int = READ_BYTES
) -> Generator[ParsedBatch, None, None]:
    """``parse_batches`` run in a helper process, two batches ahead of the caller, so
    that reading the file and writing the store use both cores. Close the iterator (or
    exhaust it) to stop the helper."""
    context = worker_context()
    queue: Queue[Any] = context.Queue(maxsize=2)
    helper = context.Process(
        target=_parse_into, args=(queue, str(path), batch_rows, read_bytes), daemon=True
    )
    helper.start()
    try:
        while True:
            try:
                kind, payload = queue.get(timeout=0.5)
            except Empty:
                if helper.is_alive():
                    continue
                try:  # it may have ended right after its last message
                    kind, payload = queue.get(timeout=0.5)
                except Empty:
                    raise _helper_lost(f"parser exited with {helper.exitcode}") from None
            if kind == "batch":
                yield payload
            elif kind == "done":
                return
            elif kind == "refused":
                detail, user_message = payload
                raise NationalImportError(detail, user_message=user_message)
            else:
                raise _helper_lost(f"parser failed: {payload}")
    finally:
        if helper.is_alive():
            helper.terminate()
        helper.join(timeout=10)
        queue.close()
