from __future__ import annotations

import pytest
from stdnum.fr import nir

from mssclient.patients import (
    INS_NIA_OID,
    INS_NIR_DEMO_OID,
    INS_NIR_OID,
    INS_NIR_TEST_OID,
    PatientIdentityError,
    parse_ins,
)
from tests.unit.patients.nir_helpers import (
    NIA_MAN_1980,
    NIR_CORSICA_2A,
    NIR_CORSICA_2B,
    NIR_WOMAN_1955,
    nir_key,
    with_key,
    wrong_key,
)


def test_our_key_computation_agrees_with_stdnum() -> None:
    for matricule in (NIR_WOMAN_1955, NIR_CORSICA_2A, NIR_CORSICA_2B, NIA_MAN_1980):
        assert nir.is_valid(matricule)
    assert nir_key("1234567890123") == nir.calc_check_digits("123456789012300")


@pytest.mark.parametrize("oid", [INS_NIR_OID, INS_NIR_TEST_OID, INS_NIR_DEMO_OID])
def test_valid_nir_with_each_nir_oid(oid: str) -> None:
    ins = parse_ins(NIR_WOMAN_1955, oid)
    assert ins.matricule == NIR_WOMAN_1955
    assert ins.oid == oid
    assert ins.fhir_system == f"urn:oid:{oid}"
    assert ins.is_test_or_demo is (oid != INS_NIR_OID)


def test_separators_and_urn_prefix_are_accepted() -> None:
    cuts = [(0, 1), (1, 3), (3, 5), (5, 7), (7, 10), (10, 13), (13, 15)]
    spaced = " ".join(NIR_WOMAN_1955[a:b] for a, b in cuts)
    ins = parse_ins(f"  {spaced}  ", "urn:oid:" + INS_NIR_OID)
    assert ins.matricule == NIR_WOMAN_1955
    assert ins.formatted() == spaced


@pytest.mark.parametrize("matricule", [NIR_CORSICA_2A, NIR_CORSICA_2B])
def test_corsica(matricule: str) -> None:
    assert parse_ins(matricule.lower(), INS_NIR_OID).matricule == matricule


def test_corsica_wrong_key_and_unknown_letter() -> None:
    with pytest.raises(PatientIdentityError) as info:
        parse_ins(wrong_key("160082A004017"), INS_NIR_OID)
    assert "clé" in info.value.user_message
    with pytest.raises(PatientIdentityError) as info:
        parse_ins("160082C00401700", INS_NIR_OID)
    assert "2A ou 2B" in info.value.user_message


def test_wrong_key_is_explained_in_french() -> None:
    with pytest.raises(PatientIdentityError) as info:
        parse_ins(wrong_key("2550375114123"), INS_NIR_OID)
    assert info.value.user_message.startswith("La clé du matricule INS est fausse")
    assert info.value.field == "matricule"


@pytest.mark.parametrize(
    "matricule", [NIR_WOMAN_1955[:-1], NIR_WOMAN_1955 + "1", "1", NIR_WOMAN_1955[:13]]
)
def test_wrong_lengths(matricule: str) -> None:
    with pytest.raises(PatientIdentityError) as info:
        parse_ins(matricule, INS_NIR_OID)
    assert "15 caractères" in info.value.user_message


@pytest.mark.parametrize("oid", ["1.2.250.1.213.1.4.2", "", "1.2.250.1.213.1.4.8.1", "urn:x"])
def test_unknown_oid(oid: str) -> None:
    with pytest.raises(PatientIdentityError) as info:
        parse_ins(NIR_WOMAN_1955, oid)
    assert "OID" in info.value.user_message
    assert info.value.field == "oid"


def test_nia_accepted_under_its_oid_only() -> None:
    ins = parse_ins(NIA_MAN_1980, INS_NIA_OID)
    assert ins.label == "INS-NIA"
    assert ins.derived().sex == "M"
    assert ins.derived().born_abroad
    with pytest.raises(PatientIdentityError) as info:
        parse_ins(NIA_MAN_1980, INS_NIR_OID)
    assert "commence par 1 ou 2" in info.value.user_message
    with pytest.raises(PatientIdentityError) as info:
        parse_ins(NIR_WOMAN_1955, INS_NIA_OID)
    assert "commence par 7 ou 8" in info.value.user_message
    # Test and demo OIDs take either kind.
    assert parse_ins(NIA_MAN_1980, INS_NIR_TEST_OID).oid == INS_NIR_TEST_OID


def test_nia_key_is_checked_like_a_nir() -> None:
    with pytest.raises(PatientIdentityError) as info:
        parse_ins(wrong_key("7800199350021"), INS_NIA_OID)
    assert "clé" in info.value.user_message


@pytest.mark.parametrize(
    "hostile",
    [
        None,
        12345,
        b"255037511412345",
        "x" * 10_000,
        "'; DROP TABLE patients; --",
        "２５５０３７５１１４１２３４５",  # full-width digits
        "2550375114123\x0045",
        "\u202e255037511412345",
        "",
        "   ",
    ],
)
def test_hostile_matricules_get_a_french_error(hostile: object) -> None:
    with pytest.raises(PatientIdentityError) as info:
        parse_ins(hostile, INS_NIR_OID)
    assert info.value.user_message
    assert info.value.field == "matricule"


def test_derived_information_for_confirmation() -> None:
    derived = parse_ins(NIR_WOMAN_1955, INS_NIR_OID).derived()
    assert (derived.sex, derived.birth_year_2d, derived.birth_month) == ("F", 55, 3)
    assert derived.birth_place_code == "75114"
    assert derived.describe_fr() == "femme, né(e) en 03/..55, lieu 75114"
    corsica = parse_ins(NIR_CORSICA_2A, INS_NIR_OID).derived()
    assert corsica.birth_place_code == "2A004"
    assert corsica.sex == "M"


def test_month_outside_1_to_12_means_unknown_month() -> None:
    ins = parse_ins(with_key("1553375114123"), INS_NIR_OID)
    assert ins.derived().birth_month is None
    assert "mois inconnu" in ins.derived().describe_fr()
