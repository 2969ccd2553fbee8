"""A profile: one encrypted store and the protection of its key.

This is the object the GUI (and the CLI) talks to: create a profile, unlock it with the
keyring or a passphrase, lock it again. Locking closes the only connection.
"""

from __future__ import annotations

import getpass
from pathlib import Path

from mssclient import paths
from mssclient.errors import StoreLockedError
from mssclient.security import keyring_access
from mssclient.security.keywrap import KdfParams
from mssclient.security.store_key import StoreKeyManager
from mssclient.store import Store


def current_actor() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "utilisateur"


class Profile:
    DB_NAME = "store.db"

    def __init__(self, directory: Path, name: str = "default") -> None:
        self.name = name
        self.directory = directory
        self.store_path = directory / self.DB_NAME
        self.keys = StoreKeyManager(directory, name)
        self._store: Store | None = None
        # Kept in memory only while unlocked, so that worker threads can open their own
        # connection (SQLCipher connections are per thread); dropped at lock.
        self._key: bytes | None = None

    @classmethod
    def named(cls, name: str = "default", base: Path | None = None) -> Profile:
        return cls(paths.profile_dir(name, base), name)

    # -- state -------------------------------------------------------------------------------
    @property
    def is_new(self) -> bool:
        return not self.keys.exists()

    @property
    def is_unlocked(self) -> bool:
        return self._store is not None and not self._store.closed

    @property
    def store(self) -> Store:
        if self._store is None or self._store.closed:
            raise StoreLockedError("profile is locked")
        return self._store

    def needs_passphrase(self) -> bool:
        """True when unlocking must ask for the passphrase rather than use the keyring."""
        settings = self.keys.settings()
        if settings.in_keyring and (settings.unlock_with_os_session or not settings.has_passphrase):
            return not keyring_access.keyring_available()
        return True

    # -- transitions ---------------------------------------------------------------------------
    def create(
        self, *, passphrase: str | None, use_keyring: bool, kdf: KdfParams | None = None
    ) -> Store:
        key = self.keys.create(passphrase=passphrase, use_keyring=use_keyring, kdf=kdf)
        return self._open(key, "store.create")

    def unlock_with_keyring(self) -> Store:
        return self._open(self.keys.from_keyring(), "store.unlock")

    def unlock_with_passphrase(self, passphrase: str) -> Store:
        return self._open(self.keys.from_passphrase(passphrase), "store.unlock")

    def _open(self, key: bytes, action: str) -> Store:
        if self.is_unlocked:
            return self.store
        store = Store.open(self.store_path, key, key_known_good=self.keys.verify(key))
        store.audit.append(current_actor(), action, self.name)
        self._store = store
        self._key = key
        return store

    def open_worker_store(self) -> Store:
        """A second connection to the unlocked store, for a worker thread to own."""
        if self._key is None or not self.is_unlocked:
            raise StoreLockedError("profile is locked")
        return Store.open(self.store_path, self._key, key_known_good=True)

    def lock(self) -> None:
        """Close the store; nothing of it stays reachable through this profile."""
        if self._store is not None and not self._store.closed:
            try:
                self._store.audit.append(current_actor(), "store.lock", self.name)
            finally:
                self._store.close()
        self._store = None
        self._key = None
