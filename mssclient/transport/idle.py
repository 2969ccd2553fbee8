"""Push for one folder (the inbox) with IMAP IDLE, on its own thread and connection.

The watcher only reports that the folder changed; the sync engine, on the thread that
owns the store, then fetches. Lost connections are retried with a growing delay.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

from mssclient.errors import MssError
from mssclient.transport.events import (
    ConnectionStateChanged,
    EventCallback,
    NewMailSignal,
    ignore,
)
from mssclient.transport.idle_lines import wait_for_idle_answers
from mssclient.transport.imap_sync import NETWORK_ERRORS

log = logging.getLogger(__name__)

#: RFC 2177 asks clients to renew IDLE before 29 minutes; servers often cut sooner.
RENEW_SECONDS = 9 * 60
CHECK_SECONDS = 1.0


class IdleWatcher:
    """``start()`` runs the watch in a daemon thread; ``stop()`` ends it within a second."""

    def __init__(
        self,
        account_id: int,
        connect: Callable[[], IMAPClient],
        *,
        folder: str = "INBOX",
        on_event: EventCallback = ignore,
        retry_delays: tuple[float, ...] = (1, 2, 5, 15, 30, 60),
    ) -> None:
        self.account_id = account_id
        self.folder = folder
        self._connect = connect
        self.on_event = on_event
        self.retry_delays = retry_delays
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._client: IMAPClient | None = None
        #: Set once IDLE is running (tests and the status bar wait on it).
        self.idling = threading.Event()

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._run, name=f"imap-idle-{self.account_id}", daemon=True
        )
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                self._watch()
                failures = 0
            except (*NETWORK_ERRORS, IMAPClientError, MssError) as exc:
                self.idling.clear()
                self.on_event(ConnectionStateChanged(self.account_id, False, str(exc)))
                delay = self.retry_delays[min(failures, len(self.retry_delays) - 1)]
                failures += 1
                log.info("IDLE connection lost (%r); retrying in %ss", exc, delay)
                self._stop.wait(delay)
            finally:
                self._drop_client()

    def _watch(self) -> None:
        client = self._client = self._connect()
        client.select_folder(self.folder, readonly=True)
        self.on_event(ConnectionStateChanged(self.account_id, True))
        # Changes may have happened while we were away: ask for a sync at once.
        self.on_event(NewMailSignal(self.account_id, self.folder))
        while not self._stop.is_set():
            client.idle()
            self.idling.set()
            waited = 0.0
            changed = False
            while not self._stop.is_set() and waited < RENEW_SECONDS:
                responses = wait_for_idle_answers(client, CHECK_SECONDS)
                waited += CHECK_SECONDS
                if any(_is_change(r) for r in responses):
                    changed = True
                    break
            client.idle_done()
            if changed:
                self.on_event(NewMailSignal(self.account_id, self.folder))

    def _drop_client(self) -> None:
        client, self._client = self._client, None
        if client is None:
            return
        try:
            client.logout()
        except (*NETWORK_ERRORS, IMAPClientError):
            with contextlib.suppress(OSError):
                client.shutdown()


def _is_change(response: object) -> bool:
    if not isinstance(response, tuple) or not response:
        return False
    if response[0] == b"VANISHED":
        return True  # a QRESYNC-enabled connection reports expunges this way (RFC 7162)
    return len(response) >= 2 and response[1] in (b"EXISTS", b"EXPUNGE", b"RECENT", b"FETCH")
