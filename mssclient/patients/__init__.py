"""Patient identity: INS (matricule + OID), identity traits and status, and their storage."""

from mssclient.patients.errors import PatientIdentityError
from mssclient.patients.identity import (
    IdentityStatus,
    Patient,
    PatientTraits,
    Sex,
    identity_mismatches,
    make_traits,
)
from mssclient.patients.ins import (
    INS_NIA_OID,
    INS_NIR_DEMO_OID,
    INS_NIR_OID,
    INS_NIR_TEST_OID,
    InsIdentifier,
    NirDerivedInfo,
    parse_ins,
)
from mssclient.patients.repository import PatientRepository

__all__ = [
    "INS_NIA_OID",
    "INS_NIR_DEMO_OID",
    "INS_NIR_OID",
    "INS_NIR_TEST_OID",
    "IdentityStatus",
    "InsIdentifier",
    "NirDerivedInfo",
    "Patient",
    "PatientIdentityError",
    "PatientRepository",
    "PatientTraits",
    "Sex",
    "identity_mismatches",
    "make_traits",
    "parse_ins",
]
