"""Ready-made people, patients and requests for the teleexpertise tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from mssclient.patients import INS_NIR_OID, IdentityStatus, Patient, make_traits, parse_ins
from mssclient.teleexpertise.model import (
    AttachmentRef,
    ClinicalForm,
    Consent,
    Practitioner,
    Profession,
    Specialty,
    TeleexpertiseRequest,
)
from tests.unit.patients.nir_helpers import NIR_WOMAN_1955

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

NURSE = Practitioner(
    "Claire Petit", Profession.NURSE, adeli="759912345", mailbox="claire.petit@infirmier.mssante.fr"
)
GP = Practitioner(
    "Dr Paul Roux", Profession.DOCTOR, rpps="10001234567", mailbox="p.roux@medecin.mssante.fr"
)
DERMATOLOGIST = Practitioner(
    "Dr Alice Bernard", Profession.DOCTOR, rpps="10009876543", mailbox="a.bernard@chu.mssante.fr"
)
COLLEAGUE = Practitioner("Dr Marc Henry", Profession.DOCTOR, rpps="10005555555")

DERMATOLOGY = Specialty(
    "dermatologie",
    "Dermatologie",
    "dermatologie.te@chu.mssante.fr",
    timedelta(hours=48),
    "wound",
)


def patient(*, qualified: bool = True, patient_id: int | None = None) -> Patient:
    traits = make_traits(
        birth_name="Martin",
        birth_first_names="Jeanne Marie",
        birth_date="1955-03-14",
        sex="F",
        birth_place_code="75114",
    )
    ins = parse_ins(NIR_WOMAN_1955, INS_NIR_OID)
    status = IdentityStatus.QUALIFIED if qualified else IdentityStatus.VALIDATED
    return Patient(traits, status, ins if qualified else None, id=patient_id)


PHOTO = AttachmentRef("photo1.abc@mssclient", "plaie-talon.jpg", "image/jpeg", 2048, title="Talon")
PDF = AttachmentRef("ordo1.abc@mssclient", "ordonnance.pdf", "application/pdf", 4096)


def wound_request(**overrides: object) -> TeleexpertiseRequest:
    request = TeleexpertiseRequest(
        request_uid="6f1c2a3e-0d4b-4c1e-9a55-1f0e2d3c4b5a",
        patient=patient(),
        specialty=DERMATOLOGY,
        requester=NURSE,
        question="Plaie du talon qui ne cicatrise pas : quel pansement ?",
        clinical=ClinicalForm(
            "wound",
            (("location", "talon droit"), ("size", "3 x 2"), ("duration", "6 semaines")),
        ),
        consent=Consent(True, date(2026, 3, 1), "Consentement oral, patiente informée."),
        attachments=(PHOTO, PDF),
        created_at=T0,
    )
    return replace(request, **overrides)  # type: ignore[arg-type]
