"""Plain, picklable records returned by the parser (safe to send across processes)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from mssclient.mail.addresses import Address


@dataclass(slots=True)
class MessageSummary:
    """What the message list and the full-text index need, from the fast path."""

    message_id: str = ""
    in_reply_to: str = ""
    references: list[str] = field(default_factory=list)
    subject: str = ""
    #: ``subject`` with the MSSanté XDM prefix hidden (ECO.3.1.3), for display.
    display_subject: str = ""
    from_name: str = ""
    from_addr: str = ""
    to: list[Address] = field(default_factory=list)
    cc: list[Address] = field(default_factory=list)
    date: datetime | None = None
    size: int = 0
    has_attachments: bool = False
    attachment_names: list[str] = field(default_factory=list)
    #: Body text (plain, or HTML converted), then attachment names; capped.
    index_text: str = ""
    index_text_truncated: bool = False
    snippet: str = ""
    parse_problems: list[str] = field(default_factory=list)
    is_malformed: bool = False
    #: Every ``X-MSS-*`` header, name as written -> decoded value.
    mss_headers: dict[str, str] = field(default_factory=dict)
    #: Address asking for a read receipt (``Disposition-Notification-To``), or "".
    disposition_notification_to: str = ""
    #: "" for plain mail, "signed" or "encrypted" for S/MIME.
    smime: str = ""

    @property
    def mss_nil(self) -> str:
        return _header(self.mss_headers, "X-MSS-NIL")

    @property
    def mss_ins(self) -> str:
        return _header(self.mss_headers, "X-MSS-INS")

    @property
    def mss_codecda(self) -> str:
        return _header(self.mss_headers, "X-MSS-CODECDA")


@dataclass(slots=True)
class AttachmentInfo:
    """One attachment the reader lists; ``part_index`` feeds ``attachment_bytes``."""

    part_index: int
    filename: str
    content_type: str
    size: int
    content_id: str = ""
    #: True for images shown inside the HTML body (``cid:``) rather than attached.
    inline: bool = False


@dataclass(slots=True)
class FullMessage:
    """Everything the reader shows."""

    message_id: str = ""
    in_reply_to: str = ""
    references: list[str] = field(default_factory=list)
    subject: str = ""
    display_subject: str = ""
    from_: Address | None = None
    sender: Address | None = None
    reply_to: list[Address] = field(default_factory=list)
    to: list[Address] = field(default_factory=list)
    cc: list[Address] = field(default_factory=list)
    date: datetime | None = None
    #: Every header, decoded for display, in order.
    headers: list[tuple[str, str]] = field(default_factory=list)
    #: The plain text body (preferred view); HTML converted when there is no plain part.
    text: str = ""
    text_truncated: bool = False
    #: Sanitised HTML body, or None when the message has no HTML part.
    html: str | None = None
    attachments: list[AttachmentInfo] = field(default_factory=list)
    parse_problems: list[str] = field(default_factory=list)
    is_malformed: bool = False
    #: French banner text for the reader ("" when the message is well formed).
    problem_description: str = ""
    mss_headers: dict[str, str] = field(default_factory=dict)
    disposition_notification_to: str = ""
    smime: str = ""

    @property
    def inline_parts(self) -> dict[str, int]:
        """Content-ID -> part index, to resolve ``cid:`` images in ``html``."""
        return {a.content_id: a.part_index for a in self.attachments if a.content_id}


def _header(headers: dict[str, str], name: str) -> str:
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() == wanted:
            return value
    return ""
