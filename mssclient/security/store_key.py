"""The store's 256-bit key: where it is kept and how it is recovered.

A profile keeps its key in the OS keyring, wrapped by a passphrase, or both. What is on
disk (``key.json`` beside the database) is never the key itself: at most the wrapped key
and a one-way check value that tells a wrong key from a damaged database.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mssclient.errors import (
    KeyFileWriteError,
    KeyringEntryMissingError,
    StoreError,
)
from mssclient.security import keyring_access
from mssclient.security.keywrap import KdfParams, unwrap_key, wrap_key

KEY_BYTES = 32
_CHECK_LABEL = b"mssclient store key check v1"


def new_store_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def key_check_value(key: bytes) -> str:
    """A one-way fingerprint of the key (HMAC with a fixed label): reveals nothing of it."""
    return hmac.new(key, _CHECK_LABEL, hashlib.sha256).hexdigest()[:32]


@dataclass
class KeySettings:
    """What ``key.json`` records about a profile's key (never the key)."""

    in_keyring: bool
    wrapped: dict[str, Any] | None
    check: str
    unlock_with_os_session: bool = False

    @property
    def has_passphrase(self) -> bool:
        return self.wrapped is not None


class StoreKeyManager:
    """Creates, finds and verifies the key of one profile."""

    FILE_NAME = "key.json"

    def __init__(self, profile_dir: Path, profile_name: str = "default") -> None:
        self.profile_dir = profile_dir
        self.path = profile_dir / self.FILE_NAME
        self.keyring_name = f"store-key:{profile_name}"

    # -- settings file -------------------------------------------------------------------
    def exists(self) -> bool:
        return self.path.exists()

    def settings(self) -> KeySettings:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            wrapped = data.get("wrapped")
            if wrapped is not None and not isinstance(wrapped, dict):
                raise TypeError("wrapped is not an object")
            return KeySettings(
                in_keyring=bool(data["in_keyring"]),
                wrapped=wrapped,
                check=str(data["check"]),
                unlock_with_os_session=bool(data.get("unlock_with_os_session", False)),
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
            raise StoreError(
                f"cannot read {self.path.name}: {type(exc).__name__}",
                user_message=(
                    "Le fichier de protection de la clé de ce profil est illisible. "
                    "La base n'a pas été modifiée."
                ),
            ) from None

    def _save(self, settings: KeySettings) -> None:
        self.profile_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        payload = {
            "in_keyring": settings.in_keyring,
            "wrapped": settings.wrapped,
            "check": settings.check,
            "unlock_with_os_session": settings.unlock_with_os_session,
        }
        # Atomic replace: a crash or a full disk mid-write must never leave a half-written
        # key file; the previous one stays until the new one is complete on disk.
        tmp = self.path.with_suffix(".tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(payload, handle, indent=2)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except OSError as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise KeyFileWriteError(
                f"cannot write {self.path.name}: {exc.strerror or type(exc).__name__}"
            ) from None

    # -- creation ------------------------------------------------------------------------
    def create(
        self,
        *,
        passphrase: str | None,
        use_keyring: bool,
        kdf: KdfParams | None = None,
    ) -> bytes:
        """Make a new key and keep it as asked. At least one protection is required."""
        if self.exists():
            raise StoreError("refusing to replace the key of an existing profile")
        if not passphrase and not use_keyring:
            raise ValueError("a key needs the keyring or a passphrase")
        key = new_store_key()
        if use_keyring:
            keyring_access.set_secret(self.keyring_name, key.hex())
        wrapped = wrap_key(key, passphrase, kdf) if passphrase else None
        try:
            self._save(
                KeySettings(
                    in_keyring=use_keyring,
                    wrapped=wrapped,
                    check=key_check_value(key),
                    unlock_with_os_session=use_keyring and not passphrase,
                )
            )
        except KeyFileWriteError:
            # No profile was made: do not leave a key in the keyring that nothing uses.
            if use_keyring:
                keyring_access.delete_secret(self.keyring_name)
            raise
        return key

    # -- recovery ------------------------------------------------------------------------
    def verify(self, key: bytes) -> bool:
        return hmac.compare_digest(key_check_value(key), self.settings().check)

    def from_keyring(self) -> bytes:
        settings = self.settings()
        if not settings.in_keyring:
            raise KeyringEntryMissingError("profile key is not kept in the keyring")
        stored = keyring_access.get_secret(self.keyring_name)
        if not stored:
            raise KeyringEntryMissingError("keyring has no entry for this profile")
        try:
            key = bytes.fromhex(stored)
        except ValueError:
            raise KeyringEntryMissingError("keyring entry is not a key") from None
        if not self.verify(key):
            raise KeyringEntryMissingError("keyring entry does not match this profile")
        return key

    def from_passphrase(self, passphrase: str) -> bytes:
        settings = self.settings()
        if settings.wrapped is None:
            raise StoreError(
                "profile has no passphrase",
                user_message="Ce profil n'est pas protégé par une phrase de passe.",
            )
        return unwrap_key(settings.wrapped, passphrase)

    # -- changes -------------------------------------------------------------------------
    def set_passphrase(self, key: bytes, passphrase: str, kdf: KdfParams | None = None) -> None:
        settings = self.settings()
        if not self.verify(key):
            raise StoreError("key does not belong to this profile")
        settings.wrapped = wrap_key(key, passphrase, kdf)
        self._save(settings)

    def set_unlock_with_os_session(self, enabled: bool) -> None:
        settings = self.settings()
        settings.unlock_with_os_session = enabled and settings.in_keyring
        self._save(settings)
