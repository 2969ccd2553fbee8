"""The real-server fixtures work: TLS logins, submission to another user, IDLE, outages."""

from __future__ import annotations

import email.utils
import imaplib
import smtplib
import ssl
import time
from email import policy
from email.message import EmailMessage

import pytest
from imapclient import IMAPClient

from tests.integration.servers import MailServers

pytestmark = pytest.mark.integration


def _tls(servers: MailServers) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(servers.ca_path))


def _wait_for_message(
    servers: MailServers, address: str, password: str, message_id: str, timeout: float = 20
) -> bytes:
    """Delivery through Postfix's queue is asynchronous: poll the INBOX for the message."""
    deadline = time.monotonic() + timeout
    with IMAPClient(servers.host, servers.imap_port, ssl_context=_tls(servers)) as client:
        client.login(address, password)
        client.select_folder("INBOX", readonly=True)
        while True:
            uids = client.search(["HEADER", "Message-ID", message_id])
            if uids:
                return bytes(client.fetch(uids[-1:], ["BODY.PEEK[]"])[uids[-1]][b"BODY[]"])
            if time.monotonic() > deadline:
                raise AssertionError(f"{message_id} not delivered to {address}")
            time.sleep(0.1)
            client.noop()


def _message(sender: str, recipient: str, message_id: str) -> bytes:
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = sender
    message["To"] = recipient
    message["Subject"] = "Compte rendu – épisode cutané"
    message["Message-ID"] = message_id
    message["Date"] = email.utils.format_datetime(email.utils.localtime())
    message.set_content("Bonjour,\nVoici le compte rendu.\n")
    message.add_attachment(
        b"%PDF-1.4\n" + bytes(range(256)),
        maintype="application",
        subtype="pdf",
        filename="compte-rendu-été.pdf",
    )
    return message.as_bytes()


def test_imap_login_over_tls_verifies_the_ca(running_mail_servers: MailServers) -> None:
    servers = running_mail_servers
    address = servers.add_user("tls.user", "pw-tls")
    client = imaplib.IMAP4_SSL(servers.host, servers.imap_port, ssl_context=_tls(servers))
    try:
        client.login(address, "pw-tls")
        capabilities = client.capability()[1][0].split()
        assert {b"IDLE", b"CONDSTORE", b"QRESYNC", b"SPECIAL-USE", b"MOVE"} <= set(capabilities)
    finally:
        client.logout()
    with pytest.raises(ssl.SSLCertVerificationError):
        imaplib.IMAP4_SSL(
            servers.host, servers.imap_port, ssl_context=ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        )


def test_imap_starttls_port_upgrades_to_verified_tls(running_mail_servers: MailServers) -> None:
    # Dovecot counts a loopback client as "secured" and would accept a password before
    # STARTTLS here; refusing that is the client's job (tested with the client).
    servers = running_mail_servers
    address = servers.add_user("starttls.user", "pw-st")
    client = imaplib.IMAP4(servers.host, servers.imap_starttls_port)
    try:
        assert "STARTTLS" in client.capabilities
        client.starttls(_tls(servers))
        client.login(address, "pw-st")
        assert client.select("Sent")[0] == "OK"
    finally:
        client.logout()


def test_submission_with_auth_reaches_the_other_users_inbox(
    running_mail_servers: MailServers,
) -> None:
    servers = running_mail_servers
    alice = servers.add_user("alice", "pw-alice")
    bob = servers.add_user("bob", "pw-bob")
    raw = _message(alice, bob, "<fixture-1@example.test>")
    with smtplib.SMTP_SSL(servers.host, servers.smtp_port, context=_tls(servers)) as smtp:
        smtp.login(alice, "pw-alice")
        assert smtp.sendmail(alice, [bob], raw) == {}
    delivered = _wait_for_message(servers, bob, "pw-bob", "<fixture-1@example.test>")
    # Postfix adds trace headers on top; the message itself arrives unchanged.
    assert delivered.endswith(raw)

    with smtplib.SMTP(servers.host, servers.smtp_starttls_port) as smtp:
        smtp.ehlo()
        assert not smtp.has_extn("auth")  # no password before TLS
        smtp.starttls(context=_tls(servers))
        smtp.login(bob, "pw-bob")
        smtp.sendmail(bob, [alice], _message(bob, alice, "<fixture-2@example.test>"))
    _wait_for_message(servers, alice, "pw-alice", "<fixture-2@example.test>")


