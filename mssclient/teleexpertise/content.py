"""The request's own content as JSON for the store (question, clinical fields, consent ...).

Status, timestamps and people live in columns; this is the rest, written by us and read
back by us (still read leniently: a damaged row gives defaults, not a crash).
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from mssclient.teleexpertise.model import (
    ClinicalForm,
    Consent,
    ExpertAnswer,
    Practitioner,
    Profession,
    Specialty,
    Urgency,
)


def practitioner_to_dict(p: Practitioner) -> dict[str, str]:
    return {
        "name": p.display_name,
        "profession": p.profession.value,
        "rpps": p.rpps,
        "adeli": p.adeli,
        "mailbox": p.mailbox,
    }


def practitioner_from_dict(d: Any) -> Practitioner | None:
    if not isinstance(d, dict):
        return None
    return Practitioner(
        str(d.get("name", "")),
        Profession(d.get("profession", "other")),
        str(d.get("rpps", "")),
        str(d.get("adeli", "")),
        str(d.get("mailbox", "")),
    )


def content_to_json(
    *,
    question: str,
    clinical: ClinicalForm,
    consent: Consent,
    requester: Practitioner,
    specialty: Specialty,
    assignee: Practitioner | None,
    answer: ExpertAnswer | None,
) -> str:
    data: dict[str, Any] = {
        "question": question,
        "clinical": {"template": clinical.template_id, "answers": list(clinical.answers)},
        "consent": {
            "given": consent.given,
            "on": consent.on.isoformat() if consent.on else None,
            "note": consent.note,
        },
        "requester": practitioner_to_dict(requester),
        "specialty": {
            "id": specialty.id,
            "label": specialty.label,
            "mailbox": specialty.mailbox,
            "expected_delay_s": int(specialty.expected_delay.total_seconds()),
            "template": specialty.template_id,
        },
        "assignee": practitioner_to_dict(assignee) if assignee else None,
        "answer": None,
    }
    if answer is not None:
        data["answer"] = {
            "opinion": answer.opinion,
            "recommendations": answer.recommendations,
            "needs": answer.needs.value,
            "within": answer.within,
            "follow_up": answer.follow_up,
        }
    return json.dumps(data, ensure_ascii=False)


def content_from_json(text: str) -> dict[str, Any]:
    """Keyword arguments for TeleexpertiseRequest (minus patient, status, dates)."""
    data = json.loads(text or "{}")
    clinical = data.get("clinical") or {}
    consent = data.get("consent") or {}
    spec = data.get("specialty") or {}
    answer = data.get("answer")
    return {
        "question": data.get("question", ""),
        "clinical": ClinicalForm(
            clinical.get("template", "generic"),
            tuple((str(k), str(v)) for k, v in clinical.get("answers", [])),
        ),
        "consent": Consent(
            bool(consent.get("given")),
            date.fromisoformat(consent["on"]) if consent.get("on") else None,
            consent.get("note", ""),
        ),
        "requester": practitioner_from_dict(data.get("requester")) or Practitioner(display_name=""),
        "specialty": Specialty(
            spec.get("id", ""),
            spec.get("label", ""),
            spec.get("mailbox", ""),
            timedelta(seconds=int(spec.get("expected_delay_s", 48 * 3600))),
            spec.get("template", "generic"),
        ),
        "assignee": practitioner_from_dict(data.get("assignee")),
        "answer": ExpertAnswer(
            answer.get("opinion", ""),
            answer.get("recommendations", ""),
            Urgency(answer.get("needs", "none")),
            answer.get("within", ""),
            answer.get("follow_up", ""),
        )
        if isinstance(answer, dict)
        else None,
    }
