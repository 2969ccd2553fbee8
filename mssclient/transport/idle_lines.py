"""Read the untagged answers a server sends during IDLE, whole lines only.

imapclient's ``idle_check`` reads in non-blocking mode, so a line that reaches us in two
TLS records (pymap, the sandbox's server, writes "* 1 FETCH " and "(FLAGS ())" apart)
comes back cut in two, and the next command fails on the orphan half. Here the wait is
non-blocking, but once a line has started it is read to its end.
"""

from __future__ import annotations

import select
import ssl
from typing import Any

from imapclient import IMAPClient
from imapclient.response_parser import parse_response

#: How long the rest of a started line may take to arrive.
LINE_SECONDS = 10.0


def wait_for_idle_answers(client: IMAPClient, timeout: float) -> list[tuple[Any, ...]]:
    """The answers that arrive within ``timeout`` seconds (an empty list if none)."""
    imap = client._imap
    sock = client.socket()
    answers: list[tuple[Any, ...]] = []
    try:
        # _waiting leaves the socket non-blocking: every way out restores the timeout.
        if not _waiting(imap, sock, timeout):
            return answers
        sock.settimeout(LINE_SECONDS)
        while True:
            answers.append(parse_idle_line(imap._get_line()))
            if not _waiting(imap, sock, 0):
                return answers
            sock.settimeout(LINE_SECONDS)
    finally:
        client._set_read_timeout()


def parse_idle_line(line: bytes) -> tuple[Any, ...]:
    """``* 3 EXISTS`` → ``(3, b"EXISTS")``; ``* OK text`` → ``(b"OK", b"text")``."""
    if line.startswith(b"* "):
        line = line[2:]
    if line.startswith((b"OK ", b"NO ", b"BYE ")):
        return tuple(line.split(b" ", 1))
    return tuple(parse_response([line]))


def _waiting(imap: Any, sock: Any, timeout: float) -> bool:
    """True when a byte is ready: in imaplib's buffer, in TLS, or on the socket."""
    sock.setblocking(False)
    try:
        if imap.file.peek(1):  # never blocks now: answers from the buffer or the socket
            return True
    except (BlockingIOError, ssl.SSLWantReadError):
        pass
    if timeout <= 0:
        return False
    readable, _, _ = select.select([sock], [], [], timeout)
    return bool(readable)
