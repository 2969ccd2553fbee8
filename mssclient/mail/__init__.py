"""Mail messages: building (MSSanté rules), parsing (fast summary, full reader view), MDN.

Qt-free; safe to call from worker processes. Parsing never raises on any input.
"""

from mssclient.mail.addresses import Address, parse_recipient_list
from mssclient.mail.compose import (
    MAX_ATTACHMENT_TOTAL,
    Attachment,
    Draft,
    build_message,
    dsn_options,
    envelope_recipients,
    message_bytes,
)
from mssclient.mail.errors import (
    AttachmentNotFoundError,
    AttachmentsTooLargeError,
    HeaderInjectionError,
    InvalidAddressError,
    MailError,
    MissingSenderNameError,
    NoReadReceiptRequestedError,
    NoRecipientError,
)
from mssclient.mail.mdn import build_mdn, wants_read_receipt
from mssclient.mail.models import AttachmentInfo, FullMessage, MessageSummary
from mssclient.mail.parse import attachment_bytes, parse_full, parse_summary
from mssclient.mail.problems import describe_problems
from mssclient.mail.replies import forward_draft, reply_draft
from mssclient.mail.subjects import strip_mssante_subject_prefix

__all__ = [
    "MAX_ATTACHMENT_TOTAL",
    "Address",
    "Attachment",
    "AttachmentInfo",
    "AttachmentNotFoundError",
    "AttachmentsTooLargeError",
    "Draft",
    "FullMessage",
    "HeaderInjectionError",
    "InvalidAddressError",
    "MailError",
    "MessageSummary",
    "MissingSenderNameError",
    "NoReadReceiptRequestedError",
    "NoRecipientError",
    "attachment_bytes",
    "build_mdn",
    "build_message",
    "describe_problems",
    "dsn_options",
    "envelope_recipients",
    "forward_draft",
    "message_bytes",
    "parse_full",
    "parse_recipient_list",
    "parse_summary",
    "reply_draft",
    "strip_mssante_subject_prefix",
    "wants_read_receipt",
]
