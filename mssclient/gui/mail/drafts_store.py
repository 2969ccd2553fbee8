"""Drafts saved locally in the encrypted store (table mail_drafts). Qt-free.

The composer's fields travel as JSON; attachments are kept as the last built MIME
message (``raw``), never as loose files. (A candidate to move to ``mssclient.mailstore``.)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from mssclient.store import Store


@dataclass(frozen=True)
class SavedDraft:
    id: int
    account_id: int
    subject: str
    recipients: str
    fields: dict[str, Any]
    raw: bytes | None
    updated_at: str


class DraftStore:
    def __init__(self, store: Store) -> None:
        self.store = store

    def save(
        self,
        account_id: int,
        fields: dict[str, Any],
        raw: bytes | None = None,
        draft_id: int | None = None,
    ) -> int:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        subject = str(fields.get("subject", ""))
        recipients = ", ".join(str(fields.get(k, "")) for k in ("to", "cc", "bcc") if fields.get(k))
        content = json.dumps(fields, ensure_ascii=False)
        if draft_id is not None:
            updated = self.store.execute(
                "UPDATE mail_drafts SET account_id = ?, subject = ?, recipients = ?, "
                "content = ?, raw = ?, updated_at = ? WHERE id = ?",
                (account_id, subject, recipients, content, raw, now, draft_id),
            ).rowcount
            if updated:
                return draft_id
        cursor = self.store.execute(
            "INSERT INTO mail_drafts(account_id, subject, recipients, content, raw, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (account_id, subject, recipients, content, raw, now),
        )
        return int(cursor.lastrowid)

    def load(self, draft_id: int) -> SavedDraft | None:
        rows = self.store.query(
            "SELECT id, account_id, subject, recipients, content, raw, updated_at "
            "FROM mail_drafts WHERE id = ?",
            (draft_id,),
        )
        if not rows:
            return None
        r = rows[0]
        try:
            fields = json.loads(r[4]) if r[4] else {}
        except ValueError:
            fields = {}
        return SavedDraft(
            r[0], r[1], r[2], r[3], fields, bytes(r[5]) if r[5] is not None else None, r[6]
        )

    def list(self, account_id: int | None = None) -> list[SavedDraft]:
        ids = self.store.query(
            "SELECT id FROM mail_drafts WHERE ? IS NULL OR account_id = ? ORDER BY updated_at DESC",
            (account_id, account_id),
        )
        return [d for d in (self.load(r[0]) for r in ids) if d is not None]

    def delete(self, draft_id: int) -> None:
        self.store.execute("DELETE FROM mail_drafts WHERE id = ?", (draft_id,))
