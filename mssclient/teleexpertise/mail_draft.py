"""Requests and updates as ``mssclient.mail.compose.Draft`` objects, ready to send.

The composer names attachments by file name only (no Content-ID yet), so each
attachment's file name is made unique and safe here, with the composer's own sanitiser,
and the Bundle carries it as the DocumentReference title: the receiving side matches an
attachment by Content-ID when the mail has one, else by file name.
"""

from __future__ import annotations

import hashlib
import uuid

from mssclient.mail.addresses import Address
from mssclient.mail.compose import Attachment, Draft
from mssclient.mail.filenames import sanitize_filename
from mssclient.teleexpertise import wire
from mssclient.teleexpertise.mail_parts import (
    FHIR_FILENAME,
    MailParts,
    OutgoingAttachment,
    request_subject,
    request_to_mail_parts,
    update_to_mail_parts,
)
from mssclient.teleexpertise.model import AttachmentRef, TeleexpertiseRequest
from mssclient.teleexpertise.updates import TeleexpertiseUpdate


def outgoing_attachment(
    filename: str, media_type: str, data: bytes, *, taken: set[str] | None = None
) -> OutgoingAttachment:
    """An attachment with a fresh Content-ID and a safe file name unique among ``taken``."""
    name = sanitize_filename(filename, "piece-jointe")
    if taken is not None:
        stem, dot, ext = name.rpartition(".")
        base, suffix = (stem, dot + ext) if dot and stem else (name, "")
        counter = 2
        while name.casefold() in taken or name == FHIR_FILENAME:
            name = f"{base}-{counter}{suffix}"
            counter += 1
        taken.add(name.casefold())
    ref = AttachmentRef(
        content_id=f"{uuid.uuid4().hex}@mssclient",
        filename=name,
        media_type=media_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )
    return OutgoingAttachment(ref, data)


def _draft(parts: MailParts, identity: Address, to: Address) -> Draft:
    attachments = [Attachment(a.ref.filename, a.ref.media_type, a.data) for a in parts.attachments]
    attachments.append(Attachment(FHIR_FILENAME, wire.MEDIA_TYPE, parts.fhir_json_bytes))
    return Draft(
        identity=identity,
        to=[to],
        subject=parts.subject,
        text=parts.text_body,
        html=parts.html_body,
        attachments=attachments,
    )


def request_to_draft(
    request: TeleexpertiseRequest,
    identity: Address,
    files: tuple[OutgoingAttachment, ...] = (),
    *,
    hide_patient: bool = False,
) -> Draft:
    """The request mail to the specialty's organisational mailbox, asking for a delivery
    report (DSN, RFC 3461): see ``delivery``. ``hide_patient``: the mail will leave
    encrypted, keep the patient out of its subject (left in clear by S/MIME)."""
    parts = request_to_mail_parts(request, files)
    if hide_patient:
        parts = parts._replace(subject=request_subject(request, hide_patient=True))
    draft = _draft(parts, identity, Address(request.specialty.label, request.specialty.mailbox))
    # The servers' success report moves the request to "received by the department".
    draft.request_dsn = True
    return draft


def update_to_draft(
    update: TeleexpertiseUpdate,
    request: TeleexpertiseRequest,
    identity: Address,
    to: Address,
    files: tuple[OutgoingAttachment, ...] = (),
    *,
    in_reply_to: str = "",
    references: tuple[str, ...] = (),
    hide_patient: bool = False,
) -> Draft:
    """An update in the request's thread (In-Reply-To/References to the earlier mails)."""
    parts = update_to_mail_parts(update, request, files)
    if hide_patient:
        parts = parts._replace(subject="Re: " + request_subject(request, hide_patient=True))
    draft = _draft(parts, identity, to)
    draft.in_reply_to = in_reply_to or request.thread_message_id
    refs = list(references) or ([request.thread_message_id] if request.thread_message_id else [])
    draft.references = refs
    return draft
