"""Mail accounts on the embedded sandbox operator, and how their workers log in. Qt-free.

The sandbox's demo passwords are public (printed by ``mssclient sandbox serve``) and open
only fictional mailboxes on loopback, so a demo account on a loopback host logs in with
its demo password even where no OS keyring exists. Every other account reads its password
from the keyring. (Candidates to move to ``mssclient.sandbox`` / ``mssclient.transport``.)
"""

from __future__ import annotations

from mssclient.sandbox import DemoAccount, Sandbox
from mssclient.sandbox.demo_accounts import MailboxKind, demo_account
from mssclient.security.tls import TrustAnchors, is_loopback
from mssclient.store import Store
from mssclient.transport.accounts import (
    Account,
    AccountKind,
    Authenticator,
    PasswordAuth,
    Security,
    ServerSettings,
    save_account,
)


def sandbox_account(sandbox: Sandbox, demo: DemoAccount) -> Account:
    """The settings of one demo mailbox on a running sandbox (implicit TLS, its own CA)."""
    return Account(
        address=demo.address,
        login=demo.login,
        display_name=demo.display_name,
        kind=(
            AccountKind.ORGANISATIONAL
            if demo.kind is MailboxKind.ORGANISATIONAL
            else AccountKind.PERSONAL
        ),
        imap=ServerSettings(sandbox.host, sandbox.imap_port, Security.TLS),
        smtp=ServerSettings(sandbox.host, sandbox.smtp_port, Security.TLS),
        trust_anchors=TrustAnchors.CA_FILE,
        ca_file=str(sandbox.ca_path),
    )


def add_sandbox_account(store: Store, sandbox: Sandbox, demo: DemoAccount) -> Account:
    """Save (or update: the sandbox's ports may change between runs) a demo account."""
    return save_account(store, sandbox_account(sandbox, demo))


def sandbox_demo(account: Account) -> DemoAccount | None:
    """The demo mailbox this account is, when it is one and both its servers are local."""
    demo = demo_account(account.address)
    if demo is not None and is_loopback(account.imap.host) and is_loopback(account.smtp.host):
        return demo
    return None


def account_auth(account: Account) -> Authenticator:
    """Demo password for a sandbox demo mailbox on loopback, else the keyring's password."""
    demo = sandbox_demo(account)
    if demo is not None:
        return PasswordAuth(account.login, demo.password)
    return PasswordAuth.from_keyring(account)
