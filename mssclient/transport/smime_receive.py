"""S/MIME on the way in: decrypt and verify fetched messages before they are stored. Qt-free.

The sync engine hands every fetched batch to ``SmimeOpener.apply``. Plain messages pass
through untouched (one cheap header test each). A signed or encrypted one is opened with
the user's identities and the account's trust anchors; what was found is attached as a
``SmimeRecord`` (status for the reader banner, readable form), and the fields that lists
and search use are re-parsed from the readable form, so decrypted text is indexed. The raw
bytes are always stored as received. Certificates of correspondents whose signature
verified are kept for encrypting to them later.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from cryptography import x509

from mssclient.mailstore.models import MessageFields, NewMessage, SmimeRecord
from mssclient.security.smime import (
    Identity,
    SmimeReadResult,
    TrustSettings,
    fingerprint_sha256,
    is_smime,
    read_message,
)
from mssclient.security.smime.repository import CertificateRepository
from mssclient.store import Store
from mssclient.transport.accounts import Account, load_account
from mssclient.transport.parsing import DEFAULT_PARSER, parse_batch
from mssclient.transport.smime_context import account_trust

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OpeningKeys:
    """What reading needs, loaded once per batch from the store."""

    identities: tuple[Identity, ...]
    trust: TrustSettings
    known: tuple[x509.Certificate, ...]


def load_keys(store: Store, account: Account | None) -> OpeningKeys:
    repository = CertificateRepository(store)
    trust = account_trust(account) if account is not None else TrustSettings()
    return OpeningKeys(
        identities=tuple(repository.identities()),
        trust=trust,
        known=tuple(repository.all_certificates()),
    )


def record_of(result: SmimeReadResult) -> SmimeRecord:
    readable = result.readable_message() if result.content is not None else None
    return SmimeRecord(
        status=result.status.value,
        signer=result.signer.label if result.signer else "",
        signer_fingerprint=fingerprint_sha256(result.signer.certificate) if result.signer else "",
        encrypted=result.encrypted,
        algorithm=result.algorithm,
        detail=result.detail,
        readable=readable,
    )


def open_message(
    raw: bytes, keys: OpeningKeys, parser_path: str = DEFAULT_PARSER
) -> tuple[SmimeRecord, MessageFields | None, tuple[x509.Certificate, ...]]:
    """(record, fields parsed from the readable form or None, certificates to collect)."""
    result = read_message(
        raw, identities=keys.identities, trust=keys.trust, known_certificates=keys.known
    )
    record = record_of(result)
    fields = None
    if record.readable is not None:
        fields = parse_batch([record.readable], parser_path)[0]
    return record, fields, result.collectable_certificates


class SmimeOpener:
    """Opens the S/MIME messages of one account's batches, on the store's thread."""

    def __init__(self, store: Store, account_id: int, parser_path: str = DEFAULT_PARSER) -> None:
        self.store = store
        self.account_id = account_id
        self.parser_path = parser_path

    def apply(self, messages: Sequence[NewMessage]) -> list[NewMessage]:
        keys: OpeningKeys | None = None
        opened: list[NewMessage] = []
        for message in messages:
            if not is_smime(message.raw):
                opened.append(message)
                continue
            if keys is None:
                keys = load_keys(self.store, load_account(self.store, self.account_id))
            opened.append(self._open(message, keys))
        return opened

    def _open(self, message: NewMessage, keys: OpeningKeys) -> NewMessage:
        record, fields, collectable = open_message(message.raw, keys, self.parser_path)
        if collectable:
            try:
                CertificateRepository(self.store).collect(collectable)
            except Exception:  # keeping a certificate must never cost the message
                log.exception("correspondent certificate not kept")
        merged = message.fields
        if fields is not None:
            merged = dataclasses.replace(fields, smime=message.fields.smime)
        return dataclasses.replace(message, fields=merged, smime=record)
