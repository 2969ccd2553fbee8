"""Build outgoing messages that follow the MSSanté message rules.

Every message gets RFC 5322 headers (Message-ID in the sender's domain, Date), a From with
a meaningful display name (ECO.2.2.7), UTF-8 text as text/plain or multipart/alternative
(ECO.2.2.x), attachments in multipart/mixed, and the product's ``X-MSS-NIL`` header.
Bcc recipients never appear in the message: the transport gets them from
``envelope_recipients``. A DSN request (RFC 3461) is an SMTP parameter, read through
``dsn_options``.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from email import policy
from email.headerregistry import Address as HeaderAddress
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from mssclient.mail.addresses import Address, check_no_line_break, checked_address
from mssclient.mail.errors import (
    AttachmentsTooLargeError,
    InvalidAddressError,
    MissingSenderNameError,
    NoRecipientError,
)
from mssclient.mail.filenames import sanitize_filename

#: Largest total size of attachments in one message (bytes, before encoding).
MAX_ATTACHMENT_TOTAL = 20 * 1024 * 1024
#: Header policy for sent mail: CRLF line ends, RFC 2047 for non-ASCII headers.
SEND_POLICY = policy.SMTP
#: Used when the configuration gives no product reference, so the header is never missing.
FALLBACK_PRODUCT_NIL = "MSSClient"


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str
    data: bytes


@dataclass
class Draft:
    """A message being written. Recipients are ``Address`` records or "Name <addr>" text."""

    identity: Address
    to: list[Address | str] = field(default_factory=list)
    cc: list[Address | str] = field(default_factory=list)
    bcc: list[Address | str] = field(default_factory=list)
    subject: str = ""
    text: str = ""
    html: str | None = None
    attachments: list[Attachment] = field(default_factory=list)
    in_reply_to: str = ""
    references: list[str] = field(default_factory=list)
    request_read_receipt: bool = False
    #: Ask the servers for a delivery status notification (an SMTP option, RFC 3461).
    request_dsn: bool = False
    #: ``X-MSS-NIL`` value from the configuration.
    product_nil: str = ""
    #: Kept when re-building a saved draft or retrying, so the message keeps its identity.
    message_id: str = ""


def attachments_total(draft: Draft) -> int:
    return sum(len(attachment.data) for attachment in draft.attachments)


def check_attachment_size(draft: Draft) -> None:
    total = attachments_total(draft)
    if total > MAX_ATTACHMENT_TOTAL:
        raise AttachmentsTooLargeError(
            f"attachments total {total} bytes > {MAX_ATTACHMENT_TOTAL}",
            user_message=(
                f"Les pièces jointes pèsent {_megabytes(total)} Mo : la limite est de "
                f"{_megabytes(MAX_ATTACHMENT_TOTAL)} Mo par message. "
                "Retirez des pièces jointes ou envoyez-les en plusieurs messages."
            ),
        )


def checked_identity(identity: Address) -> Address:
    """The sender, refusing an empty or meaningless display name (ECO.2.2.7)."""
    sender = checked_address(identity)
    name = sender.name
    if not name or name.lower() == sender.addr.lower() or not any(c.isalpha() for c in name):
        raise MissingSenderNameError(f"meaningless sender display name: {name!r}")
    return sender


def envelope_recipients(draft: Draft) -> list[str]:
    """Every address the SMTP envelope must carry (To, Cc and Bcc), each once."""
    seen: set[str] = set()
    result: list[str] = []
    for value in [*draft.to, *draft.cc, *draft.bcc]:
        addr = checked_address(value).addr
        if addr.lower() not in seen:
            seen.add(addr.lower())
            result.append(addr)
    return result


def dsn_options(draft: Draft, envelope_id: str = "") -> tuple[list[str], list[str]]:
    """(MAIL FROM options, RCPT TO options) asking for a delivery report (RFC 3461)."""
    if not draft.request_dsn:
        return [], []
    mail_options = ["RET=HDRS"]
    if envelope_id:
        mail_options.append("ENVID=" + _xtext(envelope_id))
    return mail_options, ["NOTIFY=SUCCESS,FAILURE,DELAY"]


def build_message(draft: Draft, now: datetime | None = None) -> EmailMessage:
    """The MIME message for ``draft`` (without Bcc). Raises a ``MailError`` when invalid."""
    sender = checked_identity(draft.identity)
    to = [checked_address(value) for value in draft.to]
    cc = [checked_address(value) for value in draft.cc]
    bcc = [checked_address(value) for value in draft.bcc]
    if not (to or cc or bcc):
        raise NoRecipientError("no recipient")
    check_no_line_break(draft.subject, "subject")
    for reference in [draft.in_reply_to, *draft.references, draft.message_id]:
        check_no_line_break(reference, "message reference")
    nil = (draft.product_nil or FALLBACK_PRODUCT_NIL).strip()
    check_no_line_break(nil, "X-MSS-NIL")
    check_attachment_size(draft)

    message = EmailMessage(policy=SEND_POLICY)
    message["From"] = header_address(sender)
    if to:
        message["To"] = [header_address(a) for a in to]
    if cc:
        message["Cc"] = [header_address(a) for a in cc]
    message["Subject"] = draft.subject.strip()
    message["Date"] = format_datetime((now or datetime.now()).astimezone())
    message["Message-ID"] = draft.message_id or make_msgid(domain=sender.addr.rpartition("@")[2])
    if draft.in_reply_to:
        message["In-Reply-To"] = draft.in_reply_to
    if draft.references:
        message["References"] = " ".join(draft.references)
    message["X-MSS-NIL"] = nil
    if draft.request_read_receipt:
        message["Disposition-Notification-To"] = f"<{sender.addr}>"

    text = _normalised_text(draft.text)
    message.set_content(text, charset="utf-8", cte="quoted-printable")
    if draft.html is not None:
        message.add_alternative(draft.html, subtype="html", charset="utf-8", cte="quoted-printable")
    for index, attachment in enumerate(draft.attachments, start=1):
        maintype, _, subtype = _attachment_type(attachment).partition("/")
        message.add_attachment(
            attachment.data,
            maintype=maintype,
            subtype=subtype,
            filename=sanitize_filename(attachment.filename, f"piece-jointe-{index}"),
        )
    for part in message.walk():
        if part is not message:  # the stdlib repeats it on every sub-part
            del part["MIME-Version"]
    return message


def message_bytes(message: EmailMessage) -> bytes:
    """The wire form of a built message (CRLF line ends)."""
    return message.as_bytes(policy=SEND_POLICY)


def header_address(address: Address) -> HeaderAddress:
    """A checked address in the form the stdlib header classes expect."""
    try:
        return HeaderAddress(display_name=address.name, addr_spec=address.addr)
    except (ValueError, IndexError) as exc:
        raise InvalidAddressError(f"unusable address {address!r}: {exc}") from exc


def _attachment_type(attachment: Attachment) -> str:
    ctype = attachment.content_type.strip().lower()
    if "/" not in ctype or any(c in ctype for c in '\r\n;" '):
        ctype = mimetypes.guess_type(attachment.filename)[0] or "application/octet-stream"
    if ctype.startswith(("multipart/", "message/")):
        # Sent as opaque bytes: an attachment must not add structure to the message.
        return "application/octet-stream"
    return ctype


def _normalised_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text if text.endswith("\n") else text + "\n"


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",")


def _xtext(value: str) -> str:
    """RFC 3461 xtext: printable ASCII except '+' and '=', others as +HH."""
    return "".join(
        char if 33 <= ord(char) <= 126 and char not in "+=" else f"+{ord(char):02X}"
        for char in value
        if ord(char) < 128
    )


def recipients_text(addresses: Sequence[Address]) -> str:
    """Addresses as one editable line for the composer."""
    return ", ".join(str(a) for a in addresses)
