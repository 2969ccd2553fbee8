"""The passphrase (or "unlock with my session") form, shared by the start dialog and the
lock page."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mssclient.errors import MssError
from mssclient.gui.error_dialogs import user_message
from mssclient.gui.lock_controller import LockController


class UnlockPanel(QWidget):
    unlocked = Signal()

    def __init__(self, controller: LockController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._session_mode = False

        self.prompt = QLabel(self)
        self.prompt.setWordWrap(True)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.returnPressed.connect(self.try_unlock)
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()

        row = QHBoxLayout()
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.prompt)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.refresh()

    @property
    def session_mode(self) -> bool:
        return self._session_mode

    def refresh(self, message: str = "", *, allow_session: bool = True) -> None:
        """Choose between the passphrase field and the single session button."""
        self._session_mode = allow_session and self._controller.can_unlock_with_session()
        self.passphrase.setVisible(not self._session_mode)
        self.passphrase.clear()
        if self._session_mode:
            self.prompt.setText(self.tr("Your session unlocks MSSClient."))
        else:
            self.prompt.setText(self.tr("Enter your passphrase to unlock MSSClient."))
        self.show_error(message)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def focus_input(self) -> None:
        if self._session_mode:
            self.unlock_button.setFocus()
        else:
            self.passphrase.setFocus()

    def try_unlock(self) -> None:
        try:
            if self._session_mode:
                self._controller.unlock_with_session()
            else:
                self._controller.unlock_with_passphrase(self.passphrase.text())
        except MssError as exc:
            self._after_failure(exc)
            return
        self.passphrase.clear()
        self.show_error("")
        self.unlocked.emit()

    def _after_failure(self, exc: MssError) -> None:
        message = user_message(exc)
        if self._session_mode:
            # The keyring let us down: fall back to the passphrase when the profile has one.
            try:
                has_passphrase = self._controller.profile.keys.settings().has_passphrase
            except MssError:
                has_passphrase = False
            if has_passphrase:
                self._session_mode = False
                self.passphrase.setVisible(True)
                self.prompt.setText(self.tr("Enter your passphrase to unlock MSSClient."))
        self.passphrase.clear()
        self.show_error(message)
        self.focus_input()
