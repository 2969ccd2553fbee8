"""Nurse and specialist, each with an encrypted store, exchange real MIME bytes.

Only the transport is missing (the mail issue's servers carry these bytes in the
integration tests): every mail here is built by the composer, serialised, parsed back by
the stdlib and read through ``mail_parts_to_update`` like a received message.
"""

from __future__ import annotations

import email
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from mssclient.mail.addresses import Address
from mssclient.mail.compose import Draft, build_message, message_bytes
from mssclient.patients import PatientRepository
from mssclient.store import Store
from mssclient.teleexpertise.mail_draft import (
    outgoing_attachment,
    request_to_draft,
    update_to_draft,
)
from mssclient.teleexpertise.mail_parts import mail_parts_to_update
from mssclient.teleexpertise.model import ExpertAnswer, RequestStatus, Role, Urgency
from mssclient.teleexpertise.repository import INCOMING, OUTGOING, TeleexpertiseRepository
from mssclient.teleexpertise.state import Action
from mssclient.teleexpertise.updates import ParsedTeleexpertiseUpdate, update_for
from tests.unit.teleexpertise.factories import DERMATOLOGIST, NURSE, T0, patient, wound_request

NURSE_ADDR = Address("Claire Petit", "claire.petit@infirmier.mssante.fr")
DEPT_ADDR = Address("Dermatologie", "dermatologie.te@chu.mssante.fr")


@pytest.fixture
def specialist_store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(
        tmp_path / "specialist" / "store.db", bytes(range(1, 33)), key_known_good=True
    )
    try:
        yield store
    finally:
        store.close()


def _deliver(draft: Draft) -> tuple[str, ParsedTeleexpertiseUpdate]:
    """Serialise the mail as it would travel, then read it as the receiving client would."""
    raw = message_bytes(build_message(draft))
    message = email.message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    fhir = next(
        p for p in message.iter_attachments() if p.get_content_type() == "application/fhir+json"
    )
    parsed = mail_parts_to_update(fhir.get_content_type(), fhir.get_payload(decode=True))
    assert isinstance(parsed, ParsedTeleexpertiseUpdate), parsed
    assert parsed.problems == ()
    return str(message["Message-ID"]), parsed


def test_request_question_information_answer(temp_store: Store, specialist_store: Store) -> None:
    nurse = TeleexpertiseRepository(temp_store, actor="claire")
    expert = TeleexpertiseRepository(specialist_store, actor="alice")
    # The nurse writes and sends.
    stored_patient = PatientRepository(temp_store).add(patient())
    photo = outgoing_attachment("talon.jpg", "image/jpeg", b"\xff\xd8photo")
    draft = nurse.save(wound_request(patient=stored_patient, attachments=(photo.ref,)))
    sent = nurse.apply(draft, Action.SEND, Role.REQUESTER, T0, actor=NURSE)
    request_id, parsed = _deliver(request_to_draft(sent, NURSE_ADDR, (photo,)))
    sent = nurse.save(replace(sent, thread_message_id=request_id))
    # The department receives it, a specialist takes it and asks for a photo with a ruler.
    incoming = expert.apply_received(parsed, message_id=request_id, mailbox=DEPT_ADDR.addr)
    assert incoming.patient.is_qualified and incoming.attachments == (photo.ref,)
    at = T0 + timedelta(hours=2)
    taken = expert.apply(incoming, Action.TAKE, Role.EXPERT, at, actor=DERMATOLOGIST)
    _, parsed = _deliver(
        update_to_draft(
            update_for(taken, Action.TAKE, DERMATOLOGIST, at), taken, DEPT_ADDR, NURSE_ADDR
        )
    )
    assert nurse.apply_received(parsed).assignee == DERMATOLOGIST
    at = T0 + timedelta(hours=3)
    asking = expert.apply(taken, Action.ASK_INFORMATION, Role.EXPERT, at, actor=DERMATOLOGIST)
    question = update_for(
        asking, Action.ASK_INFORMATION, DERMATOLOGIST, at, message="Photo avec règle ?"
    )
    _, parsed = _deliver(update_to_draft(question, asking, DEPT_ADDR, NURSE_ADDR))
    mine = nurse.apply_received(parsed)
    assert mine.status is RequestStatus.INFO_REQUESTED
    # The nurse adds the photo.
    at = T0 + timedelta(hours=6)
    ruler = outgoing_attachment("regle.jpg", "image/jpeg", b"\xff\xd8ruler")
    given = nurse.apply(mine, Action.PROVIDE_INFORMATION, Role.REQUESTER, at, actor=NURSE)
    info = update_for(
        given, Action.PROVIDE_INFORMATION, NURSE, at, message="Voici.", attachments=(ruler.ref,)
    )
    _, parsed = _deliver(update_to_draft(info, given, NURSE_ADDR, DEPT_ADDR, (ruler,)))
    theirs = expert.apply_received(parsed)
    assert theirs.status is RequestStatus.TAKEN
    assert [a.filename for a in theirs.attachments] == ["talon.jpg", "regle.jpg"]
    # The specialist answers; the nurse sees "answered".
    at = T0 + timedelta(hours=20)
    avis = ExpertAnswer(
        "Ulcère de pression.", "Décharge, hydrocolloïde.", Urgency.CONSULTATION, "15 j"
    )
    answered = expert.apply(
        theirs, Action.ANSWER, Role.EXPERT, at, actor=DERMATOLOGIST, answer=avis
    )
    _, parsed = _deliver(
        update_to_draft(
            update_for(answered, Action.ANSWER, DERMATOLOGIST, at), answered, DEPT_ADDR, NURSE_ADDR
        )
    )
    final = nurse.apply_received(parsed)
    assert final.status is RequestStatus.ANSWERED and final.answer == avis
    assert final.flags == frozenset()
    assert final.answered_at == at
    # Both sides agree, each with its own history.
    assert nurse.list_requests(OUTGOING)[0].status is expert.list_requests(INCOMING)[0].status
    assert [e.to_status for e in nurse.events(final.id or 0)] == [
        "sent",
        "taken",
        "info_requested",
        "taken",
        "answered",
    ]
    assert [e.to_status for e in expert.events(answered.id or 0)] == [
        "sent",
        "taken",
        "info_requested",
        "taken",
        "answered",
    ]
