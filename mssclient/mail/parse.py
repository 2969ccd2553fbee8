"""Parse raw RFC 5322 / MIME messages: a fast summary for sync, a full view for reading.

Neither function ever raises or mutates its input: on damaged input they record problem
codes (see ``problems.py``) and return what they could read. Work is bounded: headers and
MIME structure are capped (``limits.py``), attachments are never decoded for a summary,
and text parts are read only as far as the index needs.
"""

from __future__ import annotations

import html as html_lib
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from mssclient.mail.addresses import Address, parse_address_header
from mssclient.mail.bodies import body_bytes, body_text, decoded_size
from mssclient.mail.errors import AttachmentNotFoundError
from mssclient.mail.filenames import default_filename, sanitize_filename
from mssclient.mail.headers import HeaderBlock, display_text
from mssclient.mail.html_text import html_to_text, sanitize_html, too_deep
from mssclient.mail.layout import Layout, Segment, body_layout
from mssclient.mail.limits import (
    INDEX_TEXT_LIMIT,
    READER_HTML_BYTES,
    READER_PART_BYTES,
    READER_TEXT_LIMIT,
    SNIPPET_LENGTH,
    SUMMARY_HTML_BYTES,
    SUMMARY_PART_BYTES,
)
from mssclient.mail.mime_tree import MimePart, MimeTree, build_tree
from mssclient.mail.models import AttachmentInfo, FullMessage, MessageSummary
from mssclient.mail.problems import describe_problems
from mssclient.mail.subjects import strip_mssante_subject_prefix

_MSG_ID = re.compile(r"<[^<>\s]{1,990}>")
_MAX_REFERENCES = 100
_MAX_SHOWN_HEADERS = 300


def parse_summary(raw: bytes) -> MessageSummary:
    """The list/index view of ``raw``. Never raises."""
    summary = MessageSummary(size=len(raw) if isinstance(raw, bytes | bytearray) else 0)
    try:
        _fill_summary(bytes(raw), summary)
    except Exception as exc:  # a bug must not lose the message: keep what we have
        summary.parse_problems.append("parser-failure")
        summary.parse_problems.append(f"parser-failure:{type(exc).__name__}")
    summary.is_malformed = bool(summary.parse_problems)
    return summary


def parse_full(raw: bytes) -> FullMessage:
    """The reader's view of ``raw``. Never raises."""
    message = FullMessage()
    try:
        _fill_full(bytes(raw), message)
    except Exception as exc:
        message.parse_problems.append("parser-failure")
        message.parse_problems.append(f"parser-failure:{type(exc).__name__}")
    message.is_malformed = bool(message.parse_problems)
    message.problem_description = describe_problems(
        p for p in message.parse_problems if ":" not in p
    )
    return message


def attachment_bytes(raw: bytes, part_index: int) -> bytes:
    """The decoded content of the part numbered ``part_index`` (see ``AttachmentInfo``).

    Raises ``AttachmentNotFoundError`` when no such leaf part exists.
    """
    tree = build_tree(bytes(raw))
    part = tree.part(part_index)
    if part is None or (part.children and part.content_type != "message/rfc822"):
        raise AttachmentNotFoundError(f"no leaf part {part_index}")
    if part.content_type == "message/rfc822":
        return tree.raw[part.body_start : part.body_end]
    return body_bytes(tree.raw, part)[0]


# --- shared pieces ---------------------------------------------------------------------


def _add(problems: list[str], codes: list[str]) -> None:
    for code in codes:
        if code not in problems:
            problems.append(code)


def _message_id(value: str | None) -> str:
    if not value:
        return ""
    match = _MSG_ID.search(value)
    if match:
        return match.group(0)
    token = value.strip().split()[0] if value.strip() else ""
    return f"<{token[:990]}>" if token else ""


def _references(value: str | None) -> list[str]:
    if not value:
        return []
    ids = _MSG_ID.findall(value)
    if len(ids) > _MAX_REFERENCES:  # keep the root and the most recent ancestors
        ids = ids[:1] + ids[-(_MAX_REFERENCES - 1) :]
    return ids


