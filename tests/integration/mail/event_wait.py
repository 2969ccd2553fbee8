"""Waiting, in a test, for an account worker's event."""

from __future__ import annotations

import queue
import time
from collections.abc import Callable
from typing import Any


def wait_for_event(
    events: queue.Queue[Any], predicate: Callable[[Any], bool], seconds: float = 60
) -> Any:
    """The first event from ``events`` that matches; fails naming all those seen."""
    deadline = time.monotonic() + seconds
    seen = []
    while time.monotonic() < deadline:
        try:
            event = events.get(timeout=0.5)
        except queue.Empty:
            continue
        seen.append(event)
        if predicate(event):
            return event
    raise AssertionError(f"no matching event; saw {seen}")
