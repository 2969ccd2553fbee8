"""Loopback ports for the test servers: pick free ones, wait until they listen or close."""

from __future__ import annotations

import socket
import subprocess
import time
from pathlib import Path


def free_port() -> int:
    """A port nobody listens on right now (the OS picks it; tiny race, fine for tests)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def is_listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
    except OSError:
        return False
    return True


def wait_listening(
    port: int,
    *,
    what: str,
    process: subprocess.Popen[bytes] | None = None,
    log: Path | None = None,
    timeout: float = 20.0,
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if is_listening(port):
            return
        if process is not None and process.poll() is not None:
            break
        time.sleep(0.02)
    tail = ""
    if log is not None and log.exists():
        tail = "\n".join(log.read_text("utf-8", "replace").splitlines()[-20:])
    raise RuntimeError(f"{what} is not listening on 127.0.0.1:{port}\n{tail}")


def wait_closed(port: int, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and is_listening(port):
        time.sleep(0.05)
