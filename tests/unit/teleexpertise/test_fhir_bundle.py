from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta

import pytest

from mssclient.patients import IdentityStatus
from mssclient.teleexpertise import wire
from mssclient.teleexpertise.errors import RequestIncompleteError
from mssclient.teleexpertise.fhir_build import (
    build_request_bundle,
    build_update_bundle,
    bundle_bytes,
)
from mssclient.teleexpertise.fhir_parse import parse_bundle_bytes
from mssclient.teleexpertise.model import Consent, ExpertAnswer, RequestStatus, Urgency
from mssclient.teleexpertise.state import Action
from mssclient.teleexpertise.updates import ParsedTeleexpertiseUpdate, TeleexpertiseUpdate
from tests.unit.patients.nir_helpers import NIR_WOMAN_1955
from tests.unit.teleexpertise.factories import (
    DERMATOLOGIST,
    GP,
    NURSE,
    PHOTO,
    T0,
    patient,
    wound_request,
)
from tests.unit.teleexpertise.fhir_validation import resources_of, validate_bundle


def _sent():  # type: ignore[no-untyped-def]
    return wound_request(status=RequestStatus.SENT, sent_at=T0, updated_at=T0)


def _parse(bundle: dict[str, object]) -> ParsedTeleexpertiseUpdate:
    parsed = parse_bundle_bytes(bundle_bytes(bundle))
    assert isinstance(parsed, ParsedTeleexpertiseUpdate), parsed
    return parsed


def test_request_bundle_is_valid_fhir_and_versioned() -> None:
    bundle = build_request_bundle(_sent())
    model = validate_bundle(bundle)
    assert model.type == "collection"
    tags = {(t["system"], t["code"]) for t in bundle["meta"]["tag"]}
    assert (wire.FORMAT_TAG_SYSTEM, "mssclient-te/1") in tags
    assert (wire.KIND_TAG_SYSTEM, "request") in tags
    kinds = sorted(e["resource"]["resourceType"] for e in bundle["entry"])
    assert kinds == sorted(
        [
            "Task",
            "Patient",
            "Practitioner",
            "DocumentReference",
            "DocumentReference",
            "Consent",
            "QuestionnaireResponse",
            "ServiceRequest",
        ]
    )
    assert bundle["entry"][0]["resource"]["resourceType"] == "Task"


