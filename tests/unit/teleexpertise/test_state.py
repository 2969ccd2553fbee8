from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from mssclient.teleexpertise.errors import RequestIncompleteError, TransitionError
from mssclient.teleexpertise.model import Consent, ExpertAnswer, RequestStatus, Role
from mssclient.teleexpertise.state import (
    RULES,
    Action,
    allowed_actions,
    apply_action,
    format_duration_fr,
    is_overdue,
    next_status,
    time_waited,
)
from tests.unit.teleexpertise.factories import COLLEAGUE, DERMATOLOGIST, NURSE, T0, wound_request

S = RequestStatus
A = Action
REQ, EXP = Role.REQUESTER, Role.EXPERT
AVIS = ExpertAnswer("Pansement hydrocolloïde.")

ALLOWED = [
    (S.DRAFT, A.SEND, REQ, S.SENT),
    (S.SENT, A.ACKNOWLEDGE, EXP, S.RECEIVED),
    (S.SENT, A.TAKE, EXP, S.TAKEN),
    (S.RECEIVED, A.TAKE, EXP, S.TAKEN),
    (S.TAKEN, A.TAKE, EXP, S.TAKEN),
    (S.TAKEN, A.ASK_INFORMATION, EXP, S.INFO_REQUESTED),
    (S.INFO_REQUESTED, A.PROVIDE_INFORMATION, REQ, S.TAKEN),
    (S.TAKEN, A.ANSWER, EXP, S.ANSWERED),
    (S.RECEIVED, A.ANSWER, EXP, S.ANSWERED),
    (S.INFO_REQUESTED, A.DECLINE, EXP, S.DECLINED),
    (S.SENT, A.DECLINE, EXP, S.DECLINED),
    (S.ANSWERED, A.CLOSE, REQ, S.CLOSED),
    (S.DECLINED, A.CLOSE, REQ, S.CLOSED),
    (S.TAKEN, A.WITHDRAW, REQ, S.CLOSED),
]


@pytest.mark.parametrize(("source", "action", "role", "target"), ALLOWED)
def test_allowed_transitions(
    source: RequestStatus, action: Action, role: Role, target: RequestStatus
) -> None:
    assert next_status(source, action, role) is target
    assert action in allowed_actions(source, role)


def test_every_other_status_action_pair_is_refused() -> None:
    refused = 0
    for action, rule in RULES.items():
        for status in RequestStatus:
            if status in rule.sources:
                continue
            with pytest.raises(TransitionError) as info:
                next_status(status, action, rule.role)
            assert "Impossible de" in info.value.user_message
            refused += 1
    assert refused > 40


@pytest.mark.parametrize(
    ("source", "action", "role", "fragment"),
    [
        (S.TAKEN, A.ANSWER, REQ, "revient au spécialiste"),
        (S.SENT, A.TAKE, REQ, "revient au spécialiste"),
        (S.ANSWERED, A.CLOSE, EXP, "revient au demandeur"),
        (S.DRAFT, A.SEND, EXP, "revient au demandeur"),
        (S.INFO_REQUESTED, A.PROVIDE_INFORMATION, EXP, "revient au demandeur"),
    ],
)
def test_wrong_role_is_refused(
    source: RequestStatus, action: Action, role: Role, fragment: str
) -> None:
    with pytest.raises(TransitionError) as info:
        next_status(source, action, role)
    assert fragment in info.value.user_message


def test_closed_and_answered_are_final_for_the_expert() -> None:
    assert allowed_actions(S.CLOSED, EXP) == []
    assert allowed_actions(S.CLOSED, REQ) == []
    assert allowed_actions(S.ANSWERED, EXP) == []


def test_sending_requires_consent_with_a_date() -> None:
    draft = wound_request(consent=Consent(False))
    with pytest.raises(RequestIncompleteError) as info:
        apply_action(draft, A.SEND, REQ, T0)
    assert "consentement du patient est obligatoire" in info.value.user_message
    undated = wound_request(consent=Consent(True, None))
    with pytest.raises(RequestIncompleteError) as info:
        apply_action(undated, A.SEND, REQ, T0)
    assert "date du consentement" in info.value.user_message


def test_sending_requires_question_specialty_and_requester_id() -> None:
    bare = wound_request(
        question="  ",
        specialty=replace(wound_request().specialty, id="", mailbox=""),
        requester=replace(NURSE, adeli=""),
    )
    problems = bare.problems_before_sending()
    assert "la question est vide" in problems
    assert "choisissez une spécialité" in problems
    assert any("RPPS ou ADELI" in p for p in problems)


