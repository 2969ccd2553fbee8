"""The composer's drafts: its fields in and out of the store's drafts. Qt-free.

The fields travel as JSON; attachments are kept as the last built MIME message (``raw``),
never as loose files. Storage, server copies and removals are ``mssclient.mailstore``'s.
"""

from __future__ import annotations

from typing import Any

from mssclient.mailstore.drafts import DraftRecord
from mssclient.mailstore.drafts import DraftStore as StoredDrafts
from mssclient.store import Store


def summary(fields: dict[str, Any]) -> tuple[str, str]:
    """Subject and recipients shown in the drafts menu."""
    recipients = ", ".join(str(fields[k]) for k in ("to", "cc", "bcc") if fields.get(k))
    return str(fields.get("subject", "")), recipients


class DraftStore:
    def __init__(self, store: Store) -> None:
        self._drafts = StoredDrafts(store)

    def save(
        self,
        account_id: int,
        fields: dict[str, Any],
        raw: bytes | None = None,
        draft_id: int | None = None,
    ) -> int:
        subject, recipients = summary(fields)
        return self._drafts.save(
            account_id,
            fields,
            subject=subject,
            recipients=recipients,
            raw=raw,
            draft_id=draft_id,
        )

    def load(self, draft_id: int) -> DraftRecord | None:
        return self._drafts.get(draft_id)

    def list(self, account_id: int | None = None) -> list[DraftRecord]:
        return self._drafts.list(account_id)

    def delete(self, draft_id: int) -> None:
        self._drafts.delete(draft_id)
