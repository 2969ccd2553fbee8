"""One transport ``AccountWorker`` per account, its events re-emitted as Qt signals.

Workers run on their own threads with their own store connections (``open_store``), so
the GUI thread never waits for the network. Events arrive here on those threads; the
``event`` signal delivers them on the GUI thread (queued connection).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal

from mssclient.errors import MssError
from mssclient.store import Store
from mssclient.transport.accounts import Account, Authenticator, PasswordAuth
from mssclient.transport.events import Event
from mssclient.transport.parsing import ParsePool
from mssclient.transport.worker import AccountWorker

log = logging.getLogger(__name__)


class AccountWorkers(QObject):
    transport_event = Signal(object)  # a transport Event, on the GUI thread
    failed_to_start = Signal(object, str)  # Account, French reason

    def __init__(
        self,
        open_store: Callable[[], Store],
        parent: QObject | None = None,
        *,
        poll_seconds: float = 300.0,
        idle: bool = True,
        auth_for: Callable[[Account], Authenticator] = PasswordAuth.from_keyring,
        parse_workers: int = 0,
    ) -> None:
        super().__init__(parent)
        #: Parser processes, shared by every account (0: parse on the download thread,
        #: which competes with the GUI thread for the GIL during a big initial sync).
        self._parse_workers = parse_workers
        self._pool: ParsePool | None = None
        self._open_store = open_store
        self._auth_for = auth_for
        self._poll_seconds = poll_seconds
        self._idle = idle
        self._workers: dict[int, AccountWorker] = {}

    def start(self, accounts: Sequence[Account]) -> None:
        for account in accounts:
            if account.id is None or account.id in self._workers:
                continue
            try:
                auth = self._auth_for(account)
            except MssError as exc:
                self.failed_to_start.emit(account, exc.user_message)
                continue
            if self._pool is None and self._parse_workers > 0:
                self._pool = ParsePool(self._parse_workers)  # processes start when needed
            worker = AccountWorker(
                self._open_store,
                account,
                auth,
                on_event=self.transport_event.emit,
                poll_seconds=self._poll_seconds,
                idle=self._idle,
                parse_pool=self._pool,
            )
            self._workers[account.id] = worker
            worker.start()

    def restart(self, account: Account) -> None:
        """New settings or password: stop this account's worker and start a fresh one."""
        if account.id is not None:
            old = self._workers.pop(account.id, None)
            if old is not None:
                old.stop()
        self.start([account])

    def worker(self, account_id: int) -> AccountWorker | None:
        return self._workers.get(account_id)

    def sync_now(self) -> None:
        for worker in self._workers.values():
            worker.sync_now()

    def sync_folder(self, account_id: int, folder: str) -> None:
        """Sync one folder (which first pushes its queued local changes)."""
        worker = self._workers.get(account_id)
        if worker is not None:
            worker.sync_now(folder)

    def archive(self, account_id: int, message_ids: Sequence[int]) -> bool:
        worker = self._workers.get(account_id)
        if worker is None:
            return False
        worker.archive(message_ids)
        return True

    def send_now(self, account_id: int) -> None:
        worker = self._workers.get(account_id)
        if worker is not None:
            worker.send_now()

    def set_flag(self, account_id: int, message_ids: Sequence[int], flag: str, value: bool) -> bool:
        """True when a worker took the change (it writes the store and tells the server)."""
        worker = self._workers.get(account_id)
        if worker is None:
            return False
        worker.set_flag(message_ids, flag, value)
        return True

    def stop(self) -> None:
        """Stop every worker (in parallel: each may wait for its IDLE connection to end)."""
        workers, self._workers = list(self._workers.values()), {}

        def stop_one(worker: AccountWorker) -> None:
            try:
                worker.stop()
            except Exception:  # stopping one must not keep the others running
                log.exception("mail worker did not stop cleanly")

        stoppers = [
            threading.Thread(target=stop_one, args=(w,), name="mail-worker-stop") for w in workers
        ]
        for stopper in stoppers:
            stopper.start()
        for stopper in stoppers:
            stopper.join()
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    @property
    def running(self) -> bool:
        return bool(self._workers)


def describe(event: Event) -> str:
    """A short English tag for logs (the status text is built by the mail area)."""
    return type(event).__name__
