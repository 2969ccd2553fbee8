"""The sandbox serves deeply nested and many-part messages: exact bytes, capped structure.

pymap alone parses every MIME level on each FETCH and its session dies on these
(mssclient/sandbox/structure_cap.py); the sandbox bounds the structure it lists instead.
"""

from __future__ import annotations

import imaplib
import logging
import re
import ssl
import sys
import time
from collections.abc import Iterator

import pymap.backend.maildir.mailbox as pymap_maildir
import pytest
from pymap.message import BaseLoadedMessage
from pymap.mime import MessageContent
from pymap.parsing.specials import FetchRequirement

from mssclient.sandbox import Sandbox
from mssclient.sandbox.demo_messages import demo_messages
from mssclient.sandbox.structure_cap import MAX_DEPTH, MAX_PARTS, CappedMessageContent
from tests.unit.mail.corpus import deep_message_nesting, deep_nesting, many_parts

pytestmark = pytest.mark.integration

#: "Well under a few seconds": the 10,000-level message takes ~0.2 s on a laptop.
_ANSWER_WITHIN = 3.0
_PASSWORD = "structure-hostile-1"
_NORMAL = (
    b"From: a@example.test\r\nTo: b@example.test\r\nSubject: normal\r\n"
    b"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nBonjour.\r\n"
)


def _opaque(structure: bytes) -> bool:
    return b'"application" "octet-stream"' in structure.lower()


@pytest.fixture(autouse=True)
def no_server_error(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """pymap logs a broken session (RecursionError) at ERROR level: none may occur."""
    yield
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors]


@pytest.fixture
def account(sandbox: Sandbox, request: pytest.FixtureRequest) -> str:
    """A mailbox of its own for each test."""
    return sandbox.add_user(request.node.name.replace("_", "-")[:40], _PASSWORD)


@pytest.fixture
def client(sandbox: Sandbox, tls: ssl.SSLContext, account: str) -> Iterator[imaplib.IMAP4]:
    # A timeout: a session that stops answering fails the test instead of hanging it.
    imap = imaplib.IMAP4_SSL(sandbox.host, sandbox.imap_port, ssl_context=tls, timeout=60)
    imap.login(account, _PASSWORD)
    try:
        yield imap
    finally:
        imap.logout()


def _append(imap: imaplib.IMAP4, raw: bytes) -> int:
    typ, data = imap.append("INBOX", None, None, raw)
    assert typ == "OK", data
    found = re.search(rb"APPENDUID \d+ (\d+)", data[-1])
    assert found is not None, data
    return int(found.group(1))


def _timed_fetch(imap: imaplib.IMAP4, uid: int, item: str) -> tuple[bytes, float]:
    started = time.perf_counter()
    typ, data = imap.uid("FETCH", str(uid), f"({item})")
    elapsed = time.perf_counter() - started
    assert typ == "OK", data
    first = data[0]
    answer = first[1] if isinstance(first, tuple) else first
    assert isinstance(answer, bytes)
    return answer, elapsed


def _bodystructure(answer: bytes) -> bytes:
    return answer.split(b"BODYSTRUCTURE ", 1)[1]


