"""The outbox: messages wait here (encrypted) until the server takes them.

Temporary failures (server unreachable, 4xx) are retried with exponential backoff;
permanent ones (5xx) stop and keep the server's words plus a French summary. After a
successful submission the copy is appended to the Sent folder (retried separately). A
Sent folder this login may not write to (``NO [NOPERM]``, or a folder the sync found
read-only) refuses it for good: that copy is dropped, not retried, and the user is told in
French that the message itself did leave.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

from mssclient.errors import MssError
from mssclient.mailstore.repository import MailRepository
from mssclient.store import Store
from mssclient.transport.accounts import Account, Authenticator
from mssclient.transport.errors import (
    ReadOnlyFolderError,
    no_permission,
    sent_copies_dropped_message,
)
from mssclient.transport.events import EventCallback, OutboxChanged, WorkerError, ignore
from mssclient.transport.imap_sync import NETWORK_ERRORS
from mssclient.transport.smime_send import protect_outgoing
from mssclient.transport.smtp_send import SendFailure, SendResult, submit

log = logging.getLogger(__name__)

BACKOFF_BASE_SECONDS = 30
BACKOFF_MAX_SECONDS = 3600
MAX_ATTEMPTS = 20

Submit = Callable[..., SendResult]


@dataclass(frozen=True)
class OutboxItem:
    id: int
    account_id: int
    envelope_from: str
    recipients: tuple[str, ...]
    request_dsn: bool
    state: str
    attempts: int
    next_attempt_at: int
    last_error: str
    last_error_fr: str
    refused: dict[str, Any]
    sent_copy_saved: bool
    #: How S/MIME protected it ('' until its first attempt; then a Protection value).
    protection: str = ""


_COLUMNS = (
    "id, account_id, envelope_from, envelope_to, request_dsn, state, attempts, "
    "next_attempt_at, last_error, last_error_fr, refused, sent_copy_saved, protection"
)


def _item(row: Any) -> OutboxItem:
    return OutboxItem(
        id=row[0],
        account_id=row[1],
        envelope_from=row[2],
        recipients=tuple(json.loads(row[3])),
        request_dsn=bool(row[4]),
        state=row[5],
        attempts=row[6],
        next_attempt_at=row[7],
        last_error=row[8],
        last_error_fr=row[9],
        refused=json.loads(row[10]) if row[10] else {},
        sent_copy_saved=bool(row[11]),
        protection=row[12],
    )


def backoff_seconds(attempts: int) -> int:
    """30 s, 1 min, 2 min, 4 min ... capped at one hour."""
    return int(min(BACKOFF_BASE_SECONDS * 2 ** max(attempts - 1, 0), BACKOFF_MAX_SECONDS))


class Outbox:
    def __init__(
        self,
        store: Store,
        *,
        clock: Callable[[], float] = time.time,
        on_event: EventCallback = ignore,
    ) -> None:
        self.store = store
        self.clock = clock
        self.on_event = on_event

    # -- queue -------------------------------------------------------------------------------
    def enqueue(
        self,
        account_id: int,
        raw: bytes,
        envelope_from: str,
        recipients: Sequence[str],
        *,
        request_dsn: bool = False,
    ) -> int:
        cursor = self.store.execute(
            "INSERT INTO mail_outbox(account_id, raw, envelope_from, envelope_to, request_dsn, "
            "next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                account_id,
                raw,
                envelope_from,
                json.dumps(list(recipients)),
                int(request_dsn),
                int(self.clock()),
                datetime.now(UTC).isoformat(timespec="seconds"),
            ),
        )
        outbox_id = int(cursor.lastrowid)
        self.store.audit.append("outbox", "mail.queue", str(outbox_id), f"{len(recipients)} rcpt")
        self.on_event(OutboxChanged(outbox_id, "queued"))
        return outbox_id

    def item(self, outbox_id: int) -> OutboxItem | None:
        rows = self.store.query(f"SELECT {_COLUMNS} FROM mail_outbox WHERE id = ?", (outbox_id,))  # noqa: S608
        return _item(rows[0]) if rows else None

    def items(self, account_id: int | None = None) -> list[OutboxItem]:
        if account_id is None:
            rows = self.store.query(f"SELECT {_COLUMNS} FROM mail_outbox ORDER BY id")  # noqa: S608
        else:
            rows = self.store.query(
                f"SELECT {_COLUMNS} FROM mail_outbox WHERE account_id = ? ORDER BY id",  # noqa: S608
                (account_id,),
            )
        return [_item(r) for r in rows]

    def raw(self, outbox_id: int) -> bytes:
        return bytes(self.store.scalar("SELECT raw FROM mail_outbox WHERE id = ?", (outbox_id,)))

    def retry_now(self, outbox_id: int) -> None:
        """The user asks to try again (also revives a failed message)."""
        self.store.execute(
            "UPDATE mail_outbox SET state = 'queued', next_attempt_at = ? "
            "WHERE id = ? AND state IN ('queued', 'failed')",
            (int(self.clock()), outbox_id),
        )

    def remove(self, outbox_id: int) -> None:
        self.store.execute(
            "DELETE FROM mail_outbox WHERE id = ? AND state <> 'sending'", (outbox_id,)
        )

    def next_due_in(self, account_id: int) -> float | None:
        """Seconds until the next queued message is due (None if nothing waits)."""
        due = self.store.scalar(
            "SELECT min(next_attempt_at) FROM mail_outbox "
            "WHERE account_id = ? AND state = 'queued'",
            (account_id,),
        )
        return None if due is None else max(0.0, float(due) - self.clock())

    # -- sending -------------------------------------------------------------------------------
    def send_due(
        self,
        account: Account,
        auth: Authenticator,
        *,
        copy_to_sent: Callable[[bytes], None] | None = None,
        submit_fn: Submit = submit,
    ) -> list[OutboxItem]:
        """Try every due message of this account once; returns their new states."""
        assert account.id is not None
        now = int(self.clock())
        # A crash mid-send leaves 'sending': treat as queued (the server may have it; a
        # duplicate is better than a lost medical message).
        self.store.execute(
            "UPDATE mail_outbox SET state = 'queued' WHERE account_id = ? AND state = 'sending'",
            (account.id,),
        )
        due = [
            r[0]
            for r in self.store.query(
                "SELECT id FROM mail_outbox WHERE account_id = ? AND state = 'queued' "
                "AND next_attempt_at <= ? ORDER BY id",
                (account.id, now),
            )
        ]
        results = []
        for outbox_id in due:
            results.append(self._send_one(account, auth, outbox_id, submit_fn))
        if copy_to_sent is not None:
            self.save_sent_copies(account.id, copy_to_sent)
        return [self.item(r.id) or r for r in results]

    def _send_one(
        self, account: Account, auth: Authenticator, outbox_id: int, submit_fn: Submit
    ) -> OutboxItem:
        item = self.item(outbox_id)
        assert item is not None
        self.store.execute("UPDATE mail_outbox SET state = 'sending' WHERE id = ?", (outbox_id,))
        try:
            raw = self._protected_raw(account, item)
            result = submit_fn(
                account,
                auth,
                raw,
                item.envelope_from,
                list(item.recipients),
                request_dsn=item.request_dsn,
            )
        except (SendFailure, MssError) as error:
            failure = (
                error
                if isinstance(error, SendFailure)
                else SendFailure(
                    server_words=str(error), temporary=False, summary_fr=error.user_message
                )
            )
            attempts = item.attempts + 1
            give_up = not failure.temporary or attempts >= MAX_ATTEMPTS
            state = "failed" if give_up else "queued"
            self.store.execute(
                "UPDATE mail_outbox SET state = ?, attempts = ?, next_attempt_at = ?, "
                "last_error = ?, last_error_fr = ?, refused = ? WHERE id = ?",
                (
                    state,
                    attempts,
                    int(self.clock()) + backoff_seconds(attempts),
                    failure.server_words,
                    failure.summary_fr,
                    json.dumps(failure.refused, ensure_ascii=False) if failure.refused else "",
                    outbox_id,
                ),
            )
            self.store.audit.append("outbox", "mail.send_failed", str(outbox_id), state)
            self.on_event(OutboxChanged(outbox_id, state, failure.summary_fr))
        else:
            refused = json.dumps(result.refused, ensure_ascii=False) if result.refused else ""
            summary = (
                "Envoyé, mais refusé pour : " + ", ".join(result.refused) if result.refused else ""
            )
            self.store.execute(
                "UPDATE mail_outbox SET state = 'sent', attempts = attempts + 1, sent_at = ?, "
                "refused = ?, last_error_fr = ? WHERE id = ?",
                (datetime.now(UTC).isoformat(timespec="seconds"), refused, summary, outbox_id),
            )
            self.store.audit.append("outbox", "mail.send", str(outbox_id), "sent")
            self.on_event(OutboxChanged(outbox_id, "sent", summary))
        new = self.item(outbox_id)
        assert new is not None
        return new

    def _protected_raw(self, account: Account, item: OutboxItem) -> bytes:
        """The bytes to submit: signed and/or encrypted once, at the first attempt, then
        kept (retries and the Sent copy send exactly the same message)."""
        raw = self.raw(item.id)
        if item.protection:
            return raw
        protected, protection = protect_outgoing(self.store, account, raw, item.recipients)
        self.store.execute(
            "UPDATE mail_outbox SET raw = ?, protection = ? WHERE id = ?",
            (protected, protection, item.id),
        )
        return protected

    def save_sent_copies(self, account_id: int, copy_to_sent: Callable[[bytes], None]) -> int:
        """Append sent messages to the server's Sent folder; keep trying those that fail
        for a passing reason (network, server busy). A copy the folder refuses for good
        (``ReadOnlyFolderError``) is dropped, and the user told once for this run."""
        saved = 0
        dropped: list[ReadOnlyFolderError] = []
        for (outbox_id,) in self.store.query(
            "SELECT id FROM mail_outbox WHERE account_id = ? AND state = 'sent' "
            "AND sent_copy_saved = 0 ORDER BY id",
            (account_id,),
        ):
            try:
                copy_to_sent(self.raw(outbox_id))
            except ReadOnlyFolderError as exc:
                log.warning("copy to Sent dropped: %s", exc)
                dropped.append(exc)
                self.store.audit.append(
                    "outbox", "mail.sent_copy_dropped", str(outbox_id), exc.folder
                )
            except (*NETWORK_ERRORS, IMAPClientError) as exc:
                log.info("copy to Sent postponed: %r", exc)
                break
            else:
                saved += 1
            # Filed, or refused for good: either way nothing is left to append.
            self.store.execute(
                "UPDATE mail_outbox SET sent_copy_saved = 1 WHERE id = ?", (outbox_id,)
            )
        if dropped:
            folder = dropped[0].folder
            self.on_event(
                WorkerError(
                    account_id,
                    sent_copies_dropped_message(folder, len(dropped)),
                    "; ".join(str(exc) for exc in dropped),
                )
            )
        return saved

    def purge_sent(self, account_id: int) -> int:
        """Forget sent messages whose copy is safely in Sent."""
        return int(
            self.store.execute(
                "DELETE FROM mail_outbox WHERE account_id = ? AND state = 'sent' "
                "AND sent_copy_saved = 1",
                (account_id,),
            ).rowcount
        )


def append_to_sent(
    client: IMAPClient, repo: MailRepository, account_id: int, raw: bytes, name: str = "Sent"
) -> str:
    """APPEND to the account's Sent folder (creating "Sent" if the server has none).

    A refusal for lack of rights (``NO [NOPERM]``, as Dovecot answers for a folder shared
    with "lr" rights), or any refusal when the sync found the folder read-only, raises
    ``ReadOnlyFolderError`` (French): retrying would not help. Other refusals propagate
    as ``IMAPClientError`` (retried later), network errors as they are.
    """
    folder = repo.folder_by_role(account_id, "sent")
    target = folder.name if folder else name
    if folder is None and not client.folder_exists(target):
        client.create_folder(target)
        repo.upsert_folder(account_id, target, role="sent")
    try:
        client.append(target, raw, flags=[b"\\Seen"])
    except NETWORK_ERRORS:
        raise  # imaplib's "abort" is an IMAPClientError too: the connection is gone
    except IMAPClientError as exc:
        known_read_only = folder is not None and folder.read_only
        if known_read_only or no_permission(exc):
            raise ReadOnlyFolderError.sent_copy_refused(target, str(exc)) from exc
        raise
    return target
