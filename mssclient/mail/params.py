"""Content-Type / Content-Disposition values: the main token and its parameters.

Handles quoted strings, RFC 2231 extended and continued parameters
(``filename*0*=utf-8''...``) and RFC 2047 words inside quotes (as Outlook writes them).
Works on the Latin-1 view of the header so a boundary keeps its exact bytes.
"""

from __future__ import annotations

import re
from urllib.parse import unquote_to_bytes

from mssclient.mail.charsets import decode_text, guess_decode
from mssclient.mail.encoded_words import decode_encoded_words

_MAX_PARAMS = 64
_SECTION = re.compile(r"^([^*]+)\*(\d{1,3})(\*?)$")
_TOKEN = re.compile(r"[a-z0-9!#$%&'*+.^_`{|}~-]+/[a-z0-9!#$%&'*+.^_`{|}~-]+")


def split_value(value: str) -> tuple[str, dict[str, str]]:
    """(lower-cased main value, {lower-cased name: raw value}) for a structured header."""
    items = _split_semicolons(value)
    main = items[0].strip().lower() if items else ""
    params: dict[str, str] = {}
    for item in items[1 : _MAX_PARAMS + 1]:
        name, sep, raw = item.partition("=")
        name = name.strip().lower()
        if not sep or not name:
            continue
        raw = raw.strip()
        if raw.startswith('"'):
            raw = _unquote(raw)
        params.setdefault(name, raw)
    return main, params


def content_type(
    value: str | None, default: str = "text/plain"
) -> tuple[str, dict[str, str], bool]:
    """(type/subtype, params, was_invalid). An invalid type falls back to ``default``."""
    if value is None:
        return default, {}, False
    main, params = split_value(value)
    if not _TOKEN.fullmatch(main):
        return default, params, True
    return main, params, False


def decoded_param(params: dict[str, str], name: str) -> tuple[str | None, bool]:
    """A parameter as display text, joining RFC 2231 sections; returns (text, bad_charset)."""
    sections: dict[int, tuple[str, bool]] = {}
    extended_plain: tuple[str, bool] | None = None
    for key, raw in params.items():
        if key == name + "*":
            extended_plain = (raw, True)
            continue
        match = _SECTION.match(key)
        if match and match.group(1) == name:
            sections[int(match.group(2))] = (raw, bool(match.group(3)))
    if sections:
        return _join_sections([sections[i] for i in sorted(sections)])
    if extended_plain is not None:
        return _join_sections([extended_plain])
    raw_value = params.get(name)
    if raw_value is None:
        return None, False
    text = guess_decode(raw_value.encode("latin-1", "replace"))
    text, problems = decode_encoded_words(text)
    return text, "bad-charset" in problems


def _join_sections(sections: list[tuple[str, bool]]) -> tuple[str, bool]:
    charset = ""
    data = bytearray()
    for index, (raw, extended) in enumerate(sections):
        if extended:
            if index == 0 and raw.count("'") >= 2:
                charset, _language, raw = raw.split("'", 2)
            data += unquote_to_bytes(raw.encode("latin-1", "replace"))
        else:
            data += raw.encode("latin-1", "replace")
    text, bad = decode_text(bytes(data), charset or None)
    return text, bad


def _split_semicolons(value: str) -> list[str]:
    if '"' not in value:
        return value.split(";", _MAX_PARAMS + 1)
    items: list[str] = []
    current: list[str] = []
    quoted = False
    escaped = False
    for char in value:
        if escaped:
            escaped = False
        elif char == "\\" and quoted:
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif char == ";" and not quoted:
            items.append("".join(current))
            current = []
            if len(items) > _MAX_PARAMS:
                return items
            continue
        current.append(char)
    items.append("".join(current))
    return items


def _unquote(raw: str) -> str:
    out: list[str] = []
    escaped = False
    for char in raw[1:]:
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == '"':
            break
        else:
            out.append(char)
    return "".join(out)
