from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from mssclient.errors import MssError
from mssclient.patients import PatientRepository
from mssclient.store import Store
from mssclient.teleexpertise.errors import TeleexpertiseError, TransitionError
from mssclient.teleexpertise.fhir_build import (
    build_request_bundle,
    build_update_bundle,
    bundle_bytes,
)
from mssclient.teleexpertise.fhir_parse import parse_bundle_bytes
from mssclient.teleexpertise.model import ExpertAnswer, RequestStatus, Role, TeleexpertiseRequest
from mssclient.teleexpertise.repository import (
    FLAG_CONTENT_DAMAGED,
    FLAG_FHIR_PROBLEMS,
    FLAG_INS_NOT_QUALIFIED,
    FLAG_OUT_OF_ORDER,
    INCOMING,
    OUTGOING,
    TeleexpertiseRepository,
)
from mssclient.teleexpertise.state import Action
from mssclient.teleexpertise.updates import ParsedTeleexpertiseUpdate, TeleexpertiseUpdate
from tests.unit.teleexpertise.factories import (
    DERMATOLOGIST,
    NURSE,
    T0,
    patient,
    wound_request,
)


def _stored_draft(store: Store) -> tuple[TeleexpertiseRepository, TeleexpertiseRequest]:
    repo = TeleexpertiseRepository(store, actor="claire")
    stored_patient = PatientRepository(store).add(patient())
    draft = repo.save(wound_request(patient=stored_patient))
    return repo, draft


def test_round_trip(temp_store: Store) -> None:
    repo, draft = _stored_draft(temp_store)
    assert draft.id is not None
    loaded = repo.get(draft.id)
    assert loaded is not None
    assert loaded == replace(draft, updated_at=loaded.updated_at)
    assert loaded.clinical == draft.clinical and loaded.consent == draft.consent
    assert loaded.attachments == draft.attachments
    assert loaded.specialty == draft.specialty
    assert repo.get_by_uid(draft.request_uid) == loaded
    assert [r.id for r in repo.list_requests(OUTGOING)] == [draft.id]
    assert repo.list_requests(INCOMING) == []
    assert temp_store.audit.count("teleexpertise.create") == 1


def test_actions_are_stored_with_history(temp_store: Store) -> None:
    repo, draft = _stored_draft(temp_store)
    sent = repo.apply(draft, Action.SEND, Role.REQUESTER, T0, actor=NURSE, message_id="<a@x>")
    assert sent.status is RequestStatus.SENT
    later = T0 + timedelta(hours=2)
    taken = repo.apply(sent, Action.TAKE, Role.EXPERT, later, actor=DERMATOLOGIST)
    loaded = repo.get(taken.id or 0)
    assert loaded is not None
    assert loaded.status is RequestStatus.TAKEN and loaded.assignee == DERMATOLOGIST
    assert loaded.sent_at == T0
    events = repo.events(draft.id or 0)
    assert [(e.action, e.from_status, e.to_status) for e in events] == [
        ("send", "draft", "sent"),
        ("take", "sent", "taken"),
    ]
    assert events[0].message_id == "<a@x>" and events[1].actor_name == "Dr Alice Bernard"
    assert temp_store.audit.count("teleexpertise.send") == 1
    assert repo.list_requests(statuses=(RequestStatus.TAKEN,))[0].id == draft.id


def test_history_is_append_only(temp_store: Store) -> None:
    repo, draft = _stored_draft(temp_store)
    repo.apply(draft, Action.SEND, Role.REQUESTER, T0, actor=NURSE)
    with pytest.raises(MssError):
        temp_store.execute("UPDATE te_events SET to_status = 'closed'")


def test_received_request_then_updates(temp_store: Store) -> None:
    """The specialist's side: a request arrives, then the nurse's and our updates."""
    repo = TeleexpertiseRepository(temp_store, actor="alice")
    sent = wound_request(status=RequestStatus.SENT, sent_at=T0, patient=patient(qualified=False))
    parsed = parse_bundle_bytes(bundle_bytes(build_request_bundle(sent)))
    assert isinstance(parsed, ParsedTeleexpertiseUpdate)
    incoming = repo.apply_received(parsed, message_id="<req@x>", mailbox="derm@chu.fr")
    assert incoming.id is not None
    assert incoming.status is RequestStatus.SENT
    assert incoming.specialty.mailbox == "derm@chu.fr"
    assert incoming.thread_message_id == "<req@x>"
    assert FLAG_INS_NOT_QUALIFIED in incoming.flags
    assert incoming.patient.id is not None
    assert '"status": "requested"' in repo.latest_task_json(incoming.id)
    # The same mail seen twice (shared mailbox, resync) does not duplicate.
    assert repo.apply_received(parsed, message_id="<req@x>").id == incoming.id
    assert len(repo.list_requests(INCOMING)) == 1
    answer = TeleexpertiseUpdate(
        sent.request_uid,
        Action.ANSWER,
        RequestStatus.ANSWERED,
        DERMATOLOGIST,
        T0 + timedelta(hours=30),
        answer=ExpertAnswer("Avis."),
    )
    parsed_answer = parse_bundle_bytes(bundle_bytes(build_update_bundle(answer, sent)))
    assert isinstance(parsed_answer, ParsedTeleexpertiseUpdate)
    answered = repo.apply_received(parsed_answer, message_id="<ans@x>")
    assert answered.status is RequestStatus.ANSWERED
    assert answered.answer == ExpertAnswer("Avis.")
    assert answered.assignee == DERMATOLOGIST
    assert answered.answered_at == T0 + timedelta(hours=30)
    assert FLAG_OUT_OF_ORDER not in answered.flags
    assert [e.action for e in repo.events(incoming.id)] == ["receive", "answer"]


