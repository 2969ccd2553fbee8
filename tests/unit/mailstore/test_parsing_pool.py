"""The parse pool: same results inline and on worker processes; a crash keeps the raw; a
worker process that dies costs only the message that killed it."""

from __future__ import annotations

import os

from mssclient.mail import MessageSummary, parse_summary
from mssclient.transport.parsing import WORKER_LOST, ParsePool, parse_batch

RAWS = [
    b"From: A <a@example.test>\r\nSubject: un\r\nMessage-ID: <1@x>\r\n\r\ncorps un\r\n",
    b"Subject: =?utf-8?q?d=C3=A9ux?=\r\nMessage-ID: <2@x>\r\n\r\ncorps deux\r\n",
    b"\x00\xff pas un message",
    b"",
]


def explode(raw: bytes) -> object:
    raise RuntimeError("parser bug")


POISON = b"X-Test-Poison: yes"


def die_on_poison(raw: bytes) -> MessageSummary:
    """As a worker would that the kernel kills for the memory a hostile message took."""
    if POISON in raw:
        os._exit(3)
    return parse_summary(raw)


def test_workers_give_the_same_fields_in_order():
    inline = parse_batch(RAWS)
    with ParsePool(2) as pool:
        pooled = pool.submit(RAWS).result(timeout=60)
    assert pooled == inline
    assert [f.message_id for f in inline[:2]] == ["<1@x>", "<2@x>"]
    assert inline[1].subject == "déux"


def test_a_parser_crash_marks_the_message_malformed():
    [fields] = parse_batch([b"x"], "tests.unit.mailstore.test_parsing_pool:explode")
    assert fields.is_malformed
    assert "parser bug" in fields.parse_problems


def message(subject: str, *extra: bytes) -> bytes:
    return b"\r\n".join([f"Subject: {subject}".encode(), *extra]) + b"\r\n\r\nCorps\r\n"


def test_a_dead_worker_costs_only_the_message_that_killed_it():
    raws = [message(f"Message {n}") for n in range(6)]
    raws[3] = message("Piégé", POISON)
    with ParsePool(2, "tests.unit.mailstore.test_parsing_pool:die_on_poison") as pool:
        fields = pool.submit(raws).result(timeout=60)
        subjects = [f"Message {n}" for n in range(6)]
        subjects[3] = ""
        assert [f.subject for f in fields] == subjects
        assert fields[3].is_malformed and fields[3].parse_problems == WORKER_LOST
        assert not any(f.is_malformed for n, f in enumerate(fields) if n != 3)
        # The broken pool was replaced: the next batches parse normally.
        for _ in range(2):
            again = pool.submit([message("Après 1"), message("Après 2")]).result(timeout=60)
            assert [f.subject for f in again] == ["Après 1", "Après 2"]
