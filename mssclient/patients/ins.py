"""The INS (Identifiant National de Santé): a 15-character matricule and its OID.

The matricule is a NIR (social security number) or, for people still waiting for one, a NIA;
both are 13 characters plus a 2-digit key (97 - number mod 97, Corsica ``2A``/``2B`` mapped
to 19/18 first). python-stdnum's ``fr.nir`` checks the key; the same rule is applied to NIA
matricules (DOMAIN.md), whose first digit is 7 or 8 instead of 1 or 2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stdnum.exceptions import InvalidChecksum, ValidationError
from stdnum.fr import nir

from mssclient.patients.errors import PatientIdentityError

INS_NIR_OID = "1.2.250.1.213.1.4.8"
INS_NIA_OID = "1.2.250.1.213.1.4.9"
INS_NIR_TEST_OID = "1.2.250.1.213.1.4.10"
INS_NIR_DEMO_OID = "1.2.250.1.213.1.4.11"

#: French label of each accepted OID (shown next to the matricule).
INS_OID_LABELS: dict[str, str] = {
    INS_NIR_OID: "INS-NIR",
    INS_NIA_OID: "INS-NIA",
    INS_NIR_TEST_OID: "INS-NIR de test",
    INS_NIR_DEMO_OID: "INS-NIR de démonstration",
}

# First digit: 1/2 a NIR (3/4: foreign-born people while being registered),
# 7/8 a NIA. Odd is male, even is female in every case.
_FIRST_DIGITS: dict[str, frozenset[str]] = {
    INS_NIR_OID: frozenset("1234"),
    INS_NIA_OID: frozenset("78"),
    INS_NIR_TEST_OID: frozenset("123478"),
    INS_NIR_DEMO_OID: frozenset("123478"),
}

_SHAPE = re.compile(r"^[0-9]{5}(?:[0-9]{2}|2A|2B)[0-9]{8}$")
_SEPARATORS = re.compile(r"[ .\-]")
#: Longer raw input than this is not a typo, it is something else: refuse before work.
_MAX_RAW_LENGTH = 40


@dataclass(frozen=True)
class NirDerivedInfo:
    """What the matricule itself says, shown to the user for confirmation."""

    sex: str  # "M" or "F"
    birth_year_2d: int  # the last two digits of the birth year
    birth_month: int | None  # None when the matricule holds no real month (20-99)
    birth_place_code: str  # department + commune (5 characters), "99xxx" abroad

    @property
    def born_abroad(self) -> bool:
        return self.birth_place_code.startswith("99")

    def describe_fr(self) -> str:
        sex = "homme" if self.sex == "M" else "femme"
        month = f"{self.birth_month:02d}/" if self.birth_month else "mois inconnu, "
        place = "à l'étranger" if self.born_abroad else f"lieu {self.birth_place_code}"
        return f"{sex}, né(e) en {month}..{self.birth_year_2d:02d}, {place}"


@dataclass(frozen=True)
class InsIdentifier:
    """A checked INS: 15 characters without separators, and one of the four OIDs."""

    matricule: str
    oid: str

    @property
    def label(self) -> str:
        return INS_OID_LABELS[self.oid]

    @property
    def fhir_system(self) -> str:
        return f"urn:oid:{self.oid}"

    @property
    def is_test_or_demo(self) -> bool:
        return self.oid in (INS_NIR_TEST_OID, INS_NIR_DEMO_OID)

    def formatted(self) -> str:
        return nir.format(self.matricule)

    def derived(self) -> NirDerivedInfo:
        m = self.matricule
        month = int(m[3:5])
        return NirDerivedInfo(
            sex="M" if int(m[0]) % 2 == 1 else "F",
            birth_year_2d=int(m[1:3]),
            birth_month=month if 1 <= month <= 12 else None,
            birth_place_code=m[5:10],
        )


def parse_ins(matricule: object, oid: object) -> InsIdentifier:
    """Check a matricule typed or received with its OID; raise PatientIdentityError if wrong."""
    if not isinstance(oid, str) or not isinstance(matricule, str):
        raise PatientIdentityError("L'INS doit être saisi sous forme de texte.", field="matricule")
    oid = oid.strip().removeprefix("urn:oid:")
    if oid not in INS_OID_LABELS:
        raise PatientIdentityError(
            "OID d'INS inconnu : seuls INS-NIR (1.2.250.1.213.1.4.8), INS-NIA (…4.9) et les "
            "OID de test (…4.10) et de démonstration (…4.11) sont acceptés.",
            field="oid",
        )
    if len(matricule) > _MAX_RAW_LENGTH:
        raise PatientIdentityError(
            "Le matricule INS est trop long : il compte 15 caractères.", field="matricule"
        )
    compact = _SEPARATORS.sub("", matricule.strip()).upper()
    if not compact:
        raise PatientIdentityError("Le matricule INS est vide.", field="matricule")
    if len(compact) != 15:
        raise PatientIdentityError(
            f"Le matricule INS doit compter 15 caractères (13 + clé de 2 chiffres), "
            f"{len(compact)} saisi(s).",
            field="matricule",
        )
    if not _SHAPE.match(compact):
        raise PatientIdentityError(
            "Le matricule INS ne contient que des chiffres (sauf 2A ou 2B pour la Corse, "
            "en 6e et 7e positions).",
            field="matricule",
        )
    if compact[0] not in _FIRST_DIGITS[oid]:
        expected = "7 ou 8" if oid == INS_NIA_OID else "1 ou 2"
        raise PatientIdentityError(
            f"Pour un {INS_OID_LABELS[oid]}, le matricule commence par {expected}.",
            field="matricule",
        )
    try:
        nir.validate(compact)
    except InvalidChecksum:
        raise PatientIdentityError(
            "La clé du matricule INS est fausse : vérifiez la saisie des 15 caractères.",
            field="matricule",
        ) from None
    except ValidationError:
        raise PatientIdentityError(
            "Le matricule INS n'a pas une forme valide.", field="matricule"
        ) from None
    return InsIdentifier(compact, oid)
