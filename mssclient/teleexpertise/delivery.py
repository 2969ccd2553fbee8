"""Delivery reports (DSN, RFC 3464) telling that a request reached the department's mailbox.

A request mail asks the servers for a success report (RFC 3461, ``NOTIFY=SUCCESS`` and
``RET=HDRS``). The report comes back to the requester's INBOX as a
``multipart/report; report-type=delivery-status`` mail: a human text, the machine status
(``message/delivery-status``) and the headers of the request (``text/rfc822-headers``),
whose Message-ID names the request. Reading is defensive: bounded sizes, no exception on
bad input; a report that does not fit exactly changes nothing (``acknowledgement_problem``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from email.message import Message

from mssclient.errors import MssError
from mssclient.mail import attachment_bytes
from mssclient.mail.models import FullMessage
from mssclient.teleexpertise.model import RequestStatus, TeleexpertiseRequest

#: Largest machine-readable status part read (a real one is a few hundred bytes).
MAX_STATUS_BYTES = 64 * 1024
#: Largest returned-headers part read (only its header block is looked at).
MAX_RETURNED_BYTES = 1024 * 1024
#: Header block of the returned message actually scanned for its Message-ID.
MAX_HEADER_BLOCK = 64 * 1024
MAX_RECIPIENTS = 100
MAX_FIELDS_PER_BLOCK = 50
MAX_VALUE = 1000

_STATUS_TYPES = ("message/delivery-status", "message/global-delivery-status")
_RETURNED_TYPES = ("text/rfc822-headers", "message/global-headers", "message/rfc822")
_STATUS_CODE = re.compile(r"^[245]\.\d{1,3}\.\d{1,3}$")
_MESSAGE_ID = re.compile(r"<([^<>\s]{1,250})>")
_FIELD = re.compile(r"^([!-9;-~]{1,80}):(.*)$")


@dataclass(frozen=True)
class RecipientStatus:
    final_recipient: str  # bare address, lower case; "" when not an rfc822 address
    original_recipient: str
    action: str  # lower case: delivered, relayed, expanded, failed, delayed
    status: str  # "2.0.0"

    @property
    def delivered(self) -> bool:
        return self.action == "delivered" and self.status.startswith("2.")


@dataclass(frozen=True)
class DeliveryReport:
    original_message_id: str  # bare Message-ID of the reported mail; "" when not returned
    envelope_id: str  # Original-Envelope-Id; "" when absent
    recipients: tuple[RecipientStatus, ...]
    null_sender: bool  # delivered with "Return-Path: <>", as every report is (RFC 5321)
    date: datetime | None = None

    def delivered_to(self, address: str) -> bool:
        wanted = address.strip().lower()
        return bool(wanted) and any(
            r.delivered and wanted in (r.final_recipient, r.original_recipient)
            for r in self.recipients
        )


def _header(full: FullMessage, name: str) -> str | None:
    wanted = name.lower()
    return next((value for key, value in full.headers if key.lower() == wanted), None)


def is_delivery_report(full: FullMessage) -> bool:
    """``multipart/report`` with ``report-type=delivery-status`` at the top."""
    value = _header(full, "Content-Type")
    if not value or len(value) > MAX_VALUE:
        return False
    holder = Message()
    holder["Content-Type"] = value.replace("\r", " ").replace("\n", " ")
    report_type = holder.get_param("report-type")
    return (
        holder.get_content_type() == "multipart/report"
        and isinstance(report_type, str)
        and report_type.strip().lower() == "delivery-status"
    )


def _blocks(text: str) -> list[dict[str, str]]:
    """RFC 3464 field groups separated by blank lines; unfolded, names lower case."""
    blocks: list[dict[str, str]] = []
    current: dict[str, str] = {}
    last = ""
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not line.strip():
            if current:
                blocks.append(current)
                if len(blocks) > MAX_RECIPIENTS:
                    return blocks
            current, last = {}, ""
            continue
        if line[0] in " \t":
            if last and len(current[last]) < MAX_VALUE:
                current[last] = (current[last] + " " + line.strip())[:MAX_VALUE]
            continue
        match = _FIELD.match(line)
        if match is None:
            last = ""
            continue
        name = match.group(1).lower()
        last = name
        if name in current:  # the first one counts; a repeated field is ignored
            last = ""
        elif len(current) < MAX_FIELDS_PER_BLOCK:
            current[name] = match.group(2).strip()[:MAX_VALUE]
        else:
            last = ""
    if current:
        blocks.append(current)
    return blocks


def _address(value: str) -> str:
    """``rfc822; someone@example.org`` -> the address (lower case); "" for other types."""
    kind, semicolon, address = value.partition(";")
    if not semicolon or kind.strip().lower() not in ("rfc822", "utf-8"):
        return ""
    address = address.strip().lower()
    if address.startswith("<") and address.endswith(">"):
        address = address[1:-1].strip()
    if address.count("@") != 1 or any(c.isspace() or c in "<>,;" for c in address):
        return ""
    return address


def _first_word(value: str) -> str:
    words = value.split("(", 1)[0].split()
    return words[0] if words else ""


def _recipient(block: dict[str, str]) -> RecipientStatus:
    status = _first_word(block.get("status", ""))
    return RecipientStatus(
        final_recipient=_address(block.get("final-recipient", "")),
        original_recipient=_address(block.get("original-recipient", "")),
        action=_first_word(block.get("action", "")).lower(),
        status=status if _STATUS_CODE.match(status) else "",
    )


def parse_status_fields(data: bytes) -> tuple[str, tuple[RecipientStatus, ...]] | None:
    """(Original-Envelope-Id, recipients) of a delivery-status body; None when unusable."""
    if len(data) > MAX_STATUS_BYTES:
        return None
    blocks = _blocks(data.decode("utf-8", "replace"))
    if len(blocks) < 2:  # a per-message group and at least one recipient
        return None
    envelope_id = "".join(blocks[0].get("original-envelope-id", "").split())[:250]
    recipients = tuple(_recipient(b) for b in blocks[1 : MAX_RECIPIENTS + 1])
    if not any(r.final_recipient for r in recipients):
        return None
    return envelope_id, recipients


def returned_message_id(data: bytes) -> str:
    """The bare Message-ID in a returned header block; "" when none is there."""
    text = data[:MAX_HEADER_BLOCK].decode("utf-8", "replace").replace("\r\n", "\n")
    head = text.split("\n\n", 1)[0]
    unfolded = re.sub(r"\n[ \t]+", " ", head)
    for line in unfolded.split("\n"):
        name, colon, value = line.partition(":")
        if colon and name.strip().lower() == "message-id":
            match = _MESSAGE_ID.search(value)
            return match.group(1) if match else ""
    return ""


def _part(full: FullMessage, raw: bytes, types: tuple[str, ...], limit: int) -> bytes | None:
    for info in full.attachments:
        if info.content_type in types:
            if info.size > limit:
                return None
            try:
                return attachment_bytes(raw, info.part_index)
            except MssError:
                return None
    return None


def read_delivery_report(full: FullMessage, raw: bytes) -> DeliveryReport | None:
    """The report a mail carries; None when it is no delivery report, or too damaged."""
    if not is_delivery_report(full):
        return None
    status = _part(full, raw, _STATUS_TYPES, MAX_STATUS_BYTES)
    fields = parse_status_fields(status) if status is not None else None
    if fields is None:
        return None
    envelope_id, recipients = fields
    returned = _part(full, raw, _RETURNED_TYPES, MAX_RETURNED_BYTES)
    return_path = _header(full, "Return-Path")
    return DeliveryReport(
        original_message_id=returned_message_id(returned) if returned is not None else "",
        envelope_id=envelope_id,
        recipients=recipients,
        null_sender=return_path is not None and return_path.replace(" ", "") == "<>",
        date=full.date,
    )


def _bare(message_id: str) -> str:
    return message_id.strip().strip("<>").strip()


def acknowledgement_problem(
    report: DeliveryReport, request: TeleexpertiseRequest, mailbox: str
) -> str:
    """Why ``report`` does not tell that ``request`` reached its department ("" if it does).

    ``mailbox`` is the account whose folder holds the report. A report moves a request
    only from "sent" (never backwards), and only when everything fits: the null sender,
    the requester's own mailbox, the request's Message-ID, the department's address.
    """
    if request.status is not RequestStatus.SENT:
        return f"request already {request.status.value}"
    if not report.null_sender:
        return "report not sent from the null sender"
    if mailbox.strip().lower() != request.requester.mailbox.strip().lower():
        return "report in another mailbox than the requester's"
    wanted = _bare(request.thread_message_id)
    if not wanted or wanted not in (report.original_message_id, _bare(report.envelope_id)):
        return "report about another message"
    if not report.delivered_to(request.specialty.mailbox):
        return "no delivery to the department's mailbox"
    return ""
