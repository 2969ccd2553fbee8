"""One SQLite user table shared by Dovecot (passdb/userdb) and Postfix (recipient maps).

Both read it live at each lookup, so a user added during the session is known at once
(Dovecot's passwd-file is re-read at most once a second, which raced with fast tests).
Passwords are stored as Dovecot {SSHA256} salted hashes, so the world-readable file that
the two daemons' users must open holds no password in clear.
"""

from __future__ import annotations

import base64
import hashlib
import os
import secrets
import sqlite3
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS users (address TEXT PRIMARY KEY, password TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS domains (domain TEXT PRIMARY KEY);
"""


class UsersDb:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.executescript(_SCHEMA)
        os.chmod(path, 0o644)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10, isolation_level=None)

    def add(self, address: str, password: str) -> None:
        address = address.lower()
        domain = address.rsplit("@", 1)[1]
        db = self._connect()
        try:
            db.execute("BEGIN IMMEDIATE")
            db.execute("INSERT OR REPLACE INTO users VALUES (?, ?)", (address, ssha256(password)))
            db.execute("INSERT OR IGNORE INTO domains VALUES (?)", (domain,))
            db.execute("COMMIT")
        finally:
            db.close()


def ssha256(password: str) -> str:
    """Dovecot's {SSHA256} scheme: base64(sha256(password + salt) + salt)."""
    salt = secrets.token_bytes(8)
    digest = hashlib.sha256(password.encode("utf-8") + salt).digest()
    return "{SSHA256}" + base64.b64encode(digest + salt).decode("ascii")
