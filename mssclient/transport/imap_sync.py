"""IMAP sync engine: folders, new messages, flags both ways, moves and deletions.

Each fetched batch is stored in one transaction and a folder's sync point (UIDNEXT,
HIGHESTMODSEQ) moves only once the whole folder is stored, so a run cut anywhere (network,
server restart, application killed) loses nothing and duplicates nothing the next time.

How changes are found, best first:

- QRESYNC (RFC 7162), once a folder has a sync point: one ``SELECT (QRESYNC ...)`` reports
  the expunged UIDs (VANISHED) and the changed flags; only UIDs from the last UIDNEXT are
  searched. The local count is checked against EXISTS; a mismatch falls back to the next way.
- The server's whole UID list compared with the stored one, with flag changes asked by
  CONDSTORE (CHANGEDSINCE) when offered, else every message's flags.

A folder the server opens read-only (SELECT answered ``[READ-ONLY]``: a shared mailbox
where this login has only lookup and read rights) is re-opened with EXAMINE and synced the
same way, without QRESYNC, but none of the local changes are sent to it: flag changes stay
on this computer (queued, so the server's flags do not overwrite them, and sent if the
folder becomes writable), moves and deletions are refused (the message comes back) and
the user is told, in French, through a ``WorkerError`` event. The folder row records it
(``FolderRecord.read_only``).
"""

from __future__ import annotations

import contextlib
import imaplib
import logging
import socket
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

from mssclient.mailstore.models import FolderRecord, MessageFields, NewMessage
from mssclient.mailstore.repository import MailRepository
from mssclient.transport.download import BatchDownloader, FetchedItem
from mssclient.transport.errors import (
    FolderUnavailableError,
    ReadOnlyFolderError,
    ServerUnreachableError,
)
from mssclient.transport.events import (
    ConnectionStateChanged,
    EventCallback,
    FolderSynced,
    SyncProgress,
    WorkerError,
    ignore,
)
from mssclient.transport.imap_connection import open_folder
from mssclient.transport.parsing import ParsePool
from mssclient.transport.qresync import Resync, enable_qresync, select_with_qresync
from mssclient.transport.smime_receive import SmimeOpener

log = logging.getLogger(__name__)

#: Errors that mean "the connection is gone": stop, keep what is stored, resume later.
NETWORK_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    socket.timeout,
    imaplib.IMAP4.abort,
    EOFError,
)

_SPECIAL_USE = {
    b"\\sent": "sent",
    b"\\drafts": "drafts",
    b"\\trash": "trash",
    b"\\junk": "junk",
    b"\\archive": "archive",
    b"\\all": "all",
}
#: Names used when the server does not announce SPECIAL-USE (English and French clients).
_ROLE_BY_NAME = {
    "sent": "sent",
    "sent items": "sent",
    "sent messages": "sent",
    "envoyés": "sent",
    "éléments envoyés": "sent",
    "drafts": "drafts",
    "brouillons": "drafts",
    "trash": "trash",
    "deleted items": "trash",
    "deleted messages": "trash",
    "corbeille": "trash",
    "junk": "junk",
    "spam": "junk",
    "indésirables": "junk",
    "archive": "archive",
    "archives": "archive",
}

BATCH_MESSAGES = 200
BATCH_BYTES = 8 * 1024 * 1024
#: UIDs per FETCH command for small items (sizes, flags): about 12 KB of command line.
FETCH_CHUNK = 2000
#: Queued local changes that only touch flags (kept local in a read-only folder).
FLAG_OPS = frozenset({"add_flags", "remove_flags"})

#: (op id, uidvalidity, uid, op, argument), as ``MailRepository.pending_ops`` lists them.
PendingOp = tuple[int, int, int, str, str]


