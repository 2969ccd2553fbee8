"""Read a header block from raw bytes: split, unfold, decode, never fail.

Values are first kept as Latin-1 strings (a lossless view of the bytes) so structural
parameters such as a MIME boundary map back to the exact original bytes; display text is
decoded separately (UTF-8 when valid, else Windows-1252, then RFC 2047).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mssclient.mail.charsets import guess_decode
from mssclient.mail.encoded_words import decode_encoded_words
from mssclient.mail.limits import MAX_HEADER_BLOCK, MAX_HEADER_FIELDS, MAX_HEADER_VALUE

_FIELD_NAME = re.compile(rb"([!-9;-~]+)[ \t]*:")
# A whole field with its continuation lines, for the fast path over well-formed blocks.
_WHOLE_FIELD = re.compile(rb"([!-9;-~]+)[ \t]*:([^\n]*(?:\n[ \t][^\n]*)*)(?:\n|\Z)")
_FOLD = re.compile(rb"\r?\n")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


@dataclass(slots=True)
class HeaderBlock:
    """Fields of one header block, in order; names compared case-insensitively."""

    fields: list[tuple[str, str]] = field(default_factory=list)  # (name, latin-1 value)
    problems: list[str] = field(default_factory=list)
    _first: dict[str, str] | None = None

    def raw(self, name: str) -> str | None:
        """First value of ``name`` as a lossless Latin-1 string, unfolded."""
        if self._first is None:
            first: dict[str, str] = {}
            for key, value in self.fields:
                first.setdefault(key.lower(), value)
            self._first = first
        return self._first.get(name.lower())

    def raw_all(self, name: str) -> list[str]:
        wanted = name.lower()
        return [value for key, value in self.fields if key.lower() == wanted]

    def text(self, name: str) -> str:
        """First value of ``name`` decoded for display ("" when absent)."""
        value = self.raw(name)
        if value is None:
            return ""
        text, problems = display_text(value)
        for problem in problems:
            if problem not in self.problems:
                self.problems.append(problem)
        return text


def display_text(latin1_value: str) -> tuple[str, list[str]]:
    """Decode a Latin-1 header view to display text; returns (text, problems)."""
    problems: list[str] = []
    if latin1_value.isascii():
        text = latin1_value
    else:
        data = latin1_value.encode("latin-1")
        text = guess_decode(data)
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            problems.append("8bit-header")
    text, word_problems = decode_encoded_words(text)
    problems.extend(word_problems)
    if "=?" in latin1_value and ("\n" in text or "\r" in text):
        problems.append("encoded-line-break")  # an attempt to smuggle a header line
    if "\x00" in text:
        problems.append("nul-bytes")
    return _CONTROL_CHARS.sub(" ", text).strip(), problems


def find_body_start(raw: bytes, start: int, end: int) -> tuple[int, int]:
    """(end of header block, start of body) for the part in ``raw[start:end]``.

    The block ends at the first empty line. With no empty line the whole part is headers
    (RFC 5322 allows a message without a body).
    """
    if raw.startswith(b"\r\n", start) and start + 2 <= end:
        return start, start + 2
    if raw.startswith(b"\n", start) and start + 1 <= end:
        return start, start + 1
    # Search first for the line-end style of the first line, then only up to that hit
    # for the other style: a CRLF message never scans a 50 MB attachment for "\n\n".
    first_line_end = raw.find(b"\n", start, end)
    crlf_style = first_line_end > start and raw[first_line_end - 1 : first_line_end] == b"\r"
    if crlf_style:
        crlf = raw.find(b"\n\r\n", start, end)
        lf = raw.find(b"\n\n", start, crlf + 2 if crlf >= 0 else end)
    else:
        lf = raw.find(b"\n\n", start, end)
        crlf = raw.find(b"\n\r\n", start, lf + 3 if lf >= 0 else end)
    candidates = []
    if lf >= 0:
        candidates.append((lf + 1, lf + 2))
    if crlf >= 0:
        candidates.append((crlf + 1, crlf + 3))
    if not candidates:
        return end, end
    return min(candidates)


def parse_header_block(
    raw: bytes, start: int, end: int, max_fields: int = MAX_HEADER_FIELDS
) -> tuple[HeaderBlock, int]:
    """Parse headers at ``raw[start:end]``; returns (block, offset where the body starts).

    A line that is neither a field nor a continuation ends the block early: what follows
    is body (problem "bad-header-line", or "no-headers" when it is the very first line).
    """
    block = HeaderBlock()
    head_end, body_start = find_body_start(raw, start, end)
    if head_end - start > MAX_HEADER_BLOCK:
        block.problems.append("headers-too-large")
        head_end = start + MAX_HEADER_BLOCK
    if head_end <= start:
        return block, body_start
    if _parse_regular(raw[start:head_end], block, max_fields):
        return block, body_start
    block.fields.clear()
    lines = raw[start:head_end].split(b"\n")
    if lines and not lines[-1]:
        lines.pop()
    name = ""
    parts: list[bytes] = []
    size = 0
    offset = start
    truncated_value = False

    def finish() -> None:
        nonlocal truncated_value
        if name:
            value = b" ".join(parts).decode("latin-1").strip()
            block.fields.append((name, value))
        if truncated_value:
            block.problems.append("header-too-long")
            truncated_value = False

    for index, line in enumerate(lines):
        stripped = line[:-1] if line.endswith(b"\r") else line
        if stripped[:1] in (b" ", b"\t") and name:
            if size < MAX_HEADER_VALUE:
                piece = stripped.strip()[: MAX_HEADER_VALUE - size]
                parts.append(piece)
                size += len(piece) + 1
                truncated_value = truncated_value or len(stripped.strip()) > len(piece)
            offset += len(line) + 1
            continue
        match = _FIELD_NAME.match(stripped)
        if match is None:
            if index == 0 and stripped.startswith(b"From "):  # mbox separator line
                offset += len(line) + 1
                continue
            if index == 0 and stripped[:1] in (b" ", b"\t") and _next_is_field(lines):
                block.problems.append("bad-header-line")  # a stray continuation: skip it
                offset += len(line) + 1
                continue
            block.problems.append(
                "no-headers" if not block.fields and not name else "bad-header-line"
            )
            finish()
            name = ""
            return block, offset
        finish()
        if len(block.fields) >= max_fields:
            block.problems.append("too-many-headers")
            name = ""
            return block, body_start
        name = match.group(1).decode("ascii")
        value = stripped[match.end() :]
        piece = value.strip()[:MAX_HEADER_VALUE]
        truncated_value = len(value.strip()) > len(piece)
        parts = [piece]
        size = len(piece)
        offset += len(line) + 1
    finish()
    return block, body_start


def _next_is_field(lines: list[bytes]) -> bool:
    return len(lines) > 1 and _FIELD_NAME.match(lines[1]) is not None


def _parse_regular(head: bytes, block: HeaderBlock, max_fields: int) -> bool:
    """Fast path: True when ``head`` is only well-formed fields (the usual case)."""
    position = 0
    size = len(head)
    match_field = _WHOLE_FIELD.match
    fields = block.fields
    while position < size:
        match = match_field(head, position)
        if match is None or len(fields) >= max_fields:
            return False
        value = match.group(2)
        if b"\n" in value:
            value = _FOLD.sub(b"", value)
        if len(value) > MAX_HEADER_VALUE:
            value = value[:MAX_HEADER_VALUE]
            if "header-too-long" not in block.problems:
                block.problems.append("header-too-long")
        fields.append((match.group(1).decode("ascii"), value.strip().decode("latin-1")))
        position = match.end()
    return True
