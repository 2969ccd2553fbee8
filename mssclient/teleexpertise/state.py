"""The request's life: which status change is allowed, for whom; time waited; overdue."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from mssclient.teleexpertise.errors import TransitionError
from mssclient.teleexpertise.model import (
    ExpertAnswer,
    Practitioner,
    RequestStatus,
    Role,
    TeleexpertiseRequest,
)

S = RequestStatus


class Action(StrEnum):
    SEND = "send"
    ACKNOWLEDGE = "acknowledge"  # the department's client saw it arrive
    TAKE = "take"
    ASK_INFORMATION = "ask_information"
    PROVIDE_INFORMATION = "provide_information"
    ANSWER = "answer"
    DECLINE = "decline"  # decline, or redirect to another specialty (with a reason)
    CLOSE = "close"
    WITHDRAW = "withdraw"

    @property
    def label_fr(self) -> str:
        return {
            "send": "envoyer",
            "acknowledge": "accuser réception",
            "take": "prendre en charge",
            "ask_information": "demander un complément",
            "provide_information": "envoyer le complément",
            "answer": "répondre",
            "decline": "refuser / réorienter",
            "close": "clôturer",
            "withdraw": "retirer la demande",
        }[self.value]


@dataclass(frozen=True)
class Rule:
    sources: frozenset[RequestStatus]
    target: RequestStatus
    role: Role


_OPEN = frozenset({S.SENT, S.RECEIVED, S.TAKEN, S.INFO_REQUESTED})

RULES: dict[Action, Rule] = {
    Action.SEND: Rule(frozenset({S.DRAFT}), S.SENT, Role.REQUESTER),
    Action.ACKNOWLEDGE: Rule(frozenset({S.SENT}), S.RECEIVED, Role.EXPERT),
    # Taking a taken request lets a colleague of the department take it over.
    Action.TAKE: Rule(frozenset({S.SENT, S.RECEIVED, S.TAKEN}), S.TAKEN, Role.EXPERT),
    Action.ASK_INFORMATION: Rule(frozenset({S.TAKEN}), S.INFO_REQUESTED, Role.EXPERT),
    Action.PROVIDE_INFORMATION: Rule(frozenset({S.INFO_REQUESTED}), S.TAKEN, Role.REQUESTER),
    Action.ANSWER: Rule(_OPEN, S.ANSWERED, Role.EXPERT),
    Action.DECLINE: Rule(_OPEN, S.DECLINED, Role.EXPERT),
    Action.CLOSE: Rule(frozenset({S.ANSWERED, S.DECLINED}), S.CLOSED, Role.REQUESTER),
    Action.WITHDRAW: Rule(_OPEN, S.CLOSED, Role.REQUESTER),
}

#: Statuses where the requester waits for the department (the clock counts against it).
WAITING_FOR_EXPERT = frozenset({S.SENT, S.RECEIVED, S.TAKEN})


def allowed_actions(status: RequestStatus, role: Role) -> list[Action]:
    return [a for a, r in RULES.items() if r.role is role and status in r.sources]


def next_status(status: RequestStatus, action: Action, role: Role) -> RequestStatus:
    """The status after ``action`` by ``role``; TransitionError (French) if not allowed."""
    rule = RULES[action]
    if rule.role is not role:
        who = "au demandeur" if rule.role is Role.REQUESTER else "au spécialiste"
        raise TransitionError(
            f"{action} by {role} refused",
            user_message=f"« {action.label_fr.capitalize()} » revient {who}.",
        )
    if status not in rule.sources:
        raise TransitionError(
            f"{action} from {status} refused",
            user_message=(
                f"Impossible de « {action.label_fr} » une demande au statut « {status.label_fr} »."
            ),
        )
    return rule.target


def time_waited(request: TeleexpertiseRequest, now: datetime) -> timedelta | None:
    """From sending to the answer (or decline), or to ``now`` while still open."""
    if request.sent_at is None:
        return None
    end = request.answered_at or request.closed_at or now
    return max(end - request.sent_at, timedelta(0))


def is_overdue(request: TeleexpertiseRequest, now: datetime) -> bool:
    """Past the specialty's expected delay while the department still has the ball."""
    if request.status not in WAITING_FOR_EXPERT or request.sent_at is None:
        return False
    return now - request.sent_at > request.specialty.expected_delay


def format_duration_fr(delta: timedelta) -> str:
    """Minutes under an hour, hours under 48 h, then days (hours added only when not 0)."""
    hours = int(delta.total_seconds() // 3600)
    if hours < 1:
        return f"{int(delta.total_seconds() // 60)} min"
    if hours < 48:
        return f"{hours} h"
    if hours % 24 == 0:
        return f"{hours // 24} j"
    return f"{hours // 24} j {hours % 24} h"


def apply_action(
    request: TeleexpertiseRequest,
    action: Action,
    role: Role,
    at: datetime,
    *,
    actor: Practitioner | None = None,
    answer: ExpertAnswer | None = None,
) -> TeleexpertiseRequest:
    """The request after ``action``: new status, timestamps, assignee, answer.

    ``answered_at`` marks the department's response, an answer or a decline alike, so that
    the time waited and the statistics measure how long the requester waited.
    """
    target = next_status(request.status, action, role)
    if action is Action.SEND:
        request.check_ready_to_send()
    changes: dict[str, object] = {"status": target, "updated_at": at}
    if action is Action.SEND:
        changes["sent_at"] = at
    elif action is Action.TAKE or (action is Action.ANSWER and request.assignee is None):
        changes["assignee"] = actor
    if action is Action.ANSWER:
        if answer is None or not answer.opinion.strip():
            raise TransitionError(
                "answer without opinion", user_message="L'avis du spécialiste est vide."
            )
        changes["answer"] = answer
    if action in (Action.ANSWER, Action.DECLINE):
        changes["answered_at"] = at
    if action in (Action.CLOSE, Action.WITHDRAW):
        changes["closed_at"] = at
    return replace(request, **changes)  # type: ignore[arg-type]
