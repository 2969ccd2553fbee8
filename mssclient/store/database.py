"""One SQLCipher 4 connection to a profile's store.

A ``Store`` is owned by one thread (SQLCipher connections are not shared across
threads); other threads open their own ``Store`` on the same file (WAL mode lets readers
and one writer work side by side).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeAlias

from sqlcipher3 import dbapi2

from mssclient.errors import StoreError, StoreLockedError
from mssclient.store.audit import AuditLog
from mssclient.store.errors_map import translated
from mssclient.store.migrate import migrate

log = logging.getLogger(__name__)

#: A result row (sqlcipher3.Row: index by position or by column name).
Row: TypeAlias = Any


class Store:
    """An open, migrated, encrypted database."""

    def __init__(self, path: Path, connection: dbapi2.Connection) -> None:
        self.path = path
        self._conn: dbapi2.Connection | None = connection
        self.audit = AuditLog(self)

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: Path,
        key: bytes,
        *,
        key_known_good: bool = False,
        apply_migrations: bool = True,
        backup_dir: Path | None = None,
    ) -> Store:
        """Open (or create) the store at ``path`` with a raw 256-bit key.

        ``key_known_good`` says the caller has checked the key against the profile's check
        value, so that a first page that does not decrypt means damage, not a wrong key.
        """
        if len(key) != 32:
            raise ValueError("store key must be 32 bytes")
        path.parent.mkdir(parents=True, exist_ok=True)
        existed = path.exists() and path.stat().st_size > 0
        with translated(key_known_good=key_known_good):
            conn = dbapi2.connect(str(path), isolation_level=None, check_same_thread=True)
            try:
                conn.row_factory = dbapi2.Row
                conn.execute("PRAGMA cipher_log_level = NONE")
                # A raw key (x'..') skips SQLCipher's PBKDF2: our key is already random.
                conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
                # The first read proves the key (and the first page) right.
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                conn.execute("PRAGMA journal_mode = WAL").fetchone()
                conn.execute("PRAGMA synchronous = FULL")
                conn.execute("PRAGMA foreign_keys = ON")
                conn.execute("PRAGMA secure_delete = ON")
            except BaseException:
                conn.close()
                raise
        store = cls(path, conn)
        if apply_migrations:
            try:
                migrate(store, backup_dir=backup_dir or path.parent / "backups", existed=existed)
            except BaseException:
                store.close()
                raise
        return store

    # -- access ------------------------------------------------------------------------------
    @property
    def connection(self) -> dbapi2.Connection:
        if self._conn is None:
            raise StoreLockedError("store is closed")
        return self._conn

    @property
    def closed(self) -> bool:
        return self._conn is None

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> dbapi2.Cursor:
        with translated():
            return self.connection.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> dbapi2.Cursor:
        with translated():
            return self.connection.executemany(sql, rows)

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[Row]:
        with translated():
            return list(self.connection.execute(sql, params).fetchall())

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        row = self.query(sql, params)
        return row[0][0] if row else None

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """BEGIN IMMEDIATE … COMMIT; any error rolls back, so nothing half-written stays."""
        conn = self.connection
        with translated():
            conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
            with translated():
                conn.execute("COMMIT")
        except BaseException:
            try:
                conn.execute("ROLLBACK")
            except dbapi2.Error:
                log.warning("rollback failed after an error; SQLite rolled back already")
            raise

    def schema_version(self) -> int:
        return int(self.scalar("PRAGMA user_version"))

    def get_meta(self, name: str) -> str | None:
        value = self.scalar("SELECT value FROM app_meta WHERE name = ?", (name,))
        return None if value is None else str(value)

    def set_meta(self, name: str, value: str) -> None:
        self.execute(
            "INSERT INTO app_meta(name, value) VALUES (?, ?) "
            "ON CONFLICT(name) DO UPDATE SET value = excluded.value",
            (name, value),
        )

    def checkpoint(self) -> None:
        self.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        """Close the connection; every later use raises ``StoreLockedError``."""
        if self._conn is None:
            return
        try:
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except dbapi2.Error:
            log.info("checkpoint skipped at close")
        self._conn.close()
        self._conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["Row", "Store", "StoreError"]
