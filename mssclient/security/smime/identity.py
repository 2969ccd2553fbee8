"""The user's own S/MIME identity: certificate, private key and chain.

Import from PKCS#12 (``import_pkcs12``), persist as plain bytes inside the encrypted store
(``Identity.to_stored`` / ``Identity.from_stored``: DER certificates, PKCS#8 DER key), and
export only under a new passphrase (``export_pkcs12``). Nothing here writes to disk.
"""

from __future__ import annotations

from dataclasses import dataclass

from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    load_der_private_key,
    pkcs12,
)

from mssclient.security.smime.certificates import (
    MIN_RSA_BITS,
    certificate_der,
    certificate_emails,
    certificate_from_der,
    encryption_usage_problem,
    fingerprint_sha256,
    signing_usage_problem,
)
from mssclient.security.smime.errors import (
    CertificateImportError,
    ExportPassphraseRequiredError,
    IncompleteIdentityError,
    UnsupportedKeyError,
    WrongPkcs12PassphraseError,
)

MAX_PKCS12_BYTES = 1024 * 1024

#: PBKDF2 rounds for exported PKCS#12 files.
EXPORT_KDF_ROUNDS = 200_000


@dataclass(frozen=True)
class StoredIdentity:
    """An identity as plain bytes, for the encrypted store (never for a clear file)."""

    certificate_der: bytes
    private_key_pkcs8_der: bytes
    chain_der: tuple[bytes, ...] = ()


@dataclass(frozen=True)
class Identity:
    """One certificate with its private key (RSA) and the CA certificates that came with it."""

    certificate: x509.Certificate
    private_key: rsa.RSAPrivateKey
    chain: tuple[x509.Certificate, ...] = ()

    @property
    def emails(self) -> tuple[str, ...]:
        return certificate_emails(self.certificate)

    @property
    def fingerprint(self) -> str:
        return fingerprint_sha256(self.certificate)

    @property
    def can_sign(self) -> bool:
        return signing_usage_problem(self.certificate) is None

    @property
    def can_decrypt(self) -> bool:
        return encryption_usage_problem(self.certificate) is None

    def to_stored(self) -> StoredIdentity:
        return StoredIdentity(
            certificate_der=certificate_der(self.certificate),
            private_key_pkcs8_der=self.private_key.private_bytes(
                Encoding.DER, PrivateFormat.PKCS8, NoEncryption()
            ),
            chain_der=tuple(certificate_der(cert) for cert in self.chain),
        )

    @classmethod
    def from_stored(cls, stored: StoredIdentity) -> Identity:
        try:
            key = load_der_private_key(stored.private_key_pkcs8_der, password=None)
        except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
            raise CertificateImportError(f"stored private key unreadable: {exc}") from None
        certificate = certificate_from_der(stored.certificate_der)
        chain = tuple(certificate_from_der(der) for der in stored.chain_der)
        return _checked_identity(certificate, key, chain)

    def __repr__(self) -> str:  # never show key material, even by accident in a log
        return f"Identity({self.certificate.subject.rfc4514_string()!r}, {self.fingerprint[:16]})"


def _checked_identity(
    certificate: x509.Certificate, key: object, chain: tuple[x509.Certificate, ...]
) -> Identity:
    if not isinstance(key, rsa.RSAPrivateKey):
        raise UnsupportedKeyError(f"private key type {type(key).__name__} is not RSA")
    if key.key_size < MIN_RSA_BITS:
        raise UnsupportedKeyError(f"RSA key of {key.key_size} bits")
    public = certificate.public_key()
    if not isinstance(public, rsa.RSAPublicKey) or public.public_numbers() != (
        key.public_key().public_numbers()
    ):
        raise IncompleteIdentityError("the certificate does not match the private key")
    return Identity(certificate=certificate, private_key=key, chain=chain)


def _looks_like_pkcs12(data: bytes) -> bool:
    try:
        pfx = asn1_pkcs12.Pfx.load(data)
        _ = pfx["version"].native
        return pfx["auth_safe"]["content_type"].native in ("data", "signed_data")
    except Exception:  # asn1crypto raises a variety of errors on garbage
        return False


def import_pkcs12(data: bytes, passphrase: str) -> Identity:
    """Read a .p12/.pfx identity. French errors: wrong passphrase, not a PKCS#12 file,
    no key or no matching certificate, unsupported key type."""
    if len(data) > MAX_PKCS12_BYTES:
        raise CertificateImportError(f"PKCS#12 file too large ({len(data)} bytes)")
    if not _looks_like_pkcs12(data):
        raise CertificateImportError(
            "not a PKCS#12 structure",
            user_message=(
                "Ce fichier n'est pas un fichier d'identité .p12 / .pfx lisible "
                "(fichier endommagé ou d'un autre type)."
            ),
        )
    candidates: list[bytes | None] = [passphrase.encode("utf-8")]
    if passphrase == "":
        candidates.append(None)
    loaded = None
    for candidate in candidates:
        try:
            loaded = pkcs12.load_pkcs12(data, candidate)
            break
        except UnsupportedAlgorithm as exc:
            raise CertificateImportError(
                f"PKCS#12 uses an unsupported algorithm: {exc}",
                user_message=(
                    "Ce fichier .p12 / .pfx est protégé par un algorithme trop ancien ou non "
                    "pris en charge. Réexportez-le avec un chiffrement AES."
                ),
            ) from None
        except (ValueError, TypeError):
            continue
    if loaded is None:
        raise WrongPkcs12PassphraseError("PKCS#12 MAC or decryption failed")
    if loaded.key is None or loaded.cert is None:
        raise IncompleteIdentityError("PKCS#12 has no private key or no certificate")
    chain = tuple(extra.certificate for extra in loaded.additional_certs)
    return _checked_identity(loaded.cert.certificate, loaded.key, chain)


def export_pkcs12(identity: Identity, passphrase: str, friendly_name: str = "") -> bytes:
    """A .p12 of the identity, encrypted with a new passphrase (AES-256, PBKDF2-SHA256)."""
    if not passphrase:
        raise ExportPassphraseRequiredError("refusing to export a private key without passphrase")
    encryption = (
        PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(EXPORT_KDF_ROUNDS)
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .hmac_hash(hashes.SHA256())
        .build(passphrase.encode("utf-8"))
    )
    name = (friendly_name or (identity.emails[0] if identity.emails else "mssclient")).encode()
    return pkcs12.serialize_key_and_certificates(
        name, identity.private_key, identity.certificate, list(identity.chain), encryption
    )
