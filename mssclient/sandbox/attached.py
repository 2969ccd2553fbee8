"""A sandbox another process already runs (``mssclient sandbox serve``, another app).

Two app instances (a nurse and a dermatologist, say) must share one operator to write to
each other: the second one finds the first's sandbox on the usual ports and uses it.
"""

from __future__ import annotations

import socket
import ssl
from pathlib import Path

from mssclient.sandbox.demo_accounts import DEMO_ACCOUNTS, DemoAccount
from mssclient.sandbox.https_server import DIRECTORY_URL_PATH
from mssclient.sandbox.sandbox import (
    DEFAULT_HTTPS_PORT,
    DEFAULT_IMAP_PORT,
    DEFAULT_SMTP_PORT,
    Sandbox,
    default_ca_path,
)

LOOPBACK = "127.0.0.1"


class AttachedSandbox:
    """Where a running sandbox listens; the same read-only surface as ``Sandbox``."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir

    host = LOOPBACK
    imap_port = DEFAULT_IMAP_PORT
    smtp_port = DEFAULT_SMTP_PORT
    https_port = DEFAULT_HTTPS_PORT
    running = True

    @property
    def ca_path(self) -> Path:
        return default_ca_path(self.data_dir)

    @property
    def directory_url(self) -> str:
        return f"https://{self.host}:{self.https_port}{DIRECTORY_URL_PATH}"

    @property
    def accounts(self) -> tuple[DemoAccount, ...]:
        return DEMO_ACCOUNTS

    def stop(self) -> None:
        """Not ours to stop: the process that started it does."""


def attach_running_sandbox(data_dir: Path, timeout: float = 2.0) -> AttachedSandbox | None:
    """The sandbox listening on the usual IMAP port, if its TLS certificate chains to the
    CA kept in ``data_dir`` (so it is the sandbox of these data, not any server)."""
    ca_file = default_ca_path(data_dir)
    if not ca_file.is_file():
        return None
    try:
        context = ssl.create_default_context(cafile=str(ca_file))
        with (
            socket.create_connection((LOOPBACK, DEFAULT_IMAP_PORT), timeout=timeout) as raw,
            context.wrap_socket(raw, server_hostname=LOOPBACK),
        ):
            pass
    except (OSError, ssl.SSLError, ValueError):
        return None
    return AttachedSandbox(data_dir)


#: What the app works with: a sandbox it started, or one it found running.
RunningSandbox = Sandbox | AttachedSandbox
