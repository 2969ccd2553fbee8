"""Turn SQLCipher's exceptions into the application's errors, with French messages."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlcipher3 import dbapi2

from mssclient.errors import (
    AuditLogError,
    StoreCorruptError,
    StoreError,
    StoreFullError,
    StoreKeyError,
)

_FULL = ("database or disk is full", "disk i/o error")
_CORRUPT = ("malformed", "file is not a database", "database corrupt", "hmac check failed")


def translate(exc: Exception, *, key_known_good: bool) -> StoreError:
    message = str(exc).lower()
    if "audit log is append-only" in message:
        return AuditLogError(str(exc))
    if any(marker in message for marker in _FULL):
        return StoreFullError(str(exc))
    if any(marker in message for marker in _CORRUPT):
        # SQLCipher cannot tell a wrong key from a damaged first page; our key check can.
        if "file is not a database" in message and not key_known_good:
            return StoreKeyError(str(exc))
        return StoreCorruptError(str(exc))
    return StoreError(str(exc))


@contextmanager
def translated(*, key_known_good: bool = True) -> Iterator[None]:
    try:
        yield
    except dbapi2.DatabaseError as exc:
        raise translate(exc, key_known_good=key_known_good) from exc
