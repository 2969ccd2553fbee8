"""At start, for a profile whose key needs the passphrase."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from mssclient.gui.lock_controller import LockController
from mssclient.gui.resources import icon
from mssclient.gui.unlock_panel import UnlockPanel


class UnlockDialog(QDialog):
    def __init__(
        self,
        controller: LockController,
        message: str = "",
        parent: QWidget | None = None,
        *,
        allow_session: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unlock MSSClient"))
        self.setWindowIcon(icon("app"))
        lock = QLabel(self)
        lock.setPixmap(icon("lock").pixmap(48, 48))
        self.panel = UnlockPanel(controller, self)
        self.panel.refresh(message, allow_session=allow_session)
        self.panel.unlocked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(lock, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.panel, 1)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.panel.focus_input()
