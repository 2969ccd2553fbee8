"""Apply pending migrations, after a backup; refuse a store from a newer version."""

from __future__ import annotations

import contextlib
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from mssclient.errors import BackupFailedError, StoreTooNewError
from mssclient.store.migrations import LATEST_VERSION, MIGRATIONS, Migration

if TYPE_CHECKING:
    from mssclient.store.database import Store

KEEP_BACKUPS = 3


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def backup(store: Store, backup_dir: Path, version: int) -> Path:
    """Copy the (still encrypted) database file aside, after folding the WAL into it.

    A copy that cannot be completed (full disk, read-only folder) is removed and raises
    ``BackupFailedError``: no migration runs without a whole backup.
    """
    store.checkpoint()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    target = backup_dir / f"{store.path.stem}-v{version}-{stamp}.db"
    try:
        backup_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        shutil.copy2(store.path, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            target.unlink()
        raise BackupFailedError(
            f"backup before migrating failed: {exc.strerror or type(exc).__name__}"
        ) from None
    older = sorted(backup_dir.glob(f"{store.path.stem}-v*.db"))
    for stale in older[:-KEEP_BACKUPS]:
        stale.unlink()
    return target


def _apply(store: Store, migration: Migration) -> None:
    with store.transaction():
        # executescript would commit on its own; run statement by statement instead.
        for statement in _statements(migration.sql):
            store.execute(statement)
        store.execute(
            "INSERT INTO schema_migrations(number, name, applied_at) VALUES (?, ?, ?)",
            (migration.number, migration.name, _now()),
        )
        store.execute(f"PRAGMA user_version = {int(migration.number)}")


def _statements(script: str) -> list[str]:
    """Split a migration into complete statements (sqlite3.complete_statement aware)."""
    from sqlcipher3 import dbapi2

    statements: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        current += line
        if dbapi2.complete_statement(current):
            if current.strip():
                statements.append(current.strip())
            current = ""
    if current.strip() and not current.strip().startswith("--"):
        statements.append(current.strip())
    return statements


def migrate(
    store: Store,
    *,
    backup_dir: Path,
    existed: bool,
    migrations: list[Migration] | None = None,
) -> list[int]:
    """Bring the store to the latest schema. Returns the numbers applied."""
    migrations = MIGRATIONS if migrations is None else migrations
    latest = migrations[-1].number if migrations else LATEST_VERSION
    current = store.schema_version()
    if current > latest:
        raise StoreTooNewError(f"store schema {current} is newer than this build's {latest}")
    pending = [m for m in migrations if m.number > current]
    if pending and existed and current > 0:
        backup(store, backup_dir, current)
    for migration in pending:
        _apply(store, migration)
    return [m.number for m in pending]
