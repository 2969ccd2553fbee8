"""Folders, message metadata, raw bytes and pending server operations in the store.

Messages are keyed by (folder, UIDVALIDITY, UID): inserting the same key twice is a no-op,
so a sync that resumes after an interruption never duplicates a message. Each call that
writes runs in one transaction, so a batch is either fully stored or not at all.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from mssclient.mailstore.models import (
    FLAG_NAMES,
    FolderRecord,
    MessageDetails,
    MessageFields,
    MessageRow,
    NewMessage,
    PageCursor,
    SmimeRecord,
    split_flags,
)
from mssclient.store import Store

#: Text beyond this many characters is not indexed (keeps huge messages from bloating FTS).
MAX_INDEXED_CHARS = 200_000

_ROW_COLUMNS = (
    "id, folder_id, uid, message_id, thread_key, subject, from_name, from_addr, to_addrs, "
    "date_utc, seen, flagged, answered, deleted, size, has_attachments, is_malformed, snippet"
)
_FOLDER_COLUMNS = (
    "id, account_id, name, delimiter, role, selectable, uidvalidity, uidnext, "
    "highestmodseq, last_sync_at, read_only"
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _message_row(row: Any) -> MessageRow:
    return MessageRow(
        id=row[0],
        folder_id=row[1],
        uid=row[2],
        message_id=row[3],
        thread_key=row[4],
        subject=row[5],
        from_name=row[6],
        from_addr=row[7],
        to_addrs=row[8],
        date_utc=row[9],
        seen=bool(row[10]),
        flagged=bool(row[11]),
        answered=bool(row[12]),
        deleted=bool(row[13]),
        size=row[14],
        has_attachments=bool(row[15]),
        is_malformed=bool(row[16]),
        snippet=row[17],
    )


def _folder(row: Any) -> FolderRecord:
    return FolderRecord(
        id=row[0],
        account_id=row[1],
        name=row[2],
        delimiter=row[3],
        role=row[4],
        selectable=bool(row[5]),
        uidvalidity=row[6],
        uidnext=row[7],
        highestmodseq=row[8],
        last_sync_at=row[9],
        read_only=bool(row[10]),
    )


class MailRepository:
    """All mail reads and writes on one ``Store`` (so: on the thread that owns it)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- folders -------------------------------------------------------------------------
    def upsert_folder(
        self,
        account_id: int,
        name: str,
        *,
        delimiter: str = "/",
        role: str = "",
        selectable: bool = True,
    ) -> FolderRecord:
        self.store.execute(
            "INSERT INTO mail_folders(account_id, name, delimiter, role, selectable) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(account_id, name) DO UPDATE SET "
            "delimiter = excluded.delimiter, role = excluded.role, "
            "selectable = excluded.selectable",
            (account_id, name, delimiter, role, int(selectable)),
        )
        folder = self.folder_by_name(account_id, name)
        assert folder is not None
        return folder

    def folders(self, account_id: int) -> list[FolderRecord]:
        rows = self.store.query(
            f"SELECT {_FOLDER_COLUMNS} FROM mail_folders WHERE account_id = ? ORDER BY "  # noqa: S608
            "CASE role WHEN 'inbox' THEN 0 WHEN '' THEN 2 ELSE 1 END, name",
            (account_id,),
        )
        return [_folder(r) for r in rows]

    def folder(self, folder_id: int) -> FolderRecord | None:
        rows = self.store.query(
            f"SELECT {_FOLDER_COLUMNS} FROM mail_folders WHERE id = ?",  # noqa: S608
            (folder_id,),
        )
        return _folder(rows[0]) if rows else None

    def folder_by_name(self, account_id: int, name: str) -> FolderRecord | None:
        rows = self.store.query(
            f"SELECT {_FOLDER_COLUMNS} FROM mail_folders WHERE account_id = ? AND name = ?",  # noqa: S608
            (account_id, name),
        )
        return _folder(rows[0]) if rows else None

    def folder_by_role(self, account_id: int, role: str) -> FolderRecord | None:
        rows = self.store.query(
            f"SELECT {_FOLDER_COLUMNS} FROM mail_folders WHERE account_id = ? AND role = ? "  # noqa: S608
            "ORDER BY id LIMIT 1",
            (account_id, role),
        )
        return _folder(rows[0]) if rows else None

    def forget_folders_except(self, account_id: int, keep: Iterable[str]) -> int:
        """Drop local folders the server no longer has (with their messages)."""
        keep_set = set(keep)
        gone = [f.id for f in self.folders(account_id) if f.name not in keep_set]
        with self.store.transaction():
            for folder_id in gone:
                self.store.execute("DELETE FROM mail_folders WHERE id = ?", (folder_id,))
        return len(gone)

    def set_folder_state(
        self,
        folder_id: int,
        *,
        uidvalidity: int | None = None,
        uidnext: int | None = None,
        highestmodseq: int | None = None,
        synced: bool = False,
    ) -> None:
        self.store.execute(
            "UPDATE mail_folders SET uidvalidity = coalesce(?, uidvalidity), "
            "uidnext = coalesce(?, uidnext), highestmodseq = coalesce(?, highestmodseq), "
            "last_sync_at = CASE WHEN ? THEN ? ELSE last_sync_at END WHERE id = ?",
            (uidvalidity, uidnext, highestmodseq, int(synced), _now(), folder_id),
        )

    def read_only_folder_of(self, message_ids: Iterable[int]) -> FolderRecord | None:
        """The first folder holding one of these messages that the server opens read-only."""
        for message_id in message_ids:
            row = self.message(message_id)
            folder = self.folder(row.folder_id) if row is not None else None
            if folder is not None and folder.read_only:
                return folder
        return None

    def set_folder_read_only(self, folder_id: int, read_only: bool) -> None:
        """Record whether the server opens this folder read-only (see ``FolderRecord``)."""
        self.store.execute(
            "UPDATE mail_folders SET read_only = ? WHERE id = ? AND read_only <> ?",
            (int(read_only), folder_id, int(read_only)),
        )

    def reset_folder(self, folder_id: int, uidvalidity: int) -> int:
        """UIDVALIDITY changed: every local UID of this folder is void. Returns rows dropped."""
        with self.store.transaction():
            dropped = self.store.execute(
                "DELETE FROM mail_messages WHERE folder_id = ? AND uidvalidity <> ?",
                (folder_id, uidvalidity),
            ).rowcount
            self.store.execute(
                "DELETE FROM mail_pending_ops WHERE folder_id = ? AND uidvalidity <> ?",
                (folder_id, uidvalidity),
            )
            self.store.execute(
                "UPDATE mail_folders SET uidvalidity = ?, uidnext = NULL, "
                "highestmodseq = NULL WHERE id = ?",
                (uidvalidity, folder_id),
            )
        return int(dropped)

    # -- messages from the server --------------------------------------------------------
    def local_uids(self, folder_id: int, uidvalidity: int) -> set[int]:
        rows = self.store.connection.execute(
            "SELECT uid FROM mail_messages WHERE folder_id = ? AND uidvalidity = ?",
            (folder_id, uidvalidity),
        )
        return {r[0] for r in rows}

    def add_messages(
        self, folder_id: int, uidvalidity: int, messages: Sequence[NewMessage]
    ) -> list[int]:
        """Store a batch atomically; messages already present are skipped. Returns new ids."""
        added: list[int] = []
        with self.store.transaction():
            for msg in messages:
                added_id = self._insert(folder_id, uidvalidity, msg)
                if added_id is not None:
                    added.append(added_id)
        return added

    def _insert(self, folder_id: int, uidvalidity: int, msg: NewMessage) -> int | None:
        f = msg.fields
        flags = split_flags(msg.flags)
        if f.date_utc is not None:
            date_utc = f.date_utc
        elif msg.internal_date is not None:
            internal = msg.internal_date
            if internal.tzinfo is None:
                internal = internal.replace(tzinfo=UTC)
            date_utc = int(internal.timestamp())
        else:
            date_utc = 0
        cursor = self.store.execute(
            "INSERT INTO mail_messages(folder_id, uidvalidity, uid, message_id, thread_key, "
            "subject, from_name, from_addr, to_addrs, cc_addrs, date_utc, seen, flagged, "
            "answered, deleted, draft, keywords, size, has_attachments, is_malformed, "
            "parse_problems, snippet, mss_headers, smime, receipt_to) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(folder_id, uidvalidity, uid) DO NOTHING",
            (
                folder_id,
                uidvalidity,
                msg.uid,
                f.message_id,
                f.thread_key,
                f.subject,
                f.from_name,
                f.from_addr,
                f.to_addrs,
                f.cc_addrs,
                date_utc,
                flags["seen"],
                flags["flagged"],
                flags["answered"],
                flags["deleted"],
                flags["draft"],
                flags["keywords"],
                len(msg.raw),
                int(f.has_attachments),
                int(f.is_malformed),
                f.parse_problems,
                f.snippet,
                f.mss_headers,
                f.smime,
                f.receipt_to,
            ),
        )
        if cursor.rowcount == 0:
            return None
        row_id = int(cursor.lastrowid)
        if not f.thread_key:
            # No Message-ID at all: the message is its own conversation.
            self.store.execute(
                "UPDATE mail_messages SET thread_key = ? WHERE id = ?", (f"local:{row_id}", row_id)
            )
        self.store.execute(
            "INSERT INTO mail_raw(message_id, raw) VALUES (?, ?)", (row_id, bytes(msg.raw))
        )
        if msg.smime is not None:
            self._write_smime(row_id, msg.smime)
        self.store.execute(
            "INSERT INTO mail_fts(rowid, subject, sender, recipients, body) VALUES (?, ?, ?, ?, ?)",
            (
                row_id,
                f.subject,
                f"{f.from_name} {f.from_addr}",
                f"{f.to_addrs} {f.cc_addrs}",
                f.index_text[:MAX_INDEXED_CHARS],
            ),
        )
        return row_id

    def apply_server_flags(
        self, folder_id: int, uidvalidity: int, flags_by_uid: Mapping[int, Sequence[str | bytes]]
    ) -> int:
        """Take the server's flags, except where a local change has not reached it yet."""
        pending = {
            r[0]
            for r in self.store.query(
                "SELECT uid FROM mail_pending_ops WHERE folder_id = ? AND uidvalidity = ?",
                (folder_id, uidvalidity),
            )
        }
        changed = 0
        with self.store.transaction():
            for uid, flags in flags_by_uid.items():
                if uid in pending:
                    continue
                cols = split_flags(flags)
                changed += self.store.execute(
                    "UPDATE mail_messages SET seen = ?, flagged = ?, answered = ?, deleted = ?, "
                    "draft = ?, keywords = ? WHERE folder_id = ? AND uidvalidity = ? AND uid = ? "
                    "AND (seen, flagged, answered, deleted, draft, keywords) IS NOT "
                    "(?, ?, ?, ?, ?, ?)",
                    (
                        cols["seen"],
                        cols["flagged"],
                        cols["answered"],
                        cols["deleted"],
                        cols["draft"],
                        cols["keywords"],
                        folder_id,
                        uidvalidity,
                        uid,
                        cols["seen"],
                        cols["flagged"],
                        cols["answered"],
                        cols["deleted"],
                        cols["draft"],
                        cols["keywords"],
                    ),
                ).rowcount
        return changed

    def remove_uids(self, folder_id: int, uidvalidity: int, uids: Iterable[int]) -> int:
        """The server expunged these messages: forget them here too."""
        removed = 0
        with self.store.transaction():
            for uid in uids:
                removed += self.store.execute(
                    "DELETE FROM mail_messages WHERE folder_id = ? AND uidvalidity = ? AND uid = ?",
                    (folder_id, uidvalidity, uid),
                ).rowcount
        return removed

    # -- reading -------------------------------------------------------------------------
    def raw(self, message_id: int) -> bytes | None:
        value = self.store.scalar("SELECT raw FROM mail_raw WHERE message_id = ?", (message_id,))
        return None if value is None else bytes(value)

    def readable(self, message_id: int) -> bytes | None:
        """The message to show, quote or take attachments from: the decrypted and
        unwrapped form of an S/MIME message when there is one, else the raw bytes."""
        value = self.store.scalar(
            "SELECT readable FROM mail_smime WHERE message_id = ?", (message_id,)
        )
        return bytes(value) if value is not None else self.raw(message_id)

    def smime_record(self, message_id: int) -> SmimeRecord | None:
        rows = self.store.query(
            "SELECT status, signer, signer_fingerprint, encrypted, algorithm, detail "
            "FROM mail_smime WHERE message_id = ?",
            (message_id,),
        )
        if not rows:
            return None
        status, signer, fingerprint, encrypted, algorithm, detail = rows[0]
        return SmimeRecord(status, signer, fingerprint, bool(encrypted), algorithm, detail)

    def save_smime(
        self, message_id: int, record: SmimeRecord, fields: MessageFields | None = None
    ) -> None:
        """Record (or replace) what opening an S/MIME message found; with ``fields``, also
        refresh what lists and search know of it (a message decrypted later)."""
        with self.store.transaction():
            self._write_smime(message_id, record)
            if fields is not None:
                self.store.execute(
                    "UPDATE mail_messages SET has_attachments = ?, snippet = ? WHERE id = ?",
                    (int(fields.has_attachments), fields.snippet, message_id),
                )
                self.store.execute("DELETE FROM mail_fts WHERE rowid = ?", (message_id,))
                self.store.execute(
                    "INSERT INTO mail_fts(rowid, subject, sender, recipients, body) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (
                        message_id,
                        fields.subject,
                        f"{fields.from_name} {fields.from_addr}",
                        f"{fields.to_addrs} {fields.cc_addrs}",
                        fields.index_text[:MAX_INDEXED_CHARS],
                    ),
                )

    def _write_smime(self, message_id: int, record: SmimeRecord) -> None:
        self.store.execute(
            "INSERT OR REPLACE INTO mail_smime(message_id, status, signer, signer_fingerprint, "
            "encrypted, algorithm, detail, readable, checked_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                message_id,
                record.status,
                record.signer,
                record.signer_fingerprint,
                int(record.encrypted),
                record.algorithm,
                record.detail[:500],
                record.readable,
                _now(),
            ),
        )

    def message(self, message_id: int) -> MessageRow | None:
        rows = self.store.query(
            f"SELECT {_ROW_COLUMNS} FROM mail_messages WHERE id = ?",  # noqa: S608
            (message_id,),
        )
        return _message_row(rows[0]) if rows else None

    def details(self, message_id: int) -> MessageDetails | None:
        rows = self.store.query(
            "SELECT cc_addrs, keywords, draft, parse_problems, mss_headers, smime, receipt_to "
            "FROM mail_messages WHERE id = ?",
            (message_id,),
        )
        if not rows:
            return None
        cc, keywords, draft, problems, mss, smime, receipt_to = rows[0]
        return MessageDetails(
            cc_addrs=cc,
            keywords=keywords,
            draft=bool(draft),
            parse_problems=tuple(p for p in problems.split("\n") if p),
            mss_headers=json.loads(mss) if mss else {},
            smime=smime,
            receipt_to=receipt_to,
        )

    def message_by_uid(self, folder_id: int, uid: int) -> MessageRow | None:
        rows = self.store.query(
            f"SELECT {_ROW_COLUMNS} FROM mail_messages WHERE folder_id = ? AND uid = ? "  # noqa: S608
            "ORDER BY uidvalidity DESC LIMIT 1",
            (folder_id, uid),
        )
        return _message_row(rows[0]) if rows else None

    def count(self, folder_id: int) -> int:
        return int(
            self.store.scalar(
                "SELECT count(*) FROM mail_messages WHERE folder_id = ?", (folder_id,)
            )
        )

    def page(
        self, folder_id: int, *, after: PageCursor | None = None, limit: int = 100
    ) -> list[MessageRow]:
        """Newest first, ``limit`` rows after ``after`` (keyset paging: O(limit) per page)."""
        if after is None:
            rows = self.store.query(
                f"SELECT {_ROW_COLUMNS} FROM mail_messages WHERE folder_id = ? "  # noqa: S608
                "ORDER BY date_utc DESC, id DESC LIMIT ?",
                (folder_id, limit),
            )
        else:
            rows = self.store.query(
                f"SELECT {_ROW_COLUMNS} FROM mail_messages WHERE folder_id = ? "  # noqa: S608
                "AND (date_utc, id) < (?, ?) ORDER BY date_utc DESC, id DESC LIMIT ?",
                (folder_id, after.date_utc, after.id, limit),
            )
        return [_message_row(r) for r in rows]

    @staticmethod
    def cursor_after(row: MessageRow) -> PageCursor:
        return PageCursor(row.date_utc, row.id)

    def unread_counts(self, account_id: int) -> dict[int, int]:
        """Unread (and not deleted) messages per folder id of one account."""
        rows = self.store.query(
            "SELECT f.id, (SELECT count(*) FROM mail_messages m WHERE m.folder_id = f.id "
            "AND m.seen = 0 AND m.deleted = 0) FROM mail_folders f WHERE f.account_id = ?",
            (account_id,),
        )
        return {r[0]: r[1] for r in rows}

    def thread(self, account_id: int, thread_key: str) -> list[MessageRow]:
        """Every message of one conversation in this account, oldest first."""
        rows = self.store.query(
            f"SELECT {_ROW_COLUMNS.replace('id,', 'm.id,', 1)} FROM mail_messages m "  # noqa: S608
            "JOIN mail_folders f ON f.id = m.folder_id WHERE f.account_id = ? "
            "AND (m.thread_key = ? OR m.message_id = ?) ORDER BY m.date_utc, m.id",
            (account_id, thread_key, thread_key),
        )
        return [_message_row(r) for r in rows]

    def thread_sizes(self, folder_id: int, thread_keys: Iterable[str]) -> dict[str, int]:
        """How many messages each conversation has in this folder (for a list's counters)."""
        keys = list(dict.fromkeys(thread_keys))
        sizes: dict[str, int] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for key, size in self.store.query(
                f"SELECT thread_key, count(*) FROM mail_messages WHERE folder_id = ? "  # noqa: S608
                f"AND thread_key IN ({marks}) GROUP BY thread_key",
                (folder_id, *chunk),
            ):
                sizes[key] = size
        return sizes

    # -- local changes going to the server ----------------------------------------------
    def set_flag(self, message_ids: Iterable[int], flag: str, value: bool) -> int:
        """Change a system flag locally and queue the change for the server."""
        column = {v.lower(): k for k, v in FLAG_NAMES.items()}.get(flag.lower())
        if column is None:
            raise ValueError(f"unsupported flag {flag!r}")
        op = "add_flags" if value else "remove_flags"
        changed = 0
        with self.store.transaction():
            for message_id in message_ids:
                rows = self.store.query(
                    "SELECT folder_id, uidvalidity, uid FROM mail_messages WHERE id = ?",
                    (message_id,),
                )
                if not rows:
                    continue
                folder_id, uidvalidity, uid = rows[0]
                self.store.execute(
                    f"UPDATE mail_messages SET {column} = ? WHERE id = ?",  # noqa: S608
                    (int(value), message_id),
                )
                self._queue(folder_id, uidvalidity, uid, op, FLAG_NAMES[column])
                changed += 1
        return changed

    def queue_move(self, message_ids: Iterable[int], target_folder: str) -> int:
        """Move messages: they leave this folder now; the server follows at the next sync."""
        return self._queue_removal(message_ids, "move", target_folder)

    def queue_expunge(self, message_ids: Iterable[int]) -> int:
        """Delete for good (flag \\Deleted then expunge on the server)."""
        return self._queue_removal(message_ids, "expunge", "")

    def _queue_removal(self, message_ids: Iterable[int], op: str, argument: str) -> int:
        done = 0
        with self.store.transaction():
            for message_id in message_ids:
                rows = self.store.query(
                    "SELECT folder_id, uidvalidity, uid FROM mail_messages WHERE id = ?",
                    (message_id,),
                )
                if not rows:
                    continue
                folder_id, uidvalidity, uid = rows[0]
                self._queue(folder_id, uidvalidity, uid, op, argument)
                self.store.execute("DELETE FROM mail_messages WHERE id = ?", (message_id,))
                done += 1
        return done

    def _queue(self, folder_id: int, uidvalidity: int, uid: int, op: str, argument: str) -> None:
        self.store.execute(
            "INSERT INTO mail_pending_ops(folder_id, uidvalidity, uid, op, argument, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (folder_id, uidvalidity, uid, op, argument, _now()),
        )

    def pending_ops(self, folder_id: int) -> list[tuple[int, int, int, str, str]]:
        """(op id, uidvalidity, uid, op, argument) in the order they were made."""
        return [
            (r[0], r[1], r[2], r[3], r[4])
            for r in self.store.query(
                "SELECT id, uidvalidity, uid, op, argument FROM mail_pending_ops "
                "WHERE folder_id = ? ORDER BY id",
                (folder_id,),
            )
        ]

    def folders_with_pending_ops(self, account_id: int) -> list[int]:
        return [
            r[0]
            for r in self.store.query(
                "SELECT DISTINCT p.folder_id FROM mail_pending_ops p JOIN mail_folders f "
                "ON f.id = p.folder_id WHERE f.account_id = ?",
                (account_id,),
            )
        ]

    def ops_done(self, op_ids: Iterable[int]) -> None:
        with self.store.transaction():
            for op_id in op_ids:
                self.store.execute("DELETE FROM mail_pending_ops WHERE id = ?", (op_id,))
