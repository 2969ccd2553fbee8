"""Identity traits, identity status and the patient record."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from mssclient.patients.errors import PatientIdentityError
from mssclient.patients.ins import InsIdentifier


class Sex(StrEnum):
    MALE = "M"
    FEMALE = "F"
    UNDETERMINED = "I"

    @property
    def label_fr(self) -> str:
        return {"M": "masculin", "F": "féminin", "I": "indéterminé"}[self.value]


class IdentityStatus(StrEnum):
    """The four identity statuses of the national identity-vigilance rules (RNIV)."""

    PROVISIONAL = "provisional"
    RETRIEVED = "retrieved"
    VALIDATED = "validated"
    QUALIFIED = "qualified"

    @property
    def label_fr(self) -> str:
        return {
            "provisional": "provisoire",
            "retrieved": "récupérée",
            "validated": "validée",
            "qualified": "qualifiée",
        }[self.value]


#: Statuses that, by definition, come with an INS fetched from the national service.
STATUSES_WITH_INS = frozenset({IdentityStatus.RETRIEVED, IdentityStatus.QUALIFIED})

MAX_NAME_LENGTH = 100
# Letters (any script, accents included), spaces, hyphens, apostrophes, full stops.
_NAME_PART = re.compile(r"^[^\W\d_]+(?:[ '’.\-]+[^\W\d_]+)*\.?$")
_BIRTH_PLACE = re.compile(r"^(?:[0-9]{2}|2A|2B)[0-9]{3}$")
_EARLIEST_BIRTH = date(1870, 1, 1)


@dataclass(frozen=True)
class PatientTraits:
    """The strict identity traits; build with ``make_traits`` to get them checked."""

    birth_name: str
    birth_first_names: tuple[str, ...]
    first_given_name: str
    birth_date: date
    sex: Sex
    birth_place_code: str = ""  # INSEE code (COG); "" when unknown

    def display_name(self) -> str:
        return f"{self.birth_name} {self.first_given_name}"


@dataclass(frozen=True)
class Patient:
    traits: PatientTraits
    status: IdentityStatus = IdentityStatus.PROVISIONAL
    ins: InsIdentifier | None = None
    id: int | None = None
    created_at: str = ""
    updated_at: str = ""
    notes: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if self.status in STATUSES_WITH_INS and self.ins is None:
            raise PatientIdentityError(
                f"Une identité « {self.status.label_fr} » a forcément un INS : "
                "saisissez le matricule et son OID.",
                field="status",
            )

    @property
    def is_qualified(self) -> bool:
        return self.status is IdentityStatus.QUALIFIED and self.ins is not None

    @property
    def transmittable_ins(self) -> InsIdentifier | None:
        """The INS to put in a message: only a qualified identity's INS travels."""
        return self.ins if self.is_qualified else None


def _clean_name(value: object, what: str, field_name: str) -> str:
    if not isinstance(value, str):
        raise PatientIdentityError(f"{what} doit être du texte.", field=field_name)
    text = unicodedata.normalize("NFC", " ".join(value.split()))
    if not text:
        raise PatientIdentityError(f"{what} est obligatoire.", field=field_name)
    if len(text) > MAX_NAME_LENGTH:
        raise PatientIdentityError(
            f"{what} dépasse {MAX_NAME_LENGTH} caractères.", field=field_name
        )
    if not _NAME_PART.match(text):
        raise PatientIdentityError(
            f"{what} ne peut contenir que des lettres, des espaces, des traits d'union "
            "et des apostrophes.",
            field=field_name,
        )
    return text.upper() if field_name == "birth_name" else text


