"""Dovecot + Postfix started together: what integration tests see as "the mail servers"."""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from mssclient.sandbox.certificates import ensure_certificates
from tests.integration.servers.dovecot import Dovecot
from tests.integration.servers.postfix import Postfix
from tests.integration.servers.users_db import UsersDb

DEFAULT_DOMAIN = "example.test"


@dataclass
class MailServers:
    """Real IMAP (Dovecot) and SMTP submission (Postfix) on 127.0.0.1 with a throwaway CA.

    Logins are full addresses. ``imap_port`` and ``smtp_port`` are implicit TLS;
    ``imap_starttls_port`` and ``smtp_starttls_port`` require STARTTLS before login.
    """

    work: Path
    domain: str = DEFAULT_DOMAIN
    host: str = "127.0.0.1"
    dovecot: Dovecot = field(init=False)
    postfix: Postfix = field(init=False)
    users: UsersDb = field(init=False)
    ca_path: Path = field(init=False)

    def __post_init__(self) -> None:
        certs = ensure_certificates(self.work / "tls", organisation="MSSClient tests")
        self.ca_path = certs.ca_path
        self.users = UsersDb(self.work / "db" / "users.db")
        self.dovecot = Dovecot(
            self.work / "dovecot", certs.cert_path, certs.key_path, self.domain, self.users.path
        )
        self.postfix = Postfix(
            self.work / "postfix",
            certs.cert_path,
            certs.key_path,
            self.domain,
            users_db=self.users.path,
            lmtp_port=self.dovecot.lmtp_port,
            auth_port=self.dovecot.auth_port,
        )

    # -- where ------------------------------------------------------------------------------
    @property
    def imap_port(self) -> int:
        return self.dovecot.imaps_port

    @property
    def imap_starttls_port(self) -> int:
        return self.dovecot.imap_starttls_port

    @property
    def smtp_port(self) -> int:
        return self.postfix.smtps_port

    @property
    def smtp_starttls_port(self) -> int:
        return self.postfix.submission_port

    @property
    def lmtp_port(self) -> int:
        return self.dovecot.lmtp_port

    # -- users and mail ---------------------------------------------------------------------
    def add_user(self, address: str, password: str) -> str:
        """Create a mailbox; ``address`` without a domain gets :attr:`domain`. Returns it."""
        if "@" not in address:
            address = f"{address}@{self.domain}"
        address = address.lower()
        self.users.add(address, password)
        return address

    def deliver(
        self,
        address: str,
        raw: bytes,
        *,
        folder: str = "INBOX",
        sender: str = "",
    ) -> None:
        """Put a raw message into a mailbox, bypassing SMTP (LMTP for INBOX, else doveadm)."""
        if folder == "INBOX":
            self.dovecot.deliver_lmtp(address, raw, sender or f"postmaster@{self.domain}")
        else:
            self.dovecot.save(address, raw, folder)

    # -- lifecycle (outage tests) -----------------------------------------------------------
    def start(self) -> MailServers:
        self.dovecot.start()
        self.postfix.start()
        return self

    def stop(self) -> None:
        self.postfix.stop()
        self.dovecot.stop()

    def restart(self) -> None:
        self.stop()
        self.start()

    def stop_imap(self) -> None:
        """Stop Dovecot (IMAP, LMTP and SASL go down; Postfix queues what it accepts)."""
        self.dovecot.stop()

    def start_imap(self) -> None:
        self.dovecot.start()
        self.postfix.flush()

    def stop_smtp(self) -> None:
        self.postfix.stop()

    def start_smtp(self) -> None:
        self.postfix.start()


def start_mail_servers(domain: str = DEFAULT_DOMAIN) -> MailServers:
    """Start both servers in a fresh directory; call :func:`stop_mail_servers` after."""
    # A short path under /tmp (UNIX socket paths are limited to ~100 bytes), readable by
    # the dovecot and postfix users that the daemons switch to.
    work = Path(tempfile.mkdtemp(prefix="mss-servers-"))
    os.chmod(work, 0o755)  # noqa: S103 - the daemons' own users must traverse it
    servers = MailServers(work, domain=domain)
    try:
        return servers.start()
    except BaseException:
        stop_mail_servers(servers)
        raise


def stop_mail_servers(servers: MailServers) -> None:
    try:
        servers.stop()
    finally:
        shutil.rmtree(servers.work, ignore_errors=True)
