from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from mssclient.errors import MssError
from mssclient.patients import (
    INS_NIR_OID,
    IdentityStatus,
    Patient,
    PatientIdentityError,
    PatientRepository,
    make_traits,
    parse_ins,
)
from mssclient.store import Store
from tests.unit.patients.nir_helpers import NIR_CORSICA_2A, NIR_WOMAN_1955


def _patient(name: str = "Martin", matricule: str | None = NIR_WOMAN_1955) -> Patient:
    t = make_traits(
        birth_name=name,
        birth_first_names="Jeanne Marie",
        birth_date="1955-03-14",
        sex="F",
        birth_place_code="75114",
    )
    if matricule is None:
        return Patient(t)
    return Patient(t, IdentityStatus.QUALIFIED, parse_ins(matricule, INS_NIR_OID))


def test_round_trip(temp_store: Store) -> None:
    repo = PatientRepository(temp_store, actor="nurse")
    stored = repo.add(_patient())
    assert stored.id is not None
    again = repo.get(stored.id)
    assert again == stored
    assert again is not None and again.traits.birth_date == date(1955, 3, 14)
    assert repo.find_by_ins(parse_ins(NIR_WOMAN_1955, INS_NIR_OID)) == stored
    assert temp_store.audit.count("patient.create") == 1


def test_patient_without_ins(temp_store: Store) -> None:
    repo = PatientRepository(temp_store)
    stored = repo.add(_patient("Durand", None))
    assert stored.id is not None
    loaded = repo.get(stored.id)
    assert loaded is not None
    assert loaded.ins is None and loaded.status is IdentityStatus.PROVISIONAL


def test_same_ins_twice_is_refused(temp_store: Store) -> None:
    repo = PatientRepository(temp_store)
    repo.add(_patient())
    with pytest.raises(PatientIdentityError) as info:
        repo.add(_patient("Autre"))
    assert "existe déjà" in info.value.user_message


def test_update_and_search(temp_store: Store) -> None:
    repo = PatientRepository(temp_store)
    first = repo.add(_patient("Martin", None))
    repo.add(_patient("Martinez", NIR_CORSICA_2A))
    repo.add(_patient("Dupont", None))
    ins = parse_ins(NIR_WOMAN_1955, INS_NIR_OID)
    repo.update(replace(first, ins=ins, status=IdentityStatus.QUALIFIED))
    loaded = repo.get(first.id or 0)
    assert loaded is not None and loaded.is_qualified
    assert [p.traits.birth_name for p in repo.search("mart")] == ["MARTIN", "MARTINEZ"]
    assert repo.search("%") == []
    assert repo.search("_") == []
    assert len(repo.search("")) == 3


def test_schema_refuses_half_an_ins_and_bad_codes(temp_store: Store) -> None:
    insert = (
        "INSERT INTO patients(birth_name, birth_first_names, first_given_name, birth_date, sex, "
        "ins_matricule, ins_oid, identity_status, created_at, updated_at) "
        "VALUES ('A', 'B', 'B', '1950-01-01', ?, ?, ?, ?, 'now', 'now')"
    )
    for values in [
        ("F", "255037511412345", None, "provisional"),
        ("X", None, None, "provisional"),
        ("F", None, None, "trusted"),
    ]:
        with pytest.raises(MssError):
            temp_store.execute(insert, values)
    assert temp_store.scalar("SELECT count(*) FROM patients") == 0
