"""The search field: waits for a pause in typing, then asks for a search (or its end)."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

TYPING_PAUSE_MS = 250


class SearchBox(QLineEdit):
    search_requested = Signal(str)  # "" means: back to the folder

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mailSearch")
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(
            self.tr("Search: words, from:, to:, subject:, after:2026-01-01, has:attachment")
        )
        self.setToolTip(
            self.tr(
                "Words are searched everywhere. Narrow with from:name, to:name, "
                "subject:word, after:date, before:date, date:2026-03, has:attachment, "
                'is:unread. "Quoted words" search a phrase.'
            )
        )
        self.setAccessibleName(self.tr("Search mail"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.search_now)
        self.textChanged.connect(lambda _text: self._timer.start())
        self.returnPressed.connect(self.search_now)

    def search_now(self) -> None:
        self._timer.stop()
        self.search_requested.emit(self.text().strip())

    def reset(self) -> None:
        """Empty the field without asking for anything."""
        self._timer.stop()
        self.blockSignals(True)
        self.clear()
        self.blockSignals(False)
