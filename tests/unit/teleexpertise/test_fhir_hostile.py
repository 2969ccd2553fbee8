"""Malformed, hostile and huge structured parts: a clear French reason, never a crash."""

from __future__ import annotations

import copy
import json
import random
from typing import Any

import pytest

from mssclient.teleexpertise import wire
from mssclient.teleexpertise.fhir_build import (
    build_request_bundle,
    build_update_bundle,
    bundle_bytes,
)
from mssclient.teleexpertise.fhir_parse import parse_bundle_bytes
from mssclient.teleexpertise.jsonguard import MAX_BYTES, JsonRejected, load_untrusted_json
from mssclient.teleexpertise.mail_parts import mail_parts_to_update
from mssclient.teleexpertise.model import RequestStatus
from mssclient.teleexpertise.state import Action
from mssclient.teleexpertise.updates import (
    ParsedTeleexpertiseUpdate,
    PayloadRejected,
    TeleexpertiseUpdate,
)
from tests.unit.teleexpertise.factories import DERMATOLOGIST, T0, wound_request
from tests.unit.teleexpertise.fhir_validation import validate_bundle


def _bundle() -> dict[str, Any]:
    return build_request_bundle(wound_request(status=RequestStatus.SENT, sent_at=T0))


def _rejected(payload: bytes) -> PayloadRejected:
    result = parse_bundle_bytes(payload)
    assert isinstance(result, PayloadRejected), result
    assert result.raw == payload  # the raw data is kept
    assert result.user_message.startswith("La partie structurée (FHIR)")
    return result


def _resource(bundle: dict[str, Any], kind: str) -> dict[str, Any]:
    return next(e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind)


def test_the_fhir_validator_is_not_a_no_op() -> None:
    bundle = _bundle()
    del _resource(bundle, "Task")["intent"]
    with pytest.raises(ValueError, match="intent"):
        validate_bundle(bundle)


@pytest.mark.parametrize("opener", [b"[", b'{"a":'])
def test_100000_levels_of_nesting(opener: bytes) -> None:
    closer = b"]" if opener == b"[" else b"}"
    payload = opener * 100_000 + b"1" + closer * 100_000
    assert "imbriquée" in _rejected(payload).reason_fr


def test_unclosed_deep_nesting_and_brackets_inside_strings() -> None:
    assert "imbriquée" in _rejected(b"[" * 100_000).reason_fr
    # Brackets inside strings do not count toward the depth.
    text = json.dumps({"resourceType": "Bundle", "x": "[" * 10_000})
    assert "version" in _rejected(text.encode()).reason_fr


def test_unterminated_string_full_of_escaped_quotes_is_linear() -> None:
    payload = b'"' + b'\\"' * 500_000
    assert "JSON invalide" in _rejected(payload).reason_fr


def test_huge_payload_is_refused_before_parsing() -> None:
    payload = b'{"resourceType": "Bundle", "pad": "' + b"x" * MAX_BYTES + b'"}'
    assert "trop volumineuse" in _rejected(payload).reason_fr


@pytest.mark.parametrize(
    ("payload", "fragment"),
    [
        (b"", "JSON invalide"),
        (b"not json", "JSON invalide"),
        (b"\xff\xfe\x00garbage", "UTF-8"),
        (b"[1, 2, 3]", "pas un Bundle"),
        (b'"Bundle"', "pas un Bundle"),
        (b'{"resourceType": "Patient"}', "pas un Bundle"),
        (b'{"resourceType": "Bundle", "x": NaN}', "non autorisée"),
        (b'{"resourceType": "Bundle", "resourceType": "Bundle"}', "en double"),
        (b'{"resourceType": "Bundle"}', "version"),
    ],
)
def test_not_our_bundle(payload: bytes, fragment: str) -> None:
    assert fragment in _rejected(payload).reason_fr


def test_unknown_major_version_is_refused_minor_accepted() -> None:
    bundle = _bundle()
    bundle["meta"]["tag"][0]["code"] = "mssclient-te/2"
    assert "non prise en charge" in _rejected(bundle_bytes(bundle)).reason_fr
    bundle["meta"]["tag"][0]["code"] = "mssclient-te/1.3"
    assert isinstance(parse_bundle_bytes(bundle_bytes(bundle)), ParsedTeleexpertiseUpdate)


@pytest.mark.parametrize(
    ("damage", "fragment"),
    [
        (lambda b: b.update(entry="nope"), "aucune ressource"),
        (lambda b: b.update(entry=[]), "aucune ressource"),
        (lambda b: b.update(entry=[{"resource": {"resourceType": "Patient"}}] * 500), "trop de"),
        (lambda b: b.update(entry=[e for e in b["entry"][1:]]), "Task manque"),
        (lambda b: b["entry"][0]["resource"].pop("identifier"), "identifiant de demande absent"),
        (
            lambda b: b["entry"][0]["resource"]["identifier"][0].update(value="../../etc"),
            "identifiant de demande invalide",
        ),
        (
            lambda b: b["entry"][0]["resource"].update(status="bogus", businessStatus=7),
            "statut",
        ),
    ],
)
def test_structurally_broken_bundles_are_rejected(damage: Any, fragment: str) -> None:
    bundle = _bundle()
    damage(bundle)
    assert fragment in _rejected(bundle_bytes(bundle)).reason_fr


def test_missing_patient_leaves_the_request_flagged_not_crashed() -> None:
    bundle = _bundle()
    bundle["entry"] = [e for e in bundle["entry"] if e["resource"]["resourceType"] != "Patient"]
    parsed = parse_bundle_bytes(bundle_bytes(bundle))
    assert isinstance(parsed, ParsedTeleexpertiseUpdate)
    assert parsed.request is None and parsed.flagged
    assert "patient absent du message" in parsed.problems


