"""The mail seam: a request or an update as mail parts, and a received part back.

The mail issue's composer (``mssclient.mail.compose``) did not exist when this was written,
so these functions return plain parts; the caller builds the MIME message with
text/plain + text/html (multipart/alternative), the ``application/fhir+json`` part and the
attachments, each attachment with the Content-ID named in the FHIR Bundle.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from mssclient.patients import Patient
from mssclient.teleexpertise import wire
from mssclient.teleexpertise.fhir_build import (
    build_request_bundle,
    build_update_bundle,
    bundle_bytes,
)
from mssclient.teleexpertise.fhir_parse import parse_bundle_bytes
from mssclient.teleexpertise.model import AttachmentRef, TeleexpertiseRequest
from mssclient.teleexpertise.templates import template_for
from mssclient.teleexpertise.updates import (
    ParsedTeleexpertiseUpdate,
    PayloadRejected,
    TeleexpertiseUpdate,
)

#: Name of the structured part's file, for webmails that list it as an attachment.
FHIR_FILENAME = "teleexpertise.fhir.json"


@dataclass(frozen=True)
class OutgoingAttachment:
    """Bytes to attach, with the Content-ID the Bundle refers to."""

    ref: AttachmentRef
    data: bytes


class MailParts(NamedTuple):
    subject: str
    text_body: str
    html_body: str
    fhir_json_bytes: bytes
    attachments: tuple[OutgoingAttachment, ...]


def _d(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else "non précisée"


def _dt(moment: datetime | None) -> str:
    return moment.strftime("%d/%m/%Y %H:%M") if moment else ""


def request_subject(request: TeleexpertiseRequest, *, hide_patient: bool = False) -> str:
    """E.g. "Téléexpertise Dermatologie – DUPONT Marie 01/02/1950 [TE-1A2B3C4D]".

    ``hide_patient``: for a mail that leaves encrypted. S/MIME leaves the subject in clear,
    so the patient's identity stays out of it (it is in the encrypted body).
    """
    if hide_patient:
        return f"Téléexpertise {request.specialty.label} [{request.short_ref}]"
    traits = request.patient.traits
    return (
        f"Téléexpertise {request.specialty.label} – {traits.birth_name} "
        f"{traits.first_given_name} {_d(traits.birth_date)} [{request.short_ref}]"
    )


def patient_lines(patient: Patient) -> list[tuple[str, str]]:
    traits = patient.traits
    lines = [
        ("Nom de naissance", traits.birth_name),
        ("Prénoms de naissance", " ".join(traits.birth_first_names)),
        ("Date de naissance", _d(traits.birth_date)),
        ("Sexe", traits.sex.label_fr),
    ]
    if traits.birth_place_code:
        lines.append(("Lieu de naissance (code INSEE)", traits.birth_place_code))
    ins = patient.transmittable_ins
    if ins is not None:
        lines.append(("INS (identité qualifiée)", f"{ins.formatted()} ({ins.label})"))
    else:
        lines.append(("INS", f"non transmis : identité {patient.status.label_fr}, non qualifiée"))
    return lines


def request_sections(request: TeleexpertiseRequest) -> list[tuple[str, list[tuple[str, str]]]]:
    requester = request.requester
    ident = f"RPPS {requester.rpps}" if requester.rpps else f"ADELI {requester.adeli}"
    template = template_for(request.clinical.template_id)
    clinical = [
        (f.label_fr, request.clinical.get(f.key))
        for f in template.fields
        if f.kind == "text" and request.clinical.get(f.key)
    ]
    return [
        ("Patient", patient_lines(request.patient)),
        (
            "Demandeur",
            [
                ("Nom", requester.display_name),
                ("Profession", requester.profession.label_fr),
                ("Identifiant", ident),
                ("Messagerie", requester.mailbox),
            ],
        ),
        (
            "Demande",
            [
                ("Spécialité", request.specialty.label),
                ("Référence", request.short_ref),
                ("Envoyée le", _dt(request.sent_at)),
            ],
        ),
        ("Question", [("", request.question)]),
        (template.label_fr, clinical or [("", "(non renseigné)")]),
        (
            "Consentement",
            [("", f"Patient informé ; consentement recueilli le {_d(request.consent.on)}.")],
        ),
        (
            "Pièces jointes",
            [("", f"{a.filename} ({a.media_type})") for a in request.attachments]
            or [("", "aucune")],
        ),
    ]


_FOOTER = (
    "Ce message contient aussi une partie structurée (FHIR, application/fhir+json) lue "
    "automatiquement par les logiciels compatibles. Téléexpertise non urgente : pour une "
    "urgence, appelez le numéro unique de l'hôpital."
)


def _render_text(title: str, sections: list[tuple[str, list[tuple[str, str]]]]) -> str:
    out = [title, "=" * len(title), ""]
    for heading, lines in sections:
        out += [heading, "-" * len(heading)]
        for label, value in lines:
            out.append(f"{label} : {value}" if label else value)
        out.append("")
    out.append(_FOOTER)
    return "\n".join(out) + "\n"


def _render_html(title: str, sections: list[tuple[str, list[tuple[str, str]]]]) -> str:
    e = html.escape
    out = [
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">',
        f"<title>{e(title)}</title></head><body>",
        f"<h1>{e(title)}</h1>",
    ]
    for heading, lines in sections:
        out.append(f"<h2>{e(heading)}</h2>")
        if all(label for label, _ in lines):
            out.append("<table>")
            out += [f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in lines]
            out.append("</table>")
        else:
            out += [
                "<p>"
                + (f"<strong>{e(k)} :</strong> " if k else "")
                + e(v).replace("\n", "<br>")
                + "</p>"
                for k, v in lines
            ]
    out.append(f"<p><small>{e(_FOOTER)}</small></p></body></html>")
    return "\n".join(out)


def request_to_mail_parts(
    request: TeleexpertiseRequest, attachments: tuple[OutgoingAttachment, ...] = ()
) -> MailParts:
    """Subject, French text and HTML bodies, the FHIR part, and the attachments.

    ``attachments`` must hold the bytes of every ``request.attachments`` entry.
    """
    bundle = build_request_bundle(request)
    _check_attachments(request.attachments, attachments)
    title = f"Demande de téléexpertise – {request.specialty.label}"
    sections = request_sections(request)
    return MailParts(
        request_subject(request),
        _render_text(title, sections),
        _render_html(title, sections),
        bundle_bytes(bundle),
        attachments,
    )


def update_to_mail_parts(
    update: TeleexpertiseUpdate,
    request: TeleexpertiseRequest,
    attachments: tuple[OutgoingAttachment, ...] = (),
) -> MailParts:
    """An answer, question back or status change, for a reply in the request's thread."""
    bundle = build_update_bundle(update, request)
    _check_attachments(update.attachments, attachments)
    title = f"Téléexpertise {request.short_ref} : {update.status.label_fr}"
    lines = [
        ("Statut", update.status.label_fr),
        ("Par", update.author.display_name),
        ("Le", _dt(update.at)),
    ]
    if update.assignee is not None:
        lines.append(("Prise en charge par", update.assignee.display_name))
    sections: list[tuple[str, list[tuple[str, str]]]] = [("Suivi", lines)]
    if update.message:
        sections.append(("Message", [("", update.message)]))
    if update.answer is not None:
        a = update.answer
        answer_lines = [("Avis", a.opinion)]
        if a.recommendations:
            answer_lines.append(("Recommandations", a.recommendations))
        answer_lines.append(("Suite", a.needs.label_fr + (f" ({a.within})" if a.within else "")))
        if a.follow_up:
            answer_lines.append(("Suivi", a.follow_up))
        sections.append(("Avis du spécialiste", answer_lines))
    if update.reason or update.redirect_to:
        reason = [("Motif", update.reason)] if update.reason else []
        if update.redirect_to:
            reason.append(("Spécialité suggérée", update.redirect_to))
        sections.append(("Refus / réorientation", reason))
    if update.attachments:
        sections.append(
            ("Pièces jointes", [("", f"{x.filename} ({x.media_type})") for x in update.attachments])
        )
    sections.append(("Patient", patient_lines(request.patient)[:3]))
    subject = "Re: " + request_subject(request)
    return MailParts(
        subject,
        _render_text(title, sections),
        _render_html(title, sections),
        bundle_bytes(bundle),
        attachments,
    )


def _check_attachments(
    refs: tuple[AttachmentRef, ...], attachments: tuple[OutgoingAttachment, ...]
) -> None:
    wanted = {r.content_id for r in refs}
    given = {a.ref.content_id for a in attachments}
    if wanted != given:
        raise ValueError(f"attachment bytes do not match the references: {wanted ^ given}")


def mail_parts_to_update(
    content_type: str, payload_bytes: bytes
) -> ParsedTeleexpertiseUpdate | PayloadRejected:
    """Read a received structured part; never raises on bad input."""
    media_type = content_type.split(";", 1)[0].strip().lower() if content_type else ""
    if media_type not in (wire.MEDIA_TYPE, "application/json"):
        return PayloadRejected(f"type de contenu inattendu ({media_type[:60]})", payload_bytes)
    return parse_bundle_bytes(payload_bytes)
