"""Billing hints, read from resources/data/teleexpertise-billing.json (data, not code).

The yearly limit counts a patient's requests in a calendar year; for the professions the
data file lists in ``count_per_requester_for`` (nurses), only the same requester's count.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from mssclient.paths import resources_dir
from mssclient.teleexpertise.errors import TeleexpertiseError
from mssclient.teleexpertise.model import Profession, Role

BILLING_FILE = Path("data") / "teleexpertise-billing.json"


@dataclass(frozen=True)
class BillingAct:
    code: str
    role: Role
    label_fr: str
    amount: Decimal


@dataclass(frozen=True)
class BillingRules:
    acts: tuple[BillingAct, ...]
    valid_from: date
    max_per_patient_per_year: int
    count_per_requester_for: frozenset[Profession]
    currency: str = "EUR"
    coverage_fr: str = ""

    def act_for(self, role: Role) -> BillingAct | None:
        return next((a for a in self.acts if a.role is role), None)


@dataclass(frozen=True)
class BillingHint:
    act: BillingAct | None
    count_this_year: int  # including the request at hand
    limit: int
    warning_fr: str = ""


def load_billing_rules(path: Path | None = None) -> BillingRules:
    path = path or resources_dir() / BILLING_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return BillingRules(
            acts=tuple(
                BillingAct(a["code"], Role(a["role"]), a["label_fr"], Decimal(a["amount"]))
                for a in data["acts"]
            ),
            valid_from=date.fromisoformat(data["valid_from"]),
            max_per_patient_per_year=int(data["max_per_patient_per_year"]),
            count_per_requester_for=frozenset(
                Profession(p) for p in data.get("count_per_requester_for", [])
            ),
            currency=str(data.get("currency", "EUR")),
            coverage_fr=str(data.get("coverage_fr", "")),
        )
    except (OSError, ValueError, KeyError, TypeError, InvalidOperation) as exc:
        raise TeleexpertiseError(
            f"billing data {path}: {exc!r}",
            user_message="Le fichier des tarifs de téléexpertise est absent ou illisible.",
        ) from None


def counts_per_requester(rules: BillingRules, profession: Profession) -> bool:
    return profession in rules.count_per_requester_for


def billing_hint(rules: BillingRules, role: Role, previous_count: int, on: date) -> BillingHint:
    """The act to bill for ``role`` and a warning when this request goes past the limit.

    ``previous_count`` is the number of earlier requests that count toward the limit this
    calendar year (see ``TeleexpertiseRepository.count_for_patient_year``).
    """
    count = previous_count + 1
    act = rules.act_for(role) if on >= rules.valid_from else None
    warning = ""
    if count > rules.max_per_patient_per_year:
        warning = (
            f"Attention : {count}e téléexpertise pour ce patient en {on.year}. "
            f"Au-delà de {rules.max_per_patient_per_year} par an, l'acte n'est pas "
            "remboursable."
        )
    return BillingHint(act, count, rules.max_per_patient_per_year, warning)