def _chunks(items: Sequence[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def uid_set(uids: Iterable[int]) -> str:
    """Compact sequence set: [1, 2, 3, 7] -> "1:3,7" (keeps commands short)."""
    ordered = sorted(set(uids))
    parts: list[str] = []
    start = prev = None
    for uid in ordered:
        if start is None:
            start = prev = uid
        elif prev is not None and uid == prev + 1:
            prev = uid
        else:
            parts.append(f"{start}:{prev}" if start != prev else f"{start}")
            start = prev = uid
    if start is not None:
        parts.append(f"{start}:{prev}" if start != prev else f"{start}")
    return ",".join(parts)


def folder_role(name: str, flags: Sequence[bytes]) -> str:
    if name.upper() == "INBOX":
        return "inbox"
    for flag in flags:
        role = _SPECIAL_USE.get(flag.lower())
        if role:
            return role
    leaf = name.replace(".", "/").split("/")[-1].strip().lower()
    return _ROLE_BY_NAME.get(leaf, "")


def batches_by_size(
    sizes: dict[int, int], max_messages: int = BATCH_MESSAGES, max_bytes: int = BATCH_BYTES
) -> Iterator[list[int]]:
    """UIDs in ascending order, grouped so that no batch holds too many bytes in memory."""
    batch: list[int] = []
    total = 0
    for uid in sorted(sizes):
        size = sizes[uid]
        if batch and (len(batch) >= max_messages or total + size > max_bytes):
            yield batch
            batch, total = [], 0
        batch.append(uid)
        total += size
    if batch:
        yield batch


@dataclass
class FolderResult:
    added: int = 0
    removed: int = 0
    flags_changed: int = 0
    #: How changes were found: "qresync", "condstore" (UID list + CHANGEDSINCE) or "full".
    method: str = "full"
    #: The server opened the folder read-only: it was EXAMINEd and nothing was sent to it.
    read_only: bool = False
    #: Read-only folder: local flag changes kept here, and moves/deletions refused.
    kept_local: int = 0
    refused_read_only: int = 0


@dataclass
class _Pushed:
    """Local changes sent at the start of a folder's sync."""

    sent: int = 0
    #: UIDs whose change the server refused: their state is read back from the server.
    refused: set[int] = field(default_factory=set)
    #: Read-only folder: flag changes kept local, moves and deletions dropped.
    kept: int = 0
    refused_read_only: int = 0


@dataclass(frozen=True)
class ReadOnlyOps:
    """What becomes of the queued changes of a folder the server opens read-only."""

    #: Flag changes on messages still here: kept queued (local state wins, never sent).
    kept: list[int] = field(default_factory=list)
    #: Op ids to forget: other UIDVALIDITY, message gone, or a refused move/deletion.
    dropped: list[int] = field(default_factory=list)
    #: UIDs whose move or deletion is refused: they stay in the folder on the server.
    refused: set[int] = field(default_factory=set)


def sort_read_only_ops(
    ops: Sequence[PendingOp], uidvalidity: int | None, local: set[int]
) -> ReadOnlyOps:
    """Nothing can be sent to a read-only folder: flag changes on messages still stored
    stay queued, every other change is dropped (moves and deletions are refused, the
    message comes back at the folder's sync)."""
    sorted_ops = ReadOnlyOps()
    for op_id, validity, uid, kind, _argument in ops:
        if validity != uidvalidity:
            sorted_ops.dropped.append(op_id)
        elif kind in FLAG_OPS:
            (sorted_ops.kept if uid in local else sorted_ops.dropped).append(op_id)
        else:
            sorted_ops.dropped.append(op_id)
            sorted_ops.refused.add(uid)
    return sorted_ops


def refuse_read_only(repo: MailRepository, message_ids: Iterable[int]) -> None:
    """``ReadOnlyFolderError`` (French; nothing changed) when one of these messages is in a
    folder the server opens read-only: it can be neither moved nor deleted there."""
    folder = repo.read_only_folder_of(message_ids)
    if folder is not None:
        raise ReadOnlyFolderError.move_refused(folder.name)


class MailSync:
    """Syncs one account through one IMAP connection, on the thread that owns the store.

    ``connect`` is called lazily and again after a network error. ``cancel`` (a
    ``threading.Event``) is checked between batches. ``qresync=False`` keeps to the UID
    comparison even where the server offers QRESYNC (benchmarks compare the two).
    """

    def __init__(
        self,
        account_id: int,
        repository: MailRepository,
        connect: Callable[[], IMAPClient],
        *,
        on_event: EventCallback = ignore,
        progress: Callable[[int, int], None] | None = None,
        cancel: threading.Event | None = None,
        parse_pool: ParsePool | None = None,
        batch_messages: int = BATCH_MESSAGES,
        qresync: bool = True,
    ) -> None:
        self.account_id = account_id
        self.repo = repository
        self._connect = connect
        self.on_event = on_event
        self.progress = progress
        self.cancel = cancel or threading.Event()
        self.pool = parse_pool or ParsePool(0)
        self.batch_messages = batch_messages
        #: Decrypts and verifies S/MIME messages before they are stored.
        self.smime = SmimeOpener(repository.store, account_id, self.pool.parser_path)
        self.client: IMAPClient | None = None
        self.use_qresync = qresync
        #: Whether the current connection has QRESYNC enabled.
        self.qresync_enabled = False
        #: Read-only folders whose kept flag changes the user was already told about.
        self._told_kept_local: set[int] = set()

    # -- connection ------------------------------------------------------------------------
    def ensure_client(self) -> IMAPClient:
        if self.client is None:
            client = self._connect()
            client.normalise_times = False
            # ENABLE is only legal before the first SELECT: right after connecting.
            self.qresync_enabled = self.use_qresync and enable_qresync(client)
            self.client = client
            self.on_event(ConnectionStateChanged(self.account_id, True))
        return self.client

    def close(self) -> None:
        client, self.client = self.client, None
        if client is not None:
            try:
                client.logout()
            except (*NETWORK_ERRORS, IMAPClientError):
                with contextlib.suppress(OSError):
                    client.shutdown()

    def _lost(self, exc: BaseException) -> ServerUnreachableError:
        """Forget a dead connection and say so."""
        client, self.client = self.client, None
        if client is not None:
            with contextlib.suppress(OSError, IMAPClientError):
                client.shutdown()
        self.on_event(ConnectionStateChanged(self.account_id, False, str(exc)))
        return ServerUnreachableError(f"IMAP connection lost: {exc!r}")

    # -- folders ---------------------------------------------------------------------------
    def sync_folder_list(self) -> list[str]:
        """Store the server's folders with their roles; returns the selectable names."""
        try:
            client = self.ensure_client()
            listed = client.list_folders()
        except NETWORK_ERRORS as exc:
            raise self._lost(exc) from exc
        names = []
        for flags, delimiter, name in listed:
            lowered = {f.lower() for f in flags}
            selectable = b"\\noselect" not in lowered and b"\\nonexistent" not in lowered
            delim = delimiter.decode() if isinstance(delimiter, bytes) else (delimiter or "/")
            self.repo.upsert_folder(
                self.account_id,
                name,
                delimiter=delim,
                role=folder_role(name, flags),
                selectable=selectable,
            )
            names.append(name)
        self.repo.forget_folders_except(self.account_id, names)
        return [f.name for f in self.repo.folders(self.account_id) if f.selectable]

    def sync_all(self) -> dict[str, FolderResult]:
        """Every selectable folder; one the server refuses is skipped, not fatal."""
        results = {}
        for name in self.sync_folder_list():
            try:
                results[name] = self.sync_folder(name)
            except FolderUnavailableError as exc:
                log.warning("folder %r skipped: %s", name, exc)
        return results

    # -- one folder ------------------------------------------------------------------------
    def sync_folder(self, name: str) -> FolderResult:
        try:
            return self._sync_folder(name)
        except NETWORK_ERRORS as exc:
            raise self._lost(exc) from exc
        except IMAPClientError as exc:
            # A NO/BAD answer: the connection is fine, this folder is not.
            raise FolderUnavailableError(
                f"IMAP refused on {name!r}: {exc}",
                user_message=f"Le dossier « {name} » n'a pas pu être synchronisé : {exc}",
            ) from exc

    def _open(
        self, client: IMAPClient, folder: FolderRecord
    ) -> tuple[dict[bytes, Any], Resync | None, bool]:
        """SELECT the folder (with QRESYNC from its sync point), or EXAMINE it when the
        server opens it read-only. Returns the SELECT answer, QRESYNC's report of the
        changes (None without QRESYNC) and whether the folder is read-only.

        A folder known read-only is still SELECTed first (then EXAMINEd), without QRESYNC:
        so the sync notices when it becomes writable again.
        """
        if (
            self.qresync_enabled
            and not folder.read_only
            and folder.uidvalidity is not None
            and folder.highestmodseq is not None
            and folder.uidnext is not None
        ):
            selected, resync = select_with_qresync(
                client, folder.name, folder.uidvalidity, folder.highestmodseq
            )
            if b"READ-ONLY" not in selected:
                return selected, resync, False
            # Read-only since the last sync. imaplib did not check this answer, and would
            # refuse the next command: EXAMINE clears that; the report is dropped (the UID
            # comparison finds the changes).
            log.info("folder %r is read-only on the server: EXAMINE", folder.name)
            return client.select_folder(folder.name, readonly=True), None, True
        selected, read_only = open_folder(client, folder.name)
        if read_only and not folder.read_only:
            log.info("folder %r is read-only on the server: EXAMINE", folder.name)
        return selected, None, read_only

    def _sync_folder(self, name: str) -> FolderResult:
        client = self.ensure_client()
        folder = self.repo.folder_by_name(self.account_id, name)
        if folder is None:
            folder = self.repo.upsert_folder(self.account_id, name, role=folder_role(name, ()))
        selected, resync, read_only = self._open(client, folder)
        if read_only != folder.read_only:
            self.repo.set_folder_read_only(folder.id, read_only)
        uidvalidity = int(selected[b"UIDVALIDITY"])
        uidnext = int(selected.get(b"UIDNEXT", 0)) or None
        modseq_raw = selected.get(b"HIGHESTMODSEQ")
        highestmodseq = int(modseq_raw) if modseq_raw is not None else None
        exists = int(selected.get(b"EXISTS", 0))
        result = FolderResult(read_only=read_only)
        if folder.uidvalidity is not None and folder.uidvalidity != uidvalidity:
            log.info("UIDVALIDITY of %s changed: local copy dropped", name)
            result.removed += self.repo.reset_folder(folder.id, uidvalidity)
            folder = self.repo.folder(folder.id) or folder
            resync = None  # the server reported nothing for a stale UIDVALIDITY
        elif folder.uidvalidity is None:
            self.repo.set_folder_state(folder.id, uidvalidity=uidvalidity)

        pushed = self._push_pending(client, folder.id, uidvalidity, read_only=read_only)
        result.kept_local = pushed.kept
        result.refused_read_only = pushed.refused_read_only
        done = False
        if resync is not None and not pushed.sent and folder.uidnext and uidnext:
            # Our own moves and expunges would change EXISTS under us: only when none ran.
            done = self._apply_resync(
                client,
                name,
                folder.id,
                uidvalidity,
                folder.uidnext,
                uidnext,
                exists,
                resync,
                result,
            )
        if not done:
            self._compare_uids(
                client,
                name,
                folder.id,
                uidvalidity,
                (folder.highestmodseq, highestmodseq),
                exists,
                pushed.refused,
                result,
            )
        # Only now, with everything stored, may the folder's sync point move forward.
        self.repo.set_folder_state(
            folder.id, uidnext=uidnext, highestmodseq=highestmodseq, synced=True
        )
        self.on_event(
            FolderSynced(self.account_id, name, result.added, result.removed, result.flags_changed)
        )
        return result

    def _apply_resync(
        self,
        client: IMAPClient,
        name: str,
        folder_id: int,
        uidvalidity: int,
        stored_uidnext: int,
        uidnext: int,
        exists: int,
        resync: Resync,
        result: FolderResult,
    ) -> bool:
        """The QRESYNC way; False (with nothing fetched) when the counts disagree."""
        if not resync.vanished and uidnext == stored_uidnext:
            # Nothing expunged, nothing new: check the count, take the flags, done.
            if self.repo.count(folder_id) != exists:
                return False
            result.method = "qresync"
            if resync.flags:
                result.flags_changed = self.repo.apply_server_flags(
                    folder_id, uidvalidity, resync.flags
                )
            return True
        local = self.repo.local_uids(folder_id, uidvalidity)
        gone = resync.vanished.members_of(local)
        if gone:
            result.removed += self.repo.remove_uids(folder_id, uidvalidity, gone)
            local -= gone
        new: list[int] = []
        if uidnext > stored_uidnext or len(local) != exists:
            # "n:*" always names the highest UID, even below n: filter.
            found = client.search(["UID", f"{stored_uidnext}:*"]) if exists else []
            new = sorted(u for u in found if u >= stored_uidnext and u not in local)
        present_at_select = len(local) + sum(1 for u in new if u < uidnext)
        if present_at_select != exists:
            log.info(
                "QRESYNC on %s: %d local + new against EXISTS %d; comparing UIDs instead",
                name,
                present_at_select,
                exists,
            )
            return False
        result.method = "qresync"
        changed = {uid: flags for uid, flags in resync.flags.items() if uid in local}
        if changed:
            result.flags_changed = self.repo.apply_server_flags(folder_id, uidvalidity, changed)
        result.added = self._fetch_new(client, name, folder_id, uidvalidity, new)
        return True

    def _compare_uids(
        self,
        client: IMAPClient,
        name: str,
        folder_id: int,
        uidvalidity: int,
        modseqs: tuple[int | None, int | None],
        exists: int,
        refused: set[int],
        result: FolderResult,
    ) -> None:
        """The server's whole UID list against ours; flags by CHANGEDSINCE when offered."""
        stored_modseq, server_modseq = modseqs
        result.method = "condstore" if server_modseq is not None else "full"
        server_uids = set(client.search("ALL")) if exists else set()
        local_before = self.repo.local_uids(folder_id, uidvalidity)
        vanished = local_before - server_uids
        if vanished:
            result.removed += self.repo.remove_uids(folder_id, uidvalidity, vanished)
        new = sorted(server_uids - local_before)
        result.added = self._fetch_new(client, name, folder_id, uidvalidity, new)

        known = local_before & server_uids
        if known:
            result.flags_changed = self._refresh_flags(
                client, folder_id, uidvalidity, stored_modseq, server_modseq, known
            )
        stale = known & refused
        if stale:
            # A refused flag change left our copy wrong, and CHANGEDSINCE would not say so.
            result.flags_changed += self._refresh_flags(
                client, folder_id, uidvalidity, None, None, stale
            )

    def _fetch_new(
        self, client: IMAPClient, name: str, folder_id: int, uidvalidity: int, new: list[int]
    ) -> int:
        if not new:
            return 0
        sizes: dict[int, int] = {}
        for chunk in _chunks(new, FETCH_CHUNK):
            for uid, data in client.fetch(chunk, [b"RFC822.SIZE"]).items():
                sizes[uid] = int(data.get(b"RFC822.SIZE", 0))
        total, done, added = len(sizes), 0, 0
        self._report(name, 0, total)
        # The next batches download (and parse) while this thread stores the current one.
        downloads = BatchDownloader(
            client, batches_by_size(sizes, self.batch_messages), self.pool, self.cancel
        )
        try:
            for batch in downloads:
                added += self._store(folder_id, uidvalidity, batch.items, batch.fields)
                done += len(batch.items)
                self._report(name, done, total)
        finally:
            downloads.close()
        return added

    def _store(
        self,
        folder_id: int,
        uidvalidity: int,
        items: list[FetchedItem],
        future: Future[list[MessageFields]],
    ) -> int:
        fields = future.result()
        messages = self.smime.apply(
            [
                NewMessage(uid=uid, raw=raw, flags=tuple(flags), internal_date=idate, fields=f)
                for (uid, raw, flags, idate), f in zip(items, fields, strict=True)
            ]
        )
        return len(self.repo.add_messages(folder_id, uidvalidity, messages))

    def _refresh_flags(
        self,
        client: IMAPClient,
        folder_id: int,
        uidvalidity: int,
        stored_modseq: int | None,
        server_modseq: int | None,
        known: set[int],
    ) -> int:
        modifiers = None
        if stored_modseq is not None and server_modseq is not None:
            if server_modseq == stored_modseq:
                return 0
            modifiers = [f"CHANGEDSINCE {stored_modseq}"]
        flags: dict[int, Any] = {}
        # imapclient wants explicit UIDs; chunks keep each command line short.
        for chunk in _chunks(sorted(known), FETCH_CHUNK):
            for uid, data in client.fetch(chunk, [b"FLAGS"], modifiers=modifiers).items():
                if b"FLAGS" in data:
                    flags[uid] = data[b"FLAGS"]
        return self.repo.apply_server_flags(folder_id, uidvalidity, flags)

    def _report(self, folder: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(done, total)
        self.on_event(SyncProgress(self.account_id, folder, done, total))

    # -- local changes to the server --------------------------------------------------------
    def _push_pending(
        self, client: IMAPClient, folder_id: int, uidvalidity: int, *, read_only: bool = False
    ) -> _Pushed:
        ops = self.repo.pending_ops(folder_id)
        pushed = _Pushed()
        if not ops:
            return pushed
        if read_only:
            return self._hold_pending(folder_id, uidvalidity, ops)
        done: list[int] = []
        stale = [op_id for op_id, validity, *_ in ops if validity != uidvalidity]
        current = [op for op in ops if op[1] == uidvalidity]
        expunge: list[int] = []
        for (kind, argument), group in _runs(current):
            uids = [uid for _, _, uid, _, _ in group]
            try:
                expunge.extend(self._apply_op(client, kind, argument, uids))
            except NETWORK_ERRORS:
                raise
            except IMAPClientError as exc:
                # Refused for good (target folder gone...): drop the change; a message that
                # did not move comes back at this very sync, so nothing is lost.
                log.warning("server refused %s %r on %s: %s", kind, argument, uids, exc)
                pushed.refused.update(uids)
            done.extend(op_id for op_id, *_ in group)
        if expunge:
            if client.has_capability("UIDPLUS"):
                client.uid_expunge(expunge)
            else:
                client.expunge()
        self.repo.ops_done(stale + done)
        pushed.sent = len(done)
        return pushed

    def _hold_pending(
        self, folder_id: int, uidvalidity: int | None, ops: Sequence[PendingOp]
    ) -> _Pushed:
        """A read-only folder's queue: nothing is sent (see ``sort_read_only_ops``); the
        user hears of refused moves and deletions, and once of kept flag changes."""
        local = self.repo.local_uids(folder_id, uidvalidity) if uidvalidity is not None else set()
        sorted_ops = sort_read_only_ops(ops, uidvalidity, local)
        self.repo.ops_done(sorted_ops.dropped)
        folder = self.repo.folder(folder_id)
        name = folder.name if folder is not None else str(folder_id)
        if sorted_ops.refused:
            count = len(sorted_ops.refused)
            log.warning("read-only folder %r: %d move(s)/deletion(s) refused", name, count)
            self._tell(ReadOnlyFolderError.moves_dropped(name, count))
        if sorted_ops.kept and folder_id not in self._told_kept_local:
            self._told_kept_local.add(folder_id)
            log.info("read-only folder %r: flag changes kept local", name)
            self._tell(ReadOnlyFolderError.flags_kept_local(name))
        return _Pushed(kept=len(sorted_ops.kept), refused_read_only=len(sorted_ops.refused))

    def _tell(self, error: ReadOnlyFolderError) -> None:
        self.on_event(WorkerError(self.account_id, error.user_message, str(error)))

    @staticmethod
    def _apply_op(client: IMAPClient, kind: str, argument: str, uids: list[int]) -> list[int]:
        """Send one group of changes; returns UIDs left flagged \\Deleted to expunge."""
        if kind == "add_flags":
            client.add_flags(uids, argument.split())
        elif kind == "remove_flags":
            client.remove_flags(uids, argument.split())
        elif kind == "move":
            if client.has_capability("MOVE"):
                client.move(uids, argument)
            else:
                client.copy(uids, argument)
                client.add_flags(uids, [b"\\Deleted"])
                return uids
        elif kind == "expunge":
            client.add_flags(uids, [b"\\Deleted"])
            return uids
        return []

    def push_pending(self) -> None:
        """Send every queued local change of this account (flags, moves, deletions)."""
        try:
            client = self.ensure_client()
            for folder_id in self.repo.folders_with_pending_ops(self.account_id):
                folder = self.repo.folder(folder_id)
                if folder is None:
                    continue
                if folder.read_only:
                    # Nothing to send there: no round trip (its sync checks whether it
                    # became writable).
                    self._hold_pending(
                        folder_id, folder.uidvalidity, self.repo.pending_ops(folder_id)
                    )
                    continue
                selected, read_only = open_folder(client, folder.name)
                if read_only:
                    self.repo.set_folder_read_only(folder_id, True)
                self._push_pending(
                    client, folder_id, int(selected[b"UIDVALIDITY"]), read_only=read_only
                )
        except NETWORK_ERRORS as exc:
            raise self._lost(exc) from exc

    # -- user actions (stored at once, sent now or at the next sync) -------------------------
    def set_flag(self, message_ids: Iterable[int], flag: str, value: bool) -> None:
        self.repo.set_flag(message_ids, flag, value)
        self._try_push()

    def move(self, message_ids: Iterable[int], target_folder: str) -> None:
        message_ids = list(message_ids)
        refuse_read_only(self.repo, message_ids)
        self.repo.queue_move(message_ids, target_folder)
        self._try_push()

    def delete(self, message_ids: Sequence[int]) -> None:
        """To the Trash; from the Trash itself (or with no Trash), deleted for good."""
        refuse_read_only(self.repo, message_ids)
        trash = self.repo.folder_by_role(self.account_id, "trash")
        to_trash, for_good = [], []
        for message_id in message_ids:
            row = self.repo.message(message_id)
            if row is None:
                continue
            if trash is not None and row.folder_id != trash.id:
                to_trash.append(message_id)
            else:
                for_good.append(message_id)
        if to_trash and trash is not None:
            self.repo.queue_move(to_trash, trash.name)
        if for_good:
            self.repo.queue_expunge(for_good)
        self._try_push()

    def archive(self, message_ids: Sequence[int], default_name: str = "Archives") -> None:
        refuse_read_only(self.repo, message_ids)
        archive = self.repo.folder_by_role(self.account_id, "archive")
        if archive is None:
            client = self.ensure_client()
            if not client.folder_exists(default_name):
                client.create_folder(default_name)
            archive = self.repo.upsert_folder(self.account_id, default_name, role="archive")
        self.move(message_ids, archive.name)

    def _try_push(self) -> None:
        if self.client is None:
            return  # offline: the next sync pushes the queue first
        try:
            self.push_pending()
        except ServerUnreachableError:
            log.info("offline: local changes will be sent at the next sync")


def _runs(
    ops: list[PendingOp],
) -> Iterator[tuple[tuple[str, str], list[PendingOp]]]:
    """Consecutive operations of the same kind and argument, grouped (order kept)."""
    group: list[PendingOp] = []
    key: tuple[str, str] | None = None
    for op in ops:
        op_key = (op[3], op[4])
        if key is not None and op_key != key:
            yield key, group
            group = []
        key = op_key
        group.append(op)
    if key is not None and group:
        yield key, group
