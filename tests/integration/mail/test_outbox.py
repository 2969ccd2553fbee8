"""Outbox against real SMTP servers: outage then delivery; refusals with the server's words."""

from __future__ import annotations

import asyncio
import smtplib
import socket
import ssl
import time
from collections.abc import Iterator

import pytest
from aiosmtpd.controller import Controller

from mssclient.mailstore import MailRepository
from mssclient.transport.accounts import Account, PasswordAuth, Security, ServerSettings
from mssclient.transport.outbox import Outbox, backoff_seconds
from mssclient.transport.smtp_send import submit
from tests.integration.mail.messages import build, crlf

pytestmark = pytest.mark.integration


class Clock:
    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


def test_sending_while_the_server_is_down_queues_then_delivers(mail_env, make_store, make_sync):
    store_a, store_b = make_store("sender"), make_store("receiver")
    sender, sender_auth = mail_env.new_account(store_a, "envoi")
    receiver, receiver_auth = mail_env.new_account(store_b, "reception")
    clock = Clock()
    outbox = Outbox(store_a, clock=clock)
    message = build(sender.address, receiver.address, "Résultats à transmettre", "Bonjour.")
    mail_env.stop_smtp()
    try:
        outbox_id = outbox.enqueue(sender.id, crlf(message), sender.address, [receiver.address])
        [item] = outbox.send_due(sender, sender_auth)
        assert item.state == "queued"
        assert item.attempts == 1
        assert item.last_error  # the system's own words (connection refused)
        assert "injoignable" in item.last_error_fr
        assert item.next_attempt_at == int(clock.now) + backoff_seconds(1)
        # Not due yet: nothing is tried.
        assert outbox.send_due(sender, sender_auth) == []
    finally:
        mail_env.start_smtp()
    clock.now += backoff_seconds(1)
    [item] = outbox.send_due(sender, sender_auth)
    assert item.state == "sent", item.last_error
    assert item.attempts == 2

    engine = make_sync(store_b, receiver, receiver_auth)
    repo = MailRepository(store_b)
    for _ in range(40):
        engine.sync_folder("INBOX")
        rows = repo.page(repo.folder_by_name(receiver.id, "INBOX").id)
        if rows:
            break
        time.sleep(0.25)
    assert [r.message_id for r in rows] == [str(message["Message-ID"])]
    assert outbox.item(outbox_id).state == "sent"


def test_submission_requests_dsn_when_offered(mail_env, make_store):
    store = make_store("dsn")
    sender, auth = mail_env.new_account(store, "dsn")
    context = ssl.create_default_context(cafile=str(mail_env.ca_path))
    if mail_env.smtp_security is Security.TLS:
        probe: smtplib.SMTP = smtplib.SMTP_SSL(
            mail_env.host, mail_env.smtp_port, context=context, timeout=10
        )
    else:
        probe = smtplib.SMTP(mail_env.host, mail_env.smtp_port, timeout=10)
        probe.starttls(context=context)
    probe.ehlo()
    offered = probe.has_extn("dsn")
    probe.quit()
    message = build(sender.address, sender.address, "Accusé de remise", "Test DSN")
    result = submit(sender, auth, crlf(message), sender.address, [sender.address], request_dsn=True)
    assert result.accepted == (sender.address,)
    assert result.dsn_requested is offered


# -- refusals: a real SMTP server on loopback whose replies the test chooses ----------------
class RefusingHandler:
    """Refuses one recipient for good and another for now; records what it accepted."""

    def __init__(self) -> None:
        self.accepted: list[tuple[list[str], bytes]] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # type: ignore[no-untyped-def]
        if address.startswith("inconnu@"):
            return "550 5.1.1 <inconnu@example.test>: Recipient address rejected: User unknown"
        if address.startswith("plein@"):
            return "452 4.2.2 Mailbox full, try again later"
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        self.accepted.append((list(envelope.rcpt_tos), envelope.original_content))
        return "250 Message accepted"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class NoAuth:
    """This loopback test server needs no login (AUTH is exercised against the real ones)."""

    def authenticate_imap(self, client: object) -> None:
        raise AssertionError("not used")

    def authenticate_smtp(self, smtp: smtplib.SMTP) -> None:
        return None


