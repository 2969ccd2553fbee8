"""Real servers for the integration tests, started once per test session.

``mail_servers``: Dovecot (IMAP TLS + STARTTLS, LMTP, SASL) and Postfix (submission with
implicit TLS and STARTTLS) on loopback with a throwaway CA; skipped, naming the Debian
package, when a binary is missing (CI installs scripts/debian-test-packages.txt).
``sandbox_server``: the embedded sandbox operator on free ports, for the same scenarios.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mssclient.sandbox import Sandbox
from tests.integration.servers import (
    MailServers,
    missing_prerequisites,
    start_mail_servers,
    stop_mail_servers,
)


@pytest.fixture(scope="session")
def mail_servers() -> Iterator[MailServers]:
    missing = missing_prerequisites()
    if missing:
        pytest.skip("real mail servers unavailable: " + "; ".join(missing))
    servers = start_mail_servers()
    try:
        yield servers
    finally:
        stop_mail_servers(servers)


@pytest.fixture
def running_mail_servers(mail_servers: MailServers) -> MailServers:
    """``mail_servers``, restarted first if an earlier test left one of them stopped."""
    if not mail_servers.dovecot.running:
        mail_servers.start_imap()
    if not mail_servers.postfix.running:
        mail_servers.start_smtp()
    return mail_servers


@pytest.fixture(scope="session")
def sandbox_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    with Sandbox(tmp_path_factory.mktemp("sandbox-operator")) as sandbox:
        yield sandbox
