"""Messages waiting to leave: their state, and the server's own words when one failed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mssclient.store import Store
from mssclient.transport.outbox import Outbox, OutboxItem

OUTBOX_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class OutboxPanel(QWidget):
    retry_requested = Signal(int)  # account id whose outbox should be tried now

    def __init__(self, store_provider: Callable[[], Store], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outboxPanel")
        self._store_provider = store_provider
        self.title = QLabel()
        self.title.setObjectName("outboxTitle")
        self.items = QListWidget()
        self.items.setObjectName("outboxItems")
        self.items.setWordWrap(True)
        self.items.setMaximumHeight(120)
        self.items.setAccessibleName(self.tr("Outbox"))
        self.items.currentRowChanged.connect(self._update_buttons)
        self.retry_button = QPushButton(self.tr("Retry"))
        self.retry_button.setObjectName("outboxRetry")
        self.retry_button.clicked.connect(self.retry_selected)
        self.remove_button = QPushButton(self.tr("Cancel sending"))
        self.remove_button.setObjectName("outboxRemove")
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.items)
        layout.addLayout(buttons)
        self.hide()

    def _outbox(self) -> Outbox:
        return Outbox(self._store_provider())

    def describe(self, item: OutboxItem) -> str:
        to = ", ".join(item.recipients)
        if item.state == "failed":
            words = item.last_error_fr or self.tr("Sending failed.")
            if item.last_error:
                words += " " + self.tr("Server: “%1”").replace("%1", item.last_error)
            return self.tr("Not sent, to %1. %2").replace("%1", to).replace("%2", words)
        if item.state == "sending":
            return self.tr("Sending to %1…").replace("%1", to)
        text = self.tr("Waiting, to %1").replace("%1", to)
        if item.attempts:
            text += " " + self.tr("(attempt %1; %2)").replace("%1", str(item.attempts)).replace(
                "%2", item.last_error_fr or item.last_error
            )
        return text

    def reload(self) -> None:
        waiting = [i for i in self._outbox().items() if i.state != "sent"]
        self.items.clear()
        for item in waiting:
            row = QListWidgetItem(self.describe(item))
            row.setData(OUTBOX_ID_ROLE, item.id)
            row.setData(OUTBOX_ID_ROLE + 1, item.account_id)
            if item.state == "failed":
                row.setForeground(Qt.GlobalColor.darkRed)
            self.items.addItem(row)
        self.title.setText(self.tr("Outbox (%1)").replace("%1", str(len(waiting))))
        self.setVisible(bool(waiting))
        self._update_buttons()

    def clear(self) -> None:
        self.items.clear()
        self.title.clear()
        self.hide()

    def _selected(self) -> tuple[int, int] | None:
        row = self.items.currentItem()
        if row is None:
            return None
        return int(row.data(OUTBOX_ID_ROLE)), int(row.data(OUTBOX_ID_ROLE + 1))

    def _update_buttons(self) -> None:
        chosen = self._selected() is not None
        self.retry_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def retry_selected(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        self._outbox().retry_now(chosen[0])
        self.reload()
        self.retry_requested.emit(chosen[1])

    def remove_selected(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        self._outbox().remove(chosen[0])
        self.reload()
