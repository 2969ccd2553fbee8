"""The national import dialog: progress, report of rejected rows, cancel keeps old data."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from mssclient.gui.directory import NationalImportDialog
from mssclient.store import Store
from tests.unit.directory.extraction_factory import many_rows, row, text_bytes, write_zip


def opener(store: Store, key: bytes):  # type: ignore[no-untyped-def]
    # Called on the import thread: a second connection to the same encrypted file.
    return lambda: Store.open(store.path, key, key_known_good=True)


def test_import_with_progress_and_report(
    qtbot: QtBot, temp_store: Store, store_key: bytes, tmp_path: Path, french: None
) -> None:
    rows = [*many_rows(300), row(mailbox="pas-une-adresse")]
    path = write_zip(tmp_path / "extraction.zip", text_bytes(rows))
    dialog = NationalImportDialog(opener(temp_store, store_key), path, batch_rows=50)
    qtbot.addWidget(dialog)
    progress_values: list[int] = []
    dialog.progress.valueChanged.connect(progress_values.append)
    statuses: list[str] = []
    dialog._thread.progressed.connect(lambda _: statuses.append(dialog.status.text()))
    with qtbot.waitSignal(dialog.import_finished, timeout=30_000) as done:
        dialog.start()
    # The last rows written, the index is merged: the dialog says so before the report.
    assert statuses[-1] == "Préparation de l'index de recherche…"
    assert all(s.startswith("Import de") for s in statuses[:-1]), statuses
    report = done.args[0]
    assert report is not None and report.imported == 300 and report.rejected == 1
    assert progress_values == sorted(progress_values) and progress_values[-1] == 1000
    assert len(progress_values) >= 3
    assert "302" in dialog.problems.toPlainText() and "invalide" in dialog.problems.toPlainText()
    assert temp_store.scalar("SELECT count(*) FROM national_entries") == 300
    assert dialog.wait()


def test_cancel_keeps_the_previous_directory(
    qtbot: QtBot, temp_store: Store, store_key: bytes, tmp_path: Path
) -> None:
    first = write_zip(tmp_path / "old.zip", text_bytes(many_rows(5, last="ANCIEN")))
    dialog = NationalImportDialog(opener(temp_store, store_key), first)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.import_finished, timeout=30_000):
        dialog.start()
    dialog.wait()

    second = write_zip(tmp_path / "new.zip", text_bytes(many_rows(3000, last="NOUVEAU")))
    dialog = NationalImportDialog(opener(temp_store, store_key), second, batch_rows=10)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.import_finished, timeout=30_000) as done:
        dialog.start()
        dialog.cancel()
    assert done.args[0] is None
    assert "annulé" in dialog.error
    dialog.wait()
    assert temp_store.scalar("SELECT count(*) FROM national_entries") == 5
    assert (
        temp_store.scalar("SELECT count(*) FROM national_fts WHERE national_fts MATCH 'ancien'")
        == 5
    )


def test_damaged_file_is_reported(
    qtbot: QtBot, temp_store: Store, store_key: bytes, tmp_path: Path
) -> None:
    path = tmp_path / "cut.zip"
    full = write_zip(tmp_path / "full.zip", text_bytes(many_rows(500)))
    path.write_bytes(full.read_bytes()[:200])
    dialog = NationalImportDialog(opener(temp_store, store_key), path)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.import_finished, timeout=30_000) as done:
        dialog.start()
    assert done.args[0] is None and "endommagée" in dialog.status.text()
    dialog.wait()
