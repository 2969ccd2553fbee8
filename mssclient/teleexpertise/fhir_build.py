"""Build the FHIR R4 Bundles of our wire format (see docs/teleexpertise-format.md).

A Bundle of type "collection": the mail already routes and threads the message, so the
"message" Bundle's MessageHeader would only repeat it. Entries reference each other by
``urn:uuid:`` full URLs; the request is named everywhere by its shared identifier.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

from mssclient.patients import Patient
from mssclient.teleexpertise import wire
from mssclient.teleexpertise.model import (
    AttachmentRef,
    ExpertAnswer,
    Practitioner,
    RequestStatus,
    TeleexpertiseRequest,
)
from mssclient.teleexpertise.templates import TEMPLATE_VERSION, template_for
from mssclient.teleexpertise.updates import TeleexpertiseUpdate

Json = dict[str, Any]


def _urn() -> str:
    return f"urn:uuid:{uuid.uuid4()}"


def _instant(moment: datetime | None) -> str:
    moment = moment or datetime.now(UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.isoformat(timespec="seconds")


def _ref(full_url: str, display: str = "") -> Json:
    ref: Json = {"reference": full_url}
    if display:
        ref["display"] = display
    return ref


def _request_identifier(uid: str) -> Json:
    return {"system": wire.REQUEST_ID_SYSTEM, "value": uid}


class _Entries:
    """Bundle entries under construction, each with its urn:uuid full URL."""

    def __init__(self) -> None:
        self.items: list[Json] = []

    def add(self, resource: Json) -> str:
        full_url = _urn()
        self.items.append({"fullUrl": full_url, "resource": resource})
        return full_url


def _bundle(kind: str, entries: _Entries, at: datetime | None) -> Json:
    message_uid = str(uuid.uuid4())
    return {
        "resourceType": "Bundle",
        "id": message_uid,
        "meta": {
            "tag": [
                {"system": wire.FORMAT_TAG_SYSTEM, "code": wire.FORMAT_VERSION},
                {"system": wire.KIND_TAG_SYSTEM, "code": kind},
            ]
        },
        "identifier": {"system": wire.MESSAGE_ID_SYSTEM, "value": message_uid},
        "type": "collection",
        "timestamp": _instant(at),
        "entry": entries.items,
    }


def patient_resource(patient: Patient) -> Json:
    """Patient with its traits; the INS identifier only when the identity is qualified."""
    traits = patient.traits
    ins = patient.transmittable_ins
    resource: Json = {
        "resourceType": "Patient",
        "extension": [
            {"url": wire.EXT_IDENTITY_STATUS, "valueCode": patient.status.value},
            {"url": wire.EXT_INS_TRANSMITTED, "valueBoolean": ins is not None},
        ],
        "name": [
            {
                "use": "official",
                "family": traits.birth_name,
                "given": list(traits.birth_first_names),
            }
        ],
        "gender": {"M": "male", "F": "female", "I": "unknown"}[traits.sex.value],
        "birthDate": traits.birth_date.isoformat(),
    }
    if traits.birth_place_code:
        resource["extension"].append(
            {"url": wire.EXT_BIRTH_PLACE, "valueCode": traits.birth_place_code}
        )
    if ins is not None:
        resource["identifier"] = [
            {"use": "official", "system": ins.fhir_system, "value": ins.matricule}
        ]
    return resource


def practitioner_resource(practitioner: Practitioner) -> Json:
    resource: Json = {
        "resourceType": "Practitioner",
        "name": [{"text": practitioner.display_name}],
        "qualification": [
            {
                "code": {
                    "coding": [
                        {
                            "system": wire.PROFESSION_SYSTEM,
                            "code": practitioner.profession.value,
                        }
                    ],
                    "text": practitioner.profession.label_fr,
                }
            }
        ],
    }
    if practitioner.id_nat_ps:
        resource["identifier"] = [
            {"system": wire.ID_NAT_PS_SYSTEM, "value": practitioner.id_nat_ps}
        ]
    if practitioner.mailbox:
        resource["telecom"] = [{"system": "email", "value": practitioner.mailbox}]
    return resource


def _document_reference(attachment: AttachmentRef, patient_url: str | None) -> Json:
    content: Json = {
        "contentType": attachment.media_type,
        "url": f"cid:{attachment.content_id}",
        "title": attachment.filename,
    }
    if attachment.size:
        content["size"] = attachment.size
    if attachment.sha256:
        content["extension"] = [{"url": wire.EXT_SHA256, "valueString": attachment.sha256}]
    resource: Json = {
        "resourceType": "DocumentReference",
        "status": "current",
        "content": [{"attachment": content}],
    }
    if attachment.title:
        resource["description"] = attachment.title
    if patient_url:
        resource["subject"] = _ref(patient_url)
    return resource


def _status_concept(status: RequestStatus) -> Json:
    return {
        "coding": [
            {"system": wire.STATUS_SYSTEM, "code": status.value, "display": status.label_fr}
        ],
        "text": status.label_fr,
    }


def _specialty_concept(specialty_id: str, label: str) -> Json:
    return {
        "coding": [{"system": wire.SPECIALTY_SYSTEM, "code": specialty_id, "display": label}],
        "text": label,
    }


def _answer_item(link_id: str, text: str, value: Json) -> Json:
    return {"linkId": link_id, "text": text, "answer": [value]}


def build_request_bundle(request: TeleexpertiseRequest) -> Json:
    """The Bundle sent with a new request (ServiceRequest, Task, Patient, ...).

    The request must be complete (consent given and dated): RequestIncompleteError if not.
    """
    request.check_ready_to_send()
    sent = request.sent_at or datetime.now(UTC)
    entries = _Entries()
    task: Json = {"resourceType": "Task"}
    entries.items.append({"fullUrl": _urn(), "resource": task})  # first entry: the Task
    patient_url = entries.add(patient_resource(request.patient))
    requester_url = entries.add(practitioner_resource(request.requester))
    doc_urls = [entries.add(_document_reference(a, patient_url)) for a in request.attachments]
    consent = request.consent
    consent_url = entries.add(
        {
            "resourceType": "Consent",
            "status": "active",
            "scope": {"coding": [{"system": wire.CONSENT_SCOPE_SYSTEM, "code": "treatment"}]},
            "category": [
                {
                    "coding": [{"system": wire.LOINC, "code": wire.PATIENT_CONSENT_LOINC}],
                    "text": "Consentement du patient à la téléexpertise",
                }
            ],
            "patient": _ref(patient_url),
            "dateTime": consent.on.isoformat() if consent.on else None,
            "performer": [_ref(patient_url)],
            "policyRule": {"text": "Patient informé, consentement recueilli par le demandeur"},
            "provision": {"type": "permit"},
        }
    )
    if consent.note:
        entries.items[-1]["resource"]["extension"] = [
            {"url": f"{wire.BASE}/StructureDefinition/consent-note", "valueString": consent.note}
        ]
    template = template_for(request.clinical.template_id)
    items = []
    for tfield in template.fields:
        if tfield.kind == "attachments":
            refs = [
                {"valueReference": _ref(url, a.filename)}
                for a, url in zip(request.attachments, doc_urls, strict=True)
                if tfield.key != "photos" or a.media_type.startswith("image/")
            ]
            if refs:
                items.append({"linkId": tfield.key, "text": tfield.label_fr, "answer": refs})
        elif value := request.clinical.get(tfield.key).strip():
            items.append(_answer_item(tfield.key, tfield.label_fr, {"valueString": value}))
    qr_url = entries.add(
        {
            "resourceType": "QuestionnaireResponse",
            "questionnaire": f"{wire.QUESTIONNAIRE_BASE}/te-{template.id}|{TEMPLATE_VERSION}",
            "status": "completed",
            "subject": _ref(patient_url),
            "authored": _instant(sent),
            "author": _ref(requester_url),
            "item": items,
        }
    )
    specialty = _specialty_concept(request.specialty.id, request.specialty.label)
    service_request_url = entries.add(
        {
            "resourceType": "ServiceRequest",
            "identifier": [_request_identifier(request.request_uid)],
            "status": "active",
            "intent": "order",
            "category": [{"text": "Téléexpertise"}],
            "code": {"text": "Demande d'avis de téléexpertise"},
            "subject": _ref(patient_url),
            "authoredOn": _instant(sent),
            "requester": _ref(requester_url, request.requester.display_name),
            "performerType": specialty,
            "note": [{"text": request.question}],
            "supportingInfo": [_ref(qr_url), _ref(consent_url)] + [_ref(u) for u in doc_urls],
        }
    )
    task.update(_task_body(request.request_uid, request.status, sent, request.updated_at or sent))
    task["focus"] = _ref(service_request_url)
    task["for"] = _ref(patient_url)
    task["requester"] = _ref(requester_url, request.requester.display_name)
    task["performerType"] = [specialty]
    return _bundle("request", entries, sent)


def _task_body(uid: str, status: RequestStatus, authored: datetime, modified: datetime) -> Json:
    return {
        "identifier": [_request_identifier(uid)],
        "status": wire.TASK_STATUS[status],
        "businessStatus": _status_concept(status),
        "intent": "order",
        "code": {"text": "Téléexpertise"},
        "authoredOn": _instant(authored),
        "lastModified": _instant(modified),
    }


def build_update_bundle(update: TeleexpertiseUpdate, request: TeleexpertiseRequest) -> Json:
    """The Bundle of an answer, a question back or a status change: Task + Communication."""
    entries = _Entries()
    task: Json = {"resourceType": "Task"}
    entries.items.append({"fullUrl": _urn(), "resource": task})
    author_url = entries.add(practitioner_resource(update.author))
    task.update(
        _task_body(update.request_uid, update.status, request.sent_at or update.at, update.at)
    )
    task["focus"] = {"identifier": _request_identifier(update.request_uid)}
    task["performerType"] = [_specialty_concept(request.specialty.id, request.specialty.label)]
    assignee = update.assignee or request.assignee
    if assignee is not None:
        if assignee == update.author:
            task["owner"] = _ref(author_url, assignee.display_name)
        else:
            task["owner"] = _ref(
                entries.add(practitioner_resource(assignee)), assignee.display_name
            )
    if update.reason:
        task["statusReason"] = {"text": update.reason}
    if update.redirect_to:
        task["extension"] = [{"url": wire.EXT_REDIRECT_TO, "valueString": update.redirect_to}]
    payload: list[Json] = []
    if update.message:
        payload.append({"contentString": update.message})
    if update.answer is not None:
        payload.append(
            {"contentReference": _ref(entries.add(_answer_response(update, author_url)))}
        )
    for attachment in update.attachments:
        payload.append(
            {"contentReference": _ref(entries.add(_document_reference(attachment, None)))}
        )
    communication: Json = {
        "resourceType": "Communication",
        "status": "completed",
        "category": [
            {
                "coding": [{"system": wire.ACTION_SYSTEM, "code": update.action.value}],
                "text": update.action.label_fr,
            }
        ],
        "about": [{"identifier": _request_identifier(update.request_uid)}],
        "sent": _instant(update.at),
        "sender": _ref(author_url, update.author.display_name),
    }
    if payload:
        communication["payload"] = payload
    entries.add(communication)
    return _bundle("update", entries, update.at)


def _answer_response(update: TeleexpertiseUpdate, author_url: str) -> Json:
    answer: ExpertAnswer = update.answer  # type: ignore[assignment]
    items = [_answer_item("opinion", "Avis", {"valueString": answer.opinion})]
    if answer.recommendations:
        items.append(
            _answer_item(
                "recommendations", "Recommandations", {"valueString": answer.recommendations}
            )
        )
    items.append(
        _answer_item(
            "needs",
            "Consultation ou hospitalisation",
            {
                "valueCoding": {
                    "system": wire.URGENCY_SYSTEM,
                    "code": answer.needs.value,
                    "display": answer.needs.label_fr,
                }
            },
        )
    )
    if answer.within:
        items.append(_answer_item("within", "Délai", {"valueString": answer.within}))
    if answer.follow_up:
        items.append(_answer_item("follow_up", "Suivi", {"valueString": answer.follow_up}))
    return {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": f"{wire.QUESTIONNAIRE_BASE}/te-answer|{TEMPLATE_VERSION}",
        "status": "completed",
        "authored": _instant(update.at),
        "author": _ref(author_url),
        "item": items,
    }


def bundle_bytes(bundle: Json) -> bytes:
    """Serialised for the application/fhir+json part: UTF-8, compact, no NaN."""
    return json.dumps(bundle, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()
