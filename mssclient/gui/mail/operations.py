"""Run work off the GUI thread: ``Op(parent, fn).success(cb).failure(cb).run()``.

``fn`` runs on a pool thread and must touch no widget and no GUI-thread Store (an SQLCipher
connection belongs to the thread that opened it); give it plain data, or let it open its
own Store. The callbacks run on the GUI thread. When ``parent`` is destroyed first, the
result is dropped quietly.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

T = TypeVar("T")


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from the pool arrive there (queued)."""

    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # reported on the GUI thread, never lost in the pool
            self._emit(self._relay.failed, exc)
        else:
            self._emit(self._relay.done, result)

    @staticmethod
    def _emit(signal: Any, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:
            # The parent widget (and with it the relay) is gone: nobody waits for this.
            log.debug("background result dropped: its receiver was destroyed")


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

        def finished(result: object) -> None:
            relay.deleteLater()
            if on_success is not None:
                on_success(result)  # type: ignore[arg-type]

        def failed(exc: object) -> None:
            relay.deleteLater()
            if on_failure is not None:
                on_failure(exc)  # type: ignore[arg-type]
            else:
                log.error("background operation failed", exc_info=exc)  # type: ignore[arg-type]

        relay.done.connect(finished)
        relay.failed.connect(failed)
        pool().start(_Task(self._fn, relay))


def wait_for_operations(msecs: int = 30_000) -> bool:
    """Block until the pool is idle (tests, and shutdown before the store closes)."""
    return pool().waitForDone(msecs)