def test_full_life_with_timestamps_and_assignee() -> None:
    r = apply_action(wound_request(), A.SEND, REQ, T0)
    assert (r.status, r.sent_at) == (S.SENT, T0)
    r = apply_action(r, A.ACKNOWLEDGE, EXP, T0 + timedelta(minutes=5))
    r = apply_action(r, A.TAKE, EXP, T0 + timedelta(hours=2), actor=DERMATOLOGIST)
    assert r.assignee == DERMATOLOGIST
    r = apply_action(r, A.TAKE, EXP, T0 + timedelta(hours=3), actor=COLLEAGUE)
    assert r.assignee == COLLEAGUE
    r = apply_action(r, A.ASK_INFORMATION, EXP, T0 + timedelta(hours=4), actor=COLLEAGUE)
    r = apply_action(r, A.PROVIDE_INFORMATION, REQ, T0 + timedelta(hours=6), actor=NURSE)
    assert r.status is S.TAKEN and r.assignee == COLLEAGUE
    r = apply_action(r, A.ANSWER, EXP, T0 + timedelta(hours=20), actor=COLLEAGUE, answer=AVIS)
    assert r.answered_at == T0 + timedelta(hours=20)
    assert r.answer == AVIS
    assert time_waited(r, T0 + timedelta(days=9)) == timedelta(hours=20)
    r = apply_action(r, A.CLOSE, REQ, T0 + timedelta(days=1))
    assert r.status is S.CLOSED and r.closed_at == T0 + timedelta(days=1)


def test_answer_without_taking_assigns_the_answering_expert() -> None:
    r = apply_action(wound_request(), A.SEND, REQ, T0)
    r = apply_action(r, A.ANSWER, EXP, T0 + timedelta(hours=1), actor=DERMATOLOGIST, answer=AVIS)
    assert r.assignee == DERMATOLOGIST


def test_an_answer_needs_an_opinion() -> None:
    r = apply_action(wound_request(), A.SEND, REQ, T0)
    for empty in (None, ExpertAnswer("   ")):
        with pytest.raises(TransitionError) as info:
            apply_action(r, A.ANSWER, EXP, T0, actor=DERMATOLOGIST, answer=empty)
        assert info.value.user_message == "L'avis du spécialiste est vide."


def test_overdue_with_a_fixed_clock() -> None:
    draft = wound_request()
    assert not is_overdue(draft, T0 + timedelta(days=30))
    assert time_waited(draft, T0) is None
    sent = apply_action(draft, A.SEND, REQ, T0)
    assert not is_overdue(sent, T0 + timedelta(hours=47, minutes=59))
    assert is_overdue(sent, T0 + timedelta(hours=48, minutes=1))
    assert time_waited(sent, T0 + timedelta(hours=50)) == timedelta(hours=50)
    taken = apply_action(sent, A.TAKE, EXP, T0 + timedelta(hours=1), actor=DERMATOLOGIST)
    assert is_overdue(taken, T0 + timedelta(days=3))
    waiting_for_nurse = apply_action(taken, A.ASK_INFORMATION, EXP, T0 + timedelta(hours=2))
    assert not is_overdue(waiting_for_nurse, T0 + timedelta(days=3))
    answered = apply_action(taken, A.ANSWER, EXP, T0 + timedelta(days=4), answer=AVIS)
    assert not is_overdue(answered, T0 + timedelta(days=5))


def test_specialty_delay_drives_overdue() -> None:
    quick = replace(wound_request().specialty, expected_delay=timedelta(hours=24))
    sent = apply_action(wound_request(specialty=quick), A.SEND, REQ, T0)
    assert is_overdue(sent, T0 + timedelta(hours=25))


def test_duration_in_french() -> None:
    assert format_duration_fr(timedelta(minutes=42)) == "42 min"
    assert format_duration_fr(timedelta(hours=17)) == "17 h"
    assert format_duration_fr(timedelta(days=5, hours=3)) == "5 j 3 h"
    assert format_duration_fr(timedelta(hours=47, minutes=59)) == "47 h"
    assert format_duration_fr(timedelta(hours=48)) == "2 j"  # not "2 j 0 h"
    assert format_duration_fr(timedelta(days=3, minutes=30)) == "3 j"
