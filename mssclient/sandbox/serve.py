"""``mssclient sandbox serve``: run the sandbox operator alone until Ctrl+C or SIGTERM."""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import FrameType

from mssclient.sandbox.sandbox import (
    DEFAULT_HTTPS_PORT,
    DEFAULT_IMAP_PORT,
    DEFAULT_IMAP_STARTTLS_PORT,
    DEFAULT_SMTP_PORT,
    DEFAULT_SMTP_STARTTLS_PORT,
    Sandbox,
    SandboxError,
)


def serve(
    data_dir: Path,
    host: str = "127.0.0.1",
    *,
    imap_port: int = DEFAULT_IMAP_PORT,
    smtp_port: int = DEFAULT_SMTP_PORT,
    https_port: int = DEFAULT_HTTPS_PORT,
    imap_starttls_port: int | None = DEFAULT_IMAP_STARTTLS_PORT,
    smtp_starttls_port: int | None = DEFAULT_SMTP_STARTTLS_PORT,
    stop_event: threading.Event | None = None,
    out: Callable[[str], None] = print,
) -> int:
    """Start the sandbox, print where it listens and the demo logins, block until stopped.

    Returns the process exit code (0, or 1 when the sandbox cannot start). ``stop_event``
    lets a caller (or a test) stop it without a signal.
    """
    stop = stop_event or threading.Event()
    try:
        sandbox = Sandbox(
            data_dir,
            host=host,
            imap_port=imap_port,
            smtp_port=smtp_port,
            https_port=https_port,
            imap_starttls_port=imap_starttls_port,
            smtp_starttls_port=smtp_starttls_port,
        ).start()
    except SandboxError as exc:
        print(exc.user_message, file=sys.stderr)
        return 1
    restore = _install_signal_handlers(stop)
    try:
        for line in describe_in_french(sandbox):
            out(line)
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        restore()
        sandbox.stop()
    out("Bac à sable arrêté.")
    return 0


def describe_in_french(sandbox: Sandbox) -> list[str]:
    host = sandbox.host
    lines = [
        "Bac à sable MSSClient démarré (opérateur de démonstration, données fictives).",
        f"  IMAP  : {host}:{sandbox.imap_port} (TLS)"
        + (
            f", {host}:{sandbox.imap_starttls_port} (STARTTLS)"
            if sandbox.imap_starttls_port
            else ""
        ),
        f"  SMTP  : {host}:{sandbox.smtp_port} (TLS)"
        + (
            f", {host}:{sandbox.smtp_starttls_port} (STARTTLS)"
            if sandbox.smtp_starttls_port
            else ""
        ),
        f"  Annuaire de l'hôpital : {sandbox.directory_url}",
        f"  Autorité de certification à approuver : {sandbox.ca_path}",
        f"  Données : {sandbox.data_dir}",
        "Comptes de démonstration (identifiant = adresse) :",
    ]
    for account in sandbox.accounts:
        lines.append(f"  {account.role} — {account.display_name}")
        lines.append(f"      {account.address} / mot de passe : {account.password}")
        for member in account.members:
            lines.append(f"      (accessible aussi à {member} avec son propre mot de passe)")
    lines.append("Ctrl+C pour arrêter.")
    return lines


def _install_signal_handlers(stop: threading.Event) -> Callable[[], None]:
    """SIGINT/SIGTERM set ``stop`` (main thread only; elsewhere Python forbids it)."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}

    def restore() -> None:
        for sig, handler in previous.items():
            signal.signal(sig, handler)

    return restore
