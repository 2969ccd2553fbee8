"""The copy of a sent message that the Sent folder refuses: dropped for good after a
refusal for lack of rights, kept for later after anything passing. No server here (a
scripted IMAP client); the real Dovecot answer is checked in
tests/integration/mail/test_read_only_folder.py."""

from __future__ import annotations

import imaplib

import pytest
from imapclient.exceptions import IMAPClientError

from mssclient.mailstore import MailRepository
from mssclient.store import Store
from mssclient.transport.errors import ReadOnlyFolderError, no_permission
from mssclient.transport.events import Event, WorkerError
from mssclient.transport.outbox import Outbox, append_to_sent
from tests.unit.mailstore.helpers import inbox

NOPERM = IMAPClientError("append failed: [NOPERM] Permission denied (0.001 + 0.000 secs).")
OVERQUOTA = IMAPClientError("append failed: [OVERQUOTA] Quota exceeded (mailbox for user is full)")


class ScriptedClient:
    """Answers APPEND with the next scripted outcome (an exception, or b"OK")."""

    def __init__(self, *outcomes: object) -> None:
        self.outcomes = list(outcomes)
        self.appended: list[tuple[str, bytes]] = []

    def folder_exists(self, name: str) -> bool:
        return True

    def append(self, folder: str, raw: bytes, flags: object = ()) -> bytes:
        outcome = self.outcomes.pop(0) if self.outcomes else b"OK"
        if isinstance(outcome, BaseException):
            raise outcome
        self.appended.append((folder, raw))
        return b"[APPENDUID 1 1] Append completed."


def _setup(store: Store, *, read_only: bool = False) -> tuple[MailRepository, int, Outbox]:
    repo, account_id, _inbox = inbox(store)
    sent = repo.upsert_folder(account_id, "Sent", role="sent")
    repo.set_folder_read_only(sent.id, read_only)
    return repo, account_id, Outbox(store)


def _sent(outbox: Outbox, account_id: int, *raws: bytes) -> list[int]:
    ids = [outbox.enqueue(account_id, raw, "moi@example.test", ["a@example.test"]) for raw in raws]
    outbox.store.execute("UPDATE mail_outbox SET state = 'sent'")
    return ids


def _waiting(outbox: Outbox, account_id: int) -> list[int]:
    return [i.id for i in outbox.items(account_id) if i.state == "sent" and not i.sent_copy_saved]


def test_noperm_is_told_apart_from_other_refusals():
    assert no_permission(NOPERM)
    assert not no_permission(OVERQUOTA)
    assert not no_permission(IMAPClientError("append failed: [TRYCREATE] Mailbox doesn't exist"))


def test_a_refusal_for_lack_of_rights_raises_read_only_in_french(temp_store: Store):
    repo, account_id, _outbox = _setup(temp_store)
    with pytest.raises(ReadOnlyFolderError) as caught:
        append_to_sent(ScriptedClient(NOPERM), repo, account_id, b"raw")  # type: ignore[arg-type]
    assert caught.value.folder == "Sent"
    assert "[NOPERM]" in str(caught.value)
    assert "classée dans « Envoyés »" in caught.value.user_message
    # Another refusal on a writable folder: passed on as it is (retried later).
    with pytest.raises(IMAPClientError):
        append_to_sent(ScriptedClient(OVERQUOTA), repo, account_id, b"raw")  # type: ignore[arg-type]


def test_any_refusal_of_a_folder_known_read_only_is_for_good(temp_store: Store):
    repo, account_id, _outbox = _setup(temp_store, read_only=True)
    with pytest.raises(ReadOnlyFolderError):
        append_to_sent(ScriptedClient(OVERQUOTA), repo, account_id, b"raw")  # type: ignore[arg-type]
    with pytest.raises(imaplib.IMAP4.abort):  # a lost connection stays a lost connection
        append_to_sent(
            ScriptedClient(imaplib.IMAP4.abort("socket error")),  # type: ignore[arg-type]
            repo,
            account_id,
            b"raw",
        )


def test_refused_copies_are_dropped_and_told_once_per_run(temp_store: Store):
    repo, account_id, outbox = _setup(temp_store)
    events: list[Event] = []
    outbox.on_event = events.append
    _sent(outbox, account_id, b"one", b"two")
    client = ScriptedClient(NOPERM, NOPERM)

    def copy(raw: bytes) -> None:
        append_to_sent(client, repo, account_id, raw)  # type: ignore[arg-type]

    saved = outbox.save_sent_copies(account_id, copy)

    assert saved == 0 and client.appended == []
    assert _waiting(outbox, account_id) == [], "nothing left to retry"
    [told] = [e for e in events if isinstance(e, WorkerError)]
    assert told.user_message.startswith(
        "Les 2 messages ont bien été envoyés, mais leurs copies n'ont pas pu être classées "
        "dans « Envoyés » : le dossier « Sent » est en lecture seule sur le serveur."
    )
    # The next run has nothing to do, and says nothing.
    assert outbox.save_sent_copies(account_id, copy) == 0
    assert len([e for e in events if isinstance(e, WorkerError)]) == 1
    assert temp_store.audit.count("mail.sent_copy_dropped") == 2


@pytest.mark.parametrize("passing", [OVERQUOTA, OSError("connection reset")])
def test_passing_failures_are_still_retried(temp_store: Store, passing: BaseException):
    repo, account_id, outbox = _setup(temp_store)
    events: list[Event] = []
    outbox.on_event = events.append
    ids = _sent(outbox, account_id, b"one")
    client = ScriptedClient(passing)

    def copy(raw: bytes) -> None:
        append_to_sent(client, repo, account_id, raw)  # type: ignore[arg-type]

    assert outbox.save_sent_copies(account_id, copy) == 0
    assert _waiting(outbox, account_id) == ids
    assert not [e for e in events if isinstance(e, WorkerError)]
    assert outbox.save_sent_copies(account_id, copy) == 1
    assert client.appended == [("Sent", b"one")] and _waiting(outbox, account_id) == []
