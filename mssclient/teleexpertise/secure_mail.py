"""Signed and encrypted teleexpertise mail, as the inbox scanner reads it. Qt-free.

The sync opens S/MIME mail (``transport.smime_receive``): the original bytes stay in
``mail_raw``, the verdict and the readable form go to ``mail_smime``. The scanner reads
``MailRepository.readable`` for such a mail. One that could not be decrypted (no matching
key) is opened again here once the user's keys have changed since the last attempt, as
the mail area does when such a mail is shown; what it then finds is stored the same way.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from mssclient.mailstore import MailRepository, SmimeRecord
from mssclient.security.smime import SmimeStatus, is_smime
from mssclient.security.smime.repository import CertificateRepository
from mssclient.store import Store
from mssclient.teleexpertise.protection import MailProtection
from mssclient.transport.accounts import load_account
from mssclient.transport.smime_receive import load_keys, open_message

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OpenedMail:
    """What to parse (the readable form, or the raw bytes of a plain mail) and the
    verdict (None for a plain mail)."""

    raw: bytes
    protection: MailProtection | None


def keys_version(store: Store) -> str:
    """Changes whenever the user's S/MIME identities (private keys) change; "" when none."""
    rows = store.query("SELECT fingerprint FROM smime_identities ORDER BY fingerprint")
    if not rows:
        return ""
    joined = "\n".join(str(r[0]) for r in rows).encode()
    return "keys:" + hashlib.sha256(joined).hexdigest()[:16]


def stored_status(store: Store, mail_id: int) -> SmimeStatus | None:
    """The verdict stored for a mail (None when it has none)."""
    record = MailRepository(store).smime_record(mail_id)
    return MailProtection.of(record.status).status if record is not None else None


class SecureMail:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.mail = MailRepository(store)

    def open(self, mail_id: int, account_id: int, *, retry: bool = False) -> OpenedMail | None:
        """The mail to read; with ``retry``, one not decrypted yet is tried again with the
        keys there are now. None when its bytes are gone."""
        raw = self.mail.raw(mail_id)
        if raw is None:
            return None
        record = self.mail.smime_record(mail_id)
        if record is None and not is_smime(raw):
            return OpenedMail(raw, None)
        undecrypted = record is not None and record.status == SmimeStatus.DECRYPT_NO_KEY.value
        if record is None or (retry and undecrypted):
            # Stored before S/MIME was read at sync, or a key was imported since.
            record = self._reopen(mail_id, account_id, raw, record)
        protection = MailProtection.of(record.status, record.signer, record.encrypted)
        readable = self.mail.readable(mail_id) if protection.readable else raw
        return OpenedMail(readable or raw, protection)

    def _reopen(
        self, mail_id: int, account_id: int, raw: bytes, before: SmimeRecord | None
    ) -> SmimeRecord:
        keys = load_keys(self.store, load_account(self.store, account_id))
        record, fields, collectable = open_message(raw, keys)
        if before is not None and record.status == before.status:
            return before  # nothing new: keep the sync's verdict as it is
        self.mail.save_smime(mail_id, record, fields)
        if collectable:
            try:
                CertificateRepository(self.store).collect(collectable)
            except Exception:  # keeping a certificate must never cost the mail
                log.exception("correspondent certificate not kept")
        return record


def protections(store: Store, message_ids: Iterable[str]) -> dict[str, MailProtection]:
    """The verdict of each mail of the mail store with one of these Message-IDs (bare, no
    angle brackets, as keys); a mail there with no S/MIME record was neither signed nor
    encrypted. Mails not (or no longer) in the mail store are left out."""
    found: dict[str, MailProtection] = {}
    for message_id in {m.strip().strip("<>").strip() for m in message_ids if m.strip()}:
        rows = store.query(
            "SELECT s.status, s.signer, s.encrypted FROM mail_messages m "
            "LEFT JOIN mail_smime s ON s.message_id = m.id "
            "WHERE m.message_id IN (?, ?) ORDER BY s.status IS NULL, m.id LIMIT 1",
            (message_id, f"<{message_id}>"),
        )
        if rows:
            status, signer, encrypted = rows[0]
            found[message_id] = MailProtection.of(
                str(status or SmimeStatus.NOT_SMIME.value), str(signer or ""), bool(encrypted)
            )
    return found
