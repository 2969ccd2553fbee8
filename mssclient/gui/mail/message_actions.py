"""Actions on listed messages: read/unread, follow-up flag, archive, delete.

Each change is written to the store at once (so the list reflects it) and queued for
the server by the repository; the account's worker then syncs the folder, which pushes
the queue first. Offline, the queue simply waits for the next sync.

A message in a folder the server opens read-only (``FolderRecord.read_only``) can be
neither deleted nor moved: those actions raise ``ReadOnlyFolderError`` before anything
changes, instead of the message vanishing here and coming back at the next sync. Marking
it read or flagged stays possible (kept on this computer only).
"""

from __future__ import annotations

from collections.abc import Sequence

from mssclient.mailstore import MailRepository
from mssclient.transport.imap_sync import refuse_read_only


def set_seen(repo: MailRepository, message_ids: Sequence[int], seen: bool) -> int:
    return repo.set_flag(message_ids, "\\Seen", seen)


def set_flagged(repo: MailRepository, message_ids: Sequence[int], flagged: bool) -> int:
    return repo.set_flag(message_ids, "\\Flagged", flagged)


def delete(repo: MailRepository, account_id: int, message_ids: Sequence[int]) -> int:
    """To the Trash; from the Trash itself (or with no Trash folder), deleted for good.
    Refused (``ReadOnlyFolderError``, nothing changed) in a read-only folder."""
    refuse_read_only(repo, message_ids)
    trash = repo.folder_by_role(account_id, "trash")
    to_trash: list[int] = []
    for_good: list[int] = []
    for message_id in message_ids:
        row = repo.message(message_id)
        if row is None:
            continue
        if trash is not None and row.folder_id != trash.id:
            to_trash.append(message_id)
        else:
            for_good.append(message_id)
    done = 0
    if to_trash and trash is not None:
        done += repo.queue_move(to_trash, trash.name)
    if for_good:
        done += repo.queue_expunge(for_good)
    return done


def archive_locally(repo: MailRepository, account_id: int, message_ids: Sequence[int]) -> bool:
    """Move to the known Archive folder; False when the account has none yet. Refused
    (``ReadOnlyFolderError``, nothing changed) in a read-only folder."""
    refuse_read_only(repo, message_ids)
    folder = repo.folder_by_role(account_id, "archive")
    if folder is None:
        return False
    repo.queue_move(message_ids, folder.name)
    return True
