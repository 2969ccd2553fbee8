"""A mail area with its sync workers on a real server, shown, as the application has it."""

from __future__ import annotations

from typing import Any

from mssclient.gui.mail import MailArea
from mssclient.store import Store
from mssclient.transport.accounts import Authenticator


def live_mail_area(
    qtbot: Any,
    store: Store,
    store_key: bytes,
    auth: Authenticator | None = None,
    *,
    idle: bool = False,
) -> MailArea:
    """Workers open their own connections to ``store``'s file; no polling (tests ask for
    each sync); ``auth`` for every account, else the keyring's."""
    path = store.path
    extra: dict[str, Any] = {"auth_for": lambda _account: auth} if auth is not None else {}
    area = MailArea(
        lambda: store,
        lambda: Store.open(path, store_key, key_known_good=True),
        poll_seconds=3600,
        idle=idle,
        **extra,
    )
    qtbot.addWidget(area)
    area.resize(1100, 700)
    area.show()
    return area
