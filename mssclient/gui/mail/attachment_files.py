"""Attachments written to disk only when the user asks: saved where they choose, or opened
from a private temporary directory that is wiped at lock and at exit."""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from mssclient.mail.filenames import sanitize_filename


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a private temp file beside ``path``, then replace: never a half file."""
    directory = path.parent
    fd, temp = tempfile.mkstemp(prefix=".mssclient-", dir=directory)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


class PrivateTempDir:
    """One 0700 directory per session; ``wipe()`` removes it and everything in it."""

    def __init__(self) -> None:
        self._path: Path | None = None
        atexit.register(self.wipe)

    @property
    def path(self) -> Path | None:
        return self._path

    def write(self, filename: str, data: bytes) -> Path:
        if self._path is None or not self._path.exists():
            self._path = Path(tempfile.mkdtemp(prefix="mssclient-pj-"))
            self._path.chmod(0o700)
        # Each file in its own sub-directory: two attachments with one name never clash.
        holder = Path(tempfile.mkdtemp(dir=self._path))
        target = holder / sanitize_filename(filename, "piece-jointe")
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        return target

    def wipe(self) -> None:
        if self._path is not None:
            shutil.rmtree(self._path, ignore_errors=True)
            self._path = None
