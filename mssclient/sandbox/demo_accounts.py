"""Demo mailboxes of the sandbox operator: fictional people, public demo passwords.

The passwords below are not secrets: they are printed by ``mssclient sandbox serve`` and
only open mailboxes on a loopback server that holds fictional data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class MailboxKind(StrEnum):
    PERSONAL = "personnelle"
    ORGANISATIONAL = "organisationnelle"


@dataclass(frozen=True)
class DemoAccount:
    address: str
    password: str
    display_name: str
    #: What the person does, in French, for menus such as a role switch.
    role: str
    kind: MailboxKind = MailboxKind.PERSONAL
    #: Addresses of people who may also open (and send from) this organisational mailbox.
    members: tuple[str, ...] = field(default=())

    @property
    def login(self) -> str:
        """The IMAP/SMTP login is the full address, as at MSSanté operators."""
        return self.address


NURSE = DemoAccount(
    address="claire.martin@infirmiers.sandbox.mssante.fr",
    password="demo-infirmiere",  # noqa: S106 - public demo password
    display_name="Claire Martin",
    role="Infirmière libérale",
)
GP = DemoAccount(
    address="dr.paul.bernard@medecins.sandbox.mssante.fr",
    password="demo-generaliste",  # noqa: S106 - public demo password
    display_name="Dr Paul Bernard",
    role="Médecin généraliste",
)
DERMATOLOGIST = DemoAccount(
    address="dr.sophie.leroy@ch-exemple.sandbox.mssante.fr",
    password="demo-dermatologue",  # noqa: S106 - public demo password
    display_name="Dr Sophie Leroy",
    role="Dermatologue, Centre hospitalier d'Exemple",
)
DERMATOLOGY = DemoAccount(
    address="dermatologie@ch-exemple.sandbox.mssante.fr",
    password="demo-dermatologie",  # noqa: S106 - public demo password
    display_name="Service de dermatologie - CH d'Exemple",
    role="Boîte organisationnelle du service de dermatologie",
    kind=MailboxKind.ORGANISATIONAL,
    members=(DERMATOLOGIST.address,),
)

DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (NURSE, GP, DERMATOLOGIST, DERMATOLOGY)

#: Folders every sandbox mailbox has, with the RFC 6154 role each plays.
SPECIAL_FOLDERS: dict[str, str] = {
    "Sent": "\\Sent",
    "Drafts": "\\Drafts",
    "Trash": "\\Trash",
    "Archive": "\\Archive",
}


def demo_account(address: str) -> DemoAccount | None:
    wanted = address.strip().lower()
    for account in DEMO_ACCOUNTS:
        if account.address == wanted:
            return account
    return None
