"""Hostile structured parts through the real path: mailed over the sandbox's SMTP, synced
from its IMAP into an encrypted mail store, then read by the teleexpertise scanner. Each
mail stays readable, nothing crashes, and the request concerned is flagged."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from email.utils import make_msgid
from pathlib import Path

import pytest

from mssclient.mail import Address, Attachment, Draft, build_message, message_bytes, parse_full
from mssclient.mailstore import MailRepository
from mssclient.patients import PatientRepository
from mssclient.sandbox import DERMATOLOGY, GP, NURSE, DemoAccount, Sandbox
from mssclient.security.tls import TrustAnchors
from mssclient.store import Store
from mssclient.teleexpertise.inbox import MailScanner
from mssclient.teleexpertise.mail_draft import request_to_draft, update_to_draft
from mssclient.teleexpertise.model import ExpertAnswer, RequestStatus, Role
from mssclient.teleexpertise.repository import FLAG_FHIR_PROBLEMS, TeleexpertiseRepository
from mssclient.teleexpertise.state import Action, apply_action
from mssclient.teleexpertise.updates import update_for
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
from tests.unit.teleexpertise.factories import DERMATOLOGIST, T0, patient, wound_request

pytestmark = pytest.mark.integration

NURSE_ADDR = Address(NURSE.display_name, NURSE.address)
DEPT_ADDR = Address(DERMATOLOGY.display_name, DERMATOLOGY.address)


def _account(store: Store, sandbox: Sandbox, demo: DemoAccount) -> Account:
    return save_account(
        store,
        Account(
            address=demo.address,
            login=demo.login,
            display_name=demo.display_name,
            kind=AccountKind.ORGANISATIONAL if demo is DERMATOLOGY else AccountKind.PERSONAL,
            imap=ServerSettings(sandbox.host, sandbox.imap_port, Security.TLS),
            smtp=ServerSettings(sandbox.host, sandbox.smtp_port, Security.TLS),
            trust_anchors=TrustAnchors.CA_FILE,
            ca_file=str(sandbox.ca_path),
        ),
    )


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[Sandbox]:
    with Sandbox(tmp_path / "sandbox", imap_starttls_port=None, smtp_starttls_port=None) as running:
        yield running


@pytest.fixture
def senders(tmp_path: Path, sandbox: Sandbox) -> Iterator[tuple[Store, dict[str, Account]]]:
    store = Store.open(tmp_path / "senders.db", bytes(range(2, 34)), key_known_good=True)
    accounts = {d.address: _account(store, sandbox, d) for d in (NURSE, GP, DERMATOLOGY)}
    try:
        yield store, accounts
    finally:
        store.close()


def _mail(store: Store, account: Account, demo: DemoAccount, raw: bytes, to: str) -> None:
    assert account.id is not None
    outbox = Outbox(store)
    outbox.enqueue(account.id, raw, account.address, [to])
    [item] = outbox.send_due(account, PasswordAuth(demo.login, demo.password))
    assert item.state == "sent", item.last_error


def _sync(store: Store, account: Account, demo: DemoAccount) -> None:
    assert account.id is not None
    engine = MailSync(
        account.id,
        MailRepository(store),
        lambda: connect_imap(account, PasswordAuth(demo.login, demo.password)),
    )
    try:
        engine.sync_all()
    finally:
        engine.close()


def _with_fhir(subject: str, payload: bytes, *, reply_to: str = "") -> bytes:
    draft = Draft(
        identity=NURSE_ADDR,
        to=[DEPT_ADDR],
        subject=subject,
        text="Demande lisible par tout webmail : plaie du talon, quel pansement ?",
        attachments=[Attachment("teleexpertise.fhir.json", "application/fhir+json", payload)],
        in_reply_to=reply_to,
        references=[reply_to] if reply_to else [],
    )
    return message_bytes(build_message(draft))


def test_hostile_parts_leave_mail_readable_and_requests_flagged(
    sandbox: Sandbox, senders: tuple[Store, dict[str, Account]], temp_store: Store
) -> None:
    sender_store, accounts = senders
    dept = _account(temp_store, sandbox, DERMATOLOGY)

    # A good request first, so that later mails have a request to concern.
    request = wound_request(
        patient=patient(patient_id=1),
        requester=replace(wound_request().requester, mailbox=NURSE.address),
        specialty=replace(wound_request().specialty, mailbox=DERMATOLOGY.address),
        attachments=(),
    )
    sent = apply_action(request, Action.SEND, Role.REQUESTER, T0)
    request_id = make_msgid(domain="infirmiers.sandbox.mssante.fr")
    draft = request_to_draft(sent, NURSE_ADDR)
    draft.message_id = request_id
    _mail(
        sender_store,
        accounts[NURSE.address],
        NURSE,
        message_bytes(build_message(draft)),
        DERMATOLOGY.address,
    )

    # 1. Malformed JSON; 2. a 3 MB structured part; 3. deep nesting in the thread of the
    # request; 4. an "answered" update from someone who is not the department.
    malformed = b'{"resourceType": "Bundle", "type": "collection", "entry": [{'
    huge = json.dumps({"resourceType": "Bundle", "pad": "x" * (3 * 1024 * 1024)}).encode()
    deep = b"[" * 5000 + b"]" * 5000
    for subject, payload, reply in (
        ("Téléexpertise (JSON cassé)", malformed, ""),
        ("Téléexpertise (JSON énorme)", huge, ""),
        ("Re: Téléexpertise (JSON trop imbriqué)", deep, request_id),
    ):
        _mail(
            sender_store,
            accounts[NURSE.address],
            NURSE,
            _with_fhir(subject, payload, reply_to=reply),
            DERMATOLOGY.address,
        )
    answered = apply_action(
        apply_action(sent, Action.TAKE, Role.EXPERT, T0, actor=DERMATOLOGIST),
        Action.ANSWER,
        Role.EXPERT,
        T0,
        actor=DERMATOLOGIST,
        answer=ExpertAnswer("Faux avis."),
    )
    spoof = update_to_draft(
        update_for(answered, Action.ANSWER, DERMATOLOGIST, T0),
        answered,
        Address(GP.display_name, GP.address),
        DEPT_ADDR,
        in_reply_to=request_id,
    )
    _mail(
        sender_store,
        accounts[GP.address],
        GP,
        message_bytes(build_message(spoof)),
        DERMATOLOGY.address,
    )

    _sync(temp_store, dept, DERMATOLOGY)
    scanner = MailScanner(temp_store)
    report = scanner.scan()

    repo = TeleexpertiseRepository(temp_store)
    [received] = repo.list_requests()
    assert received.status is RequestStatus.SENT  # the spoofed answer changed nothing
    assert FLAG_FHIR_PROBLEMS in received.flags
    assert "unexpected-sender" in received.flags
    reasons = [reason for _id, reason in report.rejected]
    assert len(reasons) == 4, reasons
    assert any("JSON invalide" in r for r in reasons)
    assert any("trop volumineuse" in r for r in reasons)
    assert any("trop imbriquée" in r for r in reasons)
    assert any("attendue de " + DERMATOLOGY.address in r for r in reasons)
    assert sorted(r for _i, r in scanner.unreadable()) == sorted(reasons)
    # Every hostile mail is still in the store, readable as mail.
    mails = MailRepository(temp_store)
    for mail_id, _reason in report.rejected:
        raw = mails.raw(mail_id)
        assert raw is not None
        full = parse_full(raw)
        assert full.text.strip(), full.subject
    assert PatientRepository(temp_store).search("") != []
    # A second scan reads nothing again.
    again = scanner.scan()
    assert again.changes == [] and again.rejected == []
