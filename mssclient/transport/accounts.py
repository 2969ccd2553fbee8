"""Mail accounts: settings in the store, password in the OS keyring, authentication seam."""

from __future__ import annotations

import smtplib
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Protocol

from mssclient.security import keyring_access
from mssclient.security.tls import TrustAnchors
from mssclient.store import Store
from mssclient.transport.errors import PasswordMissingError


class Security(StrEnum):
    TLS = "tls"  # implicit TLS (IMAPS 993, submissions 465)
    STARTTLS = "starttls"
    PLAIN = "plain"  # loopback only (the sandbox); refused elsewhere


class AccountKind(StrEnum):
    PERSONAL = "personal"
    ORGANISATIONAL = "organisational"


@dataclass(frozen=True)
class ServerSettings:
    host: str
    port: int
    security: Security = Security.TLS


@dataclass(frozen=True)
class Account:
    address: str
    login: str
    imap: ServerSettings
    smtp: ServerSettings
    display_name: str = ""
    kind: AccountKind = AccountKind.PERSONAL
    trust_anchors: TrustAnchors = TrustAnchors.SYSTEM
    ca_file: str = ""
    auth_method: str = "password"
    product_nil: str = ""
    #: For an organisational mailbox opened by a member: the mailbox to act as (SASL authzid).
    authorization_identity: str = ""
    #: S/MIME: sign outgoing mail when the address has an identity.
    smime_sign: bool = True
    #: S/MIME: refuse to send unless every recipient has a certificate.
    smime_require_encryption: bool = False
    #: S/MIME: anchors that correspondents' signatures must chain to.
    smime_anchors: TrustAnchors = TrustAnchors.IGC_SANTE
    smime_ca_file: str = ""
    id: int | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def secret_name(self) -> str:
        """Keyring entry name of this account's password."""
        return f"mail-password:{self.login}@{self.imap.host}"


# -- storage ------------------------------------------------------------------------------
_COLUMNS = (
    "id, address, display_name, kind, login, imap_host, imap_port, imap_security, "
    "smtp_host, smtp_port, smtp_security, trust_anchors, ca_file, auth_method, product_nil, "
    "authorization_identity, smime_sign, smime_require_encryption, smime_anchors, smime_ca_file"
)


def _from_row(row: Any) -> Account:
    return Account(
        id=row[0],
        address=row[1],
        display_name=row[2],
        kind=AccountKind(row[3]),
        login=row[4],
        imap=ServerSettings(row[5], row[6], Security(row[7])),
        smtp=ServerSettings(row[8], row[9], Security(row[10])),
        trust_anchors=TrustAnchors(row[11]),
        ca_file=row[12],
        auth_method=row[13],
        product_nil=row[14],
        authorization_identity=row[15],
        smime_sign=bool(row[16]),
        smime_require_encryption=bool(row[17]),
        smime_anchors=TrustAnchors(row[18]),
        smime_ca_file=row[19],
    )


def save_account(store: Store, account: Account) -> Account:
    """Insert or update (by address); returns the account with its id."""
    values = (
        account.address,
        account.display_name,
        account.kind.value,
        account.login,
        account.imap.host,
        account.imap.port,
        account.imap.security.value,
        account.smtp.host,
        account.smtp.port,
        account.smtp.security.value,
        account.trust_anchors.value,
        account.ca_file,
        account.auth_method,
        account.product_nil,
        account.authorization_identity,
        int(account.smime_sign),
        int(account.smime_require_encryption),
        account.smime_anchors.value,
        account.smime_ca_file,
    )
    store.execute(
        "INSERT INTO mail_accounts(address, display_name, kind, login, imap_host, imap_port, "
        "imap_security, smtp_host, smtp_port, smtp_security, trust_anchors, ca_file, "
        "auth_method, product_nil, authorization_identity, smime_sign, smime_require_encryption, "
        "smime_anchors, smime_ca_file, created_at) VALUES "
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(address) DO UPDATE SET "
        "display_name = excluded.display_name, kind = excluded.kind, login = excluded.login, "
        "imap_host = excluded.imap_host, imap_port = excluded.imap_port, "
        "imap_security = excluded.imap_security, smtp_host = excluded.smtp_host, "
        "smtp_port = excluded.smtp_port, smtp_security = excluded.smtp_security, "
        "trust_anchors = excluded.trust_anchors, ca_file = excluded.ca_file, "
        "auth_method = excluded.auth_method, product_nil = excluded.product_nil, "
        "authorization_identity = excluded.authorization_identity, "
        "smime_sign = excluded.smime_sign, "
        "smime_require_encryption = excluded.smime_require_encryption, "
        "smime_anchors = excluded.smime_anchors, smime_ca_file = excluded.smime_ca_file",
        (*values, datetime.now(UTC).isoformat(timespec="seconds")),
    )
    account_id = store.scalar("SELECT id FROM mail_accounts WHERE address = ?", (account.address,))
    return replace(account, id=int(account_id))


def load_accounts(store: Store) -> list[Account]:
    return [_from_row(r) for r in store.query(f"SELECT {_COLUMNS} FROM mail_accounts ORDER BY id")]  # noqa: S608


def load_account(store: Store, account_id: int) -> Account | None:
    rows = store.query(f"SELECT {_COLUMNS} FROM mail_accounts WHERE id = ?", (account_id,))  # noqa: S608
    return _from_row(rows[0]) if rows else None


def delete_account(store: Store, account: Account) -> None:
    store.execute("DELETE FROM mail_accounts WHERE id = ?", (account.id,))
    keyring_access.delete_secret(account.secret_name)


# -- passwords and authentication ---------------------------------------------------------
def set_password(account: Account, password: str) -> None:
    keyring_access.set_secret(account.secret_name, password)


def get_password(account: Account) -> str:
    password = keyring_access.get_secret(account.secret_name)
    if password is None:
        raise PasswordMissingError(f"no password in keyring for {account.address}")
    return password


class Authenticator(Protocol):
    """How a connection proves who it is. Password now; XOAUTH2 (Pro Santé Connect) and
    client-certificate TLS plug in here later (a certificate would also feed the TLS
    context, see ``security.tls.client_context``)."""

    def authenticate_imap(self, client: Any) -> None: ...

    def authenticate_smtp(self, smtp: smtplib.SMTP) -> None: ...


@dataclass(frozen=True)
class PasswordAuth:
    """LOGIN/PLAIN with a password (IMAP LOGIN, or AUTHENTICATE PLAIN; SMTP AUTH PLAIN/LOGIN)."""

    login: str
    password: str = field(repr=False)
    authorization_identity: str = ""

    @classmethod
    def from_keyring(cls, account: Account) -> PasswordAuth:
        return cls(account.login, get_password(account), account.authorization_identity)

    def authenticate_imap(self, client: Any) -> None:
        if b"AUTH=PLAIN" in client.capabilities():
            client.plain_login(self.login, self.password, self.authorization_identity or None)
        else:
            client.login(self.login, self.password)

    def authenticate_smtp(self, smtp: smtplib.SMTP) -> None:
        smtp.ehlo_or_helo_if_needed()
        offered = smtp.esmtp_features.get("auth", "").upper().split()
        smtp.user, smtp.password = self.login, self.password
        mechanism = "PLAIN" if "PLAIN" in offered or "LOGIN" not in offered else "LOGIN"
        authobject = smtp.auth_plain if mechanism == "PLAIN" else smtp.auth_login
        smtp.auth(mechanism, authobject, initial_response_ok=True)
