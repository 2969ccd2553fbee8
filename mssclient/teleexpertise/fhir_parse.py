"""Read a received structured part (our FHIR Bundle) defensively into our dataclasses.

Nothing here trusts the input: every field is type-checked, bounded and cleaned. What
cannot be read at all gives a ``PayloadRejected``; what is missing or wrong but not
essential is listed in ``problems`` (French) and the request is flagged.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from typing import Any

from mssclient.patients import (
    IdentityStatus,
    Patient,
    PatientIdentityError,
    make_traits,
    parse_ins,
)
from mssclient.patients.ins import INS_OID_LABELS
from mssclient.teleexpertise import wire
from mssclient.teleexpertise.jsonguard import JsonRejected, load_untrusted_json
from mssclient.teleexpertise.model import (
    AttachmentRef,
    ClinicalForm,
    Consent,
    ExpertAnswer,
    Practitioner,
    Profession,
    RequestStatus,
    Specialty,
    TeleexpertiseRequest,
    Urgency,
)
from mssclient.teleexpertise.sanitize import clean_text
from mssclient.teleexpertise.state import Action
from mssclient.teleexpertise.templates import TEMPLATES
from mssclient.teleexpertise.updates import (
    ParsedTeleexpertiseUpdate,
    PayloadRejected,
    TeleexpertiseUpdate,
)

MAX_ENTRIES = 200
SHORT = 200  # names, codes, labels
LONG = 20_000  # question, answer, clinical text
_UID = re.compile(r"^[A-Za-z0-9.\-]{1,64}$")
_CONTENT_ID = re.compile(r"^[\x21-\x7e]{1,200}$")
_MEDIA_TYPE = re.compile(r"^[a-z0-9][a-z0-9!#$&^_.+\-]*/[a-z0-9][a-z0-9!#$&^_.+\-]*$")


class _Rejected(Exception):
    def __init__(self, reason_fr: str) -> None:
        super().__init__(reason_fr)
        self.reason_fr = reason_fr


class _Reader:
    """Typed, bounded access to untrusted JSON, collecting French problems on the way."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.by_url: dict[str, dict[str, Any]] = {}

    def note(self, problem: str) -> None:
        if problem not in self.problems and len(self.problems) < 50:
            self.problems.append(problem)

    def obj(self, parent: Any, key: str) -> dict[str, Any] | None:
        value = parent.get(key) if isinstance(parent, dict) else None
        return value if isinstance(value, dict) else None

    def objs(self, parent: Any, key: str) -> list[dict[str, Any]]:
        value = parent.get(key) if isinstance(parent, dict) else None
        if isinstance(value, dict):  # a lone object where a list was due: be lenient
            value = [value]
        if not isinstance(value, list):
            return []
        return [v for v in value[:MAX_ENTRIES] if isinstance(v, dict)]

    def text(self, parent: Any, key: str, what: str, limit: int = SHORT) -> str:
        value = parent.get(key) if isinstance(parent, dict) else None
        if value is None:
            return ""
        if not isinstance(value, str):
            self.note(f"{what} : valeur d'un type inattendu, ignorée")
            return ""
        cleaned, changed = clean_text(value, limit, multiline=limit > SHORT)
        if changed:
            self.note(f"{what} : caractères invisibles retirés ou texte tronqué")
        return cleaned

    def instant(self, parent: Any, key: str, what: str) -> datetime | None:
        raw = parent.get(key) if isinstance(parent, dict) else None
        if raw is None:
            return None
        if isinstance(raw, str) and len(raw) <= 40:
            try:
                moment = datetime.fromisoformat(raw)
            except ValueError:
                pass
            else:
                return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        self.note(f"{what} : date illisible")
        return None

    def resolve(self, ref: Any) -> dict[str, Any] | None:
        if isinstance(ref, dict) and isinstance(ref.get("reference"), str):
            return self.by_url.get(ref["reference"])
        return None

    def code_in(self, concept: Any, system: str) -> str:
        for coding in self.objs(concept, "coding"):
            if coding.get("system") == system and isinstance(coding.get("code"), str):
                return str(coding["code"])[:SHORT]
        return ""


