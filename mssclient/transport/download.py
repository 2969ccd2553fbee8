"""Download new messages on a thread of their own, so that the network and the store work
at the same time.

The sync's thread owns the store; while it writes one batch (SQLCipher and FTS5 release
the GIL while they work), this thread fetches the next ones over the same IMAP
connection and hands each to the parse pool as soon as it has arrived. Batches come out
in order. Whatever stops the download (the network, a cancel) comes out after every
batch fetched before it, so nothing downloaded is lost.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from imapclient import IMAPClient

from mssclient.mailstore.models import MessageFields
from mssclient.transport.errors import SyncCancelledError
from mssclient.transport.parsing import ParsePool

FETCH_ITEMS = [b"BODY.PEEK[]", b"FLAGS", b"INTERNALDATE"]
#: Batches fetched ahead of the store (each at most ``imap_sync.BATCH_BYTES``).
AHEAD = 2

#: (uid, raw bytes, flags, internal date)
FetchedItem = tuple[int, bytes, Any, Any]


@dataclass(frozen=True)
class Downloaded:
    items: list[FetchedItem]
    fields: Future[list[MessageFields]]


class _End:
    """Put last: the download is over, with ``error`` if something stopped it."""

    def __init__(self, error: BaseException | None = None) -> None:
        self.error = error


class BatchDownloader:
    """Iterate over it for the ``Downloaded`` batches; ``close()`` in all cases."""

    def __init__(
        self,
        client: IMAPClient,
        batches: Iterable[list[int]],
        pool: ParsePool,
        cancel: threading.Event,
    ) -> None:
        self._client = client
        self._batches = batches
        self._pool = pool
        self._cancel = cancel
        self._stop = threading.Event()
        self._queue: queue.Queue[Downloaded | _End] = queue.Queue(maxsize=AHEAD)
        self._thread = threading.Thread(target=self._run, name="imap-download", daemon=True)
        self._thread.start()

    def _put(self, item: Downloaded | _End) -> bool:
        """Wait for room unless the reader has gone; False if it has."""
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    def _run(self) -> None:
        try:
            for uids in self._batches:
                if self._cancel.is_set():
                    raise SyncCancelledError("sync cancelled")
                if self._stop.is_set():
                    return
                fetched = self._client.fetch(uids, FETCH_ITEMS)
                wanted = set(uids)
                items = [
                    (uid, bytes(data[b"BODY[]"]), data.get(b"FLAGS", ()), data.get(b"INTERNALDATE"))
                    for uid, data in sorted(fetched.items())
                    if b"BODY[]" in data and uid in wanted
                ]
                if not self._put(Downloaded(items, self._pool.submit([i[1] for i in items]))):
                    return
        except BaseException as exc:  # handed to the reader, which raises it
            self._put(_End(exc))
        else:
            self._put(_End())

    def __iter__(self) -> Iterator[Downloaded]:
        while True:
            item = self._queue.get()
            if isinstance(item, _End):
                if item.error is not None:
                    raise item.error
                return
            yield item

    def close(self) -> None:
        """Stop fetching and wait for the thread (at most one FETCH in progress)."""
        self._stop.set()
        self._thread.join()
