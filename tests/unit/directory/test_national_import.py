"""Import of the national MSSanté extraction: bad rows, bad files, cancel, atomic re-import."""

from __future__ import annotations

import multiprocessing
import os
import signal
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mssclient.directory.errors import ImportCancelledError, NationalImportError
from mssclient.directory.extraction_format import CANONICAL_HEADER
from mssclient.directory.national_import import (
    ImportProgress,
    import_extraction,
    import_state,
)
from mssclient.directory.national_rows import MAX_LINE_BYTES, parse_batches
from mssclient.store import Store
from tests.unit.directory.extraction_factory import (
    many_rows,
    row,
    text_bytes,
    write_text,
    write_zip,
)

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def mailboxes(store: Store) -> list[str]:
    return [r[0] for r in store.query("SELECT mailbox FROM national_entries ORDER BY id")]


def fts_hits(store: Store, match: str) -> int:
    return int(
        store.scalar("SELECT count(*) FROM national_fts WHERE national_fts MATCH ?", (match,))
    )


def staging_left(store: Store) -> list[str]:
    return [r[0] for r in store.query("SELECT name FROM sqlite_master WHERE name LIKE '%staging%'")]


def test_malformed_rows_are_reported_not_fatal(temp_store: Store, tmp_path: Path) -> None:
    good = row()
    data = (
        text_bytes([good])
        + b"\n".join(
            [
                b"XYZ|" + "|".join(good[1:]).encode(),  # unknown mailbox type
                "|".join(row(mailbox="pas-une-adresse")).encode(),  # invalid address
                "|".join(good[:10]).encode(),  # too few columns
                "|".join([*good, "x", "y"]).encode(),  # too many columns
                b"",  # blank line: skipped silently
                "|".join([*row(mailbox="b@infirmier.mssante.fr"), ""]).encode(),  # trailing |: fine
                b"A" * (MAX_LINE_BYTES + 10),  # absurdly long line
                "|".join(row(mailbox="c@medecin.mssante.fr", first="Hélène")).encode("cp1252"),
            ]
        )
        + b"\n"
    )
    report = import_extraction(temp_store, write_text(tmp_path / "x.txt", data), NOW)
    assert report.imported == 3
    assert report.rejected == 5 and report.repaired == 1
    reasons = {p.line: p.reason for p in report.problems}
    assert "XYZ" in reasons[3] and "inconnu" in reasons[3]
    assert "adresse de messagerie invalide" in reasons[4]
    assert reasons[5] == f"10 colonnes au lieu de {len(CANONICAL_HEADER)}"
    assert reasons[6] == f"{len(CANONICAL_HEADER) + 2} colonnes au lieu de {len(CANONICAL_HEADER)}"
    assert reasons[9] == "ligne anormalement longue"
    assert "réparé" in reasons[10]
    assert mailboxes(temp_store) == [
        "jean.dupont@medecin.mssante.fr",
        "b@infirmier.mssante.fr",
        "c@medecin.mssante.fr",
    ]
    assert (
        temp_store.scalar(
            "SELECT first_name FROM national_entries WHERE mailbox = 'c@medecin.mssante.fr'"
        )
        == "Hélène"
    )
    assert report.summary() == (
        "3 adresses importées, 5 lignes rejetées, 1 ligne à l'encodage réparé."
    )
    state = import_state(temp_store)
    assert state is not None and state["rows"] == 3 and state["rejected"] == 5


@pytest.mark.parametrize("read_bytes", [7, 100, 1024 * 1024])
def test_lines_split_across_reads_and_overlong_lines_anywhere(
    tmp_path: Path, read_bytes: int
) -> None:
    """The file is read in blocks: a line may straddle two reads, an over-long line many
    (or end the file), and the last line may lack its newline."""
    rows = many_rows(4)
    data = (
        text_bytes(rows[:2])
        + b"B" * (3 * MAX_LINE_BYTES + 5)  # line 4
        + b"\r\n"
        + "|".join(rows[2]).encode()  # line 5
        + b"\r\n"
        + b"C" * MAX_LINE_BYTES  # line 6: as long as allowed, not a row either
        + b"\n"
        + "|".join(rows[3]).encode()  # line 7, no newline at the end
    )

    def read(path: Path) -> tuple[list[str], list[tuple[int, str]]]:
        batches = list(parse_batches(path, batch_rows=2, read_bytes=read_bytes))
        found = [entry[2] for batch in batches for entry in batch.entries]
        problems = [(line, reason) for batch in batches for line, reason, _ in batch.problems]
        return found, problems

    found, problems = read(write_zip(tmp_path / "x.zip", data))
    assert found == [r[1] for r in rows]
    assert problems == [
        (4, "ligne anormalement longue"),
        (6, f"1 colonnes au lieu de {len(CANONICAL_HEADER)}"),
    ]

    overlong_at_end = text_bytes(rows[:1]) + b"D" * (2 * MAX_LINE_BYTES)
    found, problems = read(write_text(tmp_path / "y.txt", overlong_at_end))
    assert found == [rows[0][1]]
    assert problems == [(3, "ligne anormalement longue")]


