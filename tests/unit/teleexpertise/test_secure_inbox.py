"""The inbox scanner on S/MIME mail stored the way the sync stores it (``SmimeOpener``):
a tampered signature is refused, an undecryptable request is listed for the banner and
read once its key is imported, and the history says how each applied mail was protected."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from mssclient.mail.addresses import Address
from mssclient.mail.compose import build_message, message_bytes
from mssclient.mailstore import MailRepository
from mssclient.mailstore.models import NewMessage
from mssclient.patients import PatientRepository
from mssclient.security.smime import encrypt_message, sign_message
from mssclient.security.smime.repository import CertificateRepository
from mssclient.security.tls import TrustAnchors
from mssclient.store import Store
from mssclient.teleexpertise.inbox import ENCRYPTED, MailScanner
from mssclient.teleexpertise.mail_draft import request_to_draft, update_to_draft
from mssclient.teleexpertise.model import ExpertAnswer, RequestStatus, Role, Urgency
from mssclient.teleexpertise.repository import (
    FLAG_FHIR_PROBLEMS,
    INCOMING,
    OUTGOING,
    TeleexpertiseRepository,
)
from mssclient.teleexpertise.secure_mail import protections
from mssclient.teleexpertise.state import Action
from mssclient.teleexpertise.updates import update_for
from mssclient.transport.accounts import Account, Security, ServerSettings, save_account
from mssclient.transport.parsing import parse_batch
from mssclient.transport.smime_receive import SmimeOpener
from tests.unit.teleexpertise.factories import DERMATOLOGIST, NURSE, T0, patient, wound_request
from tests.unit.teleexpertise.smime_keys import SandboxPki

NURSE_ADDR = Address(NURSE.display_name, NURSE.mailbox)
DEPT = "dermatologie.te@chu.mssante.fr"
DEPT_ADDR = Address("Dermatologie", DEPT)


def _account(store: Store, address: str) -> Account:
    return save_account(
        store,
        Account(
            address=address,
            login=address,
            display_name=address,
            imap=ServerSettings("127.0.0.1", 1993, Security.TLS),
            smtp=ServerSettings("127.0.0.1", 1465, Security.TLS),
            trust_anchors=TrustAnchors.SYSTEM,
        ),
    )


def _fetched(store: Store, account: Account, raws: list[bytes]) -> list[int]:
    """As a sync stores mail: opened by ``SmimeOpener``, then added to the INBOX."""
    assert account.id is not None
    repo = MailRepository(store)
    folder = repo.upsert_folder(account.id, "INBOX", role="inbox")
    uid = int(store.scalar("SELECT count(*) FROM mail_messages") or 0) + 1
    messages = [
        NewMessage(uid=uid + i, raw=raw, fields=fields)
        for i, (raw, fields) in enumerate(zip(raws, parse_batch(raws), strict=True))
    ]
    return repo.add_messages(folder.id, 1, SmimeOpener(store, account.id).apply(messages))


@pytest.fixture
def pki(tmp_path: Path) -> SandboxPki:
    return SandboxPki(tmp_path / "pki")


def test_tampered_signature_is_refused_and_flags_the_request(
    temp_store: Store, pki: SandboxPki
) -> None:
    nurse = TeleexpertiseRepository(temp_store)
    account = _account(temp_store, NURSE.mailbox)
    pki.equip(temp_store, [], [])
    stored_patient = PatientRepository(temp_store).add(patient())
    sent = nurse.save(wound_request(patient=stored_patient))
    sent = nurse.apply(sent, Action.SEND, Role.REQUESTER, T0, actor=NURSE)
    sent = nurse.save(replace(sent, thread_message_id="<req-1@infirmier.mssante.fr>"))
    answer = ExpertAnswer("Pansement gras quotidien.", "", Urgency.NONE, "")
    at = T0 + timedelta(hours=2)
    answered = replace(sent, status=RequestStatus.ANSWERED, answer=answer)
    update = update_for(answered, Action.ANSWER, DERMATOLOGIST, at)
    draft = update_to_draft(update, answered, DEPT_ADDR, NURSE_ADDR)
    draft.message_id = "<answer-1@chu.mssante.fr>"
    signed = sign_message(message_bytes(build_message(draft)), pki.identity("Dermatologie", DEPT))
    assert b"quotidien" in signed
    _fetched(temp_store, account, [signed.replace(b"quotidien", b"quotidiem", 1)])

    report = MailScanner(temp_store).scan()
    [(_mail_id, reason)] = report.rejected
    assert "message refusé : signé par Dermatologie" in reason
    assert "signature invalide" in reason
    [mine] = nurse.list_requests(OUTGOING)
    assert mine.status is RequestStatus.SENT and mine.answer is None
    assert FLAG_FHIR_PROBLEMS in mine.flags


def test_request_for_a_key_imported_later(temp_store: Store, pki: SandboxPki) -> None:
    expert = TeleexpertiseRepository(temp_store)
    account = _account(temp_store, DEPT)
    pki.equip(temp_store, [], [])
    service = pki.identity("Dermatologie", DEPT)
    nurse_key = pki.identity(NURSE.display_name, NURSE.mailbox)
    request = replace(wound_request(attachments=()), status=RequestStatus.SENT, sent_at=T0)
    draft = request_to_draft(request, NURSE_ADDR, hide_patient=True)
    draft.message_id = "<req-2@infirmier.mssante.fr>"
    wire = encrypt_message(
        sign_message(message_bytes(build_message(draft)), nurse_key), [service.certificate]
    )
    [mail_id] = _fetched(temp_store, account, [wire])

    # No key here: nothing applied, the mail is listed (its subject names a request).
    scanner = MailScanner(temp_store)
    report = scanner.scan()
    assert report.undecryptable == [mail_id] and report.changes == []
    assert scanner.undecrypted() == [mail_id]
    outcome = temp_store.scalar(
        "SELECT outcome FROM te_mail_seen WHERE mail_message_id = ?", (mail_id,)
    )
    assert outcome == ENCRYPTED
    assert MailScanner(temp_store).scan().undecryptable == []  # same keys: not tried again

    CertificateRepository(temp_store).add_identity(service)
    report = MailScanner(temp_store).scan()
    [change] = report.changes
    assert change.previous is None and change.direction == INCOMING
    assert MailScanner(temp_store).undecrypted() == []
    [incoming] = expert.list_requests(INCOMING)
    assert incoming.question == request.question
    events = expert.events(incoming.id or 0)
    found = protections(temp_store, [e.message_id for e in events])
    assert [p.describe() for p in found.values()] == [
        f"signé par {NURSE.display_name} <{NURSE.mailbox}> (signature valide), chiffré"
    ]
