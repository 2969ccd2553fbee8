"""The OS keyring (Secret Service, Keychain, Windows Credential Locker) through `keyring`.

Backends that would keep secrets in clear on disk (keyrings.alt's plaintext files) or that
only fail are treated as "no keyring": the caller then falls back to a passphrase.
"""

from __future__ import annotations

import contextlib

import keyring
import keyring.errors

from mssclient import APP_ID
from mssclient.errors import KeyringUnavailableError

SERVICE = APP_ID

_UNSAFE_BACKEND_MODULES = ("keyrings.alt", "keyring.backends.fail", "keyring.backends.null")


def _is_usable(backend: object) -> bool:
    module = type(backend).__module__
    if module.startswith(_UNSAFE_BACKEND_MODULES):
        return False
    if module == "keyring.backends.chainer":
        return bool(getattr(backend, "backends", []))
    priority = getattr(type(backend), "priority", 1)
    try:
        return float(priority) > 0
    except (TypeError, ValueError, keyring.errors.KeyringError):
        return False


def keyring_available() -> bool:
    """True when a keyring backend that keeps secrets safely is in use."""
    try:
        return _is_usable(keyring.get_keyring())
    except Exception:  # a broken backend probe means: no keyring
        return False


def get_secret(name: str) -> str | None:
    if not keyring_available():
        raise KeyringUnavailableError("no usable keyring backend")
    try:
        return keyring.get_password(SERVICE, name)
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailableError(f"keyring read failed: {type(exc).__name__}") from None


def set_secret(name: str, value: str) -> None:
    if not keyring_available():
        raise KeyringUnavailableError("no usable keyring backend")
    try:
        keyring.set_password(SERVICE, name, value)
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailableError(f"keyring write failed: {type(exc).__name__}") from None


def delete_secret(name: str) -> None:
    """Remove an entry; a missing entry or an unusable keyring is not an error."""
    if not keyring_available():
        return
    with contextlib.suppress(keyring.errors.KeyringError):
        keyring.delete_password(SERVICE, name)