def test_wrong_types_everywhere_are_problems() -> None:
    bundle = _bundle()
    service = _resource(bundle, "ServiceRequest")
    service["note"] = [{"text": 42}]
    service["performerType"] = "dermato"
    _resource(bundle, "Consent")["dateTime"] = ["2026"]
    _resource(bundle, "Practitioner")["identifier"] = [
        {"system": wire.ID_NAT_PS_SYSTEM, "value": "8123"}
    ]
    _resource(bundle, "QuestionnaireResponse")["item"] = [{"linkId": {"x": 1}}, "junk", None]
    parsed = parse_bundle_bytes(bundle_bytes(bundle))
    assert isinstance(parsed, ParsedTeleexpertiseUpdate)
    assert parsed.request is not None
    problems = " | ".join(parsed.problems)
    for fragment in ("question", "spécialité", "consentement", "idNat_PS", "champ clinique"):
        assert fragment in problems


def test_hostile_strings_are_cleaned() -> None:
    bundle = _bundle()
    service = _resource(bundle, "ServiceRequest")
    service["note"] = [{"text": "Plaie\u202e gnp.exe\x00\x1b[31m" + "A" * 50_000}]
    _resource(bundle, "Practitioner")["name"] = [{"text": "Dr\u200b Evil\nBcc: x@y"}]
    parsed = parse_bundle_bytes(bundle_bytes(bundle))
    assert isinstance(parsed, ParsedTeleexpertiseUpdate) and parsed.request is not None
    question = parsed.request.question
    assert "\u202e" not in question and "\x00" not in question and "\x1b" not in question
    assert len(question) <= 20_001
    assert parsed.request.requester.display_name == "Dr Evil Bcc: x@y"
    assert any("invisibles" in p for p in parsed.problems)


def test_ins_rules_on_the_receiving_side() -> None:
    bundle = _bundle()
    pat = _resource(bundle, "Patient")
    pat["identifier"][0]["value"] = pat["identifier"][0]["value"][:13] + "00"
    parsed = parse_bundle_bytes(bundle_bytes(bundle))
    assert isinstance(parsed, ParsedTeleexpertiseUpdate) and parsed.request is not None
    assert parsed.request.patient.ins is None
    assert parsed.request.patient.status.value == "validated"
    assert any("INS reçu rejeté" in p for p in parsed.problems)


def test_ins_sent_with_an_unqualified_status_is_ignored() -> None:
    bundle = _bundle()
    pat = _resource(bundle, "Patient")
    pat["extension"][0]["valueCode"] = "provisional"
    parsed = parse_bundle_bytes(bundle_bytes(bundle))
    assert isinstance(parsed, ParsedTeleexpertiseUpdate) and parsed.request is not None
    assert parsed.request.patient.ins is None
    assert any("non qualifiée" in p for p in parsed.problems)


def test_content_type_is_checked() -> None:
    payload = bundle_bytes(_bundle())
    result = mail_parts_to_update("text/plain; charset=utf-8", payload)
    assert isinstance(result, PayloadRejected) and "type de contenu" in result.reason_fr
    ok = mail_parts_to_update('application/fhir+json; fhirVersion="4.0"', payload)
    assert isinstance(ok, ParsedTeleexpertiseUpdate)


def test_json_guard_limits_are_parameters() -> None:
    with pytest.raises(JsonRejected):
        load_untrusted_json(b"[[[1]]]", max_depth=2)
    assert load_untrusted_json(b"[[1]]", max_depth=2) == [[1]]


def _mutate(node: Any, rng: random.Random) -> None:
    """Damage one random place: drop a key, or swap a value for a wrong type."""
    path: list[Any] = []
    current = node
    while True:
        if isinstance(current, dict) and current:
            key = rng.choice(list(current))
        elif isinstance(current, list) and current:
            key = rng.randrange(len(current))
        else:
            break
        path.append((current, key))
        if rng.random() < 0.3:
            break
        current = current[key]
    if not path:
        return
    parent, key = path[-1]
    choice = rng.randrange(6)
    if choice == 0 and isinstance(parent, dict):
        del parent[key]
    else:
        parent[key] = [None, 0, -1, "", "x" * 300, {"a": []}, True, 1e308][rng.randrange(8)]


@pytest.mark.parametrize("kind", ["request", "update"])
def test_fuzzed_bundles_never_crash(kind: str) -> None:
    request = wound_request(status=RequestStatus.SENT, sent_at=T0)
    if kind == "request":
        base = build_request_bundle(request)
    else:
        update = TeleexpertiseUpdate(
            request.request_uid,
            Action.TAKE,
            RequestStatus.TAKEN,
            DERMATOLOGIST,
            T0,
            message="Je prends.",
            assignee=DERMATOLOGIST,
        )
        base = build_update_bundle(update, request)
    rng = random.Random(5)  # fixed seed: the same cases on every run
    outcomes = {"parsed": 0, "rejected": 0}
    for _ in range(400):
        damaged = copy.deepcopy(base)
        for _ in range(rng.randint(1, 4)):
            _mutate(damaged, rng)
        result = parse_bundle_bytes(json.dumps(damaged).encode())
        assert isinstance(result, ParsedTeleexpertiseUpdate | PayloadRejected)
        outcomes["parsed" if isinstance(result, ParsedTeleexpertiseUpdate) else "rejected"] += 1
    assert outcomes["parsed"] > 0 and outcomes["rejected"] > 0
