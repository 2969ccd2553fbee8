"""The encrypted local store (SQLCipher 4). Qt-free."""

from mssclient.store.audit import AuditEntry, AuditLog
from mssclient.store.database import Store

__all__ = ["AuditEntry", "AuditLog", "Store"]
