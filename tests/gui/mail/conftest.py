"""Fixtures of the mail GUI tests: a store with one account and its folders, a mail area."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from mssclient.gui.mail import MailArea
from mssclient.gui.mail.operations import wait_for_operations
from mssclient.mailstore import FolderRecord, MailRepository
from mssclient.store import Store
from mssclient.transport.accounts import Account
from tests.gui.mail.factories import make_account


@dataclass
class Mailbox:
    store: Store
    repo: MailRepository
    account: Account
    inbox: FolderRecord
    sent: FolderRecord


@pytest.fixture
def mailbox(temp_store: Store) -> Mailbox:
    account = make_account(temp_store)
    assert account.id is not None
    repo = MailRepository(temp_store)
    inbox = repo.upsert_folder(account.id, "INBOX", role="inbox")
    sent = repo.upsert_folder(account.id, "Sent", role="sent")
    return Mailbox(temp_store, repo, account, inbox, sent)


@pytest.fixture
def area(qtbot, mailbox: Mailbox) -> Iterator[MailArea]:
    """A mail area without sync workers (no server here), reading the test store."""
    widget = MailArea(lambda: mailbox.store, None)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    try:
        yield widget
    finally:
        widget.shutdown()
        wait_for_operations()


@pytest.fixture
def mail_french(qapp) -> Iterator[None]:
    """The French catalog, as the app loads it."""
    from PySide6.QtCore import QTranslator

    from mssclient.gui.resources import translations_dir

    installed = []
    for catalog in ("mssclient",):
        translator = QTranslator(qapp)
        assert translator.load(f"{catalog}_fr", str(translations_dir())), catalog
        qapp.installTranslator(translator)
        installed.append(translator)
    try:
        yield
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
