"""Byte-exact Maildir storage for pymap.

pymap stores and serves messages through the standard library's ``mailbox`` classes, which
parse each message into an ``email.message.Message`` and generate it again: CRLF becomes a
mix of LF and CRLF, headers may be refolded, and a malformed message can change or fail.
A mail server must hand back exactly the bytes it was given (S/MIME signatures and the
client's "keep the raw bytes" rule depend on it), so the sandbox swaps in a message class
that keeps the original bytes and a Maildir that writes and reads them untouched.
"""

from __future__ import annotations

import mailbox
from typing import Any

import pymap.backend.maildir.mailbox as pymap_maildir


class RawMaildirMessage(mailbox.MaildirMessage):
    """A Maildir message that carries its exact bytes and never re-generates them.

    Only Maildir metadata (subdir, flags, date) lives in the ``email`` object; parsing the
    content is left to pymap's own MIME parser, which reads :meth:`as_bytes`.
    """

    raw_bytes: bytes

    def __init__(self, message: Any = None) -> None:
        raw = b""
        if isinstance(message, RawMaildirMessage):
            raw = message.raw_bytes
        elif isinstance(message, bytes | bytearray | memoryview):
            raw = bytes(message)
            message = None
        elif hasattr(message, "read"):
            raw = message.read()
            message = None
        super().__init__(message)
        self.raw_bytes = raw

    def as_bytes(self, unixfrom: bool = False, policy: Any = None) -> bytes:
        return self.raw_bytes

    def __bytes__(self) -> bytes:
        return self.raw_bytes


class RawMaildir(pymap_maildir.Maildir):
    """pymap's Maildir, reading and writing :class:`RawMaildirMessage` bytes as they are."""

    def __init__(self, dirname: str, factory: Any = None, create: bool = True) -> None:
        super().__init__(dirname, factory=factory or RawMaildirMessage, create=create)

    def _dump_message(self, message: Any, target: Any, mangle_from_: bool = False) -> None:
        if isinstance(message, RawMaildirMessage):
            target.write(message.raw_bytes)
            return
        super()._dump_message(message, target, mangle_from_)


def install() -> None:
    """Make pymap build :class:`RawMaildirMessage` for APPEND and COPY.

    pymap creates those messages through its module-level ``MaildirMessage`` name; the
    sandbox is the only pymap user in the process, so rebinding that name is contained.
    """
    setattr(pymap_maildir, "MaildirMessage", RawMaildirMessage)  # noqa: B010 - see above


__all__ = ["RawMaildir", "RawMaildirMessage", "install"]