def test_deep_and_many_part_messages_are_appended_and_served(client: imaplib.IMAP4) -> None:
    nested = deep_nesting(10_000)
    parted = many_parts(5_000)
    uids = {"nested": _append(client, nested), "parts": _append(client, parted)}
    normal_uid = _append(client, _NORMAL)
    assert client.select("INBOX")[0] == "OK"

    raw, elapsed = _timed_fetch(client, uids["nested"], "BODY.PEEK[]")
    assert raw == nested  # byte for byte, nothing lost below the cap
    assert elapsed < _ANSWER_WITHIN
    answer, elapsed = _timed_fetch(client, uids["nested"], "BODYSTRUCTURE")
    assert elapsed < _ANSWER_WITHIN
    structure = _bodystructure(answer)
    # MAX_DEPTH multiparts listed, then one opaque leaf holding the rest.
    assert structure.startswith(b"(" * (MAX_DEPTH + 1) + b'"application" "octet-stream"')
    assert structure.count(b'"mixed"') == MAX_DEPTH

    raw, elapsed = _timed_fetch(client, uids["parts"], "BODY.PEEK[]")
    assert raw == parted
    assert elapsed < _ANSWER_WITHIN
    answer, elapsed = _timed_fetch(client, uids["parts"], "BODYSTRUCTURE")
    assert elapsed < _ANSWER_WITHIN
    assert _bodystructure(answer).startswith(b'("application" "octet-stream"')

    # A section below the cap is served from the opaque leaf (its raw bytes), and SEARCH
    # walks the capped tree only.
    deep_section = ".".join(["1"] * (MAX_DEPTH + 3))
    part, _ = _timed_fetch(client, uids["nested"], f"BODY.PEEK[{deep_section}]")
    assert part.startswith(b"--n%d\r\n" % MAX_DEPTH)
    assert part in nested
    typ, data = client.uid("SEARCH", "TEXT", "fond")
    assert typ == "OK", data

    # The session is still alive and serves the other messages.
    assert client.noop()[0] == "OK"
    raw, _ = _timed_fetch(client, normal_uid, "BODY.PEEK[]")
    assert raw == _NORMAL
    answer, _ = _timed_fetch(client, normal_uid, "BODYSTRUCTURE")
    assert b'"text" "plain"' in answer.lower()


def test_delivered_message_nesting_is_served_capped(
    sandbox: Sandbox, account: str, client: imaplib.IMAP4
) -> None:
    """The in-process delivery (the SMTP side) stores the bytes; FETCH serves them capped."""
    wrapped = deep_message_nesting(10_000)
    uid = sandbox.deliver(account, wrapped)
    assert client.select("INBOX")[0] == "OK"

    raw, elapsed = _timed_fetch(client, uid, "BODY.PEEK[]")
    assert raw == wrapped
    assert elapsed < _ANSWER_WITHIN
    answer, elapsed = _timed_fetch(client, uid, "BODYSTRUCTURE")
    assert elapsed < _ANSWER_WITHIN
    structure = _bodystructure(answer)
    assert structure.lower().count(b'"message" "rfc822"') == MAX_DEPTH
    assert _opaque(structure)
    # The headers of the capped message/rfc822 part: its own, then no inner message
    # (pymap would index an empty list of parts there and break the session).
    leaf = ".".join(["1"] * MAX_DEPTH)
    mime, _ = _timed_fetch(client, uid, f"BODY.PEEK[{leaf}.MIME]")
    assert mime == b"Content-Type: message/rfc822\r\n\r\n"
    inner, _ = _timed_fetch(client, uid, f"BODY.PEEK[{leaf}.HEADER]")
    assert inner == b""
    assert client.noop()[0] == "OK"


def test_session_stays_usable_after_many_hostile_fetches(
    sandbox: Sandbox, account: str, client: imaplib.IMAP4
) -> None:
    """Several hostile messages fetched in one go, as a client's first sync would."""
    hostile = [deep_nesting(10_000), deep_message_nesting(10_000), many_parts(100_000)]
    for raw in hostile:
        sandbox.deliver(account, raw)
    normal_uid = sandbox.deliver(account, _NORMAL)
    assert client.select("INBOX", readonly=True)[0] == "OK"
    started = time.perf_counter()
    typ, data = client.uid("FETCH", "1:*", "(UID RFC822.SIZE BODYSTRUCTURE ENVELOPE)")
    assert typ == "OK", data
    assert len(data) == len(hostile) + 1
    assert time.perf_counter() - started < 3 * _ANSWER_WITHIN
    typ, data = client.uid("FETCH", "1:*", "(BODY.PEEK[])")
    assert typ == "OK"
    served = [item[1] for item in data if isinstance(item, tuple)]
    assert served == [*hostile, _NORMAL]
    assert client.noop()[0] == "OK"
    raw, _ = _timed_fetch(client, normal_uid, "BODY.PEEK[]")
    assert raw == _NORMAL


