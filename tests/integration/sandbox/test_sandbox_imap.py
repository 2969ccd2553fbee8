"""The sandbox IMAP server, driven by the standard library's imaplib and by imapclient."""

from __future__ import annotations

import email
import imaplib
import socket
import ssl
from email import policy

import pytest
from imapclient import IMAPClient

from mssclient.sandbox import DERMATOLOGIST, DERMATOLOGY, GP, NURSE, Sandbox
from mssclient.transport.idle_lines import wait_for_idle_answers

pytestmark = pytest.mark.integration


def _login(sandbox: Sandbox, tls: ssl.SSLContext, address: str, password: str) -> imaplib.IMAP4:
    client = imaplib.IMAP4_SSL(sandbox.host, sandbox.imap_port, ssl_context=tls)
    client.login(address, password)
    return client


def _fetch_all(client: imaplib.IMAP4, folder: str = "INBOX") -> list[bytes]:
    client.select(folder, readonly=True)
    typ, data = client.uid("SEARCH", "ALL")
    assert typ == "OK"
    raws = []
    for uid in data[0].split():
        typ, parts = client.uid("FETCH", uid, "(BODY.PEEK[])")
        assert typ == "OK"
        raws.append(parts[0][1])
    return raws


def test_login_over_tls_verifies_the_sandbox_ca(sandbox: Sandbox, tls: ssl.SSLContext) -> None:
    client = _login(sandbox, tls, NURSE.address, NURSE.password)
    try:
        typ, data = client.capability()
        capabilities = data[0].split()
        assert typ == "OK"
        assert {b"IDLE", b"MOVE", b"UIDPLUS", b"SPECIAL-USE"} <= set(capabilities)
    finally:
        client.logout()


def test_a_client_without_the_ca_refuses_the_server(sandbox: Sandbox) -> None:
    empty = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # verifies, but trusts nothing
    with pytest.raises(ssl.SSLCertVerificationError):
        imaplib.IMAP4_SSL(sandbox.host, sandbox.imap_port, ssl_context=empty)


def test_starttls_port_requires_tls_before_login(sandbox: Sandbox, tls: ssl.SSLContext) -> None:
    client = imaplib.IMAP4(sandbox.host, sandbox.imap_starttls_port)
    try:
        assert "STARTTLS" in client.capabilities
        assert "AUTH=PLAIN" not in client.capabilities  # no password in clear
        assert "LOGINDISABLED" in client.capabilities
        typ, _ = client._simple_command("LOGIN", GP.address, GP.password)  # a careless client
        assert typ != "OK"
        client.starttls(tls)
        client.login(GP.address, GP.password)
        assert client.select("INBOX")[0] == "OK"
    finally:
        client.logout()


def test_login_ignores_the_case_of_the_address(sandbox: Sandbox, tls: ssl.SSLContext) -> None:
    client = _login(sandbox, tls, "Claire.Martin@Infirmiers.Sandbox.MSSante.fr", NURSE.password)
    assert client.select("INBOX", readonly=True)[0] == "OK"
    client.logout()


def test_wrong_password_is_refused(sandbox: Sandbox, tls: ssl.SSLContext) -> None:
    client = imaplib.IMAP4_SSL(sandbox.host, sandbox.imap_port, ssl_context=tls)
    try:
        with pytest.raises(imaplib.IMAP4.error, match="AUTHENTICATIONFAILED"):
            client.login(NURSE.address, "not-the-password")
    finally:
        client.shutdown()


def test_seeded_conversations_are_present(sandbox: Sandbox, tls: ssl.SSLContext) -> None:
    nurse = _login(sandbox, tls, NURSE.address, NURSE.password)
    try:
        inbox = [email.message_from_bytes(raw, policy=policy.default) for raw in _fetch_all(nurse)]
        sent = [
            email.message_from_bytes(r, policy=policy.default) for r in _fetch_all(nurse, "Sent")
        ]
    finally:
        nurse.logout()
    reply = next(m for m in inbox if m["From"].addresses[0].addr_spec == DERMATOLOGY.address)
    assert str(reply["Subject"]).startswith("Re: Avis plaie : escarre talonnière")
    question = next(m for m in sent if "escarre talonnière" in str(m["Subject"]))
    assert reply["In-Reply-To"] == question["Message-ID"]
    photo = next(question.iter_attachments())
    assert photo.get_content_type() == "image/png"
    assert photo.get_content().startswith(b"\x89PNG\r\n\x1a\n")

    derm = _login(sandbox, tls, DERMATOLOGIST.address, DERMATOLOGIST.password)
    try:
        raws = _fetch_all(derm)
    finally:
        derm.logout()
    letter_raw = next(r for r in raws if b"courrier-adressage" in r)
    # Non-ASCII headers travel as RFC 2047 encoded words, never as raw 8-bit.
    subject_line = next(ln for ln in letter_raw.split(b"\r\n") if ln.startswith(b"Subject:"))
    assert b"=?utf-8?" in subject_line.lower()
    letter = email.message_from_bytes(letter_raw, policy=policy.default)
    assert "lésion pigmentée" in str(letter["Subject"])
    pdf = next(letter.iter_attachments())
    assert pdf.get_content_type() == "application/pdf"
    assert pdf.get_content().startswith(b"%PDF-1.4")
    assert letter["Disposition-Notification-To"]


