"""Import the national MSSanté extraction with a progress bar and a Cancel button.

The import runs on its own thread with its own store connection (``store_opener`` is
called on that thread: SQLCipher connections never cross threads). Cancelling, or any
failure, leaves the previous national directory in place.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from mssclient.directory.national_import import (
    BATCH_ROWS,
    ImportProgress,
    ImportReport,
    import_extraction,
)
from mssclient.errors import MssError
from mssclient.store import Store


class ImportThread(QThread):
    progressed = Signal(object)  # ImportProgress
    succeeded = Signal(object)  # ImportReport
    failed = Signal(str)  # French message

    def __init__(
        self,
        store_opener: Callable[[], Store],
        path: Path,
        batch_rows: int = BATCH_ROWS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store_opener = store_opener
        self._path = path
        self._batch_rows = batch_rows
        self.cancel_event = threading.Event()

    def run(self) -> None:
        try:
            store = self._store_opener()
        except MssError as exc:
            self.failed.emit(exc.user_message)
            return
        try:
            report = import_extraction(
                store,
                self._path,
                datetime.now(UTC),
                progress=self.progressed.emit,
                cancelled=self.cancel_event.is_set,
                batch_rows=self._batch_rows,
            )
        except MssError as exc:
            self.failed.emit(exc.user_message)
        except Exception as exc:  # keep the dialog honest if something unforeseen breaks
            self.failed.emit(f"Erreur inattendue pendant l'import ({type(exc).__name__}).")
        else:
            self.succeeded.emit(report)
        finally:
            store.close()


class NationalImportDialog(QDialog):
    import_finished = Signal(object)  # ImportReport, or None when cancelled or failed

    def __init__(
        self,
        store_opener: Callable[[], Store],
        path: Path,
        parent: QWidget | None = None,
        *,
        batch_rows: int = BATCH_ROWS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("nationalImportDialog")
        self.setWindowTitle(self.tr("Import the national MSSanté directory"))
        self.setMinimumWidth(520)
        self.report: ImportReport | None = None
        self.error = ""
        self.status = QLabel(self.tr("Importing %1…").replace("%1", path.name))
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.rows = QLabel()
        self.problems = QPlainTextEdit()
        self.problems.setObjectName("importProblems")
        self.problems.setReadOnly(True)
        self.problems.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self._cancel_or_close)
        layout = QVBoxLayout(self)
        for widget in (self.status, self.progress, self.rows, self.problems, self.buttons):
            layout.addWidget(widget)
        self._thread = ImportThread(store_opener, path, batch_rows, self)
        self._thread.progressed.connect(self._on_progress)
        self._thread.succeeded.connect(self._on_success)
        self._thread.failed.connect(self._on_failure)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._thread.cancel_event.set()
        self.status.setText(self.tr("Cancelling… the previous directory is kept."))

    def wait(self, msecs: int = 60_000) -> bool:
        return self._thread.wait(msecs)

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    def _cancel_or_close(self) -> None:
        if self._thread.isRunning():
            self.cancel()
        else:
            self.reject()

    def _on_progress(self, progress: ImportProgress) -> None:
        self.progress.setValue(int(progress.fraction * 1000))
        self.rows.setText(self.tr("%1 addresses read").replace("%1", f"{progress.rows_imported:n}"))
        if progress.fraction >= 1.0 and not self._thread.cancel_event.is_set():
            # Every row is written; merging the index takes a few more seconds.
            self.status.setText(self.tr("Preparing the search index…"))

    def _finish_buttons(self) -> None:
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

    def _on_success(self, report: ImportReport) -> None:
        self.report = report
        self.progress.setValue(1000)
        self.status.setText(report.summary())
        if report.problems:
            lines = [
                self.tr("Line %1: %2").replace("%1", str(p.line)).replace("%2", p.reason)
                for p in report.problems
            ]
            if report.rejected + report.repaired > len(report.problems):
                lines.append(self.tr("(first %n problems shown)", "", len(report.problems)))
            self.problems.setPlainText("\n".join(lines))
            self.problems.show()
        self._finish_buttons()
        self.import_finished.emit(report)

    def _on_failure(self, message: str) -> None:
        self.error = message
        self.status.setText(message)
        self._finish_buttons()
        self.import_finished.emit(None)

    def closeEvent(self, event: object) -> None:
        if self._thread.isRunning():
            self.cancel()
            self._thread.wait()
        super().closeEvent(event)  # type: ignore[arg-type]
