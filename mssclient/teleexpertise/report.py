"""The content of the PDF report (request, answer, identities, dates, consent), as data.

The PDF itself is drawn by the GUI (Qt writes PDFs); this module decides what it says, so
the text is the same as the mail's and testable without Qt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from mssclient.teleexpertise.mail_parts import request_sections
from mssclient.teleexpertise.model import TeleexpertiseRequest
from mssclient.teleexpertise.protection import MailProtection
from mssclient.teleexpertise.repository import StatusEvent
from mssclient.teleexpertise.state import Action

Section = tuple[str, list[tuple[str, str]]]


@dataclass(frozen=True)
class ReportContent:
    title: str
    sections: list[Section]
    file_name: str  # suggested, without directory


def report_content(
    request: TeleexpertiseRequest,
    events: list[StatusEvent],
    protections: Mapping[str, MailProtection] | None = None,
) -> ReportContent:
    """``protections``: the S/MIME verdict of the request's mails, by bare Message-ID
    (``secure_mail.protections``); each mail found there gets a line "signed by…"."""
    sections = request_sections(request)
    if request.assignee is not None:
        sections.append(("Spécialiste", [("Nom", request.assignee.display_name)]))
    answer = request.answer
    if answer is not None:
        lines = [("Avis", answer.opinion)]
        if answer.recommendations:
            lines.append(("Recommandations", answer.recommendations))
        lines.append(
            ("Suite", answer.needs.label_fr + (f" ({answer.within})" if answer.within else ""))
        )
        if answer.follow_up:
            lines.append(("Suivi", answer.follow_up))
        sections.append(("Avis du spécialiste", lines))
    history = []
    for event in events:
        try:
            label = Action(event.action).label_fr
        except ValueError:
            label = event.action
        history.append((event.at.replace("T", " ")[:16], f"{label} ({event.actor_name})"))
    if history:
        sections.append(("Historique", history))
    secured = _protection_lines(events, protections or {})
    if secured:
        sections.append(("Sécurité des messages (S/MIME)", secured))
    traits = request.patient.traits
    file_name = (
        f"teleexpertise-{request.short_ref}-{traits.birth_name}-{traits.birth_date.isoformat()}.pdf"
    )
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in file_name)
    return ReportContent(
        f"Téléexpertise {request.specialty.label} – {request.short_ref}", sections, safe
    )


def _protection_lines(
    events: list[StatusEvent], protections: Mapping[str, MailProtection]
) -> list[tuple[str, str]]:
    lines = []
    for event in events:
        found = protections.get(event.message_id.strip().strip("<>").strip())
        if found is not None:
            label = _MAIL_NAMES.get(event.action, event.action)
            lines.append((f"{label} ({event.at.replace('T', ' ')[:16]})", found.describe()))
    return lines


#: What the mail of each history event was.
_MAIL_NAMES = {
    "send": "Demande",
    "receive": "Demande",
    "acknowledge": "Accusé de remise",
    "take": "Prise en charge",
    "ask_information": "Demande de complément",
    "provide_information": "Complément",
    "answer": "Réponse",
    "decline": "Refus / réorientation",
    "close": "Clôture",
    "withdraw": "Retrait",
}