def test_references_resolve_inside_the_bundle() -> None:
    bundle = build_request_bundle(_sent())
    urls = {e["fullUrl"] for e in bundle["entry"]}
    found = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("reference"), str):
                found.append(node["reference"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(bundle)
    assert found and set(found) <= urls


def test_qualified_identity_carries_the_ins() -> None:
    bundle = build_request_bundle(_sent())
    (pat,) = resources_of(bundle, "Patient")
    assert pat["identifier"] == [
        {"use": "official", "system": "urn:oid:1.2.250.1.213.1.4.8", "value": NIR_WOMAN_1955}
    ]
    ext = {e["url"]: e for e in pat["extension"]}
    assert ext[wire.EXT_INS_TRANSMITTED]["valueBoolean"] is True
    assert ext[wire.EXT_IDENTITY_STATUS]["valueCode"] == "qualified"
    assert pat["name"][0] == {"use": "official", "family": "MARTIN", "given": ["Jeanne", "Marie"]}
    assert (pat["gender"], pat["birthDate"]) == ("female", "1955-03-14")


@pytest.mark.parametrize("status", [IdentityStatus.VALIDATED, IdentityStatus.RETRIEVED])
def test_unqualified_identity_sends_traits_only_and_says_so(status: IdentityStatus) -> None:
    p = replace(patient(), status=status)
    bundle = build_request_bundle(replace(_sent(), patient=p))
    validate_bundle(bundle)
    (pat,) = resources_of(bundle, "Patient")
    assert "identifier" not in pat
    assert NIR_WOMAN_1955 not in json.dumps(bundle)
    ext = {e["url"]: e for e in pat["extension"]}
    assert ext[wire.EXT_INS_TRANSMITTED]["valueBoolean"] is False
    assert ext[wire.EXT_IDENTITY_STATUS]["valueCode"] == status.value
    parsed = _parse(bundle)
    assert parsed.request is not None and parsed.request.patient.ins is None


def test_practitioner_identifiers_use_id_nat_ps() -> None:
    nurse_bundle = build_request_bundle(_sent())
    (nurse,) = resources_of(nurse_bundle, "Practitioner")
    assert nurse["identifier"] == [{"system": "urn:oid:1.2.250.1.71.4.2.1", "value": "0759912345"}]
    gp_bundle = build_request_bundle(replace(_sent(), requester=GP))
    (gp,) = resources_of(gp_bundle, "Practitioner")
    assert gp["identifier"][0]["value"] == "810001234567"


def test_consent_is_mandatory_and_dated() -> None:
    bundle = build_request_bundle(_sent())
    (consent,) = resources_of(bundle, "Consent")
    assert (consent["status"], consent["dateTime"]) == ("active", "2026-03-01")
    with pytest.raises(RequestIncompleteError):
        build_request_bundle(replace(_sent(), consent=Consent(False)))


def test_attachments_are_referenced_by_content_id() -> None:
    bundle = build_request_bundle(_sent())
    urls = [d["content"][0]["attachment"]["url"] for d in resources_of(bundle, "DocumentReference")]
    assert urls == ["cid:photo1.abc@mssclient", "cid:ordo1.abc@mssclient"]
    (qr,) = resources_of(bundle, "QuestionnaireResponse")
    photos = next(i for i in qr["item"] if i["linkId"] == "photos")
    assert [a["valueReference"]["display"] for a in photos["answer"]] == ["plaie-talon.jpg"]


def test_request_round_trip() -> None:
    original = _sent()
    parsed = _parse(build_request_bundle(original))
    assert parsed.kind == "request"
    assert parsed.problems == ()
    assert parsed.status is RequestStatus.SENT
    assert json.loads(parsed.task_json)["status"] == "requested"
    got = parsed.request
    assert got is not None
    assert got.request_uid == original.request_uid
    assert got.patient.traits == original.patient.traits
    assert got.patient.ins == original.patient.ins
    assert got.patient.status is IdentityStatus.QUALIFIED
    assert got.requester == original.requester
    assert (got.specialty.id, got.specialty.label) == ("dermatologie", "Dermatologie")
    assert got.question == original.question
    assert got.clinical == original.clinical
    assert got.consent == original.consent
    assert got.attachments == original.attachments
    assert got.sent_at == T0


def test_generic_template_round_trip() -> None:
    from mssclient.teleexpertise.model import ClinicalForm

    clinical = ClinicalForm("generic", (("history", "HTA, diabète"), ("treatments", "metformine")))
    parsed = _parse(build_request_bundle(replace(_sent(), clinical=clinical, attachments=())))
    assert parsed.request is not None and parsed.request.clinical == clinical


def _update(**kw: object) -> TeleexpertiseUpdate:
    values: dict[str, object] = {
        "request_uid": _sent().request_uid,
        "action": Action.ANSWER,
        "status": RequestStatus.ANSWERED,
        "author": DERMATOLOGIST,
        "at": T0 + timedelta(hours=20),
    }
    values.update(kw)
    return TeleexpertiseUpdate(**values)  # type: ignore[arg-type]


def test_answer_update_round_trip() -> None:
    answer = ExpertAnswer(
        "Plaie ischémique probable.",
        "Pansement hydrocolloïde, décharge du talon.",
        Urgency.CONSULTATION,
        "sous 8 jours",
        "Photo de contrôle à J15.",
    )
    update = _update(answer=answer, message="Voir avis ci-dessous.", assignee=DERMATOLOGIST)
    bundle = build_update_bundle(update, _sent())
    validate_bundle(bundle)
    (task,) = resources_of(bundle, "Task")
    assert task["status"] == "completed"
    assert task["businessStatus"]["coding"][0]["code"] == "answered"
    assert len(resources_of(bundle, "Communication")) == 1
    parsed = _parse(bundle)
    assert parsed.kind == "update" and parsed.problems == ()
    got = parsed.update
    assert got is not None
    assert got.answer == answer
    assert got.message == "Voir avis ci-dessous."
    assert got.author == DERMATOLOGIST and got.assignee == DERMATOLOGIST
    assert got.action is Action.ANSWER and got.at == T0 + timedelta(hours=20)


def test_question_back_and_information_with_photo() -> None:
    ask = _update(
        action=Action.ASK_INFORMATION,
        status=RequestStatus.INFO_REQUESTED,
        message="Pouvez-vous envoyer une photo avec une règle graduée ?",
    )
    bundle = build_update_bundle(ask, _sent())
    validate_bundle(bundle)
    assert resources_of(bundle, "Task")[0]["status"] == "on-hold"
    parsed = _parse(bundle)
    assert parsed.update is not None and parsed.update.message.startswith("Pouvez-vous")
    give = _update(
        action=Action.PROVIDE_INFORMATION,
        status=RequestStatus.TAKEN,
        author=NURSE,
        message="Photo jointe.",
        attachments=(replace(PHOTO, content_id="photo2@x", filename="regle.jpg"),),
    )
    bundle = build_update_bundle(give, _sent())
    validate_bundle(bundle)
    parsed = _parse(bundle)
    assert parsed.update is not None
    assert [a.filename for a in parsed.update.attachments] == ["regle.jpg"]
    assert parsed.update.author == NURSE


def test_decline_with_redirect() -> None:
    update = _update(
        action=Action.DECLINE,
        status=RequestStatus.DECLINED,
        reason="Relève de la chirurgie vasculaire.",
        redirect_to="Chirurgie vasculaire",
    )
    bundle = build_update_bundle(update, _sent())
    validate_bundle(bundle)
    assert resources_of(bundle, "Task")[0]["status"] == "rejected"
    parsed = _parse(bundle)
    assert parsed.update is not None
    assert parsed.update.reason == "Relève de la chirurgie vasculaire."
    assert parsed.update.redirect_to == "Chirurgie vasculaire"
    assert parsed.status is RequestStatus.DECLINED