def test_same_import_with_or_without_the_helper_process(tmp_path: Path) -> None:
    """The helper process only moves the reading elsewhere: same rows, same report."""
    rows = many_rows(300)
    data = text_bytes(rows) + b"XYZ|bad\n" + "|".join(row(first="Zoé")).encode("cp1252")
    path = write_zip(tmp_path / "x.zip", data)
    results = []
    for helper in (True, False):
        with Store.open(tmp_path / f"{helper}.db", bytes(range(32)), key_known_good=True) as store:
            report = import_extraction(store, path, NOW, batch_rows=64, helper_process=helper)
            rows_stored = store.query("SELECT * FROM national_entries ORDER BY id")
            results.append((report, rows_stored, fts_hits(store, '"zoe"*')))
    assert results[0] == results[1]
    report, stored, zoe = results[0]
    assert report.imported == 301 and report.rejected == 1 and report.repaired == 1
    assert len(stored) == 301 and zoe == 1


def test_helper_process_killed_midway_keeps_the_old_directory(
    temp_store: Store, tmp_path: Path
) -> None:
    _import_old(temp_store, tmp_path)
    path = write_text(tmp_path / "new.txt", text_bytes(many_rows(20_000, last="NOUVEAU")))

    def kill_the_reader(_: ImportProgress) -> None:
        for child in multiprocessing.active_children():
            os.kill(child.pid or 0, signal.SIGKILL)

    with pytest.raises(NationalImportError) as caught:
        import_extraction(temp_store, path, NOW, progress=kill_the_reader, batch_rows=100)
    assert "s'est interrompue" in caught.value.user_message
    assert_old_intact(temp_store)
    assert multiprocessing.active_children() == []


def test_zip_import_with_reordered_columns(temp_store: Store, tmp_path: Path) -> None:
    order = list(reversed(range(len(CANONICAL_HEADER))))
    header = [CANONICAL_HEADER[i] for i in order]
    rows = [[r[i] for i in order] for r in many_rows(7)]
    report = import_extraction(
        temp_store, write_zip(tmp_path / "x.zip", text_bytes(rows, header)), NOW
    )
    assert report.imported == 7 and report.source_name.endswith(".txt")
    assert temp_store.scalar("SELECT city FROM national_entries LIMIT 1") == "Lille"
    assert fts_hits(temp_store, '"prenom3"*') == 1
    assert fts_hits(temp_store, "lille") == 7


def _import_old(store: Store, tmp_path: Path) -> None:
    import_extraction(
        store, write_text(tmp_path / "old.txt", text_bytes(many_rows(5, last="ANCIEN"))), NOW
    )
    assert len(mailboxes(store)) == 5


def assert_old_intact(store: Store) -> None:
    assert len(mailboxes(store)) == 5
    assert fts_hits(store, "ancien") == 5
    assert staging_left(store) == []


