"""Trust anchors and chain building for signers' certificates.

Chains are built by ``cryptography.x509.verification`` with the web-PKI CA rules, except
that a CA may restrict itself to e-mail protection (IGC-Santé style). The end-entity's own
extensions (key usage, e-mail EKU, address) are checked by the caller, which turns each
problem into its own reader status.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import ssl
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID
from cryptography.x509.verification import (
    Criticality,
    ExtensionPolicy,
    Policy,
    PolicyBuilder,
    Store,
    VerificationError,
)

from mssclient.security.smime.certificates import load_certificate_file, load_certificates

_CA_EKUS = frozenset(
    {ExtendedKeyUsageOID.EMAIL_PROTECTION, ExtendedKeyUsageOID.ANY_EXTENDED_KEY_USAGE}
)


@dataclass(frozen=True)
class TrustSettings:
    """The anchors an account trusts for S/MIME signatures, plus known intermediates.

    Build it from the shipped IGC-Santé roots, ``load_system_anchors()``, a custom CA file
    (``load_anchor_file``), or any mix.
    """

    anchors: tuple[x509.Certificate, ...] = ()
    intermediates: tuple[x509.Certificate, ...] = ()
    max_chain_depth: int = 6

    def with_anchors(self, extra: Iterable[x509.Certificate]) -> TrustSettings:
        return TrustSettings(
            anchors=(*self.anchors, *extra),
            intermediates=self.intermediates,
            max_chain_depth=self.max_chain_depth,
        )


def load_anchor_file(path: Path) -> list[x509.Certificate]:
    """CA certificates from a PEM bundle or a DER file (``CertificateImportError`` if none)."""
    return load_certificate_file(path)


def load_system_anchors() -> list[x509.Certificate]:
    """The operating system's CA bundle as found by OpenSSL (empty when there is none)."""
    paths = ssl.get_default_verify_paths()
    candidates = [p for p in (paths.cafile, paths.openssl_cafile) if p]
    for candidate in candidates:
        path = Path(candidate)
        if path.is_file():
            return _lenient_pem_bundle(path.read_bytes())
    return []


def _lenient_pem_bundle(data: bytes) -> list[x509.Certificate]:
    """Each certificate of a bundle on its own, skipping any the parser rejects."""
    found: list[x509.Certificate] = []
    marker = b"-----END CERTIFICATE-----"
    for chunk in data.split(marker):
        start = chunk.find(b"-----BEGIN CERTIFICATE-----")
        if start < 0:
            continue
        with contextlib.suppress(Exception):  # one odd certificate must not break the rest
            found.extend(load_certificates(chunk[start:] + marker))
    return found


@dataclass(frozen=True)
class ChainResult:
    """Outcome of building a chain from a leaf to a configured anchor."""

    trusted: bool
    chain: tuple[x509.Certificate, ...] = ()
    detail: str = ""
    checked_at: dt.datetime | None = None


def _ca_eku_check(
    policy: Policy, cert: x509.Certificate, eku: x509.ExtendedKeyUsage | None
) -> None:
    if eku is not None and _CA_EKUS.isdisjoint(eku):
        raise ValueError("CA extended key usage excludes e-mail protection")


def _verifier_builder(settings: TrustSettings, at: dt.datetime) -> PolicyBuilder:
    ca_policy = ExtensionPolicy.webpki_defaults_ca().may_be_present(
        x509.ExtendedKeyUsage, Criticality.AGNOSTIC, _ca_eku_check
    )
    return (
        PolicyBuilder()
        .store(Store(list(settings.anchors)))
        .time(at)
        .max_chain_depth(settings.max_chain_depth)
        .extension_policies(ca_policy=ca_policy, ee_policy=ExtensionPolicy.permit_all())
    )


def build_chain(
    leaf: x509.Certificate,
    intermediates: Iterable[x509.Certificate],
    settings: TrustSettings,
    at: dt.datetime,
) -> ChainResult:
    """Try to chain ``leaf`` to one of ``settings.anchors`` as of ``at``. Never raises."""
    if not settings.anchors:
        return ChainResult(trusted=False, detail="no trust anchor configured", checked_at=at)
    pool = [*intermediates, *settings.intermediates]
    try:
        verifier = _verifier_builder(settings, at).build_client_verifier()
        verified = verifier.verify(leaf, pool)
    except VerificationError as exc:
        return ChainResult(trusted=False, detail=str(exc), checked_at=at)
    except Exception as exc:  # odd certificates can upset the builder in other ways
        return ChainResult(trusted=False, detail=f"chain building failed: {exc!r}", checked_at=at)
    return ChainResult(trusted=True, chain=tuple(verified.chain), checked_at=at)
