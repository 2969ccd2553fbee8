"""Read receipts (Message Disposition Notifications, RFC 8098).

A received message asks for one with ``Disposition-Notification-To``; MSSanté clients
offer to send it (ECO.3.1.6) and never send it silently, hence "manual-action /
MDN-sent-manually".
"""

from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from mssclient.mail.addresses import Address, check_no_line_break, checked_address, is_valid_address
from mssclient.mail.compose import (
    FALLBACK_PRODUCT_NIL,
    SEND_POLICY,
    checked_identity,
    header_address,
)
from mssclient.mail.errors import NoReadReceiptRequestedError
from mssclient.mail.headers import parse_header_block
from mssclient.mail.parse import parse_summary

PRODUCT_NAME = "MSSClient"


def wants_read_receipt(raw: bytes) -> str | None:
    """The address a read receipt should go to, or None when none is (validly) asked."""
    address = parse_summary(raw).disposition_notification_to
    return address if address and is_valid_address(address) else None


def build_mdn(
    original_raw: bytes,
    identity: Address,
    product_nil: str = "",
    now: datetime | None = None,
) -> EmailMessage:
    """A "displayed" MDN for ``original_raw``, from ``identity`` to the requester."""
    target = wants_read_receipt(original_raw)
    if target is None:
        raise NoReadReceiptRequestedError("no valid Disposition-Notification-To")
    sender = checked_identity(identity)
    original = parse_summary(original_raw)
    nil = (product_nil or FALLBACK_PRODUCT_NIL).strip()
    check_no_line_break(nil, "X-MSS-NIL")
    when = (now or datetime.now()).astimezone()

    report = EmailMessage(policy=SEND_POLICY)
    report["From"] = header_address(sender)
    report["To"] = header_address(checked_address(Address("", target)))
    subject = original.subject or "(sans objet)"
    report["Subject"] = f"Accusé de lecture : {subject}"
    report["Date"] = format_datetime(when)
    report["Message-ID"] = make_msgid(domain=sender.addr.rpartition("@")[2])
    if original.message_id:
        report["In-Reply-To"] = original.message_id
        report["References"] = " ".join([*original.references, original.message_id][-20:])
    report["X-MSS-NIL"] = nil
    report["Auto-Submitted"] = "auto-replied"

    sent = f"du {original.date.astimezone():%d/%m/%Y à %H:%M} " if original.date is not None else ""
    human = (
        f"Votre message {sent}intitulé « {subject} » a été affiché par "
        f"{sender.name} <{sender.addr}> le {when:%d/%m/%Y à %H:%M}.\n\n"
        "Cet accusé de lecture indique seulement que le message a été ouvert ; "
        "il ne garantit pas qu'il a été lu ni compris.\n"
    )
    report.set_content(human, charset="utf-8", cte="quoted-printable")
    report.make_mixed()
    report.set_type("multipart/report")
    report.set_param("report-type", "disposition-notification")

    notification = EmailMessage(policy=SEND_POLICY)
    notification["Content-Type"] = "message/disposition-notification"
    fields = [
        # The mail domain rather than the workstation's host name, which is nobody's business.
        f"Reporting-UA: {sender.addr.rpartition('@')[2]}; {PRODUCT_NAME}",
        f"Final-Recipient: rfc822; {sender.addr}",
    ]
    original_recipient = _original_recipient(original_raw)
    if original_recipient:
        fields.insert(1, f"Original-Recipient: {original_recipient}")
    if original.message_id:
        fields.append(f"Original-Message-ID: {original.message_id}")
    fields.append("Disposition: manual-action/MDN-sent-manually; displayed")
    notification.set_payload("\r\n".join(fields) + "\r\n")
    report.attach(notification)
    return report


def _original_recipient(raw: bytes) -> str:
    """The ``Original-Recipient`` the server added, copied as RFC 8098 §3.2.3 asks."""
    headers, _ = parse_header_block(raw, 0, len(raw))
    value = headers.raw("Original-Recipient")
    if not value or not value.isascii() or len(value) > 500:
        return ""
    return value.strip() if ";" in value and "\r" not in value and "\n" not in value else ""
