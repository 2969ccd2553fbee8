"""IDLE answers are read as whole lines, even when a line arrives in two pieces.

The peer is a scripted loopback socket: the split must happen at a chosen byte, every
time, which no real server guarantees (pymap does it only now and then).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
from imapclient import IMAPClient

from mssclient.transport.idle_lines import parse_idle_line, wait_for_idle_answers

GREETING = b"* OK [CAPABILITY IMAP4rev1 IDLE] scripted\r\n"


def _serve(listener: socket.socket, pieces: list[bytes]) -> None:
    conn, _ = listener.accept()
    with conn, conn.makefile("rb") as reader:
        conn.sendall(GREETING)
        idle_tag = b""
        while line := reader.readline():
            tag, _, command = line.strip().partition(b" ")
            if command == b"IDLE":
                idle_tag = tag
                conn.sendall(b"+ idling\r\n")
                for piece in pieces:
                    time.sleep(0.2)  # separate segments: the reader sees a cut line
                    conn.sendall(piece)
            elif tag == b"DONE":
                conn.sendall(idle_tag + b" OK IDLE done\r\n")
            elif command == b"LOGOUT":
                conn.sendall(b"* BYE\r\n" + tag + b" OK bye\r\n")
                return
            elif command == b"CAPABILITY":
                conn.sendall(b"* CAPABILITY IMAP4rev1 IDLE\r\n" + tag + b" OK done\r\n")
            else:
                conn.sendall(tag + b" OK done\r\n")


@pytest.fixture
def split_server() -> Iterator[int]:
    listener = socket.create_server(("127.0.0.1", 0))
    pieces = [b"* 1 EXISTS\r\n* 1 FETCH ", b"(FLAGS ())\r\n"]
    thread = threading.Thread(target=_serve, args=(listener, pieces), daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        listener.close()
        thread.join(5)


def test_a_line_cut_in_two_is_read_whole(split_server: int) -> None:
    client = IMAPClient("127.0.0.1", split_server, ssl=False, timeout=10)
    client.idle()
    answers: list[tuple[object, ...]] = []
    deadline = time.monotonic() + 5
    while len(answers) < 2 and time.monotonic() < deadline:
        answers += wait_for_idle_answers(client, 1.0)
    assert answers == [(1, b"EXISTS"), (1, b"FETCH", (b"FLAGS", ()))]
    client.idle_done()
    client.logout()


def test_nothing_arrives_within_the_timeout(split_server: int) -> None:
    client = IMAPClient("127.0.0.1", split_server, ssl=False, timeout=10)
    started = time.monotonic()
    assert wait_for_idle_answers(client, 0.1) == []  # not idling: the server says nothing
    assert time.monotonic() - started < 5
    # Back to the connection's own blocking timeout: the next command reads its answer.
    assert client.socket().gettimeout() == 10
    client.logout()


@pytest.mark.parametrize(
    ("line", "parsed"),
    [
        (b"* 3 EXISTS", (3, b"EXISTS")),
        (b"* OK Still here", (b"OK", b"Still here")),
        (b"* BYE going away", (b"BYE", b"going away")),
        (b"* 2 EXPUNGE", (2, b"EXPUNGE")),
    ],
)
def test_idle_lines_parse(line: bytes, parsed: tuple[object, ...]) -> None:
    assert parse_idle_line(line) == parsed
