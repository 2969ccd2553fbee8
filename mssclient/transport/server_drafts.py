"""Drafts in the server's Drafts folder, beside the encrypted local copy.

The local draft (``mssclient.mailstore.drafts``) is the reference. Its latest built
version is APPENDed to the account's Drafts folder with the ``\\Draft`` flag, so that a
webmail or another computer sees it too. A re-saved draft is appended first and only then
is the previous copy removed, so the server never lacks one; a copy is removed by
``UID EXPUNGE`` (UIDPLUS), which touches no other message marked ``\\Deleted``. Offline,
nothing is lost: the draft stays "to upload" and the next run of ``sync_server_drafts``
sends it, and removes the copies of drafts sent or discarded in between.

A draft another client left in the folder and that was opened and saved here has adopted
that copy (``DraftStore.save(..., server_copy=...)``): it is replaced and removed the same
way. A removed copy is forgotten locally at once, so the Drafts folder list never offers
to edit a copy that is no longer there.

A Drafts folder the server opens read-only (SELECT answered ``[READ-ONLY]``) keeps its
copies: their removal is dropped rather than retried at every sync, and the user is told
once, in French (``DraftsSynced.notices``, which the worker sends as ``WorkerError``).

Every function runs on the thread that owns the store and the IMAP connection (the
account worker); network errors propagate, so the caller treats them as "offline".
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from email.parser import BytesHeaderParser
from email.policy import compat32
from typing import Any, Literal

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

from mssclient.mailstore.drafts import DraftStore, ServerCopyRemoval
from mssclient.mailstore.repository import MailRepository
from mssclient.transport.errors import (
    FolderUnavailableError,
    ReadOnlyFolderError,
    no_permission,
)
from mssclient.transport.imap_connection import open_folder, select_writable
from mssclient.transport.imap_sync import NETWORK_ERRORS

log = logging.getLogger(__name__)

DRAFT_FLAGS = (b"\\Draft", b"\\Seen")
DEFAULT_DRAFTS_NAME = "Drafts"
_APPENDUID = re.compile(rb"\[APPENDUID (\d+) (\d+)\]", re.IGNORECASE)
#: What became of one queued removal.
Outcome = Literal["removed", "left", "read-only"]


@dataclass(frozen=True)
class ServerCopy:
    """Where a draft's copy landed (UID unknown when the server cannot tell)."""

    folder: str
    uidvalidity: int | None
    uid: int | None


@dataclass
class DraftsSynced:
    uploaded: list[int] = field(default_factory=list)  # draft ids now on the server
    removed: int = 0  # server copies of deleted or replaced drafts removed
    refused: dict[int, str] = field(default_factory=dict)  # draft id -> French message
    #: Read-only Drafts folder name -> copies whose removal was dropped (they stay there).
    left_read_only: Counter[str] = field(default_factory=Counter)

    @property
    def notices(self) -> list[str]:
        """What the user is told, in French, of the copies left in read-only folders."""
        return [
            ReadOnlyFolderError.draft_copies_left(folder, count).user_message
            for folder, count in self.left_read_only.items()
        ]


def drafts_folder(
    client: IMAPClient, repo: MailRepository, account_id: int, name: str = DEFAULT_DRAFTS_NAME
) -> str:
    """The account's Drafts folder (by role, as the sync found it), created if missing."""
    folder = repo.folder_by_role(account_id, "drafts")
    if folder is not None:
        return folder.name
    if not client.folder_exists(name):
        client.create_folder(name)
    repo.upsert_folder(account_id, name, role="drafts")
    return name


def upload_draft(
    client: IMAPClient,
    repo: MailRepository,
    drafts: DraftStore,
    draft_id: int,
    *,
    folder_name: str = DEFAULT_DRAFTS_NAME,
) -> ServerCopy | None:
    """Put the draft's current version on the server in place of its previous copy.

    None when there is nothing to do: no such draft, no built message yet, this version
    is already there, or the draft is kept on this computer only (``local_only``). The
    copy it replaces is queued for ``remove_pending`` (which ``sync_server_drafts`` runs
    next). A refusal raises ``FolderUnavailableError`` with the server's words: for lack of
    rights (``NO [NOPERM]``, or a folder the sync found read-only) the draft becomes
    local-only, never tried again (``ReadOnlyFolderError``); otherwise (quota) it stays
    "to upload".
    """
    record = drafts.get(draft_id)
    if record is None or record.raw is None or record.on_server or record.local_only:
        return None  # a local-only draft was encrypted on the server: never sent in clear
    folder = drafts_folder(client, repo, record.account_id, folder_name)
    try:
        response = client.append(folder, record.raw, flags=DRAFT_FLAGS)
    except NETWORK_ERRORS:
        raise
    except IMAPClientError as exc:
        known = repo.folder_by_name(record.account_id, folder)
        if no_permission(exc) or (known is not None and known.read_only):
            drafts.keep_local(draft_id)
            raise ReadOnlyFolderError.draft_kept_local(folder, str(exc)) from exc
        raise FolderUnavailableError(
            f"APPEND to {folder!r} refused: {exc}",
            user_message=(
                f"Le brouillon n'a pas pu être enregistré dans le dossier « {folder} » du "
                f"serveur (réponse du serveur : « {exc} »). Il reste enregistré sur cet "
                "ordinateur."
            ),
        ) from exc
    copy = appended_copy(response, folder) or find_copy(client, folder, record.raw)
    kept = drafts.record_server_copy(
        draft_id,
        record.account_id,
        copy.folder,
        copy.uid,
        uidvalidity=copy.uidvalidity,
        version=record.version,
    )
    # The replaced copy (or this one, if the draft was deleted meanwhile) is now queued.
    return copy if kept else None


