"""Mount the mail area in the main window.

Workers need their own store connection (SQLCipher connections belong to one thread).
The profile does not hand one out yet: pass ``open_worker_store`` explicitly, or give
``Profile`` an ``open_worker_store()`` method (see the report); without either, mail is
read, searched and composed offline and messages wait in the outbox.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QApplication

from mssclient.gui.mail.mail_area import MailArea
from mssclient.gui.mail.sandbox_accounts import add_sandbox_account
from mssclient.profile import Profile
from mssclient.sandbox import Sandbox
from mssclient.store import Store
from mssclient.transport.accounts import load_accounts

STATUS_MESSAGE_MS = 15_000


def worker_store_opener(profile: Profile) -> Callable[[], Store] | None:
    """The profile's way to open another connection to its store, if it has one."""
    opener = getattr(profile, "open_worker_store", None)
    return opener if callable(opener) else None


def install_mail_area(
    window: Any,
    profile: Profile,
    *,
    open_worker_store: Callable[[], Store] | None = None,
    poll_seconds: float = 300.0,
    idle: bool = True,
    sandbox: Sandbox | None = None,
    parse_workers: int = 0,
) -> MailArea:
    """Create the mail area, put it in ``window`` (a MainWindow) and wire its signals.

    With ``sandbox`` (a started ``Sandbox``): when no account is configured yet, the demo
    mailboxes are added so that a first start can try every workflow; demo accounts already
    there get the sandbox's current ports.
    """
    if sandbox is not None and profile.is_unlocked:
        known = {a.address for a in load_accounts(profile.store)}
        for demo in sandbox.accounts:
            if not known or demo.address in known:
                add_sandbox_account(profile.store, sandbox, demo)
    area = MailArea(
        lambda: profile.store,
        open_worker_store or worker_store_opener(profile),
        poll_seconds=poll_seconds,
        idle=idle,
        parse_workers=parse_workers,
    )
    window.set_area_widget("mail", area)
    area.status_changed.connect(
        lambda text: window.statusBar().showMessage(text, STATUS_MESSAGE_MS)
    )
    area.connection_changed.connect(window.set_connection_state)
    if profile.is_unlocked:
        area.restore_sensitive()
    app = QApplication.instance()
    if app is not None:
        # A bound method: the connection ends with the area and does not keep it alive.
        app.aboutToQuit.connect(area.shutdown_and_wait)
    return area
