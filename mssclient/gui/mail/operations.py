"""Run work off the GUI thread: ``Op(parent, fn).success(cb).failure(cb).run()``.

``fn`` runs on a pool thread and must touch no widget and no GUI-thread Store (an SQLCipher
connection belongs to the thread that opened it); give it plain data, or let it open its
own Store. The callbacks run on the GUI thread. When ``parent`` is destroyed first, the
result is dropped quietly.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

T = TypeVar("T")

#: The result is already here: the pool thread has only to return from emit().
EMIT_WAIT_SECONDS = 5.0

#: Relays of the operations still running, by id.
_relays: dict[int, _Relay] = {}


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from the pool arrive there (queued)."""

    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(
        self, fn: Callable[[], Any], relay: _Relay, emitted: threading.Event, key: int
    ) -> None:
        super().__init__()
        self._fn = fn
        self._relay: _Relay | None = relay
        self._emitted = emitted
        self._key = key

    def run(self) -> None:
        relay, self._relay = self._relay, None
        assert relay is not None
        try:
            try:
                result = self._fn()
            except BaseException as exc:  # reported on the GUI thread, never lost in the pool
                delivered = self._emit(relay.failed, exc)
            else:
                delivered = self._emit(relay.done, result)
            if not delivered:
                _relays.pop(self._key, None)  # its parent is gone: nobody will release it
        finally:
            del relay
            # Only now may the GUI thread delete the relay: deleting it while this thread
            # is still inside emit() crashed the process now and then.
            self._emitted.set()

    @staticmethod
    def _emit(signal: Any, value: object) -> bool:
        try:
            signal.emit(value)
        except RuntimeError:
            # The parent widget (and with it the relay) is gone: nobody waits for this.
            log.debug("background result dropped: its receiver was destroyed")
            return False
        return True


_pool: QThreadPool | None = None


def pool() -> QThreadPool:
    """The mail area's own pool: two threads, so a long parse never blocks a search."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(2)
    return _pool


class Op(Generic[T]):
    def __init__(self, parent: QObject, fn: Callable[[], T]) -> None:
        self._parent = parent
        self._fn = fn
        self._on_success: Callable[[T], object] | None = None
        self._on_failure: Callable[[BaseException], object] | None = None

    def success(self, callback: Callable[[T], object]) -> Op[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], object]) -> Op[T]:
        self._on_failure = callback
        return self

    def run(self) -> None:
        # Parented to ``parent``: if that goes away, the relay goes too and nothing is called.
        relay = _Relay(self._parent)
        on_success, on_failure = self._on_success, self._on_failure
        emitted = threading.Event()
        # The callbacks must not hold the relay itself: a slot that keeps its own sender
        # alive is freed inside that sender's destructor, which crashed now and then.
        # The registry holds it instead, until the result is in.
        key = id(relay)
        _relays[key] = relay

        def release() -> None:
            emitted.wait(EMIT_WAIT_SECONDS)  # the pool thread is returning from emit()
            done = _relays.pop(key, None)
            if done is not None:
                done.done.disconnect()
                done.failed.disconnect()
                done.deleteLater()

        def finished(result: object) -> None:
            release()
            if on_success is not None:
                on_success(result)  # type: ignore[arg-type]

        def failed(exc: object) -> None:
            release()
            if on_failure is not None:
                on_failure(exc)  # type: ignore[arg-type]
            else:
                log.error("background operation failed", exc_info=exc)  # type: ignore[arg-type]

        relay.done.connect(finished)
        relay.failed.connect(failed)
        pool().start(_Task(self._fn, relay, emitted, key))
        del relay


def wait_for_operations(msecs: int = 30_000) -> bool:
    """Block until the pool is idle (tests, and shutdown before the store closes)."""
    return pool().waitForDone(msecs)
