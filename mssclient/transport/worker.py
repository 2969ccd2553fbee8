"""One account's mail work on its own thread: sync, IDLE push, outbox, user actions.

The GUI (or the CLI) creates an ``AccountWorker``, calls ``start()``, sends commands with
the plain methods below, and receives events through ``on_event`` (called on the worker's
or the IDLE thread: the GUI bridge re-emits them as Qt signals). The worker opens its own
store connection, since a connection belongs to the thread that opened it.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from mssclient.errors import MssError
from mssclient.mailstore.drafts import DraftStore
from mssclient.mailstore.repository import MailRepository
from mssclient.store import Store
from mssclient.transport.accounts import Account, Authenticator
from mssclient.transport.errors import ServerUnreachableError, SyncCancelledError
from mssclient.transport.events import (
    Event,
    EventCallback,
    NewMailSignal,
    ServerDraftsSynced,
    WorkerError,
    ignore,
)
from mssclient.transport.idle import IdleWatcher
from mssclient.transport.imap_connection import connect_imap
from mssclient.transport.imap_sync import MailSync
from mssclient.transport.outbox import Outbox, append_to_sent
from mssclient.transport.parsing import ParsePool
from mssclient.transport.server_drafts import has_work, sync_server_drafts

log = logging.getLogger(__name__)


@dataclass(order=True)
class _Command:
    name: str
    args: tuple[Any, ...] = field(default=(), compare=False)


class AccountWorker:
    def __init__(
        self,
        open_store: Callable[[], Store],
        account: Account,
        auth: Authenticator,
        *,
        on_event: EventCallback = ignore,
        poll_seconds: float = 300.0,
        parse_workers: int = 0,
        parse_pool: ParsePool | None = None,
        idle: bool = True,
        retry_seconds: float = 30.0,
    ) -> None:
        """``parse_pool``: a pool shared with other accounts' workers (theirs to close);
        otherwise this worker makes its own of ``parse_workers`` processes."""
        assert account.id is not None, "save the account before starting its worker"
        self.account = account
        self.account_id: int = account.id
        self.auth = auth
        self.on_event = on_event
        self.poll_seconds = poll_seconds
        self.retry_seconds = retry_seconds
        self._open_store = open_store
        self._parse_workers = parse_workers
        self._shared_pool = parse_pool
        self._commands: queue.Queue[_Command] = queue.Queue()
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self._idle = (
            IdleWatcher(self.account_id, self._connect, on_event=self._from_idle) if idle else None
        )

    # -- commands (any thread) -----------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._thread = threading.Thread(
            target=self._run, name=f"mail-account-{self.account_id}", daemon=True
        )
        self._thread.start()
        if self._idle is not None:
            self._idle.start()

    def stop(self, timeout: float = 30.0) -> None:
        self._cancel.set()
        if self._idle is not None:
            self._idle.stop()
        self._commands.put(_Command("stop"))
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout)

    def sync_now(self, folder: str | None = None) -> None:
        self._commands.put(_Command("sync", (folder,)))

    def cancel_sync(self) -> None:
        self._cancel.set()

    def send_now(self) -> None:
        self._commands.put(_Command("send"))

    def set_flag(self, message_ids: Sequence[int], flag: str, value: bool) -> None:
        self._commands.put(_Command("set_flag", (list(message_ids), flag, value)))

    def move(self, message_ids: Sequence[int], target_folder: str) -> None:
        self._commands.put(_Command("move", (list(message_ids), target_folder)))

    def delete(self, message_ids: Sequence[int]) -> None:
        self._commands.put(_Command("delete", (list(message_ids),)))

    def archive(self, message_ids: Sequence[int]) -> None:
        self._commands.put(_Command("archive", (list(message_ids),)))

    def sync_drafts(self) -> None:
        """Send saved drafts to the server's Drafts folder (replacing their older copies)
        and remove the copies of drafts deleted or sent; also done at every sync."""
        self._commands.put(_Command("drafts"))

    # -- the worker thread --------------------------------------------------------------------
    def _connect(self) -> Any:
        return connect_imap(self.account, self.auth)

    def _from_idle(self, event: Event) -> None:
        self.on_event(event)
        if isinstance(event, NewMailSignal):
            self._commands.put(_Command("sync", (event.folder,)))

    def _run(self) -> None:
        store = self._open_store()
        pool = self._shared_pool or ParsePool(self._parse_workers)
        engine = MailSync(
            self.account_id,
            MailRepository(store),
            self._connect,
            on_event=self.on_event,
            cancel=self._cancel,
            parse_pool=pool,
        )
        outbox = Outbox(store, on_event=self.on_event)
        next_full_sync = 0.0
        try:
            while True:
                now = time.monotonic()
                due_send = outbox.next_due_in(self.account_id)
                waits = [max(0.0, next_full_sync - now)]
                if due_send is not None:
                    waits.append(due_send)
                try:
                    command = self._commands.get(timeout=min(waits))
                except queue.Empty:
                    command = _Command("tick")
                if command.name == "stop":
                    return
                self._cancel.clear()
                try:
                    if command.name == "tick" and time.monotonic() >= next_full_sync:
                        engine.sync_all()
                        next_full_sync = time.monotonic() + self.poll_seconds
                    self._execute(command, engine, outbox)
                except ServerUnreachableError as exc:
                    next_full_sync = time.monotonic() + self.retry_seconds
                    log.info("account %s offline: %s", self.account_id, exc)
                except SyncCancelledError:
                    log.info("sync cancelled")
                except MssError as exc:
                    self.on_event(WorkerError(self.account_id, exc.user_message, str(exc)))
                except Exception as exc:  # the worker must outlive any single failure
                    log.exception("mail worker command %s failed", command.name)
                    self.on_event(
                        WorkerError(
                            self.account_id,
                            "Une erreur inattendue est survenue pendant la synchronisation.",
                            repr(exc),
                        )
                    )
        finally:
            engine.close()
            if pool is not self._shared_pool:
                pool.close()
            store.close()

    def _execute(self, command: _Command, engine: MailSync, outbox: Outbox) -> None:
        name, args = command.name, command.args
        if name == "sync":
            if args[0] is None:
                engine.sync_all()
            else:
                engine.sync_folder(args[0])
        elif name == "set_flag":
            engine.set_flag(*args)
        elif name == "move":
            engine.move(*args)
        elif name == "delete":
            engine.delete(*args)
        elif name == "archive":
            engine.archive(*args)
        if name in ("drafts", "sync", "tick"):
            self._sync_drafts(engine)
        if name in ("send", "tick") or outbox.next_due_in(self.account_id) == 0:

            def copy(raw: bytes) -> None:
                append_to_sent(engine.ensure_client(), engine.repo, self.account_id, raw)

            outbox.send_due(self.account, self.auth, copy_to_sent=copy)

    def _sync_drafts(self, engine: MailSync) -> None:
        drafts = DraftStore(engine.repo.store)
        if not has_work(drafts, self.account_id):
            return  # no connection opened for nothing
        done = sync_server_drafts(engine.ensure_client(), engine.repo, drafts, self.account_id)
        if done.uploaded or done.removed:
            self.on_event(ServerDraftsSynced(self.account_id, tuple(done.uploaded), done.removed))
        for message in [*done.refused.values(), *done.notices]:
            self.on_event(WorkerError(self.account_id, message))
