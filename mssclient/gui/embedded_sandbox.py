"""The demo operator the app starts by itself while no real mail account is set up.

A first start then shows every workflow on fictional mailboxes instead of an empty window.
Starting takes about 0.1 s on this machine (measured), so it runs on the GUI thread
before the window shows.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mssclient import paths
from mssclient.gui.mail.sandbox_accounts import sandbox_demo
from mssclient.sandbox.attached import RunningSandbox, attach_running_sandbox
from mssclient.sandbox.sandbox import (
    DEFAULT_HTTPS_PORT,
    DEFAULT_IMAP_PORT,
    DEFAULT_SMTP_PORT,
    Sandbox,
    SandboxError,
)
from mssclient.store import Store
from mssclient.transport.accounts import load_accounts

log = logging.getLogger(__name__)

#: Set to "0" to never start the sandbox (e.g. on a workstation with real accounts only).
SANDBOX_ENV = "MSSCLIENT_SANDBOX"


def sandbox_wanted(store: Store) -> bool:
    """True while the profile has no account, or only the sandbox's demo accounts."""
    if os.environ.get(SANDBOX_ENV, "1") == "0":
        return False
    return all(sandbox_demo(account) is not None for account in load_accounts(store))


def start_embedded_sandbox(data_dir: Path | None) -> RunningSandbox | None:
    """The sandbox of ``data_dir``/sandbox; None (logged) when it cannot start.

    One already running for these data (``mssclient sandbox serve``, another app) is
    shared, so that two instances can write to each other. Otherwise one starts on the
    usual ports, so the demo accounts and the directory address stay the same from one
    start to the next; when they are taken by something else, any free port does.
    """
    folder = (data_dir or paths.data_dir()) / "sandbox"
    running = attach_running_sandbox(folder)
    if running is not None:
        log.info("using the sandbox already running for %s", folder)
        return running
    attempts = (
        {"imap_port": DEFAULT_IMAP_PORT, "smtp_port": DEFAULT_SMTP_PORT},
        {"imap_port": 0, "smtp_port": 0},
    )
    for ports in attempts:
        https_port = DEFAULT_HTTPS_PORT if ports["imap_port"] else 0
        sandbox = Sandbox(
            folder,
            https_port=https_port,
            imap_starttls_port=None,
            smtp_starttls_port=None,
            **ports,
        )
        try:
            return sandbox.start()
        except SandboxError as exc:
            log.warning("embedded sandbox did not start on %s: %s", ports, exc)
    return None
