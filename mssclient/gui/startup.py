"""From a closed profile to an unlocked one: first run, keyring, or passphrase."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QDialog, QWidget

from mssclient.errors import MssError
from mssclient.gui.error_dialogs import show_error, user_message
from mssclient.gui.first_run_dialog import FirstRunDialog
from mssclient.gui.lock_controller import LockController
from mssclient.gui.unlock_dialog import UnlockDialog
from mssclient.security.keywrap import KdfParams

log = logging.getLogger(__name__)


class StartupFlow:
    """Decides which dialog (if any) the start needs; ``run()`` is True once unlocked."""

    def __init__(
        self,
        controller: LockController,
        *,
        kdf: KdfParams | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.controller = controller
        self.profile = controller.profile
        self._kdf = kdf
        self._parent = parent
        #: True when the start stopped on an error (shown to the user), not on a choice.
        self.failed = False

    def first_run_dialog(self) -> FirstRunDialog:
        return FirstRunDialog(self.profile, kdf=self._kdf, parent=self._parent)

    def unlock_dialog(self, message: str = "", *, allow_session: bool = True) -> UnlockDialog:
        return UnlockDialog(self.controller, message, self._parent, allow_session=allow_session)

    def run(self) -> bool:
        if self.profile.is_unlocked:
            return True
        try:
            is_new = self.profile.is_new
            if not is_new:
                # A damaged key file is said at once, not after a passphrase is typed.
                self.profile.keys.settings()
        except MssError as exc:
            self._fail(exc)
            return False
        if is_new:
            first_run = self.first_run_dialog()
            if first_run.exec() != QDialog.DialogCode.Accepted:
                return False
            if self.controller.idle is not None:
                self.controller.idle.start()
            return self.profile.is_unlocked
        message = ""
        if self.controller.can_unlock_with_session():
            try:
                self.controller.unlock_with_session()
                return True
            except MssError as exc:
                log.warning("keyring unlock failed: %s", exc)
                if not self._has_passphrase():
                    self._fail(exc)
                    return False
                message = user_message(exc)
        # After a keyring failure, ask the passphrase rather than retry the keyring.
        dialog = self.unlock_dialog(message, allow_session=not message)
        return dialog.exec() == QDialog.DialogCode.Accepted and self.profile.is_unlocked

    def _fail(self, exc: MssError) -> None:
        self.failed = True
        show_error(self._parent, exc)

    def _has_passphrase(self) -> bool:
        try:
            return self.profile.keys.settings().has_passphrase
        except MssError:
            return False
