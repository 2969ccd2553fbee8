"""Make received strings safe to show and store: no control or bidi characters, bounded."""

from __future__ import annotations

import re
import unicodedata

# C0/C1 controls (tab and newline are handled apart), bidi embeddings/overrides/isolates,
# zero-width characters: hostile senders use them to disguise names and text.
_FORBIDDEN = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)


def clean_text(value: str, max_length: int, *, multiline: bool = False) -> tuple[str, bool]:
    """The cleaned text and whether anything had to be removed or cut."""
    text = unicodedata.normalize("NFC", value.replace("\r\n", "\n"))
    cleaned = _FORBIDDEN.sub("", text)
    if not multiline:
        cleaned = " ".join(cleaned.split())
    changed = cleaned != text if multiline else cleaned != " ".join(text.split())
    if len(cleaned) > max_length:
        cleaned = cleaned[:max_length] + "…"
        changed = True
    return cleaned, changed
