"""The hospital directory profile: the demo bundle, and malformed or hostile bundles."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle

from mssclient.directory.bundle import MAX_BUNDLE_BYTES, parse_bundle
from mssclient.directory.errors import BundleError
from mssclient.paths import resources_dir

DEMO = resources_dir() / "demo" / "hospital-directory.fhir.json"


def _demo() -> dict[str, Any]:
    return json.loads(DEMO.read_text(encoding="utf-8"))


def test_demo_bundle_is_valid_fhir_r4() -> None:
    bundle = Bundle.model_validate_json(DEMO.read_bytes())
    kinds = {entry.resource.__resource_type__ for entry in bundle.entry}
    assert {"Organization", "HealthcareService", "PractitionerRole", "Practitioner"} <= kinds


def test_demo_bundle_parses_into_the_directory() -> None:
    directory = parse_bundle(DEMO.read_bytes())
    assert directory.organization_name == "Centre hospitalier d'Exemple"
    assert directory.single_number == "03 21 00 00 00"
    assert directory.warnings == ()
    doctors = [s for s in directory.specialties if not s.is_nurses_line]
    assert len(doctors) >= 15
    keys = [s.menu_key for s in doctors]
    assert all(keys) and len(set(keys)) == len(keys)
    derm = directory.specialty("dermatologie")
    assert derm is not None
    assert derm.teleexpertise_mailbox == "dermatologie@ch-exemple.sandbox.mssante.fr"
    assert derm.menu_key == "4"
    assert derm.answer_delay_hours == 48
    assert "escarre" in derm.keywords
    assert derm.booking_url.startswith("https://")
    assert derm.direct_lines and derm.direct_lines[0] != "03 21 00 00 00"
    assert len(derm.on_call) == 3
    nurses = directory.specialty("ligne-infirmiere")
    assert nurses is not None and nurses.is_nurses_line
    assert nurses.single_number == "03 21 00 00 10"
    assert nurses.teleexpertise_mailbox.startswith("infirmiers-te@")
    assert directory.organization_mailbox_domain == "ch-exemple.sandbox.mssante.fr"
    rhumato = directory.specialty("rhumatologie")
    assert rhumato is not None and rhumato.closures[0].description.startswith("Fermeture")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"", "JSON valide"),
        (b"{not json", "JSON valide"),
        (b'{"resourceType": "Bundle", "entry": [NaN]}', "JSON valide"),
        (b"[1, 2, 3]", "objet attendu"),
        (b'"Bundle"', "objet attendu"),
        (b'{"resourceType": "Patient", "id": "x"}', "Patient"),
        (b'{"entry": []}', "None"),
        (b'{"resourceType": "Bundle"}', "aucune entrée"),
        (b'{"resourceType": "Bundle", "entry": {"a": 1}}', "aucune entrée"),
        (b'{"resourceType": "Bundle", "entry": []}', "aucune spécialité"),
        (
            b'{"resourceType": "Bundle", "entry": [1, "x", null, {"resource": 5}]}',
            "aucune spécialité",
        ),
        ("é".encode("latin-1") + b'{"resourceType": "Bundle"}', "UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "JSON valide"),
    ],
)
def test_malformed_bundles_get_a_french_error(raw: bytes, expected: str) -> None:
    with pytest.raises(BundleError) as caught:
        parse_bundle(raw)
    assert expected in caught.value.user_message


def test_huge_input_is_refused_before_parsing() -> None:
    raw = b'{"resourceType": "Bundle", "entry": [' + b" " * MAX_BUNDLE_BYTES + b"]}"
    with pytest.raises(BundleError) as caught:
        parse_bundle(raw)
    assert "trop volumineux" in caught.value.user_message


def test_wrong_types_skip_fields_and_resources_with_warnings() -> None:
    document = _demo()
    services = [
        e["resource"]
        for e in document["entry"]
        if e["resource"]["resourceType"] == "HealthcareService"
    ]
    services[0]["name"] = 42  # unusable service: skipped
    services[1]["availableTime"] = [{"daysOfWeek": ["mon"], "availableStartTime": "25:99"}]
    services[2]["telecom"] = "03 21 00 00 00"  # not a list: no lines, org number used
    services[3]["extension"] = [
        {
            "url": "https://mssclient.fr/fhir/StructureDefinition/menu-key",
            "valueString": "DROP TABLE",
        }
    ]
    services[4]["notAvailable"] = [{"description": "x", "during": {"start": "2026-13-45"}}]
    services[5]["extension"] = [
        {
            "url": "https://mssclient.fr/fhir/StructureDefinition/answer-delay",
            "valueDuration": {"value": "beaucoup"},
        }
    ]
    services[6]["characteristic"] = [None, {"text": 3}, {"text": "ok"}]
    directory = parse_bundle(json.dumps(document))
    ids = [s.id for s in directory.specialties]
    assert services[0]["id"] not in ids
    assert directory.specialty(services[1]["id"]).hours == ()  # type: ignore[union-attr]
    third = directory.specialty(services[2]["id"])
    assert third is not None and third.single_number == "03 21 00 00 00"
    assert third.direct_lines == () and third.teleexpertise_mailbox == ""
    assert directory.specialty(services[3]["id"]).menu_key == ""  # type: ignore[union-attr]
    assert directory.specialty(services[4]["id"]).closures == ()  # type: ignore[union-attr]
    assert directory.specialty(services[5]["id"]).answer_delay_hours is None  # type: ignore[union-attr]
    assert directory.specialty(services[6]["id"]).keywords == ("ok",)  # type: ignore[union-attr]
    text = " ".join(directory.warnings)
    for fragment in (
        "identifiant ou nom manquant",
        "heures d'ouverture illisibles",
        "touche de menu",
        "fermeture illisible",
        "délai de réponse illisible",
    ):
        assert fragment in text


def test_duplicate_service_ids_keep_the_first() -> None:
    document = _demo()
    derm = next(e for e in document["entry"] if e["resource"].get("id") == "dermatologie")
    clone = json.loads(json.dumps(derm))
    clone["resource"]["name"] = "Autre dermatologie"
    document["entry"].append(clone)
    directory = parse_bundle(json.dumps(document).encode())
    assert [s.name for s in directory.specialties if s.id == "dermatologie"] == ["Dermatologie"]
    assert any("en double" in w for w in directory.warnings)


def test_bom_and_str_input_are_accepted() -> None:
    raw = DEMO.read_bytes()
    assert parse_bundle(b"\xef\xbb\xbf" + raw).organization_name.startswith("Centre")
    assert len(parse_bundle(raw.decode("utf-8")).specialties) >= 16
