"""Fixtures: workstations over the real embedded sandbox operator: the nurse's, the
dermatologist's (her personal mailbox and the department's organisational one), and the
sandbox mode's single profile holding every demo mailbox (both roles)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from mssclient.directory.bundle import parse_bundle
from mssclient.gui.mail.operations import wait_for_operations
from mssclient.gui.mail.sandbox_accounts import account_auth, add_sandbox_account
from mssclient.gui.teleexpertise.area import TeleexpertiseArea
from mssclient.mailstore import MailRepository
from mssclient.sandbox import DERMATOLOGIST, DERMATOLOGY, NURSE, DemoAccount, Sandbox
from mssclient.sandbox.sandbox import default_directory_file
from mssclient.store import Store
from mssclient.teleexpertise.identities import save_identity
from mssclient.teleexpertise.model import Practitioner, Profession
from mssclient.transport.accounts import Account, load_accounts
from mssclient.transport.imap_connection import connect_imap
from mssclient.transport.imap_sync import MailSync
from mssclient.transport.outbox import Outbox, OutboxItem, append_to_sent

NURSE_ID = Practitioner("Claire Martin", Profession.NURSE, adeli="629912345", mailbox=NURSE.address)
DOCTOR_ID = Practitioner(
    "Dr Sophie Leroy", Profession.DOCTOR, rpps="10101234567", mailbox=DERMATOLOGIST.address
)


@dataclass
class Workstation:
    store: Store
    area: TeleexpertiseArea
    notifications: list[tuple[str, str]]

    def accounts(self) -> list[Account]:
        return load_accounts(self.store)

    def send_and_sync(self) -> list[OutboxItem]:
        """What the account workers do, in this thread: send the outbox (copy to Sent),
        sync every folder of every account, then read the new mails for teleexpertise."""
        sent: list[OutboxItem] = []
        for account in self.accounts():
            assert account.id is not None
            auth = account_auth(account)
            repo = MailRepository(self.store)
            engine = MailSync(account.id, repo, lambda a=account, x=auth: connect_imap(a, x))
            try:
                sent += Outbox(self.store).send_due(
                    account,
                    auth,
                    copy_to_sent=lambda raw, e=engine, i=account.id, r=repo: append_to_sent(
                        e.ensure_client(), r, i, raw
                    ),
                )
                engine.sync_all()
            finally:
                engine.close()
        self.area.scan_mail()
        return sent


def _workstation(
    qtbot, folder: Path, key: bytes, sandbox: Sandbox, demos: tuple[DemoAccount, ...]
) -> Workstation:
    store = Store.open(folder / "store.db", key, key_known_good=True)
    for demo in demos:
        add_sandbox_account(store, sandbox, demo)
    directory = parse_bundle(default_directory_file().read_bytes())
    area = TeleexpertiseArea(lambda: store, lambda: load_accounts(store), lambda: directory)
    qtbot.addWidget(area)
    area.resize(1100, 720)
    notes: list[tuple[str, str]] = []
    area.notification.connect(lambda title, text: notes.append((title, text)))
    area.show()
    area.restore_sensitive()
    return Workstation(store, area, notes)


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[Sandbox]:
    with Sandbox(tmp_path / "sandbox", imap_starttls_port=None, smtp_starttls_port=None) as running:
        yield running


@pytest.fixture
def nurse(qtbot, tmp_path: Path, sandbox: Sandbox, french) -> Iterator[Workstation]:
    station = _workstation(qtbot, tmp_path / "nurse", bytes(range(32)), sandbox, (NURSE,))
    save_identity(station.store, NURSE_ID)
    try:
        yield station
    finally:
        wait_for_operations()
        station.store.close()


@pytest.fixture
def specialist(qtbot, tmp_path: Path, sandbox: Sandbox, french) -> Iterator[Workstation]:
    station = _workstation(
        qtbot, tmp_path / "specialist", bytes(range(1, 33)), sandbox, (DERMATOLOGIST, DERMATOLOGY)
    )
    save_identity(station.store, DOCTOR_ID)
    station.area.reload()
    try:
        yield station
    finally:
        wait_for_operations()
        station.store.close()


@pytest.fixture
def one_profile(qtbot, tmp_path: Path, sandbox: Sandbox, french) -> Iterator[Workstation]:
    """As ``mssclient --sandbox`` sets it up: the nurse, the GP, the dermatologist and the
    dermatology department's mailbox in one profile."""
    demos = tuple(sandbox.accounts)  # what the mail area adds to a sandbox profile
    station = _workstation(qtbot, tmp_path / "all", bytes(range(3, 35)), sandbox, demos)
    save_identity(station.store, NURSE_ID)
    save_identity(station.store, DOCTOR_ID)
    station.area.reload()
    try:
        yield station
    finally:
        wait_for_operations()
        station.store.close()
