"""Decode a part's body (transfer encoding, then charset), optionally only its start."""

from __future__ import annotations

import binascii

from mssclient.mail.charsets import decode_text
from mssclient.mail.encoded_words import lenient_b64decode
from mssclient.mail.mime_tree import MimePart

_IDENTITY_ENCODINGS = frozenset({"7bit", "8bit", "binary", ""})


def body_bytes(
    raw: bytes, part: MimePart, max_encoded: int | None = None
) -> tuple[bytes, list[str]]:
    """The decoded body of ``part``; reads at most ``max_encoded`` raw bytes when given.

    Returns (data, problems). Never raises.
    """
    end = part.body_end
    if max_encoded is not None:
        end = min(end, part.body_start + max_encoded)
    encoded = raw[part.body_start : end]
    encoding = part.transfer_encoding
    problems: list[str] = []
    if encoding == "base64":
        data, damaged = lenient_b64decode(encoded)
        # A cut read may end mid-quantum; that is our doing, not the message's.
        if damaged and end == part.body_end:
            problems.append("bad-base64")
        return data, problems
    if encoding == "quoted-printable":
        try:
            return binascii.a2b_qp(encoded), problems
        except (binascii.Error, ValueError):
            return encoded, ["bad-transfer-encoding"]
    if encoding not in _IDENTITY_ENCODINGS:
        problems.append("bad-transfer-encoding")
    return encoded, problems


def body_text(raw: bytes, part: MimePart, max_encoded: int | None = None) -> tuple[str, list[str]]:
    """The body of a text part as a string, CRLF normalised; returns (text, problems)."""
    data, problems = body_bytes(raw, part, max_encoded)
    text, bad_charset = decode_text(data, part.charset)
    if bad_charset:
        problems.append("bad-charset")
    if "\x00" in text:
        problems.append("nul-bytes")
        text = text.replace("\x00", "")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, problems


def decoded_size(raw: bytes, part: MimePart) -> int:
    """The decoded size of a part's body, computed without decoding it where possible."""
    length = part.body_end - part.body_start
    encoding = part.transfer_encoding
    if encoding == "base64":
        whitespace = sum(
            raw.count(char, part.body_start, part.body_end) for char in (b"\n", b"\r", b" ", b"\t")
        )
        significant = length - whitespace
        padding = 0
        tail = raw[max(part.body_start, part.body_end - 8) : part.body_end].rstrip()
        if tail.endswith(b"=="):
            padding = 2
        elif tail.endswith(b"="):
            padding = 1
        return max(0, significant * 3 // 4 - padding)
    if encoding == "quoted-printable":
        return len(body_bytes(raw, part)[0])
    return length
