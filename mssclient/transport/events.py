"""Events the transport layer reports through plain callbacks (the GUI bridges them)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class SyncProgress:
    account_id: int
    folder: str
    done: int
    total: int


@dataclass(frozen=True)
class FolderSynced:
    account_id: int
    folder: str
    added: int
    removed: int
    flags_changed: int


@dataclass(frozen=True)
class NewMailSignal:
    """IDLE saw the mailbox change: a sync of ``folder`` is due."""

    account_id: int
    folder: str


@dataclass(frozen=True)
class ConnectionStateChanged:
    account_id: int
    online: bool
    detail: str = ""


@dataclass(frozen=True)
class OutboxChanged:
    outbox_id: int
    state: str
    detail: str = ""


@dataclass(frozen=True)
class ServerDraftsSynced:
    """Drafts now in the server's Drafts folder, and old copies removed from it."""

    account_id: int
    uploaded: tuple[int, ...]  # mail_drafts ids
    removed: int


@dataclass(frozen=True)
class WorkerError:
    """Something failed that the user should hear about (French text in ``user_message``)."""

    account_id: int
    user_message: str
    detail: str = ""


Event = (
    SyncProgress
    | FolderSynced
    | NewMailSignal
    | ConnectionStateChanged
    | OutboxChanged
    | ServerDraftsSynced
    | WorkerError
)
EventCallback = Callable[[Event], None]


def ignore(_event: Event) -> None:
    """The default callback: nobody listens."""
