""" "Answering as" follows the professional identities as they are filled in, and keeps the
mailbox the user picked while that mailbox is still there."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from mssclient.directory.models import HospitalDirectory
from mssclient.gui.mail.operations import wait_for_operations
from mssclient.gui.teleexpertise.area import TeleexpertiseArea
from mssclient.sandbox import DERMATOLOGIST, DERMATOLOGY, NURSE
from mssclient.store import Store
from mssclient.teleexpertise.identities import save_identity
from mssclient.transport.accounts import Account, AccountKind
from tests.gui.teleexpertise.conftest import DOCTOR_ID, NURSE_ID, add_account


@pytest.fixture
def accounts(temp_store: Store) -> list[Account]:
    """The mailboxes of the workstation, before anybody filled in an identity."""
    return [
        add_account(temp_store, NURSE.address, NURSE.display_name, AccountKind.PERSONAL),
        add_account(
            temp_store, DERMATOLOGIST.address, DERMATOLOGIST.display_name, AccountKind.PERSONAL
        ),
        add_account(
            temp_store, DERMATOLOGY.address, DERMATOLOGY.display_name, AccountKind.ORGANISATIONAL
        ),
    ]


@pytest.fixture
def area(
    qtbot, temp_store: Store, accounts: list[Account], directory: HospitalDirectory, french
) -> Iterator[TeleexpertiseArea]:
    widget = TeleexpertiseArea(lambda: temp_store, lambda: list(accounts), lambda: directory)
    qtbot.addWidget(widget)
    widget.show()
    widget.restore_sensitive()
    try:
        yield widget
    finally:
        wait_for_operations()


def _entries(area: TeleexpertiseArea) -> list[tuple[str, str]]:
    combo = area.acting_as
    return [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]


def test_follows_identities_and_keeps_the_users_pick(
    qtbot, area: TeleexpertiseArea, temp_store: Store, accounts: list[Account]
) -> None:
    # First load: no identity yet, the personal mailboxes by their account names.
    assert _entries(area) == [
        (NURSE.display_name, NURSE.address),
        (DERMATOLOGIST.display_name, DERMATOLOGIST.address),
    ]
    assert area.acting_as.currentData() == NURSE.address
    assert area.expert_identity() is None

    # The dermatologist fills in her identity elsewhere (the wizard saves it too): the
    # next reload answers as her, the doctor, not as the mailbox listed first.
    save_identity(temp_store, DOCTOR_ID)
    area.reload()
    assert area.acting_as.currentData() == DERMATOLOGIST.address
    assert area.acting_as.currentText() == DOCTOR_ID.display_name
    identity = area.expert_identity()
    assert identity is not None and identity.rpps == DOCTOR_ID.rpps

    # The user picks the nurse's mailbox herself (keyboard, as in the toolbar): kept
    # through reloads and new identities.
    area.acting_as.setFocus()
    qtbot.keyClick(area.acting_as, Qt.Key.Key_Up)
    assert area.acting_as.currentData() == NURSE.address
    assert area.acting_choice == NURSE.address
    save_identity(temp_store, NURSE_ID)
    area.reload()
    assert area.acting_as.currentData() == NURSE.address
    assert area.acting_as.currentText() == NURSE_ID.display_name

    # Her pick is gone (the mailbox was removed): the choice follows the identities again.
    del accounts[0]
    area.reload()
    assert _entries(area) == [(DOCTOR_ID.display_name, DERMATOLOGIST.address)]
    assert area.acting_as.currentData() == DERMATOLOGIST.address
