"""Drafts kept in the encrypted store (the composer's fields as JSON, plus the built MIME)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from mssclient.store import Store


@dataclass(frozen=True)
class DraftRecord:
    id: int
    account_id: int
    subject: str
    recipients: str
    content: dict[str, Any]
    raw: bytes | None
    server_folder: str
    server_uid: int | None
    updated_at: str


_COLUMNS = (
    "id, account_id, subject, recipients, content, raw, server_folder, server_uid, updated_at"
)


def _record(row: Any) -> DraftRecord:
    return DraftRecord(
        id=row[0],
        account_id=row[1],
        subject=row[2],
        recipients=row[3],
        content=json.loads(row[4]) if row[4] else {},
        raw=None if row[5] is None else bytes(row[5]),
        server_folder=row[6],
        server_uid=row[7],
        updated_at=row[8],
    )


class DraftStore:
    def __init__(self, store: Store) -> None:
        self.store = store

    def save(
        self,
        account_id: int,
        content: dict[str, Any],
        *,
        subject: str = "",
        recipients: str = "",
        raw: bytes | None = None,
        draft_id: int | None = None,
    ) -> int:
        """Create or replace a draft; returns its id."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        payload = json.dumps(content, ensure_ascii=False)
        if draft_id is None:
            cursor = self.store.execute(
                "INSERT INTO mail_drafts(account_id, subject, recipients, content, raw, "
                "updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                (account_id, subject, recipients, payload, raw, now),
            )
            return int(cursor.lastrowid)
        self.store.execute(
            "UPDATE mail_drafts SET subject = ?, recipients = ?, content = ?, raw = ?, "
            "updated_at = ? WHERE id = ?",
            (subject, recipients, payload, raw, now, draft_id),
        )
        return draft_id

    def get(self, draft_id: int) -> DraftRecord | None:
        rows = self.store.query(f"SELECT {_COLUMNS} FROM mail_drafts WHERE id = ?", (draft_id,))  # noqa: S608
        return _record(rows[0]) if rows else None

    def list(self, account_id: int) -> list[DraftRecord]:
        rows = self.store.query(
            f"SELECT {_COLUMNS} FROM mail_drafts WHERE account_id = ? "  # noqa: S608
            "ORDER BY updated_at DESC, id DESC",
            (account_id,),
        )
        return [_record(r) for r in rows]

    def set_server_copy(self, draft_id: int, folder: str, uid: int | None) -> None:
        self.store.execute(
            "UPDATE mail_drafts SET server_folder = ?, server_uid = ? WHERE id = ?",
            (folder, uid, draft_id),
        )

    def delete(self, draft_id: int) -> None:
        self.store.execute("DELETE FROM mail_drafts WHERE id = ?", (draft_id,))
