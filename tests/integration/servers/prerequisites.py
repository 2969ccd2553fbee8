"""What the real-server fixtures need from the system, and the Debian package for each."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

#: Binary (or file) -> Debian package that provides it. Keep in step with
#: scripts/debian-test-packages.txt, which the test script installs.
REQUIRED = {
    "dovecot": "dovecot-imapd",
    "doveadm": "dovecot-core",
    "/usr/lib/dovecot/imap": "dovecot-imapd",
    "/usr/lib/dovecot/lmtp": "dovecot-lmtpd",
    "/usr/lib/dovecot/modules/auth/libdriver_sqlite.so": "dovecot-sqlite",
    "postfix": "postfix",
    "/usr/lib/postfix/postfix-sqlite.so": "postfix-sqlite",
}


def missing_prerequisites() -> list[str]:
    """French-free, developer-facing reasons: what is missing and which package has it."""
    reasons: list[str] = []
    if os.geteuid() != 0:
        reasons.append("Dovecot/Postfix test instances need root (CI runs as root)")
    for name, package in REQUIRED.items():
        found = Path(name).exists() if name.startswith("/") else shutil.which(name)
        if not found:
            reasons.append(f"{name} missing (Debian package {package})")
    return reasons
