"""Patients in the encrypted store."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from mssclient.patients.errors import PatientIdentityError
from mssclient.patients.identity import IdentityStatus, Patient, PatientTraits, Sex
from mssclient.patients.ins import InsIdentifier

if TYPE_CHECKING:
    from mssclient.store import Store

_SELECT = (
    "SELECT id, birth_name, birth_first_names, first_given_name, birth_date, sex, "
    "birth_place_code, ins_matricule, ins_oid, identity_status, notes, created_at, updated_at "
    "FROM patients "
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class PatientRepository:
    def __init__(self, store: Store, *, actor: str = "user") -> None:
        self._store = store
        self._actor = actor

    def add(self, patient: Patient) -> Patient:
        """Store a new patient; an INS already on file is refused (pick that patient)."""
        if patient.ins is not None and self.find_by_ins(patient.ins) is not None:
            raise PatientIdentityError(
                "Un patient avec cet INS existe déjà : sélectionnez-le plutôt que d'en créer "
                "un nouveau.",
                field="matricule",
            )
        now = _now()
        with self._store.transaction():
            cursor = self._store.execute(
                "INSERT INTO patients(birth_name, birth_first_names, first_given_name, "
                "birth_date, sex, birth_place_code, ins_matricule, ins_oid, identity_status, "
                "notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*_values(patient), now, now),
            )
            new_id = int(cursor.lastrowid or 0)
            self._store.audit.append(self._actor, "patient.create", f"patient:{new_id}")
        return replace(patient, id=new_id, created_at=now, updated_at=now)

    def update(self, patient: Patient) -> Patient:
        if patient.id is None:
            raise ValueError("cannot update a patient that was never stored")
        now = _now()
        with self._store.transaction():
            self._store.execute(
                "UPDATE patients SET birth_name = ?, birth_first_names = ?, "
                "first_given_name = ?, birth_date = ?, sex = ?, birth_place_code = ?, "
                "ins_matricule = ?, ins_oid = ?, identity_status = ?, notes = ?, "
                "updated_at = ? WHERE id = ?",
                (*_values(patient), now, patient.id),
            )
            self._store.audit.append(
                self._actor, "patient.update", f"patient:{patient.id}", patient.status.value
            )
        return replace(patient, updated_at=now)

    def get(self, patient_id: int) -> Patient | None:
        rows = self._store.query(_SELECT + "WHERE id = ?", (patient_id,))
        return _from_row(rows[0]) if rows else None

    def find_by_ins(self, ins: InsIdentifier) -> Patient | None:
        rows = self._store.query(
            _SELECT + "WHERE ins_matricule = ? AND ins_oid = ?",
            (ins.matricule, ins.oid),
        )
        return _from_row(rows[0]) if rows else None

    def search(self, text: str = "", *, limit: int = 50) -> list[Patient]:
        """Patients whose birth name or first given name starts with ``text``."""
        pattern = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self._store.query(
            _SELECT + "WHERE birth_name LIKE ? ESCAPE '\\' "
            "OR first_given_name LIKE ? ESCAPE '\\' "
            "ORDER BY birth_name, first_given_name, birth_date LIMIT ?",
            (pattern + "%", pattern + "%", limit),
        )
        return [_from_row(r) for r in rows]


def _values(p: Patient) -> tuple[Any, ...]:
    t = p.traits
    return (
        t.birth_name,
        " ".join(t.birth_first_names),
        t.first_given_name,
        t.birth_date.isoformat(),
        t.sex.value,
        t.birth_place_code,
        p.ins.matricule if p.ins else None,
        p.ins.oid if p.ins else None,
        p.status.value,
        p.notes,
    )


def _from_row(row: Any) -> Patient:
    # Rows were checked on the way in; rebuild without re-running the form checks.
    traits = PatientTraits(
        birth_name=row["birth_name"],
        birth_first_names=tuple(row["birth_first_names"].split()),
        first_given_name=row["first_given_name"],
        birth_date=date.fromisoformat(row["birth_date"]),
        sex=Sex(row["sex"]),
        birth_place_code=row["birth_place_code"],
    )
    ins = (
        InsIdentifier(row["ins_matricule"], row["ins_oid"])
        if row["ins_matricule"] is not None
        else None
    )
    return Patient(
        traits=traits,
        status=IdentityStatus(row["identity_status"]),
        ins=ins,
        id=int(row["id"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        notes=row["notes"],
    )
