"""Drafts kept in the encrypted store (the composer's fields as JSON, plus the built MIME).

Each draft also remembers its copy in the server's Drafts folder: which version is there
and under which UID. ``needing_upload`` lists the drafts whose latest version is not on the
server yet; ``pending_removals`` the server copies of deleted drafts still to remove
(recorded by a trigger, whoever deleted the draft). ``mssclient.transport.server_drafts``
does the IMAP side.

A draft saved ``local_only`` (made from a copy that was S/MIME-encrypted on the server) is
never uploaded: the server must not get it in clear. It keeps the encrypted copy it was
opened from as its server copy, untouched, so that sending or discarding the draft still
removes it. The mark lives in the saved fields (``LOCAL_ONLY_FIELD``) and survives every
later save.
"""

from __future__ import annotations

import builtins
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from mssclient.store import Store

#: Key of the saved fields marking a draft kept on this computer only (never uploaded).
LOCAL_ONLY_FIELD = "local_only"
#: ``LOCAL_ONLY_FIELD``'s value when the server refused the draft (True: it was encrypted).
REFUSED_BY_SERVER = "refused-by-server"


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
    #: Bumped at every change of the text; the server holds ``server_version``.
    version: int = 1
    server_version: int = 0
    server_uidvalidity: int | None = None

    @property
    def local_only(self) -> bool:
        """Kept on this computer only: never uploaded (it was encrypted on the server)."""
        return bool(self.content.get(LOCAL_ONLY_FIELD))

    @property
    def refused_by_server(self) -> bool:
        """Local-only because the server's Drafts folder refused it (read-only there),
        rather than because it was encrypted on the server."""
        return self.content.get(LOCAL_ONLY_FIELD) == REFUSED_BY_SERVER

    @property
    def on_server(self) -> bool:
        """The server's Drafts folder holds this very version."""
        return self.server_uid is not None and self.server_version == self.version


@dataclass(frozen=True)
class ServerCopyRemoval:
    """A deleted draft's copy, still in the server's Drafts folder."""

    id: int
    account_id: int
    folder: str
    uidvalidity: int | None
    uid: int


@dataclass(frozen=True)
class ServerDraftCopy:
    """A message of an account's Drafts folder, where the last sync saw it."""

    account_id: int
    folder: str
    uidvalidity: int | None
    uid: int


_COLUMNS = (
    "id, account_id, subject, recipients, content, raw, server_folder, server_uid, updated_at, "
    "version, server_version, server_uidvalidity"
)


