"""What travels after the request: answers, questions back, status changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from mssclient.teleexpertise.model import (
    AttachmentRef,
    ExpertAnswer,
    Practitioner,
    RequestStatus,
    TeleexpertiseRequest,
)
from mssclient.teleexpertise.state import Action


@dataclass(frozen=True)
class TeleexpertiseUpdate:
    request_uid: str
    action: Action
    status: RequestStatus  # the status after the action
    author: Practitioner
    at: datetime
    message: str = ""  # free text: the question back, the information given, a note
    answer: ExpertAnswer | None = None
    reason: str = ""  # why declined or redirected
    redirect_to: str = ""  # the specialty suggested instead, in words
    assignee: Practitioner | None = None
    attachments: tuple[AttachmentRef, ...] = ()


@dataclass(frozen=True)
class ParsedTeleexpertiseUpdate:
    """A received structured part, read defensively.

    ``problems`` lists, in French, what was missing or wrong but did not stop the reading;
    a request with problems is flagged and still shown (its mail stays readable).
    """

    kind: str  # "request" or "update"
    format_version: str
    request_uid: str
    status: RequestStatus
    task_json: str
    request: TeleexpertiseRequest | None = None
    update: TeleexpertiseUpdate | None = None
    problems: tuple[str, ...] = ()
    raw: bytes = b""

    @property
    def flagged(self) -> bool:
        return bool(self.problems)


@dataclass(frozen=True)
class PayloadRejected:
    """A structured part we could not read at all; the raw bytes are kept."""

    reason_fr: str
    raw: bytes = b""

    @property
    def user_message(self) -> str:
        return f"La partie structurée (FHIR) de ce message est illisible : {self.reason_fr}."


def update_for(
    after: TeleexpertiseRequest,
    action: Action,
    author: Practitioner,
    at: datetime,
    *,
    message: str = "",
    reason: str = "",
    redirect_to: str = "",
    attachments: tuple[AttachmentRef, ...] = (),
) -> TeleexpertiseUpdate:
    """The update to mail once ``action`` has been applied locally (``after`` = its result)."""
    return TeleexpertiseUpdate(
        request_uid=after.request_uid,
        action=action,
        status=after.status,
        author=author,
        at=at,
        message=message,
        answer=after.answer if action is Action.ANSWER else None,
        reason=reason,
        redirect_to=redirect_to,
        assignee=after.assignee,
        attachments=attachments,
    )