def test_out_of_order_update_is_flagged_not_refused(temp_store: Store) -> None:
    repo, draft = _stored_draft(temp_store)
    sent = repo.apply(draft, Action.SEND, Role.REQUESTER, T0, actor=NURSE)
    close = TeleexpertiseUpdate(
        sent.request_uid, Action.CLOSE, RequestStatus.CLOSED, NURSE, T0 + timedelta(hours=1)
    )
    parsed = parse_bundle_bytes(bundle_bytes(build_update_bundle(close, sent)))
    assert isinstance(parsed, ParsedTeleexpertiseUpdate)
    after = repo.apply_received(parsed)
    assert after.status is RequestStatus.CLOSED
    assert FLAG_OUT_OF_ORDER in after.flags


def test_problems_in_a_received_update_flag_the_request(temp_store: Store) -> None:
    repo, draft = _stored_draft(temp_store)
    sent = repo.apply(draft, Action.SEND, Role.REQUESTER, T0, actor=NURSE)
    take = TeleexpertiseUpdate(
        sent.request_uid,
        Action.TAKE,
        RequestStatus.TAKEN,
        DERMATOLOGIST,
        T0,
        assignee=DERMATOLOGIST,
    )
    bundle = build_update_bundle(take, sent)
    bundle["entry"] = [
        e for e in bundle["entry"] if e["resource"]["resourceType"] != "Communication"
    ]
    parsed = parse_bundle_bytes(bundle_bytes(bundle))
    assert isinstance(parsed, ParsedTeleexpertiseUpdate) and parsed.flagged
    after = repo.apply_received(parsed)
    assert after.status is RequestStatus.TAKEN
    assert FLAG_FHIR_PROBLEMS in after.flags


def test_update_for_an_unknown_request(temp_store: Store) -> None:
    repo = TeleexpertiseRepository(temp_store)
    sent = wound_request(status=RequestStatus.SENT, sent_at=T0)
    take = TeleexpertiseUpdate(
        sent.request_uid, Action.TAKE, RequestStatus.TAKEN, DERMATOLOGIST, T0
    )
    parsed = parse_bundle_bytes(bundle_bytes(build_update_bundle(take, sent)))
    assert isinstance(parsed, ParsedTeleexpertiseUpdate)
    with pytest.raises(TeleexpertiseError) as info:
        repo.apply_received(parsed)
    assert "inconnue" in info.value.user_message


def test_request_needs_a_stored_patient(temp_store: Store) -> None:
    with pytest.raises(ValueError, match="patient"):
        TeleexpertiseRepository(temp_store).save(wound_request())


def test_actions_are_judged_on_the_stored_state(temp_store: Store) -> None:
    repo, draft = _stored_draft(temp_store)
    sent = repo.apply(draft, Action.SEND, Role.REQUESTER, T0, actor=NURSE)
    repo.apply(sent, Action.WITHDRAW, Role.REQUESTER, T0 + timedelta(hours=1), actor=NURSE)
    with pytest.raises(TransitionError) as info:  # `sent` is a stale copy: it is closed now
        repo.apply(sent, Action.TAKE, Role.EXPERT, T0 + timedelta(hours=2), actor=DERMATOLOGIST)
    assert "clôturée" in info.value.user_message
    assert [e.action for e in repo.events(draft.id or 0)] == ["send", "withdraw"]


def test_a_damaged_row_is_shown_flagged(temp_store: Store) -> None:
    repo, draft = _stored_draft(temp_store)
    temp_store.execute(
        "UPDATE te_requests SET content_json = '{not json' WHERE id = ?", (draft.id,)
    )
    (damaged,) = repo.list_requests()
    assert FLAG_CONTENT_DAMAGED in damaged.flags
    assert damaged.specialty.label == "Dermatologie"
    assert damaged.requester.display_name == "Claire Petit"
    assert damaged.patient == draft.patient