def test_truncated_zip_keeps_the_old_directory(temp_store: Store, tmp_path: Path) -> None:
    _import_old(temp_store, tmp_path)
    full = write_zip(tmp_path / "full.zip", text_bytes(many_rows(2000, last="NOUVEAU")))
    cut = tmp_path / "cut.zip"
    cut.write_bytes(full.read_bytes()[: full.stat().st_size // 2])
    with pytest.raises(NationalImportError) as caught:
        import_extraction(temp_store, cut, NOW)
    assert "endommagée ou incomplète" in caught.value.user_message
    assert_old_intact(temp_store)


def test_corrupt_zip_data_midway_keeps_the_old_directory(temp_store: Store, tmp_path: Path) -> None:
    _import_old(temp_store, tmp_path)
    data = text_bytes(many_rows(3000, last="NOUVEAU"))
    path = tmp_path / "bad.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("x.txt", data)
    raw = bytearray(path.read_bytes())
    middle = len(raw) // 2
    raw[middle : middle + 4] = b"\x00\x01\x02\x03"  # the CRC check fails at the end
    path.write_bytes(bytes(raw))
    with pytest.raises(NationalImportError) as caught:
        import_extraction(temp_store, path, NOW, batch_rows=100)
    assert "endommagée" in caught.value.user_message
    assert_old_intact(temp_store)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "en-tête"),
        (b"nom;prenom;adresse\nDupont;Jean;x@y.fr\n", "en-tête"),
        (b"Nom|Prenom|Ville\nDupont|Jean|Lille\n", "Type de BAL"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10, "en-tête"),
    ],
)
def test_files_that_are_not_extractions(
    temp_store: Store, tmp_path: Path, content: bytes, expected: str
) -> None:
    _import_old(temp_store, tmp_path)
    with pytest.raises(NationalImportError) as caught:
        import_extraction(temp_store, write_text(tmp_path / "bad.txt", content), NOW)
    assert expected in caught.value.user_message
    assert_old_intact(temp_store)


def test_no_valid_row_keeps_the_old_directory(temp_store: Store, tmp_path: Path) -> None:
    _import_old(temp_store, tmp_path)
    data = text_bytes([row(mailbox="nope"), row(kind="???")])
    with pytest.raises(NationalImportError) as caught:
        import_extraction(temp_store, write_text(tmp_path / "x.txt", data), NOW)
    assert "Aucune ligne valide" in caught.value.user_message
    assert_old_intact(temp_store)


def test_missing_file(temp_store: Store, tmp_path: Path) -> None:
    with pytest.raises(NationalImportError) as caught:
        import_extraction(temp_store, tmp_path / "absent.zip", NOW)
    assert "introuvable" in caught.value.user_message


def test_cancel_keeps_the_old_directory(temp_store: Store, tmp_path: Path) -> None:
    _import_old(temp_store, tmp_path)
    seen: list[ImportProgress] = []

    def cancel_after_two_batches() -> bool:
        return len(seen) >= 2

    path = write_zip(tmp_path / "new.zip", text_bytes(many_rows(500, last="NOUVEAU")))
    with pytest.raises(ImportCancelledError) as caught:
        import_extraction(
            temp_store,
            path,
            NOW,
            progress=seen.append,
            cancelled=cancel_after_two_batches,
            batch_rows=50,
        )
    assert "annulé" in caught.value.user_message
    assert len(seen) == 2 and 0 < seen[0].fraction < seen[1].fraction < 1
    assert_old_intact(temp_store)


def test_reimport_replaces_everything_atomically(temp_store: Store, tmp_path: Path) -> None:
    _import_old(temp_store, tmp_path)
    seen: list[ImportProgress] = []
    new = write_zip(tmp_path / "new.zip", text_bytes(many_rows(120, last="NOUVEAU")))
    report = import_extraction(temp_store, new, NOW, progress=seen.append, batch_rows=50)
    assert report.imported == 120
    assert seen[-1].fraction == 1.0 and seen[-1].rows_imported == 120
    assert fts_hits(temp_store, "ancien") == 0 and fts_hits(temp_store, "nouveau") == 120
    assert len(mailboxes(temp_store)) == 120 and staging_left(temp_store) == []
    indexes = {
        r[0]
        for r in temp_store.query(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'national_entries'"
        )
    }
    assert "national_entries_domain" in indexes
    # A second re-import works the same (the renamed tables are reusable).
    import_extraction(temp_store, write_text(tmp_path / "third.txt", text_bytes(many_rows(3))), NOW)
    assert len(mailboxes(temp_store)) == 3


def test_leftover_staging_from_a_crash_is_cleared(temp_store: Store, tmp_path: Path) -> None:
    temp_store.execute("CREATE TABLE national_entries_staging (junk)")
    report = import_extraction(
        temp_store, write_text(tmp_path / "x.txt", text_bytes(many_rows(2))), NOW
    )
    assert report.imported == 2 and staging_left(temp_store) == []


def test_report_summary_agrees_in_number() -> None:
    from mssclient.directory.national_import import ImportReport

    assert ImportReport(imported=1, rejected=1).summary() == "1 adresse importée, 1 ligne rejetée."
    assert ImportReport(imported=2, repaired=2).summary() == (
        "2 adresses importées, 2 lignes à l'encodage réparé."
    )
