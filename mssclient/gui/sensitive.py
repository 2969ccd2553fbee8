"""The registry of views that show health data, so that locking can empty every one.

A sensitive view is any object with ``clear_sensitive()`` (empty models, clear text) and,
optionally, ``restore_sensitive()`` (reload from the store after unlocking).
"""

from __future__ import annotations

import logging
import weakref
from typing import Protocol, runtime_checkable

log = logging.getLogger(__name__)


@runtime_checkable
class SensitiveView(Protocol):
    def clear_sensitive(self) -> None: ...


class SensitiveViews:
    """Holds views weakly: a closed window leaves the registry on its own."""

    def __init__(self) -> None:
        self._views: weakref.WeakSet[SensitiveView] = weakref.WeakSet()

    def register(self, view: SensitiveView) -> None:
        self._views.add(view)

    def unregister(self, view: SensitiveView) -> None:
        self._views.discard(view)

    def __len__(self) -> int:
        return len(self._views)

    def __contains__(self, view: object) -> bool:
        return view in self._views

    def clear_all(self) -> int:
        """Clear every view; one failing view must not leave the others showing data."""
        failures = 0
        for view in list(self._views):
            try:
                view.clear_sensitive()
            except RuntimeError:
                # The C++ side of a Qt widget is already gone: nothing left to show.
                self._views.discard(view)
            except Exception:
                failures += 1
                log.exception("a sensitive view failed to clear: %s", type(view).__name__)
        return failures

    def restore_all(self) -> None:
        for view in list(self._views):
            restore = getattr(view, "restore_sensitive", None)
            if restore is None:
                continue
            try:
                restore()
            except RuntimeError:
                self._views.discard(view)
            except Exception:
                log.exception("a sensitive view failed to reload: %s", type(view).__name__)
