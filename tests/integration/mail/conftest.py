"""Adapts the real servers (Dovecot + submission, and the embedded sandbox) to one small
interface, so every scenario runs against each backend with the same test body."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from mssclient.mailstore import MailRepository
from mssclient.security.tls import TrustAnchors
from mssclient.store import Store
from mssclient.transport.accounts import (
    Account,
    PasswordAuth,
    Security,
    ServerSettings,
    save_account,
)
from mssclient.transport.imap_connection import connect_imap
from mssclient.transport.imap_sync import MailSync
from mssclient.transport.parsing import ParsePool
from tests.integration.servers import MailServers

_counter = itertools.count(1)


@dataclass
class MailEnv:
    """One running IMAP + SMTP pair and how to drive it from a test."""

    name: str
    host: str
    imap_port: int
    imap_security: Security
    smtp_port: int
    smtp_security: Security
    ca_path: Path
    domain: str
    create_user: Callable[[str, str], str]  # (local part, password) -> address
    deliver: Callable[[str, bytes], None]
    stop_smtp: Callable[[], None]
    start_smtp: Callable[[], None]
    stop_imap: Callable[[], None]
    start_imap: Callable[[], None]
    imap_starttls_port: int | None = None
    smtp_starttls_port: int | None = None

    def new_account(
        self, store: Store, who: str = "user", *, starttls: bool = False
    ) -> tuple[Account, PasswordAuth]:
        """A fresh mailbox and its saved account (implicit TLS, or STARTTLS on both)."""
        local = f"{who}{next(_counter)}x{os.getpid()}"
        password = f"pw-{local}"
        address = self.create_user(local, password)
        if starttls and self.imap_starttls_port and self.smtp_starttls_port:
            imap = ServerSettings(self.host, self.imap_starttls_port, Security.STARTTLS)
            smtp = ServerSettings(self.host, self.smtp_starttls_port, Security.STARTTLS)
        else:
            imap = ServerSettings(self.host, self.imap_port, self.imap_security)
            smtp = ServerSettings(self.host, self.smtp_port, self.smtp_security)
        account = Account(
            address=address,
            login=address,
            display_name=who.capitalize(),
            imap=imap,
            smtp=smtp,
            trust_anchors=TrustAnchors.CA_FILE,
            ca_file=str(self.ca_path),
        )
        account = save_account(store, account)
        return account, PasswordAuth(account.login, password)


# -- backends --------------------------------------------------------------------------------
def _real_servers(servers: MailServers) -> MailEnv:
    """Dovecot (IMAP) + Postfix (submission) from tests/integration/conftest.py."""
    return MailEnv(
        name="dovecot",
        host=servers.host,
        imap_port=servers.imap_port,
        imap_security=Security.TLS,
        smtp_port=servers.smtp_port,
        smtp_security=Security.TLS,
        imap_starttls_port=servers.imap_starttls_port,
        smtp_starttls_port=servers.smtp_starttls_port,
        ca_path=servers.ca_path,
        domain=servers.domain,
        create_user=lambda local, password: servers.add_user(local, password),
        deliver=lambda address, raw: servers.deliver(address, raw),
        stop_smtp=servers.stop_smtp,
        start_smtp=servers.start_smtp,
        stop_imap=servers.stop_imap,
        start_imap=servers.start_imap,
    )


def _sandbox(tmp: Path) -> Iterator[MailEnv]:
    """The embedded operator (pymap + aiosmtpd). This is its own instance, not the shared
    ``sandbox_server``: SMTP outages stop and restart the whole sandbox on the same ports and
    data folder (its mailboxes persist on disk), which other tests must not see."""
    from mssclient.sandbox import Sandbox
    from tests.integration.servers.network import free_port

    ports = {
        "imap_port": free_port(),
        "smtp_port": free_port(),
        "imap_starttls_port": free_port(),
        "smtp_starttls_port": free_port(),
    }
    users: dict[str, str] = {}

    def launch() -> Sandbox:
        sandbox = Sandbox(tmp, seed=False, **ports)
        sandbox.start()
        for address, password in users.items():
            sandbox.add_user(address, password)
        return sandbox

    state = {"sandbox": launch()}

    def create_user(local: str, password: str) -> str:
        address = f"{local}@sandbox.test"
        users[address] = password
        return state["sandbox"].add_user(address, password)

    def stop() -> None:
        state["sandbox"].stop()

    def start() -> None:
        state["sandbox"] = launch()

    try:
        yield MailEnv(
            name="sandbox",
            host="127.0.0.1",
            imap_port=ports["imap_port"],
            imap_security=Security.TLS,
            smtp_port=ports["smtp_port"],
            smtp_security=Security.TLS,
            imap_starttls_port=ports["imap_starttls_port"],
            smtp_starttls_port=ports["smtp_starttls_port"],
            ca_path=state["sandbox"].ca_path,
            domain="sandbox.test",
            create_user=create_user,
            deliver=lambda address, raw: state["sandbox"].deliver(address, raw),
            stop_smtp=stop,
            start_smtp=start,
            stop_imap=stop,  # one process serves both: the whole sandbox restarts
            start_imap=start,
        )
    finally:
        state["sandbox"].stop()


@pytest.fixture(scope="session", params=["dovecot", "sandbox"])
def mail_env(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[MailEnv]:
    if request.param == "sandbox":
        yield from _sandbox(tmp_path_factory.mktemp("mail-sandbox"))
    else:
        yield _real_servers(request.getfixturevalue("mail_servers"))


@pytest.fixture(autouse=True)
def _servers_up(request: pytest.FixtureRequest) -> None:
    """An outage test that failed half-way must not leave SMTP down for the next ones."""
    if (
        "mail_env" in request.fixturenames
        and request.node.callspec.params.get("mail_env") == "dovecot"
    ):
        request.getfixturevalue("running_mail_servers")


# -- helpers for the tests -------------------------------------------------------------------
@pytest.fixture
def parser_path() -> str:
    return "mssclient.mail:parse_summary"


@pytest.fixture
def make_store(tmp_path: Path) -> Iterator[Callable[[str], Store]]:
    opened: list[Store] = []

    def make(name: str) -> Store:
        store = Store.open(tmp_path / name / "store.db", bytes(range(32)), key_known_good=True)
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def make_sync(parser_path: str) -> Iterator[Callable[..., MailSync]]:
    engines: list[MailSync] = []

    def make(store: Store, account: Account, auth: PasswordAuth, **kwargs: object) -> MailSync:
        assert account.id is not None
        connect = kwargs.pop("connect", None) or (lambda: connect_imap(account, auth, timeout=20))
        engine = MailSync(
            account.id,
            MailRepository(store),
            connect,  # type: ignore[arg-type]
            parse_pool=ParsePool(0, parser_path),
            **kwargs,  # type: ignore[arg-type]
        )
        engines.append(engine)
        return engine

    yield make
    for engine in engines:
        engine.close()