def make_traits(
    *,
    birth_name: object,
    birth_first_names: object,
    birth_date: object,
    sex: object,
    first_given_name: object = "",
    birth_place_code: object = "",
    today: date | None = None,
) -> PatientTraits:
    """Check and normalise typed or received traits; raise PatientIdentityError if wrong.

    ``birth_first_names`` is a space-separated string or a sequence of first names; the
    first given name defaults to the first of them and, when given, must be that first one.
    """
    name = _clean_name(birth_name, "Le nom de naissance", "birth_name")
    if isinstance(birth_first_names, str):
        raw_first = birth_first_names.split()
    elif isinstance(birth_first_names, list | tuple):
        raw_first = list(birth_first_names)
    else:
        raise PatientIdentityError(
            "Les prénoms de naissance doivent être du texte.", field="birth_first_names"
        )
    if len(raw_first) > 10:
        raise PatientIdentityError(
            "Trop de prénoms de naissance (10 au plus).", field="birth_first_names"
        )
    first_names = tuple(
        _clean_name(p, "Chaque prénom de naissance", "birth_first_names") for p in raw_first
    )
    if not first_names:
        raise PatientIdentityError(
            "Au moins un prénom de naissance est obligatoire.", field="birth_first_names"
        )
    given = first_given_name or first_names[0]
    given = _clean_name(given, "Le premier prénom", "first_given_name")
    if given.casefold() != first_names[0].casefold():
        raise PatientIdentityError(
            "Le premier prénom doit être le premier des prénoms de naissance.",
            field="first_given_name",
        )
    born = _check_birth_date(birth_date, today or date.today())
    try:
        sex_value = Sex(str(sex))
    except ValueError:
        raise PatientIdentityError(
            "Le sexe doit être M (masculin), F (féminin) ou I (indéterminé).", field="sex"
        ) from None
    place = _check_birth_place(birth_place_code)
    return PatientTraits(name, first_names, given, born, sex_value, place)


def _check_birth_date(value: object, today: date) -> date:
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip()) if len(value) <= 10 else None
        except ValueError:
            value = None
    if not isinstance(value, date):
        raise PatientIdentityError(
            "La date de naissance est invalide (format attendu : AAAA-MM-JJ).",
            field="birth_date",
        )
    if value > today:
        raise PatientIdentityError("La date de naissance est dans le futur.", field="birth_date")
    if value < _EARLIEST_BIRTH:
        raise PatientIdentityError(
            "La date de naissance est trop ancienne pour être plausible.", field="birth_date"
        )
    return value


def _check_birth_place(value: object) -> str:
    if not isinstance(value, str):
        raise PatientIdentityError(
            "Le code du lieu de naissance doit être du texte.", field="birth_place_code"
        )
    code = value.strip().upper()
    if code and not _BIRTH_PLACE.match(code):
        raise PatientIdentityError(
            "Le code INSEE du lieu de naissance compte 5 caractères : 2 chiffres (ou 2A/2B "
            "pour la Corse) puis 3 chiffres ; 99 suivi du code pays pour l'étranger.",
            field="birth_place_code",
        )
    return code


def identity_mismatches(patient: Patient) -> list[str]:
    """French warnings where the matricule and the traits disagree (to confirm, not block).

    The birth place is compared only when both are known and the person was born in France;
    communes merge and renumber, so a difference is a question to ask, not a proof of error.
    """
    if patient.ins is None:
        return []
    derived = patient.ins.derived()
    traits = patient.traits
    problems: list[str] = []
    if traits.sex is not Sex.UNDETERMINED and traits.sex.value != derived.sex:
        problems.append(
            f"Le sexe saisi ({traits.sex.label_fr}) ne correspond pas au matricule INS."
        )
    if traits.birth_date.year % 100 != derived.birth_year_2d:
        problems.append(
            f"L'année de naissance ({traits.birth_date.year}) ne correspond pas au matricule "
            f"INS (..{derived.birth_year_2d:02d})."
        )
    if derived.birth_month is not None and traits.birth_date.month != derived.birth_month:
        problems.append(
            f"Le mois de naissance ({traits.birth_date.month:02d}) ne correspond pas au "
            f"matricule INS ({derived.birth_month:02d})."
        )
    if (
        traits.birth_place_code
        and not derived.born_abroad
        and traits.birth_place_code != derived.birth_place_code
    ):
        problems.append(
            f"Le lieu de naissance ({traits.birth_place_code}) diffère de celui du matricule "
            f"INS ({derived.birth_place_code}) : à vérifier."
        )
    return problems
