"""The embedded sandbox operator: real IMAP (pymap), SMTP submission (aiosmtpd) and HTTPS
(the demo hospital directory) servers on loopback, with demo mailboxes and conversations.

Qt-free. ``Sandbox`` for in-process use (the app, tests), ``serve`` for
``mssclient sandbox serve``.
"""

from mssclient.sandbox.demo_accounts import (
    DEMO_ACCOUNTS,
    DERMATOLOGIST,
    DERMATOLOGY,
    GP,
    NURSE,
    DemoAccount,
    MailboxKind,
)
from mssclient.sandbox.sandbox import (
    DEFAULT_HTTPS_PORT,
    DEFAULT_IMAP_PORT,
    DEFAULT_IMAP_STARTTLS_PORT,
    DEFAULT_SMTP_PORT,
    DEFAULT_SMTP_STARTTLS_PORT,
    Sandbox,
    SandboxError,
    default_ca_path,
    default_data_dir,
    sandbox_listening,
)
from mssclient.sandbox.serve import serve

__all__ = [
    "DEFAULT_HTTPS_PORT",
    "DEFAULT_IMAP_PORT",
    "DEFAULT_IMAP_STARTTLS_PORT",
    "DEFAULT_SMTP_PORT",
    "DEFAULT_SMTP_STARTTLS_PORT",
    "DEMO_ACCOUNTS",
    "DERMATOLOGIST",
    "DERMATOLOGY",
    "GP",
    "NURSE",
    "DemoAccount",
    "MailboxKind",
    "Sandbox",
    "SandboxError",
    "default_ca_path",
    "default_data_dir",
    "sandbox_listening",
    "serve",
]