# -- the parser on its own --------------------------------------------------------------------
def _views(content: MessageContent) -> list[object]:
    """Everything FETCH can serve from a parsed message, section by section."""
    loaded = BaseLoadedMessage(None, FetchRequirement.CONTENT, content)  # type: ignore[arg-type]
    out: list[object] = [bytes(loaded.get_body_structure().extended)]
    out.append(bytes(loaded.get_envelope_structure()))

    def walk(part: MessageContent, section: tuple[int, ...]) -> Iterator[tuple[int, ...]]:
        yield section
        for index, sub in enumerate(part.body.nested, 1):
            yield from walk(sub, (*section, index))

    for section in walk(content, ()):
        spec = list(section) or None
        out += [
            section,
            bytes(loaded.get_body(spec)),
            bytes(loaded.get_body(spec, binary=True)),
            bytes(loaded.get_message_headers(spec)),
            bytes(loaded.get_message_text(spec)),
            loaded.get_size(spec),
        ]
    return out


def _within_caps() -> bytes:
    """Nested ten levels, a few parts at each, a message/rfc822 inside: well within caps."""
    leaf = b"Content-Type: text/plain; charset=utf-8\r\n\r\nfeuille\r\n"
    inner = (
        b"Content-Type: message/rfc822\r\n\r\nSubject: joint\r\nFrom: c@example.test\r\n"
        b"\r\ncorps joint\r\n"
    )
    body = leaf
    for level in range(10):
        body = (
            b'Content-Type: multipart/mixed; boundary="L%d"\r\n\r\npreambule\r\n' % level
            + b"".join(b"--L%d\r\n%s\r\n" % (level, part) for part in (leaf, body, inner))
            + b"--L%d--\r\nepilogue\r\n" % level
        )
    return b"From: a@example.test\r\nSubject: imbrique\r\nMIME-Version: 1.0\r\n" + body


@pytest.mark.parametrize(
    "raw",
    [_NORMAL, _within_caps(), *(message.raw for message in demo_messages())],
    ids=lambda raw: str(len(raw)),
)
def test_within_the_caps_the_structure_is_pymaps_own(raw: bytes) -> None:
    assert _views(CappedMessageContent.parse(raw)) == _views(MessageContent.parse(raw))


def _innermost(raw: bytes) -> tuple[int, str]:
    """How many levels are listed, and the type of the innermost part listed."""
    content = CappedMessageContent.parse(raw)
    levels = 0
    while content.body.has_nested:
        content, levels = content.body.nested[-1], levels + 1
    return levels, content.body.content_type.content_type


def test_caps_are_exact() -> None:
    assert _innermost(deep_nesting(MAX_DEPTH - 1)) == (MAX_DEPTH, "text/plain")
    assert _innermost(deep_nesting(MAX_DEPTH)) == (MAX_DEPTH, "application/octet-stream")
    assert _innermost(deep_message_nesting(MAX_DEPTH - 1)) == (MAX_DEPTH, "text/plain")
    assert _innermost(deep_message_nesting(MAX_DEPTH)) == (
        MAX_DEPTH,
        "application/octet-stream",
    )
    assert _innermost(many_parts(MAX_PARTS)) == (1, "text/plain")
    assert len(CappedMessageContent.parse(many_parts(MAX_PARTS)).body.nested) == MAX_PARTS
    raw = many_parts(MAX_PARTS + 1)
    too_many = CappedMessageContent.parse(raw)
    assert _innermost(raw) == (0, "application/octet-stream")
    assert bytes(too_many.body) == raw.split(b"\r\n\r\n", 1)[1]  # the whole body, as is
    assert bytes(too_many) == raw


def test_header_less_message_keeps_its_last_byte() -> None:
    raw = b"pas d'en-tete du tout\r\n"
    content = CappedMessageContent.parse(raw)
    assert bytes(content) == raw  # pymap alone serves it without the final LF


def test_no_recursion_limit_change_and_the_hook_is_installed(sandbox: Sandbox) -> None:
    assert pymap_maildir.MessageContent is CappedMessageContent
    limit = sys.getrecursionlimit()
    started = time.perf_counter()
    CappedMessageContent.parse(deep_nesting(10_000))
    assert time.perf_counter() - started < _ANSWER_WITHIN
    assert sys.getrecursionlimit() == limit
