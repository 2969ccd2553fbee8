"""Fixtures: two workstations over real mail servers, the nurse's and the dermatologist's
(her personal mailbox and the department's organisational one), and the sandbox mode's
single profile holding every demo mailbox (both roles).

``backend`` says which servers: the embedded sandbox operator with its demo mailboxes (the
default), or, for tests that ask for it with ``indirect`` parametrization, Dovecot + Postfix
on loopback (tests/integration/servers) with three fresh mailboxes, the department's being
an ordinary mailbox opened with its own password. Either way the hospital directory's
dermatology entry names the department mailbox of the servers in use."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from mssclient.directory.bundle import parse_bundle
from mssclient.directory.models import HospitalDirectory
from mssclient.gui.mail.operations import wait_for_operations
from mssclient.gui.mail.sandbox_accounts import account_auth, add_sandbox_account
from mssclient.gui.teleexpertise.area import TeleexpertiseArea
from mssclient.mailstore import MailRepository
from mssclient.sandbox import DERMATOLOGIST, DERMATOLOGY, NURSE, DemoAccount, Sandbox
from mssclient.sandbox.sandbox import default_directory_file
from mssclient.security.tls import TrustAnchors
from mssclient.store import Store
from mssclient.teleexpertise.identities import save_identity
from mssclient.teleexpertise.model import Practitioner, Profession
from mssclient.transport.accounts import (
    Account,
    AccountKind,
    Authenticator,
    PasswordAuth,
    Security,
    ServerSettings,
    load_accounts,
    save_account,
)
from mssclient.transport.imap_connection import connect_imap
from mssclient.transport.imap_sync import MailSync
from mssclient.transport.outbox import Outbox, OutboxItem, append_to_sent
from tests.integration.servers import MailServers

NURSE_ID = Practitioner("Claire Martin", Profession.NURSE, adeli="629912345", mailbox=NURSE.address)
DOCTOR_ID = Practitioner(
    "Dr Sophie Leroy", Profession.DOCTOR, rpps="10101234567", mailbox=DERMATOLOGIST.address
)

#: The three mailboxes of the round trip, by role, as the sandbox has them.
ROLES: dict[str, DemoAccount] = {
    "nurse": NURSE,
    "dermatologist": DERMATOLOGIST,
    "department": DERMATOLOGY,
}


@dataclass(frozen=True)
class Backend:
    """The servers the workstations talk to: each role's address there, how a workstation
    gets that role's account and logs in, and how long a mail sent by one workstation may
    take to reach the other (the sandbox has stored it before it answers the submission;
    Postfix hands it to Dovecot from its queue, a moment later)."""

    name: str
    addresses: dict[str, str]
    add_account: Callable[[Store, str], Account]
    auth: Callable[[Account], Authenticator]
    patience: float

    def directory(self) -> HospitalDirectory:
        """The demo hospital directory, its dermatology entry naming our department."""
        hospital = parse_bundle(default_directory_file().read_bytes())
        department = self.addresses["department"]
        return replace(
            hospital,
            specialties=tuple(
                replace(s, teleexpertise_mailbox=department) if s.id == "dermatologie" else s
                for s in hospital.specialties
            ),
        )


@dataclass
class Workstation:
    store: Store
    area: TeleexpertiseArea
    notifications: list[tuple[str, str]]
    auth: Callable[[Account], Authenticator] = account_auth
    patience: float = 0.0

    def accounts(self) -> list[Account]:
        return load_accounts(self.store)

    def send_and_sync(self) -> list[OutboxItem]:
        """What the account workers do, in this thread: send the outbox (copy to Sent),
        sync every folder of every account, then read the new mails for teleexpertise."""
        sent: list[OutboxItem] = []
        for account in self.accounts():
            assert account.id is not None
            auth = self.auth(account)
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

    def sync_until(self, arrived: Callable[[], bool]) -> list[OutboxItem]:
        """``send_and_sync``, then again while ``arrived()`` is false, for at most the
        backend's patience (none on the sandbox: one round). The caller asserts after."""
        sent = self.send_and_sync()
        deadline = time.monotonic() + self.patience
        while not arrived() and time.monotonic() < deadline:
            time.sleep(0.2)
            sent += self.send_and_sync()
        return sent