@pytest.fixture
def refusing_server() -> Iterator[tuple[Account, RefusingHandler]]:
    handler = RefusingHandler()
    port = _free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    account = Account(
        id=1,
        address="moi@example.test",
        login="moi",
        imap=ServerSettings("127.0.0.1", 1, Security.PLAIN),
        smtp=ServerSettings("127.0.0.1", port, Security.PLAIN),
    )
    try:
        yield account, handler
    finally:
        controller.stop()
        asyncio.set_event_loop(None)


def test_permanent_refusal_keeps_the_servers_words(refusing_server, temp_store):
    account, handler = refusing_server
    temp_store.execute(
        "INSERT INTO mail_accounts(id, address, login, imap_host, imap_port, imap_security, "
        "smtp_host, smtp_port, smtp_security, created_at) VALUES "
        "(1, 'moi@example.test', 'moi', '127.0.0.1', 1, 'plain', '127.0.0.1', 2, 'plain', 'x')"
    )
    outbox = Outbox(temp_store)
    outbox.enqueue(1, b"Subject: x\r\n\r\ny\r\n", "moi@example.test", ["inconnu@example.test"])
    [item] = outbox.send_due(account, NoAuth())
    assert item.state == "failed"
    assert "550 5.1.1" in item.last_error and "User unknown" in item.last_error
    assert "refusé" in item.last_error_fr and "inconnu@example.test" in item.last_error_fr
    assert item.refused["inconnu@example.test"][0] == 550
    assert handler.accepted == []


def test_temporary_refusal_is_retried_and_partial_refusal_reported(refusing_server, temp_store):
    account, handler = refusing_server
    temp_store.execute(
        "INSERT INTO mail_accounts(id, address, login, imap_host, imap_port, imap_security, "
        "smtp_host, smtp_port, smtp_security, created_at) VALUES "
        "(1, 'moi@example.test', 'moi', '127.0.0.1', 1, 'plain', '127.0.0.1', 2, 'plain', 'x')"
    )
    outbox = Outbox(temp_store)
    outbox.enqueue(1, b"Subject: x\r\n\r\ny\r\n", "moi@example.test", ["plein@example.test"])
    outbox.enqueue(
        1,
        b"Subject: z\r\n\r\nz\r\n",
        "moi@example.test",
        ["ami@example.test", "inconnu@example.test"],
    )
    full, partial = outbox.send_due(account, NoAuth())
    assert full.state == "queued" and full.attempts == 1
    assert "452 4.2.2 Mailbox full" in full.last_error
    assert partial.state == "sent"
    assert list(partial.refused) == ["inconnu@example.test"]
    assert "inconnu@example.test" in partial.last_error_fr
    assert [rcpts for rcpts, _ in handler.accepted] == [["ami@example.test"]]


def test_plaintext_to_a_remote_host_is_refused(temp_store):
    from mssclient.security.tls import PlaintextRefusedError

    remote = Account(
        id=1,
        address="moi@example.test",
        login="moi",
        imap=ServerSettings("imap.example.test", 143, Security.PLAIN),
        smtp=ServerSettings("smtp.example.test", 25, Security.PLAIN),
    )
    with pytest.raises(PlaintextRefusedError) as caught:
        submit(remote, NoAuth(), b"x", "moi@example.test", ["a@example.test"])
    assert "non chiffrée" in caught.value.user_message
    auth = PasswordAuth("moi", "pw")
    from mssclient.transport.imap_connection import connect_imap

    with pytest.raises(PlaintextRefusedError):
        connect_imap(remote, auth)
