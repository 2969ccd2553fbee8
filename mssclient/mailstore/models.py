"""Plain records the mail repository reads and writes."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

#: IMAP system flags we keep as columns; everything else goes to ``keywords``.
SYSTEM_FLAGS = {
    "\\seen": "seen",
    "\\flagged": "flagged",
    "\\answered": "answered",
    "\\deleted": "deleted",
    "\\draft": "draft",
}
FLAG_NAMES = {
    "seen": "\\Seen",
    "flagged": "\\Flagged",
    "answered": "\\Answered",
    "deleted": "\\Deleted",
    "draft": "\\Draft",
}


class SummaryLike(Protocol):
    """What the repository reads from ``mssclient.mail``'s parse summary."""

    message_id: str
    subject: str
    from_name: str
    from_addr: str
    has_attachments: bool
    snippet: str
    index_text: str
    is_malformed: bool


@dataclass(frozen=True)
class MessageFields:
    """Parsed fields of one message, ready for the metadata table and the index."""

    message_id: str = ""
    thread_key: str = ""
    subject: str = ""
    from_name: str = ""
    from_addr: str = ""
    to_addrs: str = ""
    cc_addrs: str = ""
    date_utc: int | None = None
    has_attachments: bool = False
    is_malformed: bool = False
    parse_problems: str = ""
    snippet: str = ""
    index_text: str = ""
    mss_headers: str = ""
    smime: str = ""
    receipt_to: str = ""


@dataclass(frozen=True)
class SmimeRecord:
    """What opening a signed or encrypted message found (stored beside the raw bytes)."""

    status: str  # a security.smime.SmimeStatus value
    signer: str = ""
    signer_fingerprint: str = ""
    encrypted: bool = False
    algorithm: str = ""
    detail: str = ""
    #: Outer headers around the innermost content; None when nothing could be opened.
    readable: bytes | None = None


@dataclass(frozen=True)
class NewMessage:
    """A message fetched from the server: its place, flags, raw bytes and parsed fields."""

    uid: int
    raw: bytes
    flags: Sequence[str] = ()
    internal_date: datetime | None = None
    fields: MessageFields = field(default_factory=MessageFields)
    smime: SmimeRecord | None = None


@dataclass(frozen=True)
class FolderRecord:
    id: int
    account_id: int
    name: str
    delimiter: str
    role: str
    selectable: bool
    uidvalidity: int | None
    uidnext: int | None
    highestmodseq: int | None
    last_sync_at: str | None
    #: The server opens it read-only (SELECT answered [READ-ONLY]): nothing is sent to it.
    read_only: bool = False


@dataclass(frozen=True)
class MessageRow:
    """One line of a message list (no body)."""

    id: int
    folder_id: int
    uid: int
    message_id: str
    thread_key: str
    subject: str
    from_name: str
    from_addr: str
    to_addrs: str
    date_utc: int
    seen: bool
    flagged: bool
    answered: bool
    deleted: bool
    size: int
    has_attachments: bool
    is_malformed: bool
    snippet: str

    @property
    def date(self) -> datetime:
        return datetime.fromtimestamp(self.date_utc, UTC)


@dataclass(frozen=True)
class MessageDetails:
    """The rest of a message's stored fields, for the reader (not needed by lists)."""

    cc_addrs: str
    keywords: str
    draft: bool
    parse_problems: tuple[str, ...]
    mss_headers: dict[str, str]
    smime: str
    #: Disposition-Notification-To: the sender asks for a read receipt (RFC 8098).
    receipt_to: str


@dataclass(frozen=True)
class PageCursor:
    """Where the next page starts: after (date_utc, id) in newest-first order."""

    date_utc: int
    id: int


def _address_text(value: Any) -> str:
    """Render one address from the parser (str, (name, addr) tuple or object)."""
    if isinstance(value, str):
        return value
    if isinstance(value, tuple) and len(value) == 2:
        name, addr = value
        return f"{name} <{addr}>" if name else str(addr)
    addr = getattr(value, "addr", None) or getattr(value, "address", None)
    name = getattr(value, "name", None) or getattr(value, "display_name", None)
    if addr:
        return f"{name} <{addr}>" if name else str(addr)
    return str(value)


def addresses_text(values: Any) -> str:
    if not values:
        return ""
    if isinstance(values, str):
        return values
    return ", ".join(_address_text(v) for v in values)


def thread_key_for(message_id: str, in_reply_to: str, references: Sequence[str]) -> str:
    """The conversation's root Message-ID: first of References, else In-Reply-To, else own.

    Works whatever order the messages arrive in, since every reply carries its root.
    """
    for candidate in references:
        if candidate.strip():
            return candidate.strip()
    if in_reply_to.strip():
        return in_reply_to.strip()
    return message_id.strip()


def fields_from_summary(summary: Any) -> MessageFields:
    """Build ``MessageFields`` from ``mssclient.mail``'s summary, tolerating missing parts."""
    message_id = str(getattr(summary, "message_id", "") or "")
    in_reply_to = str(getattr(summary, "in_reply_to", "") or "")
    references = [str(r) for r in (getattr(summary, "references", None) or [])]
    date = getattr(summary, "date", None)
    date_utc = int(date.timestamp()) if isinstance(date, datetime) and date.tzinfo else None
    problems = getattr(summary, "parse_problems", None) or []
    mss = getattr(summary, "mss_headers", None) or getattr(summary, "mssante_headers", None)
    return MessageFields(
        message_id=message_id,
        thread_key=thread_key_for(message_id, in_reply_to, references),
        # The display form hides the MSSanté XDM prefix; the raw subject stays in the raw.
        subject=str(
            getattr(summary, "display_subject", "") or getattr(summary, "subject", "") or ""
        ),
        from_name=str(getattr(summary, "from_name", "") or ""),
        from_addr=str(getattr(summary, "from_addr", "") or ""),
        to_addrs=addresses_text(getattr(summary, "to", None) or getattr(summary, "to_addrs", None)),
        cc_addrs=addresses_text(getattr(summary, "cc", None) or getattr(summary, "cc_addrs", None)),
        date_utc=date_utc,
        has_attachments=bool(getattr(summary, "has_attachments", False)),
        is_malformed=bool(getattr(summary, "is_malformed", False)),
        parse_problems="\n".join(str(p) for p in problems),
        snippet=str(getattr(summary, "snippet", "") or ""),
        index_text=str(getattr(summary, "index_text", "") or ""),
        mss_headers=json.dumps(dict(mss), ensure_ascii=False) if mss else "",
        smime=str(getattr(summary, "smime", "") or ""),
        receipt_to=str(getattr(summary, "disposition_notification_to", "") or ""),
    )


def split_flags(flags: Sequence[str | bytes]) -> dict[str, Any]:
    """IMAP flags to column values: the five system flags plus the rest as keywords."""
    columns: dict[str, Any] = {name: 0 for name in FLAG_NAMES}
    keywords: list[str] = []
    for raw_flag in flags:
        flag = raw_flag.decode("ascii", "replace") if isinstance(raw_flag, bytes) else raw_flag
        column = SYSTEM_FLAGS.get(flag.lower())
        if column:
            columns[column] = 1
        elif flag.lower() != "\\recent":
            keywords.append(flag)
    columns["keywords"] = " ".join(keywords)
    return columns
