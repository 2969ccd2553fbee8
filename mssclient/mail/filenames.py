"""Attachment file names made safe to show and to save."""

from __future__ import annotations

import mimetypes
import re
import unicodedata

_MAX_LENGTH = 150
_UNSAFE = re.compile(r'[\\/:*?"<>|]')
_REPORT_TYPES = frozenset(
    {"message/delivery-status", "message/disposition-notification", "text/rfc822-headers"}
)
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$", re.IGNORECASE)


def sanitize_filename(name: str | None, fallback: str) -> str:
    """A file name with no path, no control or bidi-override character, not hidden.

    ``fallback`` is used when nothing usable is left.
    """
    if not name:
        return fallback
    # Control (Cc) and format (Cf: bidi overrides that disguise "exe.pdf") characters go.
    cleaned = "".join(
        " " if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") else char for char in name
    )
    cleaned = _UNSAFE.sub("_", cleaned)
    cleaned = " ".join(cleaned.split()).strip(" .")
    if not cleaned:
        return fallback
    if _WINDOWS_RESERVED.match(cleaned):
        cleaned = "_" + cleaned
    if len(cleaned) > _MAX_LENGTH:
        stem, dot, extension = cleaned.rpartition(".")
        if dot and 0 < len(extension) <= 10:
            cleaned = stem[: _MAX_LENGTH - len(extension) - 1] + "." + extension
        else:
            cleaned = cleaned[:_MAX_LENGTH]
    return cleaned


def default_filename(content_type: str, index: int) -> str:
    """A name for an unnamed attachment, with an extension matching its type."""
    if content_type == "message/rfc822":
        return f"message-{index}.eml"
    if content_type in _REPORT_TYPES:
        return f"rapport-{index}.txt"
    extension = mimetypes.guess_extension(content_type, strict=False) or ".bin"
    return f"piece-jointe-{index}{extension}"
