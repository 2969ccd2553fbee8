"""Delivery status notifications (RFC 3461/3464) that the sandbox sends back on request.

When a client asks for ``NOTIFY=SUCCESS`` on a recipient, the sandbox puts a
``multipart/report; report-type=delivery-status`` message into the sender's INBOX once the
message is delivered: a French explanation, the machine-readable status, and the original
headers (RFC 3461 returns only headers with a success report).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from email import policy
from email.message import Message
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, make_msgid

NOTIFY_VALUES = frozenset({"NEVER", "SUCCESS", "FAILURE", "DELAY"})
_XTEXT_HEX = re.compile(r"\+([0-9A-Fa-f]{2})")


@dataclass
class DsnRequest:
    """What the client asked for in MAIL (RET, ENVID) and in each RCPT (NOTIFY, ORCPT)."""

    ret: str | None = None
    envid: str | None = None
    notify: dict[str, frozenset[str]] = field(default_factory=dict)
    orcpt: dict[str, str] = field(default_factory=dict)

    def wants_success(self, recipient: str) -> bool:
        return "SUCCESS" in self.notify.get(recipient, frozenset())


def decode_xtext(value: str) -> str:
    """RFC 3461 xtext: ``+HH`` stands for the byte 0xHH."""
    return _XTEXT_HEX.sub(lambda m: chr(int(m.group(1), 16)), value)


def parse_notify(value: str) -> frozenset[str] | None:
    """``NEVER`` alone, or a set of SUCCESS/FAILURE/DELAY; None when malformed."""
    items = frozenset(v.strip().upper() for v in value.split(","))
    if not items or not items <= NOTIFY_VALUES:
        return None
    if "NEVER" in items and len(items) > 1:
        return None
    return items


def success_report(
    *,
    reporting_mta: str,
    sender: str,
    recipient: str,
    original: bytes,
    request: DsnRequest,
    arrival: datetime.datetime,
) -> bytes:
    report = MIMEMultipart("report", report_type="delivery-status")
    report["From"] = f"Serveur de messagerie du bac a sable <mailer-daemon@{reporting_mta}>"
    report["To"] = sender
    report["Subject"] = "Notification de remise : message remis"
    report["Date"] = format_datetime(datetime.datetime.now(datetime.UTC))
    report["Message-ID"] = make_msgid(domain=reporting_mta)
    report["Auto-Submitted"] = "auto-replied"
    report.attach(
        MIMEText(
            f"Votre message a bien été remis dans la boîte de {recipient}.\n\n"
            "Ceci est une notification automatique du bac à sable MSSClient "
            "(accusé de remise demandé à l'envoi). Elle ne signifie pas que le "
            "destinataire a lu le message.\n",
            "plain",
            "utf-8",
        )
    )
    status = MIMEBase("message", "delivery-status")
    per_message = Message()
    per_message["Reporting-MTA"] = f"dns; {reporting_mta}"
    if request.envid:
        per_message["Original-Envelope-Id"] = decode_xtext(request.envid)
    per_message["Arrival-Date"] = format_datetime(arrival)
    per_recipient = Message()
    if recipient in request.orcpt:
        per_recipient["Original-Recipient"] = decode_xtext(request.orcpt[recipient])
    per_recipient["Final-Recipient"] = f"rfc822; {recipient}"
    per_recipient["Action"] = "delivered"
    per_recipient["Status"] = "2.0.0"
    status.set_payload([per_message, per_recipient])
    report.attach(status)
    headers = original.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    text = headers.decode("ascii", "replace").replace("\ufffd", "?")
    returned = MIMEText(text + "\n", "rfc822-headers", "us-ascii")
    report.attach(returned)
    return report.as_bytes(policy=policy.SMTP)
