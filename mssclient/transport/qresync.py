"""QRESYNC (RFC 7162): resynchronise a folder in one SELECT.

With QRESYNC enabled, ``SELECT folder (QRESYNC (uidvalidity modseq))`` answers, besides
the usual counters, with ``VANISHED (EARLIER) uid-set`` for every message expunged since
that modseq and a ``FETCH (UID FLAGS MODSEQ)`` for every message whose flags changed. The
client then only has to ask for UIDs above the last UIDNEXT it saw.

imapclient 4.1 has no QRESYNC support: the SELECT goes through its imaplib connection (as
imapclient's own ``select_folder`` does) and the untagged answers are read from imaplib's
response store, then parsed with imapclient's FETCH parser.
"""

from __future__ import annotations

import contextlib
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError
from imapclient.response_parser import parse_fetch_response


def enable_qresync(client: IMAPClient) -> bool:
    """ENABLE QRESYNC when offered (before any SELECT); True if the server accepted."""
    if not (client.has_capability("QRESYNC") and client.has_capability("ENABLE")):
        return False
    try:
        enabled = client.enable("QRESYNC")
    except IMAPClientError:
        return False
    return any(_text(e).upper() == "QRESYNC" for e in enabled)


@dataclass(frozen=True)
class UidRanges:
    """A UID set such as ``1:3,7,10:12``, kept as ranges (VANISHED sets can be huge)."""

    ranges: tuple[tuple[int, int], ...] = ()

    @classmethod
    def parse(cls, text: str) -> UidRanges:
        found: list[tuple[int, int]] = []
        for part in text.replace(" ", "").split(","):
            if not part:
                continue
            low, _, high = part.partition(":")
            a, b = int(low), int(high or low)
            found.append((min(a, b), max(a, b)))
        return cls(tuple(_merge(found)))

    def union(self, other: UidRanges) -> UidRanges:
        return UidRanges(tuple(_merge([*self.ranges, *other.ranges])))

    def __contains__(self, uid: object) -> bool:
        if not isinstance(uid, int):
            return False
        starts = [low for low, _ in self.ranges]
        at = bisect_right(starts, uid) - 1
        return at >= 0 and uid <= self.ranges[at][1]

    def __bool__(self) -> bool:
        return bool(self.ranges)

    def members_of(self, uids: Iterable[int]) -> set[int]:
        """The given UIDs that fall in this set (never expands the ranges themselves)."""
        return {uid for uid in uids if uid in self}


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for low, high in sorted(ranges):
        if merged and low <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


@dataclass(frozen=True)
class Resync:
    """What changed in a folder since the modseq given to SELECT."""

    vanished: UidRanges = field(default_factory=UidRanges)
    flags: dict[int, tuple[bytes, ...]] = field(default_factory=dict)


def select_with_qresync(
    client: IMAPClient, folder: str, uidvalidity: int, modseq: int
) -> tuple[dict[bytes, Any], Resync]:
    """SELECT with the QRESYNC parameter; returns imapclient's SELECT dict and the changes.

    When the server's UIDVALIDITY differs from ``uidvalidity`` it reports no changes
    (RFC 7162 §3.2.5): the caller sees the new UIDVALIDITY and starts over.
    """
    imap = client._imap  # the connection imapclient itself drives
    imap.untagged_responses = {}  # as imaplib's select(): drop answers of earlier commands
    imap.is_readonly = False
    typ, data = imap._simple_command(
        "SELECT",
        client._normalise_folder(folder),
        f"(QRESYNC ({int(uidvalidity)} {int(modseq)}))",
    )
    if typ != "OK":
        imap.state = "AUTH"
        raise IMAPClientError(f"select failed: {_text(data[0]) if data else typ}")
    imap.state = "SELECTED"
    responses = imap.untagged_responses
    vanished = UidRanges()
    for line in responses.pop("VANISHED", []):
        vanished = vanished.union(parse_vanished(line))
    fetched = responses.pop("FETCH", [])
    flags: dict[int, tuple[bytes, ...]] = {}
    if fetched:
        for item in parse_fetch_response(fetched, False, False).values():
            # RFC 7162 requires UID in these answers; a bare sequence number is useless here.
            if b"UID" in item and b"FLAGS" in item:
                flags[int(item[b"UID"])] = tuple(item[b"FLAGS"])
    return client._process_select_response(responses), Resync(vanished, flags)


def parse_vanished(line: Any) -> UidRanges:
    """``(EARLIER) 41,43:116`` (or without the tag) as UID ranges; junk gives nothing."""
    text = _text(line[0] if isinstance(line, tuple) else line).strip()
    if text.upper().startswith("(EARLIER)"):
        text = text[len("(EARLIER)") :]
    with contextlib.suppress(ValueError):
        return UidRanges.parse(text.strip())
    return UidRanges()


def _text(value: Any) -> str:
    return value.decode("ascii", "replace") if isinstance(value, bytes) else str(value)
