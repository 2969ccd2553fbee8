"""Parse fetched messages into the fields the store needs, inline or on worker processes.

Parsing dominates a sync's cost, so a batch can go to a small process pool while the
next batch downloads. A parser failure never drops a message: it is stored raw and marked.
A worker process that dies (a message that exhausts its memory, say) breaks the whole
process pool: a fresh pool takes over, and the messages whose parsing was lost are parsed
again one by one, so that only a message that kills a worker again is stored raw and
marked. None is parsed in the calling process, which the same message could bring down.
"""

from __future__ import annotations

import importlib
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from mssclient.mailstore.models import MessageFields, fields_from_summary
from mssclient.worker_processes import worker_context

#: "module:function" of the summary parser (mssclient.mail's, unless a test says otherwise).
DEFAULT_PARSER = "mssclient.mail:parse_summary"


def _resolve(path: str) -> Callable[[bytes], Any]:
    module, _, name = path.partition(":")
    function: Callable[[bytes], Any] = getattr(importlib.import_module(module), name)
    return function


def parse_batch(raws: Sequence[bytes], parser_path: str = DEFAULT_PARSER) -> list[MessageFields]:
    """Fields for each raw message, in order; never raises for a bad message."""
    parse = _resolve(parser_path)
    fields: list[MessageFields] = []
    for raw in raws:
        try:
            fields.append(fields_from_summary(parse(raw)))
        except Exception as exc:  # the parser promises not to raise; keep the raw anyway
            fields.append(
                MessageFields(is_malformed=True, parse_problems=f"parser failure: {exc!r}"[:500])
            )
    return fields


def default_parse_workers() -> int:
    """Parser processes for the application: two when there are two cores to share with
    the download, the store and the GUI (measured: a 6,000-message sync about 10 % faster,
    and the GUI thread no longer competes with parsing for the GIL); none on one core."""
    return 2 if (os.cpu_count() or 1) >= 2 else 0


class _Done(Future[list[MessageFields]]):
    def __init__(self, value: list[MessageFields]) -> None:
        super().__init__()
        self.set_result(value)


#: What a message of a chunk whose worker process died is stored with.
WORKER_LOST = "parser process failure"


def _lost(count: int) -> list[MessageFields]:
    return [MessageFields(is_malformed=True, parse_problems=WORKER_LOST) for _ in range(count)]


class ParsePool:
    """``workers=0`` parses in the calling thread; ``workers>=1`` uses processes.
    Thread-safe: accounts' sync threads may share one pool."""

    def __init__(self, workers: int = 0, parser_path: str = DEFAULT_PARSER) -> None:
        self.parser_path = parser_path
        self.workers = workers
        self._executor: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        if workers > 0:
            self._executor = self._new_executor()

    def _new_executor(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=worker_context())

    def _replace_broken(self, broken: ProcessPoolExecutor) -> None:
        """A worker died: the executor refuses all work from then on. Start a fresh one
        (once, whichever thread notices first)."""
        with self._lock:
            if self._executor is broken:
                broken.shutdown(wait=False, cancel_futures=True)
                self._executor = self._new_executor()

    def submit(self, raws: Sequence[bytes]) -> Future[list[MessageFields]]:
        executor = self._executor
        if executor is None or len(raws) < 2:
            return _Done(parse_batch(raws, self.parser_path))
        # One chunk per worker so both cores work on the same batch.
        size = -(-len(raws) // self.workers)
        chunks = [list(raws[i : i + size]) for i in range(0, len(raws), size)]
        try:
            parts = [executor.submit(parse_batch, chunk, self.parser_path) for chunk in chunks]
        except BrokenProcessPool:
            self._replace_broken(executor)
            return self.submit(raws)
        return _Joined(parts, chunks, lambda chunk: self._parse_apart(executor, chunk))

    def _parse_apart(
        self, broken: ProcessPoolExecutor, chunk: Sequence[bytes]
    ) -> list[MessageFields]:
        """A worker died while ``chunk`` was in the pool: parse its messages one at a
        time in fresh workers; one that kills its worker again is marked."""
        self._replace_broken(broken)
        fields: list[MessageFields] = []
        for raw in chunk:
            executor = self._executor
            if executor is None:  # closed meanwhile
                fields.extend(_lost(1))
                continue
            try:
                fields.extend(executor.submit(parse_batch, [raw], self.parser_path).result())
            except BrokenProcessPool:
                self._replace_broken(executor)
                fields.extend(_lost(1))
        return fields

    def close(self) -> None:
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> ParsePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Joined(Future[list[MessageFields]]):
    """The concatenated results of several futures, in order; a chunk whose worker
    process died is handed to ``reparse``."""

    def __init__(
        self,
        parts: list[Future[list[MessageFields]]],
        chunks: list[list[bytes]],
        reparse: Callable[[list[bytes]], list[MessageFields]],
    ) -> None:
        super().__init__()
        self._parts = parts
        self._chunks = chunks
        self._reparse = reparse

    def result(self, timeout: float | None = None) -> list[MessageFields]:
        joined: list[MessageFields] = []
        for part, chunk in zip(self._parts, self._chunks, strict=True):
            try:
                joined.extend(part.result(timeout))
            except BrokenProcessPool:
                joined.extend(self._reparse(chunk))
        return joined