def test_organisational_mailbox_opens_with_its_password_or_a_members_login(
    sandbox: Sandbox, tls: ssl.SSLContext
) -> None:
    own = _login(sandbox, tls, DERMATOLOGY.address, DERMATOLOGY.password)
    own.select("INBOX", readonly=True)
    own_count = own.uid("SEARCH", "ALL")[1][0].split()
    own.logout()

    member = imaplib.IMAP4_SSL(sandbox.host, sandbox.imap_port, ssl_context=tls)
    plain = f"{DERMATOLOGY.address}\0{DERMATOLOGIST.address}\0{DERMATOLOGIST.password}"
    member.authenticate("PLAIN", lambda _challenge: plain.encode())
    member.select("INBOX", readonly=True)
    assert member.uid("SEARCH", "ALL")[1][0].split() == own_count
    member.logout()

    outsider = imaplib.IMAP4_SSL(sandbox.host, sandbox.imap_port, ssl_context=tls)
    plain = f"{DERMATOLOGY.address}\0{GP.address}\0{GP.password}"
    with pytest.raises(imaplib.IMAP4.error):
        outsider.authenticate("PLAIN", lambda _challenge: plain.encode())
    outsider.shutdown()


def test_what_a_sync_engine_needs(sandbox: Sandbox, tls: ssl.SSLContext) -> None:
    address = sandbox.add_user("sync.test@ch-exemple.sandbox.mssante.fr", "pw-sync")
    raw = (
        b"From: a@b.fr\r\nSubject: essai\r\nMessage-ID: <sync-1@test>\r\n\r\n"
        b"ligne 1\r\nFrom ici\r\n"
    )
    with IMAPClient(sandbox.host, sandbox.imap_port, ssl_context=tls) as client:
        client.login(address, "pw-sync")
        folders = {name: flags for flags, _delim, name in client.list_folders()}
        assert b"\\Sent" in folders["Sent"] and b"\\Trash" in folders["Trash"]
        assert b"\\Drafts" in folders["Drafts"] and b"\\Archive" in folders["Archive"]

        status = client.folder_status("INBOX", ["UIDVALIDITY", "UIDNEXT", "MESSAGES"])
        append = client.append("INBOX", raw, flags=[b"\\Flagged"])
        assert b"APPENDUID" in append
        selected = client.select_folder("INBOX")
        assert selected[b"UIDVALIDITY"] == status[b"UIDVALIDITY"]
        uid = status[b"UIDNEXT"]
        fetched = client.fetch([uid], ["BODY.PEEK[]", "FLAGS", "RFC822.SIZE"])[uid]
        assert fetched[b"BODY[]"] == raw  # byte-exact, CRLF kept, no ">From" mangling
        assert fetched[b"RFC822.SIZE"] == len(raw)
        assert b"\\Flagged" in fetched[b"FLAGS"]

        client.add_flags([uid], [b"\\Seen", b"\\Answered"])
        assert {b"\\Seen", b"\\Answered"} <= set(client.get_flags([uid])[uid])
        client.copy([uid], "Archive")
        client.move([uid], "Trash")
        assert client.search("ALL") == []
        assert client.folder_status("INBOX", ["UIDNEXT"])[b"UIDNEXT"] == uid + 1

        client.select_folder("Trash")
        (moved,) = client.search("ALL")
        assert client.fetch([moved], ["BODY.PEEK[]"])[moved][b"BODY[]"] == raw
        client.delete_messages([moved])
        client.expunge()
        assert client.search("ALL") == []
        client.select_folder("Archive")
        assert len(client.search("ALL")) == 1


def test_idle_sees_a_new_message(sandbox: Sandbox, tls: ssl.SSLContext) -> None:
    address = sandbox.add_user("idle.test@medecins.sandbox.mssante.fr", "pw-idle")
    with IMAPClient(sandbox.host, sandbox.imap_port, ssl_context=tls, timeout=30) as client:
        client.login(address, "pw-idle")
        client.select_folder("INBOX")
        client.idle()
        try:
            sandbox.deliver(address, b"Subject: push\r\n\r\nnouveau message\r\n")
            # Our reader, not imapclient's idle_check: pymap may split a line across
            # TLS records, which idle_check returns cut in two (see idle_lines).
            responses = wait_for_idle_answers(client, 15)
        finally:
            client.idle_done()
    assert any(r[1] == b"EXISTS" for r in responses), responses


def test_junk_commands_get_bad_and_the_server_keeps_serving(
    sandbox: Sandbox, tls: ssl.SSLContext
) -> None:
    raw = socket.create_connection((sandbox.host, sandbox.imap_port), timeout=10)
    with tls.wrap_socket(raw, server_hostname=sandbox.host) as conn:
        reader = conn.makefile("rb")
        assert reader.readline().startswith(b"* OK")
        conn.sendall(b"a1 XYZZY " + b"\x7f\xff" * 2000 + b"\r\n")  # unknown, binary, long
        assert reader.readline().startswith(b"a1 BAD")
        conn.sendall(b"a2 LOGIN {5}\r\n")  # a literal announced and never sent
        conn.sendall(b"\r\n")
        reader.readline()
        reader.close()
    again = _login(sandbox, tls, GP.address, GP.password)
    assert again.noop()[0] == "OK"
    again.logout()


def test_seeded_flags_tell_read_from_unread(sandbox: Sandbox, tls: ssl.SSLContext) -> None:
    with IMAPClient(sandbox.host, sandbox.imap_port, ssl_context=tls) as client:
        client.login(NURSE.address, NURSE.password)
        client.select_folder("Sent", readonly=True)
        sent_flags = client.get_flags(client.search("ALL"))
        client.select_folder("INBOX", readonly=True)
        unseen = client.search(["UNSEEN"])
        answered = client.search(["ANSWERED"])
    assert sent_flags and all(b"\\Seen" in flags for flags in sent_flags.values())
    assert unseen  # the dermatology answer and the GP's reply wait to be read
    assert answered == []  # the nurse answered nothing in her INBOX yet