def parse_bundle_bytes(payload: bytes) -> ParsedTeleexpertiseUpdate | PayloadRejected:
    """Parse an ``application/fhir+json`` part; never raises on bad input."""
    try:
        document = load_untrusted_json(payload)
        return _parse(document, payload)
    except JsonRejected as exc:
        return PayloadRejected(exc.reason_fr, payload)
    except _Rejected as exc:
        return PayloadRejected(exc.reason_fr, payload)
    except RecursionError:
        return PayloadRejected("structure trop imbriquée", payload)


def _format_version(r: _Reader, meta: dict[str, Any] | None) -> tuple[str, str]:
    version = kind = ""
    for tag in r.objs(meta, "tag"):
        code = tag.get("code")
        if not isinstance(code, str):
            continue
        if tag.get("system") == wire.FORMAT_TAG_SYSTEM:
            version = code[:SHORT]
        elif tag.get("system") == wire.KIND_TAG_SYSTEM:
            kind = code[:SHORT]
    return version, kind


def _parse(document: Any, raw: bytes) -> ParsedTeleexpertiseUpdate:
    r = _Reader()
    if not isinstance(document, dict) or document.get("resourceType") != "Bundle":
        raise _Rejected("ce n'est pas un Bundle FHIR")
    version, kind = _format_version(r, r.obj(document, "meta"))
    if not version:
        raise _Rejected("version du format de téléexpertise absente")
    if version != wire.FORMAT_MAJOR and not version.startswith(wire.FORMAT_MAJOR + "."):
        raise _Rejected(f"version de format non prise en charge ({clean_text(version, 40)[0]})")
    entries = document.get("entry")
    if not isinstance(entries, list) or not entries:
        raise _Rejected("le Bundle ne contient aucune ressource")
    if len(entries) > MAX_ENTRIES:
        raise _Rejected(f"trop de ressources dans le Bundle ({len(entries)})")
    resources: list[dict[str, Any]] = []
    for entry in entries:
        resource = r.obj(entry, "resource")
        if resource is None or not isinstance(resource.get("resourceType"), str):
            r.note("une entrée du Bundle sans ressource valide a été ignorée")
            continue
        resources.append(resource)
        url = entry.get("fullUrl")
        if isinstance(url, str) and len(url) <= SHORT:
            r.by_url[url] = resource

    def first(resource_type: str) -> dict[str, Any] | None:
        return next((x for x in resources if x["resourceType"] == resource_type), None)

    task = first("Task")
    if task is None:
        raise _Rejected("la ressource Task manque")
    uid = _request_uid(r, task)
    status = _status(r, task)
    if kind not in ("request", "update"):
        kind = "request" if first("ServiceRequest") is not None else "update"
        r.note("type de message absent, déduit du contenu")
    task_json = json.dumps(task, ensure_ascii=False)
    if kind == "request":
        request = _request(r, uid, status, task, first)
        return ParsedTeleexpertiseUpdate(
            kind,
            version,
            uid,
            status,
            task_json,
            request=request,
            problems=tuple(r.problems),
            raw=raw,
        )
    update = _update(r, uid, status, task, first, resources)
    return ParsedTeleexpertiseUpdate(
        kind, version, uid, status, task_json, update=update, problems=tuple(r.problems), raw=raw
    )


def _request_uid(r: _Reader, resource: dict[str, Any]) -> str:
    for identifier in r.objs(resource, "identifier"):
        value = identifier.get("value")
        if identifier.get("system") == wire.REQUEST_ID_SYSTEM and isinstance(value, str):
            if _UID.match(value):
                return value
            raise _Rejected("identifiant de demande invalide")
    raise _Rejected("identifiant de demande absent de la Task")


def _status(r: _Reader, task: dict[str, Any]) -> RequestStatus:
    code = r.code_in(r.obj(task, "businessStatus"), wire.STATUS_SYSTEM)
    try:
        return RequestStatus(code)
    except ValueError:
        pass
    fhir_status = task.get("status")
    if isinstance(fhir_status, str) and fhir_status in wire.STATUS_FROM_TASK:
        r.note("statut précis absent : déduit du statut FHIR de la Task")
        return wire.STATUS_FROM_TASK[fhir_status]
    raise _Rejected("statut de la demande absent ou inconnu")


