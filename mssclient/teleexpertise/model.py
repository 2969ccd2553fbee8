"""The teleexpertise request and its parts, as plain data."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from mssclient.patients import Patient
from mssclient.teleexpertise.errors import RequestIncompleteError


class RequestStatus(StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    RECEIVED = "received"  # by the department
    TAKEN = "taken"  # by a named specialist
    INFO_REQUESTED = "info_requested"
    ANSWERED = "answered"
    DECLINED = "declined"  # declined or redirected to another specialty
    CLOSED = "closed"

    @property
    def label_fr(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    RequestStatus.DRAFT: "brouillon",
    RequestStatus.SENT: "envoyée",
    RequestStatus.RECEIVED: "reçue par le service",
    RequestStatus.TAKEN: "prise en charge",
    RequestStatus.INFO_REQUESTED: "complément demandé",
    RequestStatus.ANSWERED: "répondue",
    RequestStatus.DECLINED: "refusée / réorientée",
    RequestStatus.CLOSED: "clôturée",
}


class Role(StrEnum):
    REQUESTER = "requester"
    EXPERT = "expert"


class Profession(StrEnum):
    DOCTOR = "doctor"
    NURSE = "nurse"
    MIDWIFE = "midwife"
    OTHER = "other"

    @property
    def label_fr(self) -> str:
        return {
            "doctor": "médecin",
            "nurse": "infirmier(ère)",
            "midwife": "sage-femme",
            "other": "professionnel de santé",
        }[self.value]


_RPPS = re.compile(r"^[0-9]{11}$")
_ADELI = re.compile(r"^[0-9]{9}$")


@dataclass(frozen=True)
class Practitioner:
    """A professional: requester or expert. ``id_nat_ps`` is 8+RPPS or 0+ADELI."""

    display_name: str
    profession: Profession = Profession.DOCTOR
    rpps: str = ""
    adeli: str = ""
    mailbox: str = ""

    @property
    def id_nat_ps(self) -> str:
        if self.rpps:
            return "8" + self.rpps
        if self.adeli:
            return "0" + self.adeli
        return ""

    def problems(self) -> list[str]:
        found = []
        if not self.display_name.strip():
            found.append("le nom du professionnel manque")
        if self.rpps and not _RPPS.match(self.rpps):
            found.append("le numéro RPPS compte 11 chiffres")
        if self.adeli and not _ADELI.match(self.adeli):
            found.append("le numéro ADELI compte 9 chiffres")
        if not self.rpps and not self.adeli:
            found.append("le numéro RPPS ou ADELI du professionnel manque")
        return found


@dataclass(frozen=True)
class Consent:
    """The patient was informed and agreed; mandatory, dated."""

    given: bool = False
    on: date | None = None
    note: str = ""


@dataclass(frozen=True)
class AttachmentRef:
    """An attachment carried by the mail, named by its Content-ID and file name."""

    content_id: str
    filename: str
    media_type: str
    size: int = 0
    sha256: str = ""
    title: str = ""


@dataclass(frozen=True)
class ClinicalForm:
    """The answers to one clinical template, in the template's order (key, value)."""

    template_id: str = "generic"
    answers: tuple[tuple[str, str], ...] = ()

    def get(self, key: str) -> str:
        return next((v for k, v in self.answers if k == key), "")


@dataclass(frozen=True)
class Specialty:
    """What a request needs to know about the department asked (from the directory)."""

    id: str
    label: str
    mailbox: str
    expected_delay: timedelta = timedelta(hours=48)
    template_id: str = "generic"


class Urgency(StrEnum):
    NONE = "none"
    CONSULTATION = "consultation"
    ADMISSION = "admission"

    @property
    def label_fr(self) -> str:
        return {
            "none": "ni consultation ni hospitalisation",
            "consultation": "consultation à prévoir",
            "admission": "hospitalisation à prévoir",
        }[self.value]


@dataclass(frozen=True)
class ExpertAnswer:
    opinion: str
    recommendations: str = ""
    needs: Urgency = Urgency.NONE
    within: str = ""  # how soon, in words ("sous 8 jours")
    follow_up: str = ""


def new_request_uid() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True)
class TeleexpertiseRequest:
    request_uid: str
    patient: Patient
    specialty: Specialty
    requester: Practitioner
    question: str = ""
    clinical: ClinicalForm = field(default_factory=ClinicalForm)
    consent: Consent = field(default_factory=Consent)
    attachments: tuple[AttachmentRef, ...] = ()
    status: RequestStatus = RequestStatus.DRAFT
    created_at: datetime | None = None
    sent_at: datetime | None = None
    updated_at: datetime | None = None
    answered_at: datetime | None = None
    closed_at: datetime | None = None
    assignee: Practitioner | None = None
    answer: ExpertAnswer | None = None
    thread_message_id: str = ""
    flags: frozenset[str] = frozenset()
    id: int | None = None

    @property
    def short_ref(self) -> str:
        return "TE-" + self.request_uid.replace("-", "")[:8].upper()

    def problems_before_sending(self) -> list[str]:
        """French reasons this request may not be sent yet (empty list: it may)."""
        found = []
        if not self.specialty.id or not self.specialty.mailbox:
            found.append("choisissez une spécialité")
        if not self.question.strip():
            found.append("la question est vide")
        if not self.consent.given:
            found.append("le consentement du patient est obligatoire")
        elif self.consent.on is None:
            found.append("indiquez la date du consentement")
        found.extend(self.requester.problems())
        return found

    def check_ready_to_send(self) -> None:
        problems = self.problems_before_sending()
        if problems:
            raise RequestIncompleteError(problems)
