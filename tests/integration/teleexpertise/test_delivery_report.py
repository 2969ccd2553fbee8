"""The status "received by the department" from the servers' delivery report, over the
real path: Postfix submission + Dovecot (tests/integration/conftest.py), and the embedded
sandbox.

The nurse's request asks for a success DSN; the report the server sends back to her INBOX
moves the request from "sent" to "received", once. Before it, a colleague mails her a
forged report (an ordinary mail dressed as one) and a malformed one: they change nothing
and stay readable in the mail area."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mssclient.gui.teleexpertise.sending import queue_request
from mssclient.mail import parse_full
from mssclient.mailstore import MailRepository
from mssclient.sandbox import DERMATOLOGY, GP, NURSE, Sandbox
from mssclient.security.tls import TrustAnchors
from mssclient.store import Store
from mssclient.teleexpertise.inbox import APPLIED, IGNORED, MailScanner
from mssclient.teleexpertise.model import RequestStatus, TeleexpertiseRequest
from mssclient.teleexpertise.repository import TeleexpertiseRepository
from mssclient.transport.accounts import (
    Account,
    AccountKind,
    PasswordAuth,
    Security,
    ServerSettings,
    save_account,
)
from mssclient.transport.imap_connection import connect_imap
from mssclient.transport.imap_sync import MailSync
from mssclient.transport.outbox import Outbox
from tests.integration.servers import MailServers
from tests.unit.teleexpertise.factories import patient, wound_request

pytestmark = pytest.mark.integration


@dataclass(frozen=True)
class Backend:
    host: str
    imap_port: int
    smtp_port: int
    ca_path: Path
    mailboxes: dict[str, tuple[str, str]]  # role -> (address, password)

    def account(self, store: Store, role: str) -> tuple[Account, PasswordAuth]:
        address, password = self.mailboxes[role]
        account = save_account(
            store,
            Account(
                address=address,
                login=address,
                display_name={"nurse": "Claire Martin", "dept": "Dermatologie", "gp": "Dr Roux"}[
                    role
                ],
                kind=AccountKind.ORGANISATIONAL if role == "dept" else AccountKind.PERSONAL,
                imap=ServerSettings(self.host, self.imap_port, Security.TLS),
                smtp=ServerSettings(self.host, self.smtp_port, Security.TLS),
                trust_anchors=TrustAnchors.CA_FILE,
                ca_file=str(self.ca_path),
            ),
        )
        return account, PasswordAuth(address, password)


def _postfix(servers: MailServers) -> Backend:
    stamp = f"{time.monotonic_ns()}"
    boxes = {
        role: (servers.add_user(f"{role}-{stamp}", f"pw-{role}-{stamp}"), f"pw-{role}-{stamp}")
        for role in ("nurse", "dept", "gp")
    }
    return Backend(servers.host, servers.imap_port, servers.smtp_port, servers.ca_path, boxes)


@pytest.fixture(params=["postfix", "sandbox"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    if request.param == "postfix":
        yield _postfix(request.getfixturevalue("running_mail_servers"))
        return
    with Sandbox(tmp_path / "sandbox", imap_starttls_port=None, smtp_starttls_port=None) as box:
        boxes = {
            "nurse": (NURSE.address, NURSE.password),
            "dept": (DERMATOLOGY.address, DERMATOLOGY.password),
            "gp": (GP.address, GP.password),
        }
        yield Backend(box.host, box.imap_port, box.smtp_port, box.ca_path, boxes)


def _send(store: Store, account: Account, auth: PasswordAuth) -> None:
    for item in Outbox(store).send_due(account, auth):
        assert item.state == "sent", item.last_error


def _sync(store: Store, account: Account, auth: PasswordAuth) -> None:
    assert account.id is not None
    engine = MailSync(account.id, MailRepository(store), lambda: connect_imap(account, auth))
    try:
        engine.sync_folder("INBOX")
    finally:
        engine.close()


def _dressed_as_report(sender: str, to: str, dept: str, request_id: str, status: bytes) -> bytes:
    """A mail laid out like a success report, sent by an ordinary user."""
    head = (
        f"From: Mail Delivery System <{sender}>\r\nTo: {to}\r\n"
        "Subject: Successful Mail Delivery Report\r\n"
        f"Message-ID: <forged-{time.monotonic_ns()}@example.test>\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="r1"\r\n\r\n'
    ).encode()
    parts = (
        b"Content-Type: text/plain; charset=us-ascii\r\n\r\nVotre message a ete remis.\r\n",
        b"Content-Type: message/delivery-status\r\n\r\n" + status,
        f"Content-Type: text/rfc822-headers\r\n\r\nMessage-ID: {request_id}\r\n"
        f"To: {dept}\r\n".encode(),
    )
    return head + b"".join(b"--r1\r\n" + p + b"\r\n" for p in parts) + b"--r1--\r\n"


def _status(store: Store) -> TeleexpertiseRequest:
    [request] = TeleexpertiseRepository(store).list_requests()
    return request


def test_delivery_report_makes_the_request_received(backend: Backend, tmp_path: Path) -> None:
    store = Store.open(tmp_path / "nurse.db", bytes(range(4, 36)), key_known_good=True)
    gp_store = Store.open(tmp_path / "gp.db", bytes(range(5, 37)), key_known_good=True)
    try:
        nurse, nurse_auth = backend.account(store, "nurse")
        gp, gp_auth = backend.account(gp_store, "gp")
        dept = backend.mailboxes["dept"][0]
        repo = TeleexpertiseRepository(store)
        base = wound_request(attachments=())
        draft = repo.save(
            wound_request(
                patient=repo.patients.add(patient()),
                requester=replace(base.requester, mailbox=nurse.address),
                specialty=replace(base.specialty, mailbox=dept),
                attachments=(),
            )
        )
        queued = queue_request(store, repo, draft, nurse, (), datetime.now(UTC))

        # A colleague's forged report and a malformed one, before the real one.
        delivered = f"Reporting-MTA: dns; x\r\n\r\nFinal-Recipient: rfc822; {dept}\r\n"
        delivered += "Action: delivered\r\nStatus: 2.0.0\r\n"
        for status in (delivered.encode(), b"\x00garbage\xff: \x01\r\n  \xfe\r\n" * 200):
            raw = _dressed_as_report(gp.address, nurse.address, dept, queued.message_id, status)
            Outbox(gp_store).enqueue(gp.id or 0, raw, gp.address, [nurse.address])
        _send(gp_store, gp, gp_auth)
        _sync(store, nurse, nurse_auth)
        scanner = MailScanner(store)
        report = scanner.scan()
        assert report.changes == [] and report.rejected == []
        assert _status(store).status is RequestStatus.SENT
        seen = store.query("SELECT mail_message_id, outcome, detail FROM te_mail_seen")
        assert len(seen) == 2 and {str(r[1]) for r in seen} == {IGNORED}
        assert any("null sender" in str(r[2]) for r in seen)
        for row in seen:
            raw = MailRepository(store).raw(int(row[0]))
            assert raw is not None and parse_full(raw).text.startswith("Votre message")

        # The request leaves; the server's own report comes back to the nurse.
        _send(store, nurse, nurse_auth)
        deadline = time.monotonic() + 30
        while _status(store).status is RequestStatus.SENT and time.monotonic() < deadline:
            _sync(store, nurse, nurse_auth)
            report = scanner.scan()
            time.sleep(0.2)
        request = _status(store)
        assert request.status is RequestStatus.RECEIVED
        [event] = [e for e in repo.events(request.id or 0) if e.to_status == "received"]
        assert event.action == "acknowledge" and event.from_status == "sent"
        outcome = store.scalar(
            "SELECT outcome FROM te_mail_seen WHERE header_message_id = ?", (event.message_id,)
        )
        assert outcome == APPLIED
        # Read once: a later scan changes nothing.
        _sync(store, nurse, nurse_auth)
        again = scanner.scan()
        assert again.changes == [] and _status(store).status is RequestStatus.RECEIVED
    finally:
        gp_store.close()
        store.close()
