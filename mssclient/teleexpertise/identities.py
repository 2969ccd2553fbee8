"""The professional identity (name, profession, RPPS/ADELI) behind each personal mailbox.

A request carries its requester's identity, an answer its expert's; both are typed once
and remembered per personal mailbox (table ``te_identities``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from mssclient.teleexpertise.model import Practitioner, Profession

if TYPE_CHECKING:
    from mssclient.store import Store


def _key(address: str) -> str:
    return address.strip().lower()


def save_identity(store: Store, practitioner: Practitioner) -> None:
    """Remember ``practitioner`` for its mailbox (replacing what was there)."""
    if not practitioner.mailbox.strip():
        raise ValueError("an identity needs its mailbox")
    store.execute(
        "INSERT INTO te_identities(address, display_name, profession, rpps, adeli, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(address) DO UPDATE SET "
        "display_name = excluded.display_name, profession = excluded.profession, "
        "rpps = excluded.rpps, adeli = excluded.adeli, updated_at = excluded.updated_at",
        (
            _key(practitioner.mailbox),
            practitioner.display_name.strip(),
            practitioner.profession.value,
            practitioner.rpps.strip(),
            practitioner.adeli.strip(),
            datetime.now(UTC).isoformat(timespec="seconds"),
        ),
    )


def load_identity(store: Store, address: str) -> Practitioner | None:
    rows = store.query(
        "SELECT display_name, profession, rpps, adeli, address FROM te_identities "
        "WHERE address = ?",
        (_key(address),),
    )
    if not rows:
        return None
    name, profession, rpps, adeli, mailbox = rows[0]
    try:
        kind = Profession(profession)
    except ValueError:
        kind = Profession.OTHER
    return Practitioner(name, kind, rpps, adeli, mailbox)


def identity_or_blank(store: Store, address: str, display_name: str = "") -> Practitioner:
    """The stored identity, or one with only the name and mailbox known (to complete)."""
    return load_identity(store, address) or Practitioner(display_name, mailbox=_key(address))