def appended_copy(response: Any, folder: str) -> ServerCopy | None:
    """From an APPENDUID response code (RFC 4315): ``[APPENDUID 38505 3955] ...``."""
    text = response if isinstance(response, bytes) else str(response).encode()
    match = _APPENDUID.search(text)
    if match is None:
        return None
    return ServerCopy(folder, int(match[1]), int(match[2]))


def find_copy(client: IMAPClient, folder: str, raw: bytes) -> ServerCopy:
    """Without UIDPLUS: the newest message of the folder with this draft's Message-ID."""
    selected, _read_only = open_folder(client, folder)  # it only reads
    uidvalidity = int(selected[b"UIDVALIDITY"])
    message_id = BytesHeaderParser(policy=compat32).parsebytes(raw).get("Message-ID", "")
    message_id = str(message_id).strip()
    if not message_id:
        log.info("draft without Message-ID: its server copy cannot be replaced later")
        return ServerCopy(folder, uidvalidity, None)
    found = client.search(["HEADER", "Message-ID", message_id])
    return ServerCopy(folder, uidvalidity, max(found) if found else None)


def remove_server_copy(client: IMAPClient, folder: str, uidvalidity: int | None, uid: int) -> bool:
    """Remove one copy; False when the folder's UIDs changed meaning (nothing touched).

    ``ReadOnlyFolderError`` when the server opens the folder read-only (nothing touched,
    the folder left EXAMINEd: the connection stays usable)."""
    selected = select_writable(client, folder)
    if uidvalidity is not None and int(selected[b"UIDVALIDITY"]) != uidvalidity:
        log.info("Drafts folder %r renumbered: old draft copy %s left alone", folder, uid)
        return False
    if uid not in client.search(["UID", str(uid)]):
        return True  # already gone (removed by another client)
    client.add_flags([uid], [b"\\Deleted"])
    if client.has_capability("UIDPLUS"):
        client.uid_expunge([uid])
    elif set(client.search(["DELETED"])) == {uid}:
        client.expunge()  # nothing else is waiting to be expunged: safe
    return True


def remove_pending(
    client: IMAPClient,
    drafts: DraftStore,
    account_id: int,
    repo: MailRepository | None = None,
    left_read_only: Counter[str] | None = None,
) -> int:
    """Remove the server copies of replaced, sent or discarded drafts (and, with ``repo``,
    the synced messages that showed them in the Drafts folder).

    A removal the folder refuses (gone, read-only) is dropped all the same; the copies
    left in a read-only folder are counted in ``left_read_only``, by folder."""
    removed = 0
    for removal in drafts.pending_removals(account_id):
        outcome = _remove_one(client, removal)
        if outcome == "removed":
            removed += 1
            if repo is not None:
                _forget_synced(repo, removal)
        elif outcome == "read-only" and left_read_only is not None:
            left_read_only[removal.folder] += 1
        drafts.removal_done(removal.id)
    return removed


def _forget_synced(repo: MailRepository, removal: ServerCopyRemoval) -> None:
    """The copy is gone from the server: its synced message goes from the list too."""
    if removal.uidvalidity is None:
        return  # which message it was is unknown: the next sync of the folder tells
    folder = repo.folder_by_name(removal.account_id, removal.folder)
    if folder is not None:
        repo.remove_uids(folder.id, removal.uidvalidity, [removal.uid])


def _remove_one(client: IMAPClient, removal: ServerCopyRemoval) -> Outcome:
    """ "removed" (or already gone), "left" (renumbered folder, or refused) or "read-only"
    (the server opens the folder read-only: the copy stays there)."""
    try:
        if remove_server_copy(client, removal.folder, removal.uidvalidity, removal.uid):
            return "removed"
        return "left"
    except ReadOnlyFolderError as exc:
        log.warning("draft copy %s left in read-only %r: %s", removal.uid, removal.folder, exc)
        return "read-only"
    except NETWORK_ERRORS:
        raise
    except IMAPClientError as exc:
        # The folder is gone or refuses changes: nothing left that we could remove.
        log.info("draft copy %s in %r not removed: %s", removal.uid, removal.folder, exc)
        return "left"


def has_work(drafts: DraftStore, account_id: int) -> bool:
    """Whether ``sync_server_drafts`` has anything to send (no connection needed to ask)."""
    return bool(drafts.needing_upload(account_id) or drafts.pending_removals(account_id))


def sync_server_drafts(
    client: IMAPClient, repo: MailRepository, drafts: DraftStore, account_id: int
) -> DraftsSynced:
    """Upload every draft not yet on the server; remove the copies no draft points to."""
    done = DraftsSynced()
    done.removed = remove_pending(client, drafts, account_id, repo, done.left_read_only)
    for record in drafts.needing_upload(account_id):
        try:
            if upload_draft(client, repo, drafts, record.id) is not None:
                done.uploaded.append(record.id)
        except FolderUnavailableError as exc:
            done.refused[record.id] = exc.user_message
    done.removed += remove_pending(client, drafts, account_id, repo, done.left_read_only)
    return done
