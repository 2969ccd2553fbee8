"""The parse pool: same results inline and on worker processes; a crash keeps the raw."""

from __future__ import annotations

from mssclient.transport.parsing import ParsePool, parse_batch

RAWS = [
    b"From: A <a@example.test>\r\nSubject: un\r\nMessage-ID: <1@x>\r\n\r\ncorps un\r\n",
    b"Subject: =?utf-8?q?d=C3=A9ux?=\r\nMessage-ID: <2@x>\r\n\r\ncorps deux\r\n",
    b"\x00\xff pas un message",
    b"",
]


def explode(raw: bytes) -> object:
    raise RuntimeError("parser bug")


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
