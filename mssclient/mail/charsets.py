"""Turn bytes in a declared charset into text without ever failing.

Mail declares charsets loosely: unknown names, ``us-ascii`` over accented bytes, Latin-1
that is really Windows-1252. We follow the WHATWG habit (Latin-1/ASCII read as cp1252
after trying UTF-8) and refuse codecs that are not plain text encodings (``zlib_codec``,
``idna``...) so a crafted name can never trigger decompression or odd code paths.
"""

from __future__ import annotations

import codecs
from functools import lru_cache

# Codecs that exist in Python but must never decode mail text.
_REFUSED = frozenset(
    {
        "idna",
        "punycode",
        "unicode_escape",
        "raw_unicode_escape",
        "undefined",
        "mbcs",
        "oem",
        "charmap",
    }
)
# Declared charsets whose bytes are, in practice, UTF-8 or Windows-1252.
_WESTERN_GUESS = frozenset({"ascii", "iso8859-1", "cp1252"})
# Names Python does not know but mail uses, mapped to the codec that reads them.
_ALIASES = {
    "x-unknown": "",
    "unknown-8bit": "",
    "x-user-defined": "",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "iso-8859-8-i": "iso8859_8",
    "iso-8859-6-i": "iso8859_6",
    "windows-874": "cp874",
    "x-mac-roman": "mac_roman",
    "ansi_x3.4-1968": "ascii",
    "utf8mb4": "utf-8",
}


@lru_cache(maxsize=256)
def text_codec(name: str) -> str | None:
    """The Python codec name for a declared charset, or None when unusable."""
    cleaned = name.strip().strip("\"'").lower()
    if not cleaned or len(cleaned) > 40:
        return None
    cleaned = _ALIASES.get(cleaned, cleaned)
    if not cleaned:
        return None
    try:
        info = codecs.lookup(cleaned)
    except (LookupError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _REFUSED:
        return None
    return info.name


def guess_decode(data: bytes) -> str:
    """Decode bytes of unknown charset: UTF-8 when valid, else Windows-1252."""
    if data.isascii():
        return data.decode("ascii")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def decode_text(data: bytes, charset: str | None) -> tuple[str, bool]:
    """Decode ``data`` declared as ``charset``; returns (text, charset_was_bad).

    Never raises. A missing charset is not "bad" (RFC 2045 defaults to ASCII).
    """
    if not charset:
        return guess_decode(data), False
    codec = text_codec(charset)
    if codec is None:
        return guess_decode(data), True
    if codec in _WESTERN_GUESS or codec == "utf-8":
        return guess_decode(data), False
    try:
        return data.decode(codec, "replace"), False
    except Exception:  # some codecs raise despite "replace" (e.g. on state errors)
        return guess_decode(data), True
