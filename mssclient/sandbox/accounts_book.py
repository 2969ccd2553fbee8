"""Who may log in to the sandbox, with which password, and as which mailboxes.

One book is shared by the SMTP side (AUTH, allowed senders, known recipients); the IMAP
side keeps its own hashed copy on disk through pymap. Passwords stay in memory only: the
sandbox holds demo and test accounts, re-declared at every start.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class BookEntry:
    address: str
    password: str
    members: frozenset[str]


class AccountsBook:
    """Thread-safe: the test thread adds accounts while the server loop reads them."""

    def __init__(self) -> None:
        self._entries: dict[str, BookEntry] = {}
        self._lock = threading.Lock()

    def add(self, address: str, password: str, members: Iterable[str] = ()) -> None:
        key = normalise(address)
        entry = BookEntry(key, password, frozenset(normalise(m) for m in members))
        with self._lock:
            self._entries[key] = entry

    def exists(self, address: str) -> bool:
        with self._lock:
            return normalise(address) in self._entries

    def password_of(self, address: str) -> str | None:
        with self._lock:
            entry = self._entries.get(normalise(address))
        return entry.password if entry else None

    def may_send_as(self, login: str, sender: str) -> bool:
        """A login sends as itself, as an organisational mailbox it is a member of, or with
        the null sender ``<>`` that notifications (MDN, RFC 8098) use."""
        login, sender = normalise(login), normalise(sender)
        if not login:
            return False
        if login == sender or sender == "":
            return True
        with self._lock:
            entry = self._entries.get(sender)
        return entry is not None and login in entry.members

    def addresses(self) -> list[str]:
        with self._lock:
            return sorted(self._entries)


def normalise(address: str) -> str:
    return address.strip().strip("<>").lower()
