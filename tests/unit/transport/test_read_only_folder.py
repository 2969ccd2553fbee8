"""A folder the server opens read-only: what the engine decides without a server.

The server side (SELECT answering [READ-ONLY], EXAMINE on the same connection) is checked
against a real Dovecot in tests/integration/mail/test_read_only_folder.py.
"""

from __future__ import annotations

import imaplib

import pytest

from mssclient.mailstore import MailRepository
from mssclient.store import Store
from mssclient.transport.errors import FolderUnavailableError, ReadOnlyFolderError
from mssclient.transport.imap_sync import MailSync, sort_read_only_ops
from mssclient.transport.parsing import ParsePool
from tests.unit.mailstore.helpers import inbox, message

VALIDITY = 7


def test_only_flag_changes_on_stored_messages_are_kept():
    ops = [
        (1, VALIDITY, 10, "add_flags", "\\Seen"),
        (2, VALIDITY, 11, "remove_flags", "\\Flagged"),
        (3, VALIDITY, 99, "add_flags", "\\Seen"),  # message no longer stored
        (4, VALIDITY, 12, "move", "Trash"),
        (5, VALIDITY, 13, "expunge", ""),
        (6, VALIDITY - 1, 10, "add_flags", "\\Seen"),  # older UIDVALIDITY: void
    ]
    sorted_ops = sort_read_only_ops(ops, VALIDITY, local={10, 11})
    assert sorted_ops.kept == [1, 2]
    assert sorted_ops.dropped == [3, 4, 5, 6]
    assert sorted_ops.refused == {12, 13}


def test_read_only_errors_speak_french_and_are_not_a_lost_connection():
    error = ReadOnlyFolderError("Partage")
    assert isinstance(error, FolderUnavailableError)
    assert not isinstance(error, imaplib.IMAP4.abort)
    assert error.user_message.startswith("Le dossier « Partage » est en lecture seule")
    assert error.folder == "Partage"
    assert "un message n'a pas pu être déplacé" in (
        ReadOnlyFolderError.moves_dropped("Partage", 1).user_message
    )
    assert "3 messages n'ont pas pu être déplacés" in (
        ReadOnlyFolderError.moves_dropped("Partage", 3).user_message
    )
    assert "Rien n'a été modifié" in ReadOnlyFolderError.move_refused("Partage").user_message
    assert "cet ordinateur" in ReadOnlyFolderError.flags_kept_local("Partage").user_message


def test_the_folder_row_records_read_only(temp_store: Store):
    repo, account_id, folder_id = inbox(temp_store)
    assert repo.folder(folder_id).read_only is False  # migration default
    repo.set_folder_read_only(folder_id, True)
    assert repo.folder(folder_id).read_only is True
    assert [f.read_only for f in repo.folders(account_id)] == [True]
    # A refreshed folder list keeps it (only a SELECT says otherwise).
    repo.upsert_folder(account_id, "INBOX", role="inbox")
    assert repo.folder_by_name(account_id, "INBOX").read_only is True
    repo.set_folder_read_only(folder_id, False)
    assert repo.folder(folder_id).read_only is False


def _offline_engine(repo: MailRepository, account_id: int) -> MailSync:
    def connect() -> None:
        raise AssertionError("no connection should be needed")

    return MailSync(account_id, repo, connect, parse_pool=ParsePool(0))  # type: ignore[arg-type]


@pytest.mark.parametrize("action", ["delete", "move", "archive"])
def test_moving_out_of_a_read_only_folder_is_refused_before_anything_changes(
    temp_store: Store, action: str
):
    repo, account_id, folder_id = inbox(temp_store)
    repo.add_messages(folder_id, VALIDITY, [message(1)])
    repo.upsert_folder(account_id, "Trash", role="trash")
    repo.upsert_folder(account_id, "Archives", role="archive")
    repo.set_folder_read_only(folder_id, True)
    engine = _offline_engine(repo, account_id)
    row = repo.message_by_uid(folder_id, 1)
    assert row is not None

    with pytest.raises(ReadOnlyFolderError) as caught:
        if action == "delete":
            engine.delete([row.id])
        elif action == "move":
            engine.move([row.id], "Trash")
        else:
            engine.archive([row.id])

    assert "Rien n'a été modifié" in caught.value.user_message
    assert repo.message(row.id) is not None
    assert repo.pending_ops(folder_id) == []


def test_flag_changes_in_a_read_only_folder_are_stored(temp_store: Store):
    repo, account_id, folder_id = inbox(temp_store)
    repo.add_messages(folder_id, VALIDITY, [message(1)])
    repo.set_folder_read_only(folder_id, True)
    engine = _offline_engine(repo, account_id)
    row = repo.message_by_uid(folder_id, 1)
    assert row is not None

    engine.set_flag([row.id], "\\Flagged", True)  # offline: nothing sent now

    stored = repo.message(row.id)
    assert stored is not None and stored.flagged
    assert [op[3] for op in repo.pending_ops(folder_id)] == ["add_flags"]


def test_draft_copies_left_in_a_read_only_folder_are_told_in_french():
    from mssclient.transport.server_drafts import DraftsSynced

    done = DraftsSynced()
    assert done.notices == []
    done.left_read_only["Drafts"] += 1
    assert done.notices == [
        "Le dossier « Drafts » est en lecture seule sur le serveur : l'ancienne copie d'un "
        "brouillon (remplacé, envoyé ou supprimé ici) n'a pas pu y être effacée ; elle y reste."
    ]
    done.left_read_only["Drafts"] += 2
    assert "les anciennes copies de 3 brouillons" in done.notices[0]
