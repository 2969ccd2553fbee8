"""Seeded random damage to well-formed messages: the parser and the reply/forward helpers
never fail, whatever bytes are cut, inserted or flipped."""

from __future__ import annotations

import random

from mssclient.mail import (
    Address,
    attachment_bytes,
    forward_draft,
    parse_full,
    parse_summary,
    reply_draft,
    wants_read_receipt,
)
from tests.unit.mail.samples import HTML_ONLY, SIGNED, THREAD_REPLY

# Fragments that steer mutations towards the parser's tricky paths.
TOKENS = [
    b"\r\n", b"\n", b"--", b"=?", b"?=", b"=?utf-8?q?", b"=?x?b?", b";", b'"', b"boundary=",
    b"multipart/mixed; boundary=a", b"\r\n--a\r\n", b"\x00", b"\xff", b"=", b"*0*=", b"'",
    b"<", b">", b"@", b",", b"message/rfc822", b"base64", b"Content-Type: ", b"\r\n\r\n",
    b"\t", b"<div>", b"cid:",
]  # fmt: skip
ME = Address("Dr Anne Martin", "anne.martin@medecin.mssante.fr")


def _mutate(rng: random.Random, original: bytes) -> bytes:
    raw = bytearray(original)
    for _ in range(rng.randint(1, 8)):
        choice = rng.random()
        position = rng.randrange(len(raw) + 1)
        if choice < 0.3:
            del raw[position : position + rng.randint(1, 50)]
        elif choice < 0.6:
            raw[position:position] = rng.choice(TOKENS)
        elif choice < 0.8 and raw:
            raw[min(position, len(raw) - 1)] = rng.randrange(256)
        else:
            del raw[position:]
    return bytes(raw)


def test_mutated_messages_never_break_the_parser() -> None:
    rng = random.Random(20261112)
    for _ in range(1500):
        raw = _mutate(rng, rng.choice([THREAD_REPLY, HTML_ONLY, SIGNED]))
        summary = parse_summary(raw)
        message = parse_full(raw)
        for problems in (summary.parse_problems, message.parse_problems):
            assert not any(p.startswith("parser-failure") for p in problems), raw
        for info in message.attachments:
            attachment_bytes(raw, info.part_index)
        reply_draft(raw, ME, reply_all=True)
        forward_draft(raw, ME)
        wants_read_receipt(raw)
