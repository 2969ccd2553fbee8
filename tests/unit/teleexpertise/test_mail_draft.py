"""The request as a real MIME message (the mail issue's composer), read back with email."""

from __future__ import annotations

import email
from datetime import timedelta
from email import policy
from email.message import EmailMessage

from mssclient.mail.addresses import Address
from mssclient.mail.compose import build_message, dsn_options, message_bytes
from mssclient.teleexpertise.mail_draft import (
    outgoing_attachment,
    request_to_draft,
    update_to_draft,
)
from mssclient.teleexpertise.mail_parts import mail_parts_to_update
from mssclient.teleexpertise.model import RequestStatus
from mssclient.teleexpertise.state import Action
from mssclient.teleexpertise.updates import ParsedTeleexpertiseUpdate, TeleexpertiseUpdate
from tests.unit.teleexpertise.factories import DERMATOLOGIST, T0, wound_request

NURSE_ADDRESS = Address("Claire Petit (IDE)", "claire.petit@infirmier.mssante.fr")


def _files():  # type: ignore[no-untyped-def]
    taken: set[str] = set()
    return (
        outgoing_attachment("talon.jpg", "image/jpeg", b"\xff\xd8one", taken=taken),
        outgoing_attachment("talon.jpg", "image/jpeg", b"\xff\xd8two", taken=taken),
        outgoing_attachment(
            "../../etc/ordo\u202e.pdf", "application/pdf", b"%PDF-1.7", taken=taken
        ),
    )


def _parse_mail(raw: bytes) -> EmailMessage:
    message = email.message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def test_request_mail_reads_in_any_webmail_and_carries_fhir() -> None:
    files = _files()
    names = [f.ref.filename for f in files]
    assert names[:2] == ["talon.jpg", "talon-2.jpg"]
    assert "/" not in names[2] and "\u202e" not in names[2]
    request = wound_request(
        status=RequestStatus.SENT, sent_at=T0, attachments=tuple(f.ref for f in files)
    )
    draft = request_to_draft(request, NURSE_ADDRESS, files)
    # A success report (DSN) makes the request "received by the department".
    assert draft.request_dsn
    assert dsn_options(draft)[1] == ["NOTIFY=SUCCESS,FAILURE,DELAY"]
    raw = message_bytes(build_message(draft))
    message = _parse_mail(raw)
    assert message["To"] == "Dermatologie <dermatologie.te@chu.mssante.fr>"
    assert message["Subject"].startswith("Téléexpertise Dermatologie – MARTIN Jeanne")
    body = message.get_body(preferencelist=("plain",))
    assert body is not None and "Localisation : talon droit" in body.get_content()
    html = message.get_body(preferencelist=("html",))
    assert html is not None and "<h1>" in html.get_content()
    parts = {p.get_filename(): p for p in message.iter_attachments()}
    assert set(parts) == {*names, "teleexpertise.fhir.json"}
    fhir_part = parts["teleexpertise.fhir.json"]
    parsed = mail_parts_to_update(fhir_part.get_content_type(), fhir_part.get_payload(decode=True))
    assert isinstance(parsed, ParsedTeleexpertiseUpdate) and parsed.request is not None
    assert [a.filename for a in parsed.request.attachments] == names
    assert parts["talon-2.jpg"].get_payload(decode=True) == b"\xff\xd8two"


def test_update_mail_is_threaded() -> None:
    request = wound_request(status=RequestStatus.TAKEN, sent_at=T0, thread_message_id="<req@x>")
    update = TeleexpertiseUpdate(
        request.request_uid,
        Action.ASK_INFORMATION,
        RequestStatus.INFO_REQUESTED,
        DERMATOLOGIST,
        T0 + timedelta(hours=3),
        message="Une photo avec une règle, s'il vous plaît.",
    )
    identity = Address("Dr Alice Bernard", "dermatologie.te@chu.mssante.fr")
    draft = update_to_draft(update, request, identity, NURSE_ADDRESS)
    assert not draft.request_dsn
    message = _parse_mail(message_bytes(build_message(draft)))
    assert message["In-Reply-To"] == "<req@x>"
    assert message["References"] == "<req@x>"
    assert message["Subject"].startswith("Re: Téléexpertise")
