"""Write resources/demo/hospital-directory.fhir.json: the fictional hospital's directory.

Deterministic (no clock, no randomness): run it again and the file is identical. The
profile it follows is documented in docs/hospital-directory-profile.md.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

EXT = "https://mssclient.fr/fhir/StructureDefinition/"
ROLE_SYSTEM = "https://mssclient.fr/fhir/CodeSystem/directory-role"
DOMAIN = "ch-exemple.sandbox.mssante.fr"
SINGLE_NUMBER = "03 21 00 00 00"
BOOKING = "https://rdv.ch-exemple.example/prendre-rendez-vous/"
PERIOD = {"start": "2026-01-01", "end": "2030-12-31"}

WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"]
ALL_DAYS = [*WEEKDAYS, "sat", "sun"]

OFFICE = [
    {"daysOfWeek": WEEKDAYS, "availableStartTime": "08:30:00", "availableEndTime": "18:30:00"}
]
ROUND_THE_CLOCK = [{"daysOfWeek": ALL_DAYS, "allDay": True}]
OFFICE_AND_SATURDAY = [
    *OFFICE,
    {"daysOfWeek": ["sat"], "availableStartTime": "09:00:00", "availableEndTime": "12:30:00"},
]

# id, name, menu key, hours, open on public holidays, answer delay (h), keywords
SPECIALTIES: list[tuple[str, str, str, list[dict[str, Any]], bool, int, list[str]]] = [
    (
        "cardiologie",
        "Cardiologie",
        "1",
        ROUND_THE_CLOCK,
        True,
        48,
        [
            "cœur",
            "douleur thoracique",
            "insuffisance cardiaque",
            "fibrillation",
            "ECG",
            "hypertension",
            "anticoagulant",
        ],
    ),
    (
        "pneumologie",
        "Pneumologie",
        "2",
        OFFICE,
        False,
        72,
        ["BPCO", "asthme", "dyspnée", "oxygénothérapie", "toux"],
    ),
    (
        "hepato-gastro",
        "Hépato-gastro-entérologie",
        "3",
        OFFICE,
        False,
        72,
        ["ictère", "cirrhose", "endoscopie", "stomie", "nutrition entérale"],
    ),
    (
        "dermatologie",
        "Dermatologie",
        "4",
        OFFICE,
        False,
        48,
        ["plaie", "escarre", "ulcère", "eczéma", "psoriasis", "grain de beauté", "brûlure"],
    ),
    (
        "neurologie",
        "Neurologie",
        "5",
        ROUND_THE_CLOCK,
        True,
        48,
        ["AVC", "accident vasculaire cérébral", "épilepsie", "céphalée", "Parkinson"],
    ),
    (
        "geriatrie",
        "Gériatrie",
        "6",
        OFFICE_AND_SATURDAY,
        False,
        48,
        ["chute", "démence", "troubles cognitifs", "polymédication", "escarre", "dénutrition"],
    ),
    (
        "pediatrie",
        "Pédiatrie",
        "7",
        ROUND_THE_CLOCK,
        True,
        24,
        ["enfant", "nourrisson", "fièvre de l'enfant", "bronchiolite"],
    ),
    (
        "gyneco-obstetrique",
        "Gynécologie-obstétrique",
        "8",
        ROUND_THE_CLOCK,
        True,
        48,
        ["grossesse", "contraception", "sage-femme", "post-partum"],
    ),
    (
        "endocrinologie",
        "Endocrinologie-diabétologie",
        "9",
        OFFICE,
        False,
        72,
        ["diabète", "insuline", "thyroïde", "pied diabétique", "plaie du pied"],
    ),
    (
        "nephrologie",
        "Néphrologie",
        "10",
        OFFICE,
        False,
        72,
        ["insuffisance rénale", "dialyse", "créatinine", "kaliémie"],
    ),
    (
        "rhumatologie",
        "Rhumatologie",
        "11",
        OFFICE,
        False,
        120,
        ["arthrose", "goutte", "polyarthrite", "ostéoporose", "lombalgie"],
    ),
    (
        "oncologie",
        "Oncologie médicale",
        "12",
        OFFICE,
        False,
        48,
        ["cancer", "chimiothérapie", "chambre implantable", "neutropénie"],
    ),
    (
        "chirurgie-orthopedique",
        "Chirurgie orthopédique et traumatologique",
        "13",
        ROUND_THE_CLOCK,
        True,
        72,
        ["fracture", "prothèse", "entorse", "plâtre", "cicatrice"],
    ),
    (
        "chirurgie-viscerale",
        "Chirurgie viscérale et digestive",
        "14",
        OFFICE,
        False,
        72,
        ["hernie", "appendicite", "cicatrice", "drain", "stomie"],
    ),
    (
        "urologie",
        "Urologie",
        "15",
        OFFICE,
        False,
        72,
        ["sonde urinaire", "prostate", "rétention", "hématurie"],
    ),
    (
        "psychiatrie",
        "Psychiatrie adulte",
        "16",
        [
            {
                "daysOfWeek": WEEKDAYS,
                "availableStartTime": "09:00:00",
                "availableEndTime": "17:00:00",
            }
        ],
        False,
        48,
        ["dépression", "crise suicidaire", "addiction", "anxiété"],
    ),
    (
        "soins-palliatifs",
        "Soins palliatifs (équipe mobile)",
        "17",
        OFFICE,
        False,
        24,
        ["fin de vie", "douleur", "sédation", "morphine"],
    ),
    (
        "plaies-cicatrisation",
        "Équipe plaies et cicatrisation",
        "18",
        OFFICE,
        False,
        48,
        ["plaie", "escarre", "ulcère", "pansement", "brûlure", "plaie chronique"],
    ),
    (
        "infectiologie",
        "Maladies infectieuses",
        "19",
        OFFICE,
        False,
        48,
        ["antibiotique", "fièvre au retour de voyage", "VIH", "vaccination"],
    ),
    (
        "pharmacie",
        "Pharmacie clinique",
        "20",
        OFFICE,
        False,
        24,
        ["médicament", "dose", "posologie", "ordonnance", "interaction médicamenteuse"],
    ),
]

FIRST = [
    "Claire",
    "Julien",
    "Sophie",
    "Nicolas",
    "Camille",
    "Thomas",
    "Élodie",
    "Mathieu",
    "Hélène",
    "Antoine",
    "Inès",
    "Baptiste",
    "Léa",
    "François",
    "Amélie",
    "Karim",
    "Nadia",
    "Guillaume",
    "Chloé",
    "Olivier",
]
LAST = [
    "Lefèvre",
    "Morel",
    "Fournier",
    "Girard",
    "Bonnet",
    "Dupuis",
    "Lambert",
    "Fontaine",
    "Rousseau",
    "Vincent",
    "Muller",
    "Lemoine",
    "Faure",
    "André",
    "Mercier",
    "Blanc",
    "Guérin",
    "Boyer",
    "Garnier",
    "Chevalier",
    "Perrin",
    "Robin",
    "Masson",
    "Sanchez",
]


def _ext(url: str, **value: Any) -> dict[str, Any]:
    return {"url": EXT + url, **value}


def _service(
    index: int, spec: tuple[str, str, str, list[dict[str, Any]], bool, int, list[str]]
) -> dict[str, Any]:
    sid, name, key, hours, holidays_open, delay, keywords = spec
    service: dict[str, Any] = {
        "resourceType": "HealthcareService",
        "id": sid,
        "extension": [
            _ext("menu-key", valueString=key),
            _ext(
                "answer-delay",
                valueDuration={
                    "value": delay,
                    "unit": "h",
                    "system": "http://unitsofmeasure.org",
                    "code": "h",
                },
            ),
            _ext("public-holidays", valueCode="open" if holidays_open else "closed"),
            _ext("audience", valueCode="medecin"),
        ],
        "active": True,
        "providedBy": {
            "reference": "Organization/ch-exemple",
            "display": "Centre hospitalier d'Exemple",
        },
        "name": name,
        "characteristic": [{"text": word} for word in keywords],
        "telecom": [
            {
                "system": "phone",
                "value": SINGLE_NUMBER,
                "use": "work",
                "rank": 1,
                "extension": [_ext("single-number", valueBoolean=True)],
            },
            {
                "system": "phone",
                "value": f"03 21 00 {10 + index:02d} {index * 3 % 90 + 10:02d}",
                "use": "work",
                "rank": 2,
            },
            {
                "system": "email",
                "value": f"{sid}@{DOMAIN}",
                "use": "work",
                "extension": [_ext("mssante-mailbox", valueBoolean=True)],
            },
            {"system": "url", "value": BOOKING + sid, "use": "work"},
        ],
        "availableTime": hours,
        "availabilityExceptions": (
            "Avis d'un senior 24 h/24 par le numéro unique"
            if holidays_open
            else "Fermé les jours fériés"
        ),
    }
    if sid == "rhumatologie":
        service["notAvailable"] = [
            {
                "description": "Fermeture estivale de la consultation",
                "during": {"start": "2026-08-03", "end": "2026-08-21"},
            }
        ]
    return service


def _nurses_line() -> dict[str, Any]:
    return {
        "resourceType": "HealthcareService",
        "id": "ligne-infirmiere",
        "extension": [
            _ext(
                "answer-delay",
                valueDuration={
                    "value": 24,
                    "unit": "h",
                    "system": "http://unitsofmeasure.org",
                    "code": "h",
                },
            ),
            _ext("public-holidays", valueCode="closed"),
            _ext("audience", valueCode="infirmier"),
        ],
        "active": True,
        "providedBy": {"reference": "Organization/ch-exemple"},
        "name": "Ligne infirmière de télé-expertise",
        "comment": "Réservée aux infirmiers libéraux : plaies, pansements, ordonnances de sortie.",
        "characteristic": [
            {"text": w}
            for w in [
                "infirmier",
                "IDEL",
                "ordonnance non conforme",
                "pansement",
                "plaie",
                "sortie d'hospitalisation",
            ]
        ],
        "telecom": [
            {
                "system": "phone",
                "value": "03 21 00 00 10",
                "use": "work",
                "rank": 1,
                "extension": [_ext("single-number", valueBoolean=True)],
            },
            {
                "system": "email",
                "value": f"infirmiers-te@{DOMAIN}",
                "use": "work",
                "extension": [_ext("mssante-mailbox", valueBoolean=True)],
            },
        ],
        "availableTime": OFFICE_AND_SATURDAY,
        "availabilityExceptions": "Fermé les jours fériés",
    }


def _on_call(index: int, sid: str, round_the_clock: bool) -> list[dict[str, Any]]:
    """Three seniors share the week: Mon-Tue, Wed-Thu, Fri-Sun."""
    rotation = [["mon", "tue"], ["wed", "thu"], ["fri", "sat", "sun"]]
    resources: list[dict[str, Any]] = []
    for turn, days in enumerate(rotation):
        n = index * 3 + turn
        pid = f"pr-{sid}-{turn + 1}"
        first, last = FIRST[n % len(FIRST)], LAST[(n * 7) % len(LAST)]
        display = f"Dr {first} {last}"
        resources.append(
            {
                "resourceType": "Practitioner",
                "id": pid,
                "name": [{"family": last, "given": [first], "prefix": ["Dr"]}],
            }
        )
        slot: dict[str, Any] = (
            {"daysOfWeek": days, "allDay": True}
            if round_the_clock
            else {
                "daysOfWeek": [d for d in days if d in WEEKDAYS] or ["fri"],
                "availableStartTime": "08:30:00",
                "availableEndTime": "18:30:00",
            }
        )
        resources.append(
            {
                "resourceType": "PractitionerRole",
                "id": f"astreinte-{sid}-{turn + 1}",
                "active": True,
                "period": PERIOD,
                "practitioner": {"reference": f"Practitioner/{pid}", "display": display},
                "organization": {"reference": "Organization/ch-exemple"},
                "code": [
                    {
                        "coding": [
                            {
                                "system": ROLE_SYSTEM,
                                "code": "on-call",
                                "display": "Médecin senior d'astreinte",
                            }
                        ]
                    }
                ],
                "healthcareService": [{"reference": f"HealthcareService/{sid}"}],
                "availableTime": [slot],
            }
        )
    return resources


def build() -> dict[str, Any]:
    resources: list[dict[str, Any]] = [
        {
            "resourceType": "Organization",
            "id": "ch-exemple",
            "identifier": [{"system": "urn:oid:1.2.250.1.71.4.2.2", "value": "629999999"}],
            "active": True,
            "name": "Centre hospitalier d'Exemple",
            "telecom": [
                {
                    "system": "phone",
                    "value": SINGLE_NUMBER,
                    "use": "work",
                    "rank": 1,
                    "extension": [_ext("single-number", valueBoolean=True)],
                },
            ],
            "address": [
                {
                    "line": ["1 rue de l'Hôpital"],
                    "postalCode": "62000",
                    "city": "Exemple-sur-Mer",
                    "country": "FR",
                }
            ],
        }
    ]
    for index, spec in enumerate(SPECIALTIES, start=1):
        resources.append(_service(index, spec))
    resources.append(_nurses_line())
    for index, spec in enumerate(SPECIALTIES):
        resources.extend(_on_call(index, spec[0], spec[3] is ROUND_THE_CLOCK))
    return {
        "resourceType": "Bundle",
        "id": "annuaire-ch-exemple",
        "meta": {"lastUpdated": "2026-11-02T08:00:00+01:00"},
        "type": "collection",
        "entry": [
            {
                "fullUrl": f"https://annuaire.ch-exemple.example/fhir/{r['resourceType']}/{r['id']}",
                "resource": r,
            }
            for r in resources
        ],
    }


def main() -> int:
    target = (
        Path(__file__).resolve().parent.parent
        / "resources"
        / "demo"
        / "hospital-directory.fhir.json"
    )
    target.write_text(json.dumps(build(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
