"""Outbox state machine: backoff, give-up, crash recovery, Sent copies.

The submit function is a scripted stand-in here so that each failure kind and the clock are
exact; the real SMTP path (outage, refusals, DSN) is in tests/integration/mail/test_outbox.py.
"""

from __future__ import annotations

import pytest

from mssclient.transport import outbox as outbox_module
from mssclient.transport.accounts import Account, PasswordAuth, Security, ServerSettings
from mssclient.transport.outbox import Outbox, backoff_seconds
from mssclient.transport.smtp_send import SendFailure, SendResult
from tests.unit.mailstore.helpers import add_account


class Clock:
    now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


class Scripted:
    def __init__(self, *outcomes: object) -> None:
        self.outcomes = list(outcomes)
        self.calls: list[tuple[str, list[str], bool]] = []

    def __call__(self, account, auth, raw, sender, recipients, *, request_dsn=False):  # type: ignore[no-untyped-def]
        self.calls.append((sender, recipients, request_dsn))
        outcome = self.outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome


def _setup(store):  # type: ignore[no-untyped-def]
    account_id = add_account(store)
    account = Account(
        id=account_id,
        address="moi@example.test",
        login="moi",
        imap=ServerSettings("imap.example.test", 993, Security.TLS),
        smtp=ServerSettings("smtp.example.test", 465, Security.TLS),
    )
    clock = Clock()
    return account, PasswordAuth("moi", "x"), Outbox(store, clock=clock), clock


OK = SendResult(("a@example.test",), {}, True, "env")
DOWN = SendFailure(
    server_words="[Errno 111] Connection refused", temporary=True, summary_fr="injoignable"
)


def test_backoff_doubles_and_caps():
    assert [backoff_seconds(n) for n in (1, 2, 3, 4)] == [30, 60, 120, 240]
    assert backoff_seconds(50) == 3600


def test_temporary_failures_back_off_then_succeed(temp_store):
    account, auth, outbox, clock = _setup(temp_store)
    outbox_id = outbox.enqueue(
        account.id, b"raw", "moi@example.test", ["a@example.test"], request_dsn=True
    )
    submit = Scripted(DOWN, DOWN, OK)
    [item] = outbox.send_due(account, auth, submit_fn=submit)
    assert (item.state, item.attempts, item.last_error) == ("queued", 1, DOWN.server_words)
    assert outbox.send_due(account, auth, submit_fn=submit) == []  # not due yet
    clock.now += 30
    [item] = outbox.send_due(account, auth, submit_fn=submit)
    assert (item.state, item.attempts) == ("queued", 2)
    assert item.next_attempt_at == int(clock.now) + 60
    assert outbox.next_due_in(account.id) == 60
    clock.now += 60
    [item] = outbox.send_due(account, auth, submit_fn=submit)
    assert item.state == "sent" and item.attempts == 3
    assert submit.calls[-1] == ("moi@example.test", ["a@example.test"], True)
    assert outbox.next_due_in(account.id) is None
    actions = [r[0] for r in temp_store.query("SELECT action FROM audit_log ORDER BY id")]
    assert actions.count("mail.send_failed") == 2 and "mail.send" in actions
    assert outbox.raw(outbox_id) == b"raw"


def test_permanent_failure_stops_and_retry_now_revives(temp_store):
    account, auth, outbox, _clock = _setup(temp_store)
    outbox_id = outbox.enqueue(account.id, b"raw", "moi@example.test", ["x@example.test"])
    refused = SendFailure(
        server_words="554 5.7.1 Relay denied", temporary=False, summary_fr="refusé"
    )
    [item] = outbox.send_due(account, auth, submit_fn=Scripted(refused))
    assert item.state == "failed" and item.last_error == "554 5.7.1 Relay denied"
    outbox.retry_now(outbox_id)
    [item] = outbox.send_due(account, auth, submit_fn=Scripted(OK))
    assert item.state == "sent"


def test_gives_up_after_max_attempts(temp_store, monkeypatch: pytest.MonkeyPatch):
    account, auth, outbox, clock = _setup(temp_store)
    monkeypatch.setattr(outbox_module, "MAX_ATTEMPTS", 2)
    outbox.enqueue(account.id, b"raw", "moi@example.test", ["a@example.test"])
    outbox.send_due(account, auth, submit_fn=Scripted(DOWN))
    clock.now += 3600
    [item] = outbox.send_due(account, auth, submit_fn=Scripted(DOWN))
    assert item.state == "failed" and item.attempts == 2


def test_a_crash_while_sending_is_retried(temp_store):
    account, auth, outbox, _clock = _setup(temp_store)
    outbox_id = outbox.enqueue(account.id, b"raw", "moi@example.test", ["a@example.test"])
    temp_store.execute("UPDATE mail_outbox SET state = 'sending' WHERE id = ?", (outbox_id,))
    [item] = outbox.send_due(account, auth, submit_fn=Scripted(OK))
    assert item.state == "sent"


def test_unexpected_transport_error_is_stored_not_raised(temp_store):
    from mssclient.security.tls import CertificateVerificationError

    account, auth, outbox, _clock = _setup(temp_store)
    outbox.enqueue(account.id, b"raw", "moi@example.test", ["a@example.test"])
    error = CertificateVerificationError("verify failed", user_message="Le certificat …")
    [item] = outbox.send_due(account, auth, submit_fn=Scripted(error))
    assert item.state == "failed" and item.last_error_fr == "Le certificat …"


def test_sent_copies_are_saved_once_and_retried_after_failure(temp_store):
    account, auth, outbox, _clock = _setup(temp_store)
    outbox.enqueue(account.id, b"one", "moi@example.test", ["a@example.test"])
    outbox.enqueue(account.id, b"two", "moi@example.test", ["a@example.test"])
    copied: list[bytes] = []

    def flaky(raw: bytes) -> None:
        if raw == b"two" and not copied.count(b"one") > 1:
            copied.append(b"one")  # remember we failed once
            raise OSError("connection reset")
        copied.append(raw)

    outbox.send_due(account, auth, submit_fn=Scripted(OK, OK), copy_to_sent=flaky)
    states = {i.id: i.sent_copy_saved for i in outbox.items(account.id)}
    assert list(states.values()) == [True, False]
    assert outbox.save_sent_copies(account.id, copied.append) == 1
    assert outbox.purge_sent(account.id) == 2
    assert outbox.items() == []
