"""Shield against a reference-count bug of PySide6 6.12 on CPython before 3.12.

Measured with PySide6-Essentials 6.12.0 (the cp310-abi3 wheel) on CPython 3.11: each
call of a Qt method returning nothing (``QLabel.setText``, ``beginResetModel``...) drops
a reference to ``None`` that it never took, and each ``Signal.emit`` one to ``True``.
A session therefore wears those counts down; once enough calls were made (a thousand in
a bare script, a few thousand in the application: one initial sync), the interpreter
aborts with "Fatal Python error: none_dealloc" (or ``bool_dealloc``) at exit, or even
during a long session. PySide6 6.11.3 does not do it; from CPython 3.12 on, ``None``,
``True`` and ``False`` are immortal and the bug is harmless.

``protect_singletons`` gives the three a reference count that no session can use up,
which is what CPython 3.12 does for them. Qt-free: it only reads the installed version.
"""

from __future__ import annotations

import ctypes
import sys
from importlib import metadata

#: Far beyond any session's number of Qt calls, far below the counter's limit.
PADDING = 1 << 40
_DISTRIBUTIONS = ("PySide6-Essentials", "PySide6")


def binding_is_affected(version: str) -> bool:
    """PySide6 6.12 and later (later ones unverified: shielded too, at no cost)."""
    try:
        major, minor = (int(part) for part in version.split(".")[:2])
    except ValueError:
        return False
    return (major, minor) >= (6, 12)


def installed_binding_version() -> str | None:
    for name in _DISTRIBUTIONS:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return None


def protect_singletons(version: str | None = None) -> bool:
    """Pad the counts of None, True and False when this interpreter and binding need it.

    Returns whether it did. Call once, before the GUI starts.
    """
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    version = version or installed_binding_version()
    if version is None or not binding_is_affected(version):
        return False
    for singleton in (None, True, False):
        # CPython < 3.12 keeps ob_refcnt (a Py_ssize_t) first in every object.
        count = ctypes.c_ssize_t.from_address(id(singleton))
        if count.value < PADDING:
            count.value += PADDING
    return True