def _practitioner(r: _Reader, resource: dict[str, Any] | None, what: str) -> Practitioner:
    if resource is None or resource.get("resourceType") != "Practitioner":
        r.note(f"{what} : professionnel non identifié")
        return Practitioner(display_name="(inconnu)")
    name = next((r.text(n, "text", what) for n in r.objs(resource, "name")), "")
    rpps = adeli = ""
    for identifier in r.objs(resource, "identifier"):
        value = identifier.get("value")
        if identifier.get("system") != wire.ID_NAT_PS_SYSTEM or not isinstance(value, str):
            continue
        if re.fullmatch(r"8[0-9]{11}", value):
            rpps = value[1:]
        elif re.fullmatch(r"0[0-9]{9}", value):
            adeli = value[1:]
        else:
            r.note(f"{what} : identifiant national (idNat_PS) invalide")
    if not rpps and not adeli:
        r.note(f"{what} : ni RPPS ni ADELI")
    profession = Profession.OTHER
    for qualification in r.objs(resource, "qualification"):
        code = r.code_in(r.obj(qualification, "code"), wire.PROFESSION_SYSTEM)
        if code in Profession.__members__.values():
            profession = Profession(code)
    mailbox = ""
    for telecom in r.objs(resource, "telecom"):
        if telecom.get("system") == "email":
            mailbox = r.text(telecom, "value", f"{what} (messagerie)")
    return Practitioner(name or "(sans nom)", profession, rpps, adeli, mailbox)


def _patient(r: _Reader, resource: dict[str, Any] | None) -> Patient | None:
    if resource is None or resource.get("resourceType") != "Patient":
        r.note("patient absent du message")
        return None
    extensions = {
        e.get("url"): e for e in r.objs(resource, "extension") if isinstance(e.get("url"), str)
    }
    status_code = extensions.get(wire.EXT_IDENTITY_STATUS, {}).get("valueCode")
    try:
        status = IdentityStatus(str(status_code))
    except ValueError:
        r.note("statut de l'identité absent : considérée comme provisoire")
        status = IdentityStatus.PROVISIONAL
    name = next(iter(r.objs(resource, "name")), {})
    given = name.get("given")
    given = [g for g in given[:10] if isinstance(g, str)] if isinstance(given, list) else []
    gender = resource.get("gender")
    sex = {"male": "M", "female": "F"}.get(gender, "I") if isinstance(gender, str) else "I"
    place = extensions.get(wire.EXT_BIRTH_PLACE, {}).get("valueCode", "")
    try:
        traits = make_traits(
            birth_name=r.text(name, "family", "nom de naissance"),
            birth_first_names=[clean_text(g, SHORT)[0] for g in given],
            birth_date=resource.get("birthDate"),
            sex=sex,
            birth_place_code=place if isinstance(place, str) else "",
        )
    except PatientIdentityError as exc:
        r.note(f"identité du patient illisible : {exc.user_message}")
        return None
    ins = None
    for identifier in r.objs(resource, "identifier"):
        system, value = identifier.get("system"), identifier.get("value")
        if not isinstance(system, str) or not system.startswith("urn:oid:"):
            continue
        if system.removeprefix("urn:oid:") not in INS_OID_LABELS:
            continue
        try:
            ins = parse_ins(value, system)
        except PatientIdentityError as exc:
            r.note(f"INS reçu rejeté : {exc.user_message}")
    if ins is not None and status is not IdentityStatus.QUALIFIED:
        r.note("INS transmis pour une identité non qualifiée : INS ignoré")
        ins = None
    if ins is None and status is IdentityStatus.QUALIFIED:
        r.note("identité annoncée qualifiée sans INS valide : traitée comme validée")
        status = IdentityStatus.VALIDATED
    if status is IdentityStatus.RETRIEVED and ins is None:
        status = IdentityStatus.PROVISIONAL
    return Patient(traits=traits, status=status, ins=ins)