def _workstation(
    qtbot,
    folder: Path,
    key: bytes,
    add_accounts: Callable[[Store], object],
    directory: HospitalDirectory,
    auth: Callable[[Account], Authenticator] = account_auth,
    patience: float = 0.0,
) -> Workstation:
    store = Store.open(folder / "store.db", key, key_known_good=True)
    add_accounts(store)
    area = TeleexpertiseArea(lambda: store, lambda: load_accounts(store), lambda: directory)
    qtbot.addWidget(area)
    area.resize(1100, 720)
    notes: list[tuple[str, str]] = []
    area.notification.connect(lambda title, text: notes.append((title, text)))
    area.show()
    area.restore_sensitive()
    return Workstation(store, area, notes, auth, patience)


def _station(
    qtbot, folder: Path, key: bytes, backend: Backend, roles: tuple[str, ...]
) -> Workstation:
    return _workstation(
        qtbot,
        folder,
        key,
        lambda store: [backend.add_account(store, role) for role in roles],
        backend.directory(),
        backend.auth,
        backend.patience,
    )


def _sandbox_backend(sandbox: Sandbox) -> Backend:
    return Backend(
        "sandbox",
        {role: demo.address for role, demo in ROLES.items()},
        lambda store, role: add_sandbox_account(store, sandbox, ROLES[role]),
        account_auth,
        patience=0.0,
    )


def _dovecot_backend(servers: MailServers) -> Backend:
    """Fresh mailboxes for this test on the session's Dovecot + Postfix (one users table
    for the whole session, hence the stamp). The department's mailbox is a plain one with
    its own password, as in tests/integration/teleexpertise: this Dovecot has no members."""
    stamp = time.monotonic_ns()
    passwords: dict[str, str] = {}
    addresses: dict[str, str] = {}
    for role, demo in ROLES.items():
        password = f"pw-{role}-{stamp}"
        address = servers.add_user(f"{demo.address.split('@')[0]}-{stamp}", password)
        addresses[role], passwords[address] = address, password

    def add_account(store: Store, role: str) -> Account:
        return save_account(
            store,
            Account(
                address=addresses[role],
                login=addresses[role],
                display_name=ROLES[role].display_name,
                kind=AccountKind.ORGANISATIONAL if role == "department" else AccountKind.PERSONAL,
                imap=ServerSettings(servers.host, servers.imap_port, Security.TLS),
                smtp=ServerSettings(servers.host, servers.smtp_port, Security.TLS),
                trust_anchors=TrustAnchors.CA_FILE,
                ca_file=str(servers.ca_path),
            ),
        )

    def auth(account: Account) -> Authenticator:
        return PasswordAuth(account.login, passwords[account.address])

    return Backend("dovecot", addresses, add_account, auth, patience=30.0)


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[Sandbox]:
    with Sandbox(tmp_path / "sandbox", imap_starttls_port=None, smtp_starttls_port=None) as running:
        yield running


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> Backend:
    """The embedded sandbox unless the test parametrizes this fixture (``indirect``) with
    "dovecot": then the real servers of tests/integration/conftest.py."""
    if getattr(request, "param", "sandbox") == "dovecot":
        return _dovecot_backend(request.getfixturevalue("running_mail_servers"))
    return _sandbox_backend(request.getfixturevalue("sandbox"))


@pytest.fixture
def nurse(qtbot, tmp_path: Path, backend: Backend, french) -> Iterator[Workstation]:
    station = _station(qtbot, tmp_path / "nurse", bytes(range(32)), backend, ("nurse",))
    save_identity(station.store, replace(NURSE_ID, mailbox=backend.addresses["nurse"]))
    try:
        yield station
    finally:
        wait_for_operations()
        station.store.close()


@pytest.fixture
def specialist(qtbot, tmp_path: Path, backend: Backend, french) -> Iterator[Workstation]:
    station = _station(
        qtbot,
        tmp_path / "specialist",
        bytes(range(1, 33)),
        backend,
        ("dermatologist", "department"),
    )
    save_identity(station.store, replace(DOCTOR_ID, mailbox=backend.addresses["dermatologist"]))
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
    station = _workstation(
        qtbot,
        tmp_path / "all",
        bytes(range(3, 35)),
        lambda store: [add_sandbox_account(store, sandbox, demo) for demo in demos],
        parse_bundle(default_directory_file().read_bytes()),
    )
    save_identity(station.store, NURSE_ID)
    save_identity(station.store, DOCTOR_ID)
    station.area.reload()
    try:
        yield station
    finally:
        wait_for_operations()
        station.store.close()
