"""install_mail_area in the real main window, on the sandbox, through lock and unlock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mssclient.gui.lock_controller import LockController
from mssclient.gui.mail import MailArea, install_mail_area
from mssclient.gui.mail.operations import wait_for_operations
from mssclient.gui.main_window import MainWindow
from mssclient.mailstore import MailRepository
from mssclient.profile import Profile
from mssclient.sandbox import NURSE, Sandbox
from mssclient.store import Store
from mssclient.transport.accounts import load_accounts
from tests.gui.conftest import PASSPHRASE

pytestmark = pytest.mark.integration


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[Sandbox]:
    with Sandbox(tmp_path / "sandbox") as running:
        yield running


def test_mounted_area_syncs_the_sandbox_and_empties_at_lock(
    qtbot,
    window: MainWindow,
    profile: Profile,
    controller: LockController,
    sandbox: Sandbox,
    mail_french,
):
    # The profile does not lend its key yet (see the report): derive it the way unlock does.
    key = profile.keys.from_passphrase(PASSPHRASE)
    area = install_mail_area(
        window,
        profile,
        open_worker_store=lambda: Store.open(profile.store_path, key, key_known_good=True),
        poll_seconds=3600,
        sandbox=sandbox,
    )
    try:
        assert isinstance(window.area_widget("mail"), MailArea)
        assert {a.address for a in load_accounts(profile.store)} == {
            d.address for d in sandbox.accounts
        }
        nurse = next(a for a in load_accounts(profile.store) if a.address == NURSE.address)

        def nurse_inbox_listed() -> bool:
            inbox = MailRepository(profile.store).folder_by_role(nurse.id, "inbox")
            return inbox is not None and MailRepository(profile.store).count(inbox.id) > 0

        qtbot.waitUntil(nurse_inbox_listed, timeout=60_000)
        qtbot.waitUntil(lambda: area.list_model.rowCount() > 0, timeout=30_000)
        assert area.folder_model.rowCount() == 4

        controller.lock()
        assert area.list_model.rowCount() == 0
        assert area.folder_model.rowCount() == 0
        assert area.workers is not None and not area.workers.running

        controller.unlock_with_passphrase(PASSPHRASE)
        assert area.folder_model.rowCount() == 4
        assert area.list_model.rowCount() > 0
        assert area.workers.running
    finally:
        area.shutdown()
        wait_for_operations()