def _attachment(r: _Reader, resource: dict[str, Any] | None) -> AttachmentRef | None:
    if resource is None or resource.get("resourceType") != "DocumentReference":
        return None
    content = next(iter(r.objs(resource, "content")), None)
    attachment = r.obj(content, "attachment")
    url = attachment.get("url") if attachment else None
    if not isinstance(url, str) or not url.startswith("cid:"):
        r.note("pièce jointe sans référence Content-ID, ignorée")
        return None
    content_id = url.removeprefix("cid:")
    media_type = attachment.get("contentType") if attachment else None
    if not _CONTENT_ID.match(content_id):
        r.note("pièce jointe au Content-ID invalide, ignorée")
        return None
    if not isinstance(media_type, str) or not _MEDIA_TYPE.match(media_type.lower()):
        r.note("pièce jointe de type inconnu")
        media_type = "application/octet-stream"
    size = attachment.get("size") if attachment else 0
    sha256 = ""
    for extension in r.objs(attachment, "extension"):
        value = extension.get("valueString")
        if extension.get("url") == wire.EXT_SHA256 and isinstance(value, str):
            if re.fullmatch(r"[0-9a-f]{64}", value):
                sha256 = value
            else:
                r.note("empreinte SHA-256 de pièce jointe invalide, ignorée")
    return AttachmentRef(
        content_id=content_id,
        filename=r.text(attachment, "title", "nom de pièce jointe") or content_id,
        media_type=media_type.lower(),
        size=size if isinstance(size, int) and not isinstance(size, bool) and size >= 0 else 0,
        sha256=sha256,
        title=r.text(resource, "description", "titre de pièce jointe"),
    )


def _specialty(r: _Reader, concept: dict[str, Any] | None) -> Specialty:
    specialty_id = r.code_in(concept, wire.SPECIALTY_SYSTEM)
    if not specialty_id:
        r.note("spécialité demandée absente")
    label = r.text(concept, "text", "spécialité") or specialty_id
    return Specialty(id=clean_text(specialty_id, 64)[0], label=label, mailbox="")


def _request(
    r: _Reader, uid: str, status: RequestStatus, task: dict[str, Any], first: Any
) -> TeleexpertiseRequest | None:
    service_request = r.resolve(task.get("focus")) or first("ServiceRequest")
    if service_request is None or service_request.get("resourceType") != "ServiceRequest":
        r.note("la ressource ServiceRequest manque")
        service_request = {}
    patient = _patient(r, r.resolve(service_request.get("subject")) or first("Patient"))
    requester = _practitioner(
        r, r.resolve(service_request.get("requester")) or first("Practitioner"), "demandeur"
    )
    question = "\n".join(
        r.text(note, "text", "question", LONG) for note in r.objs(service_request, "note")
    ).strip()
    if not question:
        r.note("la question est vide")
    supporting = [r.resolve(ref) for ref in r.objs(service_request, "supportingInfo")]
    attachments = tuple(a for a in (_attachment(r, res) for res in supporting) if a is not None)
    consent = _consent(r, next((s for s in supporting if _is(s, "Consent")), first("Consent")))
    response = next(
        (s for s in supporting if _is(s, "QuestionnaireResponse")), first("QuestionnaireResponse")
    )
    clinical = _clinical(r, response)
    if patient is None:
        return None
    sent_at = r.instant(service_request, "authoredOn", "date de la demande")
    return TeleexpertiseRequest(
        request_uid=uid,
        patient=patient,
        specialty=_specialty(r, r.obj(service_request, "performerType")),
        requester=requester,
        question=question,
        clinical=clinical,
        consent=consent,
        attachments=attachments,
        status=status,
        sent_at=sent_at,
        updated_at=r.instant(task, "lastModified", "date de mise à jour"),
    )


def _is(resource: dict[str, Any] | None, resource_type: str) -> bool:
    return resource is not None and resource.get("resourceType") == resource_type


def _consent(r: _Reader, resource: dict[str, Any] | None) -> Consent:
    if resource is None or resource.get("status") != "active":
        r.note("consentement du patient absent")
        return Consent()
    raw = resource.get("dateTime")
    on: date | None = None
    if isinstance(raw, str) and len(raw) <= 40:
        try:
            on = date.fromisoformat(raw[:10])
        except ValueError:
            on = None
    if on is None:
        r.note("date du consentement absente ou illisible")
    note = ""
    for extension in r.objs(resource, "extension"):
        if extension.get("url") == f"{wire.BASE}/StructureDefinition/consent-note":
            note = r.text(extension, "valueString", "note de consentement", LONG)
    return Consent(given=True, on=on, note=note)


