"""Subject line conventions: MSSanté XDM prefixes, French reply/forward prefixes."""

from __future__ import annotations

import re

# Reply and forward markers as written by common clients, with optional counters ("Re[2]:").
_REPLY = r"(?:re|r[ée]f|aw|sv|antw|rif|res)"
_FORWARD = r"(?:tr|fw|fwd|wg|rv|enc)"
_MARKER = r"\s*(?:\[\d{1,3}\]|\(\d{1,3}\))?\s*:\s*"
_LEADING_REPLIES = re.compile(rf"^\s*(?:{_REPLY}{_MARKER})+", re.IGNORECASE)
_LEADING_FORWARDS = re.compile(rf"^\s*(?:{_FORWARD}{_MARKER})+", re.IGNORECASE)
_LEADING_MARKERS = rf"(?:(?:{_REPLY}|{_FORWARD}){_MARKER})*"
# ECO.2.1.3: "XDM/1.0/DDM+<label> <NOM> <prénom> <date>"; the prefix is machine data.
_XDM_PREFIX = re.compile(rf"^(\s*{_LEADING_MARKERS})XDM/\d+(?:\.\d+)*/DDM\+\s*", re.IGNORECASE)

REPLY_PREFIX = "Re : "
FORWARD_PREFIX = "Tr : "


def strip_mssante_subject_prefix(subject: str) -> str:
    """Hide the ``XDM/1.0/DDM+`` prefix (ECO.3.1.3), keeping any Re/Tr marker before it."""
    return _XDM_PREFIX.sub(r"\1", subject, count=1)


def reply_subject(subject: str) -> str:
    """``Re : `` once, whatever reply markers the original already had.

    The XDM prefix goes: a reply does not carry the original's XDM archive.
    """
    base = _LEADING_REPLIES.sub("", strip_mssante_subject_prefix(subject)).strip()
    return REPLY_PREFIX + base


def forward_subject(subject: str) -> str:
    """``Tr : `` once; the XDM prefix stays since the forward carries the attachments."""
    base = _LEADING_FORWARDS.sub("", subject).strip()
    return FORWARD_PREFIX + base