def _content(text: str | None) -> dict[str, Any]:
    """The saved fields; damaged JSON gives empty fields (the raw copy stays) rather than
    a draft list that cannot open."""
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _record(row: Any) -> DraftRecord:
    return DraftRecord(
        id=row[0],
        account_id=row[1],
        subject=row[2],
        recipients=row[3],
        content=_content(row[4]),
        raw=None if row[5] is None else bytes(row[5]),
        server_folder=row[6],
        server_uid=row[7],
        updated_at=row[8],
        version=row[9],
        server_version=row[10],
        server_uidvalidity=row[11],
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
        server_copy: ServerDraftCopy | None = None,
        local_only: bool = False,
    ) -> int:
        """Create or replace a draft; returns its id.

        A draft that moved to another account, or that is gone meanwhile (sent or
        discarded from elsewhere), is saved as a new one: its old server copy, if any, is
        queued for removal by the delete trigger, never left behind under the old account.

        ``server_copy``: the Drafts folder message this new draft was opened from (written
        by another client). The new draft adopts it as its server copy, not yet holding
        this version, so the next upload replaces it; under another account it is queued
        for removal instead, as the copy of a draft that moved. Ignored when ``draft_id``
        is saved again (the copy was adopted at its first save).

        ``local_only``: never to be uploaded (see the module's note); once set, later saves
        keep it, and so does a draft saved again under another account.
        """
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self.store.transaction():
            current = self.get(draft_id) if draft_id is not None else None
            kept = current.content.get(LOCAL_ONLY_FIELD) if current is not None else None
            if kept == REFUSED_BY_SERVER and current and current.account_id != account_id:
                kept = None  # another account's Drafts folder may well take it
            content = {k: v for k, v in content.items() if k != LOCAL_ONLY_FIELD}
            if local_only or kept:
                content[LOCAL_ONLY_FIELD] = kept or True
            payload = json.dumps(content, ensure_ascii=False)
            if draft_id is not None:
                if current is not None and current.account_id == account_id:
                    self.store.execute(
                        "UPDATE mail_drafts SET subject = ?, recipients = ?, content = ?, "
                        "raw = ?, updated_at = ? WHERE id = ?",
                        (subject, recipients, payload, raw, now, draft_id),
                    )
                    return draft_id
                if current is not None:
                    self.delete(draft_id)
                server_copy = None
            adopted = server_copy if server_copy and server_copy.account_id == account_id else None
            cursor = self.store.execute(
                "INSERT INTO mail_drafts(account_id, subject, recipients, content, raw, "
                "updated_at, server_folder, server_uid, server_uidvalidity, server_version) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                (
                    account_id,
                    subject,
                    recipients,
                    payload,
                    raw,
                    now,
                    adopted.folder if adopted else "",
                    adopted.uid if adopted else None,
                    adopted.uidvalidity if adopted else None,
                ),
            )
            if server_copy is not None and adopted is None:
                self.queue_removal(server_copy)
        return int(cursor.lastrowid)

    def drafts_folder_copy(self, message_id: int) -> ServerDraftCopy | None:
        """Where a synced message sits, when it is in its account's Drafts folder (the
        folder with the drafts role); None for any other message."""
        rows = self.store.query(
            "SELECT f.account_id, f.name, m.uidvalidity, m.uid FROM mail_messages m "
            "JOIN mail_folders f ON f.id = m.folder_id WHERE m.id = ? AND f.role = 'drafts'",
            (message_id,),
        )
        return ServerDraftCopy(*rows[0]) if rows else None

    def for_server_copy(self, copy: ServerDraftCopy) -> DraftRecord | None:
        """The local draft whose server copy this is (None: written by another client)."""
        rows = self.store.query(
            f"SELECT {_COLUMNS} FROM mail_drafts WHERE account_id = ? AND server_folder = ? "  # noqa: S608
            "AND server_uid = ? AND (server_uidvalidity IS NULL OR server_uidvalidity = ?) "
            "ORDER BY id LIMIT 1",
            (copy.account_id, copy.folder, copy.uid, copy.uidvalidity),
        )
        return _record(rows[0]) if rows else None

    def removal_pending(self, copy: ServerDraftCopy) -> bool:
        """This copy waits to be removed (replaced by a newer one, or its draft deleted)."""
        found = self.store.scalar(
            "SELECT 1 FROM mail_draft_removals WHERE account_id = ? AND folder = ? AND uid = ? "
            "AND (uidvalidity IS NULL OR uidvalidity = ?) LIMIT 1",
            (copy.account_id, copy.folder, copy.uid, copy.uidvalidity),
        )
        return found is not None

    def queue_removal(self, copy: ServerDraftCopy) -> None:
        """Have this server copy removed (a draft opened from it was sent or discarded
        before it was ever saved here)."""
        self._queue_removal(copy.account_id, copy.folder, copy.uidvalidity, copy.uid)

    def keep_local(self, draft_id: int) -> None:
        """From now on this draft is never uploaded (its server folder refuses it); its
        current server copy, if any, stays until it is sent or discarded."""
        with self.store.transaction():
            record = self.get(draft_id)
            if record is None or record.local_only:
                return
            content = {**record.content, LOCAL_ONLY_FIELD: REFUSED_BY_SERVER}
            self.store.execute(
                "UPDATE mail_drafts SET content = ? WHERE id = ?",
                (json.dumps(content, ensure_ascii=False), draft_id),
            )

    def get(self, draft_id: int) -> DraftRecord | None:
        rows = self.store.query(f"SELECT {_COLUMNS} FROM mail_drafts WHERE id = ?", (draft_id,))  # noqa: S608
        return _record(rows[0]) if rows else None

    def list(self, account_id: int | None = None) -> list[DraftRecord]:
        """The drafts of one account, or of all (None), the latest first."""
        rows = self.store.query(
            f"SELECT {_COLUMNS} FROM mail_drafts WHERE ? IS NULL OR account_id = ? "  # noqa: S608
            "ORDER BY updated_at DESC, id DESC",
            (account_id, account_id),
        )
        return [_record(r) for r in rows]

    def record_server_copy(
        self,
        draft_id: int,
        account_id: int,
        folder: str,
        uid: int | None,
        *,
        uidvalidity: int | None = None,
        version: int | None = None,
    ) -> bool:
        """The server now holds ``version`` (the current one if None) at ``uid``.

        In the same transaction, the copy it replaces is queued for removal; and if the
        draft was deleted meanwhile, the new copy itself is queued (returns False), so a
        crash at any point leaves at most a copy to remove, never a lost one.
        """
        with self.store.transaction():
            rows = self.store.query(
                "SELECT server_folder, server_uidvalidity, server_uid FROM mail_drafts "
                "WHERE id = ?",
                (draft_id,),
            )
            if not rows:
                if uid is not None:
                    self._queue_removal(account_id, folder, uidvalidity, uid)
                return False
            old_folder, old_validity, old_uid = rows[0]
            self.store.execute(
                "UPDATE mail_drafts SET server_folder = ?, server_uid = ?, "
                "server_uidvalidity = ?, server_version = coalesce(?, version) WHERE id = ?",
                (folder, uid, uidvalidity, version, draft_id),
            )
            if old_uid is not None and (old_folder, old_validity, old_uid) != (
                folder,
                uidvalidity,
                uid,
            ):
                self._queue_removal(account_id, old_folder or folder, old_validity, old_uid)
        return True

    def _queue_removal(
        self, account_id: int, folder: str, uidvalidity: int | None, uid: int
    ) -> None:
        self.store.execute(
            "INSERT INTO mail_draft_removals(account_id, folder, uidvalidity, uid) "
            "VALUES (?, ?, ?, ?)",
            (account_id, folder, uidvalidity, uid),
        )

    def needing_upload(self, account_id: int) -> builtins.list[DraftRecord]:
        """Drafts with a built message whose latest version is not on the server yet (the
        ``local_only`` ones never are)."""
        rows = self.store.query(
            f"SELECT {_COLUMNS} FROM mail_drafts WHERE account_id = ? AND raw IS NOT NULL "  # noqa: S608
            "AND (server_uid IS NULL OR server_version <> version) ORDER BY id",
            (account_id,),
        )
        return [record for record in map(_record, rows) if not record.local_only]

    def pending_removals(self, account_id: int) -> builtins.list[ServerCopyRemoval]:
        rows = self.store.query(
            "SELECT id, account_id, folder, uidvalidity, uid FROM mail_draft_removals "
            "WHERE account_id = ? ORDER BY id",
            (account_id,),
        )
        return [ServerCopyRemoval(*r) for r in rows]

    def removal_done(self, removal_id: int) -> None:
        self.store.execute("DELETE FROM mail_draft_removals WHERE id = ?", (removal_id,))

    def delete(self, draft_id: int) -> None:
        self.store.execute("DELETE FROM mail_drafts WHERE id = ?", (draft_id,))
