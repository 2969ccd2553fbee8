"""The result of reading one possibly-protected message (what the reader banner shows)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cryptography import x509

from mssclient.security.smime.certificates import (
    certificate_display_name,
    certificate_emails,
    fingerprint_sha256,
)
from mssclient.security.smime.mime import merge_outer_headers
from mssclient.security.smime.status import Severity, SmimeStatus, status_message


@dataclass(frozen=True)
class SignerIdentity:
    """Who signed, as the signer's certificate says."""

    name: str
    emails: tuple[str, ...]
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()  # up to the trust anchor, when trusted
    signing_time: dt.datetime | None = None

    @classmethod
    def from_certificate(
        cls,
        cert: x509.Certificate,
        chain: tuple[x509.Certificate, ...] = (),
        signing_time: dt.datetime | None = None,
    ) -> SignerIdentity:
        return cls(
            name=certificate_display_name(cert),
            emails=certificate_emails(cert),
            certificate=cert,
            chain=chain,
            signing_time=signing_time,
        )

    @property
    def label(self) -> str:
        """ "Dr Marie Martin <marie.martin@...>" for the banner."""
        if self.emails and self.emails[0] != self.name.lower():
            return f"{self.name} <{self.emails[0]}>"
        return self.name


@dataclass(frozen=True)
class SignatureCheck:
    """One signature layer's verdict."""

    status: SmimeStatus
    signer: SignerIdentity | None = None
    detail: str = ""
    algorithm: str = ""
    #: Certificates worth remembering for this correspondent (signer's, and an encryption
    #: certificate for the same address), only filled when the signature is valid.
    collectable: tuple[x509.Certificate, ...] = ()


@dataclass(frozen=True)
class SmimeReadResult:
    """Everything the reader and the store need about one message.

    ``raw`` is always the untouched input, whatever happened. ``content`` is the innermost
    MIME entity (Content-* headers and body) once every layer that could be opened is
    opened, None when nothing could be (plain message, or decryption failed).
    """

    status: SmimeStatus
    raw: bytes
    content: bytes | None = None
    encrypted: bool = False
    decrypted: bool = False
    signed: bool = False
    signer: SignerIdentity | None = None
    sender: str | None = None
    layers: tuple[str, ...] = ()  # e.g. ("enveloped-data", "multipart/signed")
    algorithm: str = ""  # content encryption used, or the unsupported algorithm met
    detail: str = ""  # English, for logs
    signatures: tuple[SignatureCheck, ...] = field(default=())
    size_limit: int = 0

    @property
    def severity(self) -> Severity:
        return self.status.severity

    @property
    def user_message(self) -> str:
        """The French banner text."""
        limit = _human_size(self.size_limit) if self.size_limit else ""
        text = status_message(
            self.status,
            signer=self.signer.label if self.signer else "",
            sender=self.sender or "",
            algorithm=self.algorithm,
            limit=limit,
        )
        if self.decrypted and self.status is not SmimeStatus.DECRYPTED_UNSIGNED:
            text += " Le message était chiffré de bout en bout."
        return text

    @property
    def collectable_certificates(self) -> tuple[x509.Certificate, ...]:
        """Certificates to add to the correspondent's known certificates (valid signatures
        only: an untrusted or altered message teaches nothing)."""
        if self.status is not SmimeStatus.SIGNED_VALID:
            return ()
        found: dict[str, x509.Certificate] = {}
        for check in self.signatures:
            for cert in check.collectable:
                found.setdefault(fingerprint_sha256(cert), cert)
        return tuple(found.values())

    def readable_message(self) -> bytes:
        """The message to display and index: the outer headers (From, To, Subject...)
        around the innermost content; the raw message when nothing could be opened."""
        if self.content is None:
            return self.raw
        return merge_outer_headers(self.raw, self.content)


def _human_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.0f} Mo"
    return f"{max(1, round(size / 1024))} Ko"