def test_submission_refuses_bad_password_and_unknown_recipient(
    running_mail_servers: MailServers,
) -> None:
    servers = running_mail_servers
    carol = servers.add_user("carol", "pw-carol")
    with (
        smtplib.SMTP_SSL(servers.host, servers.smtp_port, context=_tls(servers)) as smtp,
        pytest.raises(smtplib.SMTPAuthenticationError),
    ):
        smtp.login(carol, "wrong")
    with smtplib.SMTP_SSL(servers.host, servers.smtp_port, context=_tls(servers)) as smtp:
        smtp.login(carol, "pw-carol")
        with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
            smtp.sendmail(carol, ["nobody@example.test"], b"Subject: x\r\n\r\nx\r\n")
    assert refused.value.recipients["nobody@example.test"][0] == 550


def test_idle_sees_a_new_message(running_mail_servers: MailServers) -> None:
    servers = running_mail_servers
    dave = servers.add_user("dave", "pw-dave")
    with IMAPClient(servers.host, servers.imap_port, ssl_context=_tls(servers)) as client:
        client.login(dave, "pw-dave")
        client.select_folder("INBOX")
        client.idle()
        try:
            servers.deliver(dave, b"Subject: push\r\nMessage-ID: <idle@x>\r\n\r\nhop\r\n")
            responses = client.idle_check(timeout=15)
        finally:
            client.idle_done()
    assert any(r[1] == b"EXISTS" for r in responses), responses


def test_deliver_into_another_folder(running_mail_servers: MailServers) -> None:
    servers = running_mail_servers
    erin = servers.add_user("erin", "pw-erin")
    servers.deliver(erin, b"Subject: brouillon\r\n\r\ntexte\r\n", folder="Drafts")
    with IMAPClient(servers.host, servers.imap_port, ssl_context=_tls(servers)) as client:
        client.login(erin, "pw-erin")
        assert client.select_folder("Drafts")[b"EXISTS"] == 1


def test_mail_sent_while_imap_is_down_arrives_after_restart(
    running_mail_servers: MailServers,
) -> None:
    servers = running_mail_servers
    frank = servers.add_user("frank", "pw-frank")
    grace = servers.add_user("grace", "pw-grace")
    servers.stop_imap()
    with pytest.raises(OSError):
        imaplib.IMAP4_SSL(servers.host, servers.imap_port, ssl_context=_tls(servers))
    servers.start_imap()
    with smtplib.SMTP_SSL(servers.host, servers.smtp_port, context=_tls(servers)) as smtp:
        smtp.login(frank, "pw-frank")
        servers.stop_imap()  # LMTP goes away: Postfix keeps the message in its queue
        smtp.sendmail(frank, [grace], _message(frank, grace, "<outage@example.test>"))
    servers.start_imap()  # and flushes the queue
    _wait_for_message(servers, grace, "pw-grace", "<outage@example.test>", timeout=30)


def test_smtp_outage_refuses_connections_then_recovers(running_mail_servers: MailServers) -> None:
    servers = running_mail_servers
    heidi = servers.add_user("heidi", "pw-heidi")
    servers.stop_smtp()
    with pytest.raises(OSError):
        smtplib.SMTP_SSL(servers.host, servers.smtp_port, context=_tls(servers), timeout=5)
    servers.start_smtp()
    with smtplib.SMTP_SSL(servers.host, servers.smtp_port, context=_tls(servers)) as smtp:
        smtp.login(heidi, "pw-heidi")
        assert smtp.noop()[0] == 250
