"""From a Draft (or a read-receipt request) to a queued outbox item. Qt-free.

Building the MIME bytes is pure work (``build_wire``, fine on a pool thread); queueing
writes the store (``queue_wire``, on the thread that owns the store).
"""

from __future__ import annotations

from dataclasses import dataclass

from mssclient.mail import Address, Draft, build_mdn, build_message, message_bytes
from mssclient.mail.compose import envelope_recipients
from mssclient.store import Store
from mssclient.transport.accounts import Account
from mssclient.transport.outbox import Outbox


@dataclass(frozen=True)
class Wire:
    raw: bytes
    envelope_from: str
    recipients: list[str]
    request_dsn: bool


def build_wire(draft: Draft) -> Wire:
    """Raises ``MailError`` (French ``user_message``) for an invalid draft."""
    message = build_message(draft)
    return Wire(
        message_bytes(message),
        draft.identity.addr,
        envelope_recipients(draft),
        draft.request_dsn,
    )


def build_receipt_wire(original_raw: bytes, account: Account, target: str) -> Wire:
    identity = Address(account.display_name, account.address)
    report = build_mdn(original_raw, identity, account.product_nil)
    return Wire(message_bytes(report), account.address, [target], False)


def queue_wire(store: Store, account_id: int, wire: Wire) -> int:
    return Outbox(store).enqueue(
        account_id, wire.raw, wire.envelope_from, wire.recipients, request_dsn=wire.request_dsn
    )
