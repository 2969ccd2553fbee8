"""Download the hospital directory off the GUI thread; the result comes back as a signal."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, Signal

from mssclient.directory.refresh import FetchResult, RefreshSettings, fetch_directory


class RefreshSignals(QObject):
    finished = Signal(object)  # FetchResult, delivered on the GUI thread


class RefreshTask(QRunnable):
    """Network only: no store, no widget is touched here."""

    def __init__(self, settings: RefreshSettings, etag: str, signals: RefreshSignals) -> None:
        super().__init__()
        self._settings = settings
        self._etag = etag
        self._signals = signals

    def run(self) -> None:
        try:
            result = fetch_directory(self._settings, self._etag)
        except Exception as exc:  # a bug must not kill the pool thread silently
            result = FetchResult(
                error=f"Erreur inattendue pendant la mise à jour ({type(exc).__name__})."
            )
        self._signals.finished.emit(result)