def _date(value: str | None, problems: list[str]) -> datetime | None:
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value.strip())
    except Exception:
        problems.append("bad-date")
        return None
    if parsed.tzinfo is None:  # "-0000": UTC with no claim about local time
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def _addresses(headers: HeaderBlock, name: str, problems: list[str]) -> list[Address]:
    addresses, codes = parse_address_header(headers.raw(name))
    _add(problems, codes)
    return addresses


def _mss_headers(headers: HeaderBlock, problems: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, value in headers.fields:
        if name.lower().startswith("x-mss-") and name not in found:
            text, codes = display_text(value)
            _add(problems, codes)
            found[name] = text[:1000]
    return found


def _receipt_address(headers: HeaderBlock, problems: list[str]) -> str:
    addresses = _addresses(headers, "Disposition-Notification-To", problems)
    return addresses[0].addr if addresses else ""


def _segment_text(
    raw: bytes, segment: Segment, problems: list[str], text_cap: int, html_cap: int
) -> tuple[str, bool]:
    """Text of one body segment and whether the part was longer than its cap."""
    if segment.plain is not None:
        part, cap = segment.plain, text_cap
        text, codes = body_text(raw, part, cap)
    elif segment.html is not None:
        part, cap = segment.html, html_cap
        markup, codes = body_text(raw, part, cap)
        if too_deep(markup):
            codes.append("html-too-deep")
        text = html_to_text(markup)
    else:
        return "", False
    _add(problems, codes)
    return text, part.body_end - part.body_start > cap


def _body_text(
    raw: bytes, layout: Layout, problems: list[str], limit: int, text_cap: int, html_cap: int
) -> tuple[str, bool]:
    """The body segments' text joined, at most ``limit`` characters; (text, truncated)."""
    pieces: list[str] = []
    total = 0
    cut = False
    for segment in layout.segments:
        if total >= limit:
            return "\n\n".join(pieces)[:limit], True
        text, part_cut = _segment_text(raw, segment, problems, text_cap, html_cap)
        cut = cut or part_cut
        text = text.strip("\n")
        if text:
            pieces.append(text)
            total += len(text) + 2
    joined = "\n\n".join(pieces)
    return joined[:limit], cut or len(joined) > limit


def _snippet(text: str) -> str:
    """The first words of the body, skipping quoted lines, on one line."""
    lines = [line for line in text[: SNIPPET_LENGTH * 8].split("\n") if not line.startswith(">")]
    return " ".join(" ".join(lines).split())[:SNIPPET_LENGTH]


def _attachment_name(part: MimePart, problems: list[str]) -> str:
    name, bad_charset = part.filename()
    if bad_charset:
        _add(problems, ["bad-charset"])
    if not name and part.content_type == "message/rfc822" and part.children:
        subject = part.children[0].headers.text("Subject")
        name = f"{subject[:100]}.eml" if subject else None
    return sanitize_filename(name, default_filename(part.content_type, part.index))


def _top_problems(raw: bytes, tree: MimeTree) -> list[str]:
    problems = list(tree.problems)
    if not raw or raw.isspace():
        problems.insert(0, "empty-message")
        problems[:] = [p for p in problems if p != "no-headers"]
    return problems


# --- summary ---------------------------------------------------------------------------


def _fill_summary(raw: bytes, summary: MessageSummary) -> None:
    tree = build_tree(raw)
    raw = tree.raw  # offsets refer to it (a normalised copy for bare-CR messages)
    problems = summary.parse_problems
    _add(problems, _top_problems(raw, tree))
    headers = tree.root.headers
    summary.message_id = _message_id(headers.raw("Message-ID"))
    summary.in_reply_to = _message_id(headers.raw("In-Reply-To"))
    summary.references = _references(headers.raw("References"))
    summary.subject = headers.text("Subject")
    summary.display_subject = strip_mssante_subject_prefix(summary.subject)
    senders = _addresses(headers, "From", problems)
    if senders:
        summary.from_name, summary.from_addr = senders[0]
    summary.to = _addresses(headers, "To", problems)
    summary.cc = _addresses(headers, "Cc", problems)
    summary.date = _date(headers.raw("Date"), problems)
    summary.mss_headers = _mss_headers(headers, problems)
    summary.disposition_notification_to = _receipt_address(headers, problems)

    layout = body_layout(tree.root)
    summary.smime = layout.smime
    text, truncated = _body_text(
        raw, layout, problems, INDEX_TEXT_LIMIT, SUMMARY_PART_BYTES, SUMMARY_HTML_BYTES
    )
    summary.snippet = _snippet(text)
    summary.attachment_names = [_attachment_name(part, problems) for part in layout.attachments]
    summary.has_attachments = bool(layout.attachments)
    if summary.attachment_names:
        names = "\n".join(summary.attachment_names)
        text = f"{text}\n\n{names}" if text else names
    summary.index_text = text[:INDEX_TEXT_LIMIT]
    summary.index_text_truncated = truncated or len(text) > INDEX_TEXT_LIMIT
    _add(problems, headers.problems)


# --- full ------------------------------------------------------------------------------


def _fill_full(raw: bytes, message: FullMessage) -> None:
    tree = build_tree(raw)
    raw = tree.raw
    problems = message.parse_problems
    _add(problems, _top_problems(raw, tree))
    headers = tree.root.headers
    message.message_id = _message_id(headers.raw("Message-ID"))
    message.in_reply_to = _message_id(headers.raw("In-Reply-To"))
    message.references = _references(headers.raw("References"))
    message.subject = headers.text("Subject")
    message.display_subject = strip_mssante_subject_prefix(message.subject)
    senders = _addresses(headers, "From", problems)
    message.from_ = senders[0] if senders else None
    sender = _addresses(headers, "Sender", problems)
    message.sender = sender[0] if sender else None
    message.reply_to = _addresses(headers, "Reply-To", problems)
    message.to = _addresses(headers, "To", problems)
    message.cc = _addresses(headers, "Cc", problems)
    message.date = _date(headers.raw("Date"), problems)
    message.mss_headers = _mss_headers(headers, problems)
    message.disposition_notification_to = _receipt_address(headers, problems)
    for name, value in headers.fields[:_MAX_SHOWN_HEADERS]:
        text, codes = display_text(value)
        _add(problems, codes)
        message.headers.append((name, text))

    layout = body_layout(tree.root)
    message.smime = layout.smime
    message.text, message.text_truncated = _body_text(
        raw, layout, problems, READER_TEXT_LIMIT, READER_PART_BYTES, READER_HTML_BYTES
    )
    content_ids = [part.content_id for part in layout.inline if part.content_id]
    html_pieces = []
    for segment in layout.segments:
        if segment.html is not None:
            markup, codes = body_text(raw, segment.html, READER_HTML_BYTES)
            _add(problems, codes)
            if too_deep(markup):  # the text view already shows it; never parse this
                _add(problems, ["html-too-deep"])
                continue
            html_pieces.append(sanitize_html(markup, content_ids))
        elif segment.plain is not None and any(s.html for s in layout.segments):
            text, _codes = body_text(raw, segment.plain, READER_PART_BYTES)
            html_pieces.append(_plain_as_html(text))
    message.html = "\n<hr>\n".join(html_pieces) if html_pieces else None
    for part in layout.attachments:
        message.attachments.append(_attachment_info(raw, part, problems, inline=False))
    for part in layout.inline:
        message.attachments.append(_attachment_info(raw, part, problems, inline=True))
    _add(problems, headers.problems)


def _attachment_info(
    raw: bytes, part: MimePart, problems: list[str], inline: bool
) -> AttachmentInfo:
    return AttachmentInfo(
        part_index=part.index,
        filename=_attachment_name(part, problems),
        content_type=part.content_type,
        size=decoded_size(raw, part),
        content_id=part.content_id,
        inline=inline,
    )


def _plain_as_html(text: str) -> str:
    """A plain segment shown between HTML segments of the same message."""
    return "<pre>" + html_lib.escape(text) + "</pre>"
