"""S/MIME identities and correspondents' certificates, kept in the encrypted store.

Private keys never leave the store in clear: the only way out is
``identity.export_pkcs12`` with a new passphrase. ``certificates_for`` has the shape of
the ``lookup`` callable that ``policy.plan_protection`` takes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from cryptography import x509

from mssclient.security.smime.certificates import (
    certificate_der,
    certificate_display_name,
    certificate_emails,
    certificate_from_der,
    fingerprint_sha256,
)
from mssclient.security.smime.identity import Identity, StoredIdentity
from mssclient.store import Store

_DER_LENGTH = 4  # bytes of the big-endian length prefix in chain_der


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _pack(ders: Iterable[bytes]) -> bytes:
    return b"".join(len(der).to_bytes(_DER_LENGTH, "big") + der for der in ders)


def _unpack(blob: bytes) -> tuple[bytes, ...]:
    items: list[bytes] = []
    offset = 0
    while offset < len(blob):
        size = int.from_bytes(blob[offset : offset + _DER_LENGTH], "big")
        offset += _DER_LENGTH
        items.append(blob[offset : offset + size])
        offset += size
    return tuple(items)


@dataclass(frozen=True)
class CertificateEntry:
    """A row of the certificates view: own identity or correspondent."""

    fingerprint: str
    display_name: str
    emails: tuple[str, ...]
    not_after: dt.datetime
    source: str  # "identity", "imported" or "collected"

    def expires_within(self, now: dt.datetime, days: int = 30) -> bool:
        return now <= self.not_after <= now + dt.timedelta(days=days)


class CertificateRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    # -- own identities --------------------------------------------------------------------
    def add_identity(self, identity: Identity, actor: str = "utilisateur") -> str:
        stored = identity.to_stored()
        cert = identity.certificate
        emails = certificate_emails(cert)
        with self._store.transaction():
            self._store.execute(
                "INSERT INTO smime_identities(fingerprint, email, display_name, not_after, "
                "certificate_der, private_key_der, chain_der, imported_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(fingerprint) DO NOTHING",
                (
                    identity.fingerprint,
                    emails[0] if emails else "",
                    certificate_display_name(cert),
                    cert.not_valid_after_utc.isoformat(),
                    stored.certificate_der,
                    stored.private_key_pkcs8_der,
                    _pack(stored.chain_der),
                    _now(),
                ),
            )
            self._store.audit.append(actor, "smime.identity.import", identity.fingerprint)
        return identity.fingerprint

    def identities(self) -> list[Identity]:
        rows = self._store.query(
            "SELECT certificate_der, private_key_der, chain_der FROM smime_identities "
            "ORDER BY not_after DESC"
        )
        return [
            Identity.from_stored(StoredIdentity(row[0], row[1], _unpack(row[2]))) for row in rows
        ]

    def identities_for(self, address: str) -> list[Identity]:
        wanted = address.strip().lower()
        return [i for i in self.identities() if wanted in i.emails]

    def remove_identity(self, fingerprint: str, actor: str = "utilisateur") -> None:
        with self._store.transaction():
            self._store.execute(
                "DELETE FROM smime_identities WHERE fingerprint = ?", (fingerprint,)
            )
            self._store.audit.append(actor, "smime.identity.remove", fingerprint)

    # -- correspondents ----------------------------------------------------------------------
    def add_certificate(self, cert: x509.Certificate, source: str = "imported") -> bool:
        """Keep a correspondent's certificate; True when it was not known yet."""
        fingerprint = fingerprint_sha256(cert)
        now = _now()
        with self._store.transaction():
            known = self._store.scalar(
                "SELECT id FROM smime_certificates WHERE fingerprint = ?", (fingerprint,)
            )
            if known is not None:
                self._store.execute(
                    "UPDATE smime_certificates SET last_seen = ? WHERE id = ?", (now, known)
                )
                return False
            cursor = self._store.execute(
                "INSERT INTO smime_certificates(fingerprint, display_name, not_after, "
                "certificate_der, source, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    fingerprint,
                    certificate_display_name(cert),
                    cert.not_valid_after_utc.isoformat(),
                    certificate_der(cert),
                    source,
                    now,
                    now,
                ),
            )
            self._store.executemany(
                "INSERT OR IGNORE INTO smime_certificate_emails(certificate_id, email) "
                "VALUES (?, ?)",
                [(cursor.lastrowid, email) for email in certificate_emails(cert)],
            )
        return True

    def remove_certificate(self, fingerprint: str, actor: str = "utilisateur") -> None:
        """Forget a correspondent's certificate (mail to them is no longer encrypted)."""
        with self._store.transaction():
            self._store.execute(
                "DELETE FROM smime_certificates WHERE fingerprint = ?", (fingerprint,)
            )
            self._store.audit.append(actor, "smime.certificate.remove", fingerprint)

    def collect(self, certificates: Iterable[x509.Certificate]) -> int:
        """Keep the certificates of a verified signature; returns how many were new."""
        return sum(self.add_certificate(cert, "collected") for cert in certificates)

    def certificates_for(self, address: str) -> list[x509.Certificate]:
        rows = self._store.query(
            "SELECT c.certificate_der FROM smime_certificates c "
            "JOIN smime_certificate_emails e ON e.certificate_id = c.id "
            "WHERE e.email = ? ORDER BY c.not_after DESC",
            (address.strip().lower(),),
        )
        return [certificate_from_der(row[0]) for row in rows]

    def all_certificates(self) -> list[x509.Certificate]:
        rows = self._store.query("SELECT certificate_der FROM smime_certificates")
        return [certificate_from_der(row[0]) for row in rows]

    # -- the certificates view ---------------------------------------------------------------
    def entries(self) -> list[CertificateEntry]:
        entries = [
            CertificateEntry(
                i.fingerprint,
                certificate_display_name(i.certificate),
                i.emails,
                i.certificate.not_valid_after_utc,
                "identity",
            )
            for i in self.identities()
        ]
        rows = self._store.query(
            "SELECT fingerprint, display_name, not_after, source, "
            "(SELECT group_concat(email, ' ') FROM smime_certificate_emails "
            " WHERE certificate_id = c.id) FROM smime_certificates c ORDER BY display_name"
        )
        entries += [
            CertificateEntry(
                row[0],
                row[1],
                tuple((row[4] or "").split()),
                dt.datetime.fromisoformat(row[2]),
                row[3],
            )
            for row in rows
        ]
        return entries

    def expiring(self, now: dt.datetime, days: int = 30) -> list[CertificateEntry]:
        """Certificates that end within ``days`` (the settings view warns 30 days ahead)."""
        return [entry for entry in self.entries() if entry.expires_within(now, days)]
