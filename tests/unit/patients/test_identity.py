from __future__ import annotations

from datetime import date

import pytest

from mssclient.patients import (
    INS_NIR_OID,
    IdentityStatus,
    Patient,
    PatientIdentityError,
    Sex,
    identity_mismatches,
    make_traits,
    parse_ins,
)
from tests.unit.patients.nir_helpers import NIR_WOMAN_1955

TODAY = date(2026, 11, 22)


def traits(**overrides: object):  # type: ignore[no-untyped-def]
    values: dict[str, object] = {
        "birth_name": "Martin",
        "birth_first_names": "Jeanne Marie",
        "birth_date": "1955-03-14",
        "sex": "F",
        "birth_place_code": "75114",
        "today": TODAY,
    }
    values.update(overrides)
    return make_traits(**values)  # type: ignore[arg-type]


def test_traits_are_normalised() -> None:
    t = traits(birth_name="  de la   Fontaine ", birth_first_names=["Éloïse", "Anne-Marie"])
    assert t.birth_name == "DE LA FONTAINE"
    assert t.birth_first_names == ("Éloïse", "Anne-Marie")
    assert t.first_given_name == "Éloïse"
    assert t.birth_date == date(1955, 3, 14)
    assert t.sex is Sex.FEMALE


def test_decomposed_accents_are_composed() -> None:
    t = traits(birth_first_names="E\u0301lise")
    assert t.first_given_name == "\u00c9lise"


def test_corsica_birth_place_and_abroad() -> None:
    assert traits(birth_place_code="2a004").birth_place_code == "2A004"
    assert traits(birth_place_code="99100").birth_place_code == "99100"
    assert traits(birth_place_code="").birth_place_code == ""


@pytest.mark.parametrize("code", ["2C004", "7511", "751140", "ABCDE", "2A04"])
def test_bad_birth_place(code: str) -> None:
    with pytest.raises(PatientIdentityError) as info:
        traits(birth_place_code=code)
    assert "code INSEE" in info.value.user_message


def test_first_given_name_must_be_the_first_birth_first_name() -> None:
    assert traits(first_given_name="jeanne").first_given_name == "jeanne"
    with pytest.raises(PatientIdentityError) as info:
        traits(first_given_name="Marie")
    assert "premier des prénoms" in info.value.user_message


@pytest.mark.parametrize(
    ("field", "value", "fragment"),
    [
        ("birth_name", "", "obligatoire"),
        ("birth_name", "Martin2", "lettres"),
        ("birth_name", "<script>alert(1)</script>", "lettres"),
        ("birth_name", "Mar\x00tin", "lettres"),
        ("birth_name", "A" * 101, "100 caractères"),
        ("birth_name", 42, "texte"),
        ("birth_first_names", "", "Au moins un prénom"),
        ("birth_first_names", 3, "texte"),
        ("birth_first_names", " ".join(["Jean"] * 11), "10 au plus"),
        ("birth_date", "2030-01-01", "futur"),
        ("birth_date", "1800-01-01", "trop ancienne"),
        ("birth_date", "14/03/1955", "AAAA-MM-JJ"),
        ("birth_date", None, "AAAA-MM-JJ"),
        ("sex", "X", "M (masculin)"),
        ("sex", None, "M (masculin)"),
    ],
)
def test_bad_traits_get_french_errors(field: str, value: object, fragment: str) -> None:
    with pytest.raises(PatientIdentityError) as info:
        traits(**{field: value})
    assert fragment in info.value.user_message


def test_qualified_or_retrieved_identity_needs_an_ins() -> None:
    for status in (IdentityStatus.QUALIFIED, IdentityStatus.RETRIEVED):
        with pytest.raises(PatientIdentityError) as info:
            Patient(traits(), status)
        assert "forcément un INS" in info.value.user_message


def test_only_a_qualified_identity_transmits_its_ins() -> None:
    ins = parse_ins(NIR_WOMAN_1955, INS_NIR_OID)
    assert Patient(traits(), IdentityStatus.QUALIFIED, ins).transmittable_ins == ins
    for status in (IdentityStatus.RETRIEVED, IdentityStatus.VALIDATED):
        assert Patient(traits(), status, ins).transmittable_ins is None
    assert Patient(traits()).transmittable_ins is None


def test_matricule_and_traits_agree() -> None:
    ins = parse_ins(NIR_WOMAN_1955, INS_NIR_OID)
    assert identity_mismatches(Patient(traits(), IdentityStatus.QUALIFIED, ins)) == []


def test_mismatches_are_reported_for_confirmation() -> None:
    ins = parse_ins(NIR_WOMAN_1955, INS_NIR_OID)
    wrong = traits(sex="M", birth_date="1956-04-01", birth_place_code="69123")
    problems = identity_mismatches(Patient(wrong, IdentityStatus.VALIDATED, ins))
    assert len(problems) == 4
    assert any("sexe" in p for p in problems)
    assert any("année" in p and "..55" in p for p in problems)
    assert any("mois" in p for p in problems)
    assert any("lieu de naissance" in p.lower() for p in problems)
