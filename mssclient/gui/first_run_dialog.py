"""First start of a profile: choose how the store key is protected."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mssclient.errors import MssError
from mssclient.gui.error_dialogs import user_message
from mssclient.gui.resources import icon
from mssclient.profile import Profile
from mssclient.security import keyring_access
from mssclient.security.keywrap import KdfParams

MIN_PASSPHRASE_LENGTH = 10


class FirstRunDialog(QDialog):
    """Asks for a passphrase twice and creates the profile when it is acceptable."""

    def __init__(
        self, profile: Profile, *, kdf: KdfParams | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._profile = profile
        self._kdf = kdf
        self._keyring = keyring_access.keyring_available()
        self.setWindowTitle(self.tr("Protect your data"))
        self.setWindowIcon(icon("lock"))

        heading = QLabel(self.tr("Protect your data"), self)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        lock = QLabel(self)
        lock.setPixmap(icon("lock").pixmap(48, 48))
        header = QHBoxLayout()
        header.addWidget(lock)
        header.addWidget(heading, 1)

        intro = QLabel(
            self.tr(
                "Your messages and your patients' data are kept in an encrypted database on "
                "this computer. Choose a passphrase of at least %1 characters: it unlocks "
                "the application."
            ).replace("%1", str(MIN_PASSPHRASE_LENGTH)),
            self,
        )
        intro.setWordWrap(True)
        warning = QLabel(self.tr("Keep it safe: without it, the data cannot be recovered."), self)
        warning.setWordWrap(True)

        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirmation = QLineEdit(self)
        self.confirmation.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Passphrase:"), self.passphrase)
        form.addRow(self.tr("Confirm the passphrase:"), self.confirmation)

        self.keep_in_keyring = QCheckBox(self.tr("Also keep the key in the system keyring"), self)
        self.keyring_note = QLabel(self)
        self.keyring_note.setWordWrap(True)
        if self._keyring:
            self.keep_in_keyring.setChecked(True)
            self.keyring_note.setText(
                self.tr(
                    "Your session's keyring then keeps the key too: in the settings you may "
                    "choose to unlock with your session instead of the passphrase."
                )
            )
        else:
            self.keep_in_keyring.setChecked(False)
            self.keep_in_keyring.setEnabled(False)
            self.keyring_note.setText(
                self.tr(
                    "No system keyring is available on this computer: the passphrase is "
                    "mandatory and will be asked at each start."
                )
            )

        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()

        buttons = QDialogButtonBox(self)
        self.create_button = buttons.addButton(
            self.tr("Create the profile"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setDefault(True)
        buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(intro)
        layout.addWidget(warning)
        layout.addLayout(form)
        layout.addWidget(self.keep_in_keyring)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    @property
    def keyring_offered(self) -> bool:
        return self._keyring

    def problem(self) -> str:
        """Why the typed passphrases cannot be used, or "" when they can."""
        first = self.passphrase.text()
        if len(first) < MIN_PASSPHRASE_LENGTH:
            return self.tr("The passphrase must have at least %1 characters.").replace(
                "%1", str(MIN_PASSPHRASE_LENGTH)
            )
        if first != self.confirmation.text():
            return self.tr("The two passphrases differ.")
        return ""

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.show_error(problem)
            self.confirmation.clear()
            self.passphrase.setFocus()
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._profile.create(
                passphrase=self.passphrase.text(),
                use_keyring=self._keyring and self.keep_in_keyring.isChecked(),
                kdf=self._kdf,
            )
        except MssError as exc:
            self.show_error(user_message(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.passphrase.clear()
        self.confirmation.clear()
        super().accept()