def _clinical(r: _Reader, response: dict[str, Any] | None) -> ClinicalForm:
    if response is None:
        return ClinicalForm()
    questionnaire = response.get("questionnaire")
    template_id = "generic"
    if isinstance(questionnaire, str):
        name = questionnaire.removeprefix(wire.QUESTIONNAIRE_BASE + "/te-").split("|")[0]
        if name in TEMPLATES:
            template_id = name
        else:
            r.note("modèle clinique inconnu : champs lus comme texte libre")
    answers: list[tuple[str, str]] = []
    for item in r.objs(response, "item"):
        key = item.get("linkId")
        if not isinstance(key, str) or not re.fullmatch(r"[a-z_]{1,40}", key):
            r.note("champ clinique sans identifiant valide, ignoré")
            continue
        values = []
        for answer in r.objs(item, "answer"):
            if "valueString" in answer:
                values.append(r.text(answer, "valueString", "contexte clinique", LONG))
        if values:  # attachment references are rebuilt from the attachments themselves
            answers.append((key, "\n".join(values)))
    return ClinicalForm(template_id, tuple(answers))


def _update(
    r: _Reader,
    uid: str,
    status: RequestStatus,
    task: dict[str, Any],
    first: Any,
    resources: list[dict[str, Any]],
) -> TeleexpertiseUpdate:
    communication = first("Communication") or {}
    if not communication:
        r.note("la ressource Communication manque")
    author = _practitioner(
        r, r.resolve(communication.get("sender")) or first("Practitioner"), "auteur"
    )
    action_code = next(
        (r.code_in(c, wire.ACTION_SYSTEM) for c in r.objs(communication, "category")), ""
    )
    try:
        action = Action(action_code)
    except ValueError:
        r.note("action absente ou inconnue : déduite du statut")
        action = _ACTION_FOR_STATUS.get(status, Action.ACKNOWLEDGE)
    messages: list[str] = []
    answer = None
    attachments: list[AttachmentRef] = []
    for part in r.objs(communication, "payload"):
        if "contentString" in part:
            messages.append(r.text(part, "contentString", "message", LONG))
        target = r.resolve(part.get("contentReference"))
        if target is not None and _is(target, "QuestionnaireResponse"):
            answer = _answer(r, target)
        elif (attachment := _attachment(r, target)) is not None:
            attachments.append(attachment)
    if action is Action.ANSWER and answer is None:
        r.note("réponse sans avis structuré")
    owner = r.resolve(task.get("owner"))
    redirect = ""
    for extension in r.objs(task, "extension"):
        if extension.get("url") == wire.EXT_REDIRECT_TO:
            redirect = r.text(extension, "valueString", "réorientation")
    at = r.instant(communication, "sent", "date du message") or r.instant(
        task, "lastModified", "date de mise à jour"
    )
    return TeleexpertiseUpdate(
        request_uid=uid,
        action=action,
        status=status,
        author=author,
        at=at or datetime.now(UTC),
        message="\n\n".join(m for m in messages if m),
        answer=answer,
        reason=r.text(r.obj(task, "statusReason"), "text", "motif", LONG),
        redirect_to=redirect,
        assignee=_practitioner(r, owner, "responsable") if owner is not None else None,
        attachments=tuple(attachments),
    )


_ACTION_FOR_STATUS = {
    RequestStatus.RECEIVED: Action.ACKNOWLEDGE,
    RequestStatus.TAKEN: Action.TAKE,
    RequestStatus.INFO_REQUESTED: Action.ASK_INFORMATION,
    RequestStatus.ANSWERED: Action.ANSWER,
    RequestStatus.DECLINED: Action.DECLINE,
    RequestStatus.CLOSED: Action.CLOSE,
}


def _answer(r: _Reader, response: dict[str, Any]) -> ExpertAnswer:
    fields: dict[str, str] = {}
    needs = Urgency.NONE
    for item in r.objs(response, "item"):
        key = item.get("linkId")
        answer = next(iter(r.objs(item, "answer")), {})
        if key == "needs":
            code = r.code_in({"coding": [answer.get("valueCoding")]}, wire.URGENCY_SYSTEM)
            if code in Urgency.__members__.values():
                needs = Urgency(code)
        elif isinstance(key, str) and key in ("opinion", "recommendations", "within", "follow_up"):
            fields[key] = r.text(answer, "valueString", "avis", LONG)
    if not fields.get("opinion"):
        r.note("avis du spécialiste vide")
    return ExpertAnswer(
        opinion=fields.get("opinion", ""),
        recommendations=fields.get("recommendations", ""),
        needs=needs,
        within=fields.get("within", ""),
        follow_up=fields.get("follow_up", ""),
    )
