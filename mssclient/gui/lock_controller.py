"""Locking and unlocking the application, kept apart from any widget.

Locking empties every registered sensitive view first, then closes the store, so that
nothing from the store stays on screen or in memory behind the lock page.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from mssclient.errors import MssError
from mssclient.gui.idle import IdleWatcher
from mssclient.gui.sensitive import SensitiveViews
from mssclient.profile import Profile

log = logging.getLogger(__name__)


class LockController(QObject):
    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        profile: Profile,
        views: SensitiveViews,
        idle: IdleWatcher | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self.views = views
        self.idle = idle
        if idle is not None:
            idle.idle.connect(self.lock)
            if profile.is_unlocked:
                idle.start()

    @property
    def is_locked(self) -> bool:
        return not self.profile.is_unlocked

    def set_idle_timeout_ms(self, timeout_ms: int) -> None:
        if self.idle is not None:
            self.idle.set_timeout_ms(timeout_ms)

    def lock(self) -> None:
        if self.idle is not None:
            self.idle.stop()
        if self.is_locked:
            return
        self.views.clear_all()
        try:
            self.profile.lock()
        except MssError:
            # The store is closed even when its last audit entry could not be written.
            log.exception("error while closing the store on lock")
        self.locked.emit()

    def can_unlock_with_session(self) -> bool:
        """True when the key may come from the OS keyring without asking anything."""
        try:
            return not self.profile.needs_passphrase()
        except MssError:
            return False

    def unlock_with_passphrase(self, passphrase: str) -> None:
        """Raises an MssError (with a French user_message) when the passphrase is wrong."""
        self.profile.unlock_with_passphrase(passphrase)
        self._after_unlock()

    def unlock_with_session(self) -> None:
        self.profile.unlock_with_keyring()
        self._after_unlock()

    def _after_unlock(self) -> None:
        self.views.restore_all()
        if self.idle is not None:
            self.idle.start()
        self.unlocked.emit()
