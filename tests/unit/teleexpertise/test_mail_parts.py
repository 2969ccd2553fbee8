from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from mssclient.teleexpertise.errors import RequestIncompleteError
from mssclient.teleexpertise.mail_parts import (
    MailParts,
    OutgoingAttachment,
    mail_parts_to_update,
    request_to_mail_parts,
    update_to_mail_parts,
)
from mssclient.teleexpertise.model import Consent, ExpertAnswer, RequestStatus, Urgency
from mssclient.teleexpertise.state import Action
from mssclient.teleexpertise.updates import ParsedTeleexpertiseUpdate, TeleexpertiseUpdate
from tests.unit.teleexpertise.factories import DERMATOLOGIST, PDF, PHOTO, T0, patient, wound_request

FILES = (OutgoingAttachment(PHOTO, b"\xff\xd8jpeg"), OutgoingAttachment(PDF, b"%PDF-1.7"))


def _sent():  # type: ignore[no-untyped-def]
    return wound_request(status=RequestStatus.SENT, sent_at=T0)


def test_request_parts() -> None:
    parts = request_to_mail_parts(_sent(), FILES)
    assert isinstance(parts, MailParts)
    subject, text, html_body, fhir_bytes, attachments = parts
    assert subject == "Téléexpertise Dermatologie – MARTIN Jeanne 14/03/1955 [TE-6F1C2A3E]"
    for fragment in (
        "Demande de téléexpertise – Dermatologie",
        "Nom de naissance : MARTIN",
        "INS (identité qualifiée) : 2 55 03 75 114 123",
        "Demandeur",
        "Profession : infirmier(ère)",
        "Identifiant : ADELI 759912345",
        "Plaie du talon qui ne cicatrise pas",
        "Localisation : talon droit",
        "consentement recueilli le 01/03/2026",
        "plaie-talon.jpg (image/jpeg)",
        "appelez le numéro unique",
    ):
        assert fragment in text, fragment
    assert html_body.startswith("<!DOCTYPE html>") and 'lang="fr"' in html_body
    assert "<th>Localisation</th><td>talon droit</td>" in html_body
    assert attachments == FILES
    parsed = mail_parts_to_update("application/fhir+json", fhir_bytes)
    assert isinstance(parsed, ParsedTeleexpertiseUpdate) and parsed.request is not None
    assert parsed.request.request_uid == _sent().request_uid


def test_unqualified_identity_is_said_in_the_text() -> None:
    parts = request_to_mail_parts(replace(_sent(), patient=patient(qualified=False)), FILES)
    assert "INS : non transmis : identité validée, non qualifiée" in parts.text_body
    assert "2 55 03" not in parts.text_body


def test_html_escapes_hostile_text() -> None:
    hostile = replace(_sent(), question='<script>alert("x")</script>\n<img src=x onerror=1>')
    html_body = request_to_mail_parts(hostile, FILES).html_body
    assert "<script>" not in html_body and "<img" not in html_body
    assert "&lt;script&gt;" in html_body


def test_incomplete_request_is_not_sent() -> None:
    with pytest.raises(RequestIncompleteError) as info:
        request_to_mail_parts(replace(_sent(), consent=Consent(False)), FILES)
    assert info.value.user_message.startswith("La demande est incomplète")


def test_attachment_bytes_must_match_the_references() -> None:
    with pytest.raises(ValueError, match="attachment"):
        request_to_mail_parts(_sent(), FILES[:1])


def test_answer_parts() -> None:
    update = TeleexpertiseUpdate(
        _sent().request_uid,
        Action.ANSWER,
        RequestStatus.ANSWERED,
        DERMATOLOGIST,
        T0 + timedelta(hours=20),
        answer=ExpertAnswer("Ulcère artériel probable.", needs=Urgency.CONSULTATION, within="8 j"),
    )
    parts = update_to_mail_parts(update, _sent())
    assert parts.subject.startswith("Re: Téléexpertise Dermatologie")
    assert "Avis : Ulcère artériel probable." in parts.text_body
    assert "Suite : consultation à prévoir (8 j)" in parts.text_body
    assert "Statut : répondue" in parts.text_body
    parsed = mail_parts_to_update("application/fhir+json", parts.fhir_json_bytes)
    assert isinstance(parsed, ParsedTeleexpertiseUpdate) and parsed.update is not None
    assert parsed.update.answer is not None and parsed.update.answer.within == "8 j"
