"""RFC 2047 encoded-word decoding that tolerates every kind of garbage.

Adjacent words in the same charset are joined as bytes before decoding, so a multi-byte
character split across two words survives. Anything undecodable is kept literally.
"""

from __future__ import annotations

import binascii
import re

from mssclient.mail.charsets import decode_text

ENCODED_WORD = re.compile(r"=\?([^?\s*]{1,40})(?:\*[^?\s]{0,20})?\?([qQbB])\?([^?\s]*)\?=")
_BASE64_JUNK = re.compile(rb"[^A-Za-z0-9+/]")
_BAD_QP_ESCAPE = re.compile(r"=(?![0-9A-Fa-f]{2})")


def lenient_b64decode(data: bytes) -> tuple[bytes, bool]:
    """Decode base64 ignoring junk characters; returns (bytes, was_damaged)."""
    body = data.translate(None, b" \t\r\n").rstrip(b"=")
    damaged = _BASE64_JUNK.search(body) is not None
    if damaged:
        body = _BASE64_JUNK.sub(b"", body)
    extra = len(body) % 4
    if extra == 1:  # a lone sextet carries no whole byte
        body = body[:-1]
        damaged = True
    elif extra:
        body += b"=" * (4 - extra)
    try:
        return binascii.a2b_base64(body), damaged
    except (binascii.Error, ValueError):
        return b"", True


def decode_encoded_words(value: str) -> tuple[str, list[str]]:
    """Decode RFC 2047 words in a header value; returns (text, problem codes)."""
    if "=?" not in value:
        return value, []
    problems: set[str] = set()
    pieces: list[str] = []
    pending: list[bytes] = []
    pending_charset = ""
    position = 0

    def flush() -> None:
        if pending:
            text, bad = decode_text(b"".join(pending), pending_charset)
            if bad:
                problems.add("bad-charset")
            pieces.append(text)
            pending.clear()

    for match in ENCODED_WORD.finditer(value):
        between = value[position : match.start()]
        # Whitespace between two encoded words is not part of the text (RFC 2047 §6.2).
        if between and not (pending and between.isspace()):
            flush()
            pieces.append(between)
        charset, encoding, payload = match.group(1), match.group(2).upper(), match.group(3)
        data = payload.encode("ascii", "replace")
        if encoding == "Q":
            if _BAD_QP_ESCAPE.search(payload):
                problems.add("bad-encoded-word")
            decoded = binascii.a2b_qp(data, header=True)
        else:
            decoded, damaged = lenient_b64decode(data)
            if damaged:
                problems.add("bad-encoded-word")
        if pending and charset.lower() != pending_charset.lower():
            flush()
        pending_charset = charset
        pending.append(decoded)
        position = match.end()
    flush()
    pieces.append(value[position:])
    return "".join(pieces), sorted(problems)
