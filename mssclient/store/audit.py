"""The append-only audit log: who did what, when (ECO.4.1.x).

Triggers in the schema refuse UPDATE and DELETE; this class only appends and reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mssclient.store.database import Store


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    actor: str
    action: str
    object: str
    detail: str


class AuditLog:
    def __init__(self, store: Store) -> None:
        self._store = store

    def append(self, actor: str, action: str, obj: str = "", detail: str = "") -> int:
        at = datetime.now(UTC).isoformat(timespec="milliseconds")
        cursor = self._store.execute(
            "INSERT INTO audit_log(at, actor, action, object, detail) VALUES (?, ?, ?, ?, ?)",
            (at, actor, action, obj, detail),
        )
        return int(cursor.lastrowid or 0)

    def count(self, action_prefix: str = "") -> int:
        return int(
            self._store.scalar(
                "SELECT count(*) FROM audit_log WHERE action LIKE ? ESCAPE '\\'",
                (_prefix_pattern(action_prefix),),
            )
        )

    def entries(
        self, *, limit: int = 200, offset: int = 0, action_prefix: str = ""
    ) -> list[AuditEntry]:
        """Newest first."""
        rows = self._store.query(
            "SELECT id, at, actor, action, object, detail FROM audit_log "
            "WHERE action LIKE ? ESCAPE '\\' ORDER BY id DESC LIMIT ? OFFSET ?",
            (_prefix_pattern(action_prefix), limit, offset),
        )
        return [AuditEntry(*row) for row in rows]


def _prefix_pattern(prefix: str) -> str:
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "%"
