"""Recipients' and signers' certificates: loading files, reading names, checking usage.

Everything here works on ``cryptography.x509.Certificate`` objects; a repository persists
them as DER bytes (``certificate.public_bytes(Encoding.DER)``) and reloads them with
``certificate_from_der``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import Encoding, pkcs7
from cryptography.utils import CryptographyDeprecationWarning
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from mssclient.security.smime.errors import CertificateImportError

#: Certificate files are small; anything bigger is not a certificate file.
MAX_CERTIFICATE_FILE_BYTES = 2 * 1024 * 1024

#: RSA moduli below this are refused for new encryption and signatures.
MIN_RSA_BITS = 2048

_PEM_CERT = re.compile(
    rb"-----BEGIN (?:X509 |TRUSTED )?CERTIFICATE-----[A-Za-z0-9+/=\s]{0,2000000}?"
    rb"-----END (?:X509 |TRUSTED )?CERTIFICATE-----"
)
_PEM_PKCS7 = b"-----BEGIN PKCS7-----"

_EMAIL_EKUS = frozenset(
    {ExtendedKeyUsageOID.EMAIL_PROTECTION, ExtendedKeyUsageOID.ANY_EXTENDED_KEY_USAGE}
)


@contextlib.contextmanager
def _tolerant() -> Iterator[None]:
    """Real-world certificates (some system roots among them) trip cryptography's
    deprecation warnings, e.g. for a non-positive serial number. They are still usable
    today; keep the behaviour the same whether warnings are errors (tests) or not."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CryptographyDeprecationWarning)
        yield


def load_der_certificate(der: bytes) -> x509.Certificate:
    """``x509.load_der_x509_certificate`` without deprecation noise (ValueError if bad)."""
    with _tolerant():
        return x509.load_der_x509_certificate(der)


def certificate_from_der(der: bytes) -> x509.Certificate:
    """Reload a certificate persisted as DER. Raises CertificateImportError if damaged."""
    try:
        return load_der_certificate(der)
    except ValueError as exc:
        raise CertificateImportError(f"not a DER certificate: {exc}") from None


def certificate_der(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(Encoding.DER)


def _parse_certificates(data: bytes) -> list[x509.Certificate]:
    if b"-----BEGIN" in data:
        found = [x509.load_pem_x509_certificate(m.group(0)) for m in _PEM_CERT.finditer(data)]
        if not found and _PEM_PKCS7 in data:
            found = pkcs7.load_pem_pkcs7_certificates(data)
        return found
    try:
        return [x509.load_der_x509_certificate(data)]
    except ValueError:
        return pkcs7.load_der_pkcs7_certificates(data)


def load_certificates(data: bytes) -> list[x509.Certificate]:
    """Every certificate in a .pem/.cer/.crt/.der/.p7b file (PEM or DER, one or several).

    Raises ``CertificateImportError`` (French message) when nothing usable is found.
    """
    if len(data) > MAX_CERTIFICATE_FILE_BYTES:
        raise CertificateImportError(f"certificate file too large ({len(data)} bytes)")
    if not data.strip():
        raise CertificateImportError("empty certificate file")
    certs: list[x509.Certificate] = []
    try:
        with _tolerant():
            # never strip DER: its last byte may well be a "whitespace" value
            certs.extend(_parse_certificates(data))
    except ValueError as exc:
        raise CertificateImportError(f"unreadable certificate data: {exc}") from None
    except Exception as exc:  # unsupported PKCS#7 variants and the like
        raise CertificateImportError(f"unreadable certificate data: {exc!r}") from None
    if not certs:
        raise CertificateImportError("no certificate found in the data")
    return certs


def load_certificate_file(path: Path) -> list[x509.Certificate]:
    """``load_certificates`` on a file, with the same French errors."""
    try:
        size = path.stat().st_size
        if size > MAX_CERTIFICATE_FILE_BYTES:
            raise CertificateImportError(f"certificate file too large ({size} bytes)")
        data = path.read_bytes()
    except OSError as exc:
        raise CertificateImportError(
            f"cannot read {path.name}: {exc.strerror}",
            user_message="Le fichier de certificat ne peut pas être lu.",
        ) from None
    return load_certificates(data)


def certificate_emails(cert: x509.Certificate) -> tuple[str, ...]:
    """Mail addresses the certificate is for (SAN rfc822Name, then subject emailAddress),
    lower-cased, without duplicates."""
    found: list[str] = []
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        found.extend(san.get_values_for_type(x509.RFC822Name))
    except x509.ExtensionNotFound:
        pass
    except ValueError:  # a malformed extension: ignore it, fall back to the subject
        pass
    for attribute in cert.subject.get_attributes_for_oid(NameOID.EMAIL_ADDRESS):
        if isinstance(attribute.value, str):
            found.append(attribute.value)
    result: list[str] = []
    for address in found:
        normalised = address.strip().lower()
        if normalised and normalised not in result:
            result.append(normalised)
    return tuple(result)


def certificate_display_name(cert: x509.Certificate) -> str:
    """A name to show: the subject's common name, else its first address, else the DN."""
    for attribute in cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME):
        if isinstance(attribute.value, str) and attribute.value.strip():
            return attribute.value.strip()
    emails = certificate_emails(cert)
    if emails:
        return emails[0]
    return cert.subject.rfc4514_string()


def fingerprint_sha256(cert: x509.Certificate) -> str:
    """Upper-case hex SHA-256 fingerprint (the stable key for a certificate)."""
    return cert.fingerprint(hashes.SHA256()).hex().upper()


def is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except (x509.ExtensionNotFound, ValueError):
        return False


def is_valid_at(cert: x509.Certificate, when: dt.datetime) -> bool:
    return cert.not_valid_before_utc <= when <= cert.not_valid_after_utc


def _key_usage(cert: x509.Certificate) -> x509.KeyUsage | None:
    try:
        return cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return None


def _eku_problem(cert: x509.Certificate) -> str | None:
    try:
        eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except x509.ExtensionNotFound:
        return None  # RFC 8550 4.4.4: no EKU extension means no restriction
    if _EMAIL_EKUS.isdisjoint(eku):
        return "extended key usage lacks emailProtection"
    return None


def signing_usage_problem(cert: x509.Certificate) -> str | None:
    """Why this certificate may not sign mail (English detail), or None if it may."""
    try:
        usage = _key_usage(cert)
        if usage is not None and not (usage.digital_signature or usage.content_commitment):
            return "key usage allows neither digitalSignature nor nonRepudiation"
        return _eku_problem(cert)
    except ValueError as exc:
        return f"unreadable extension: {exc}"


def encryption_usage_problem(cert: x509.Certificate) -> str | None:
    """Why mail may not be encrypted to this certificate (English detail), or None."""
    try:
        key = cert.public_key()
    except (ValueError, TypeError) as exc:
        return f"unreadable public key: {exc}"
    if not isinstance(key, rsa.RSAPublicKey):
        return "not an RSA key (only RSA key transport is supported)"
    if key.key_size < MIN_RSA_BITS:
        return f"RSA key too small ({key.key_size} bits)"
    try:
        usage = _key_usage(cert)
        if usage is not None and not usage.key_encipherment:
            return "key usage lacks keyEncipherment"
        return _eku_problem(cert)
    except ValueError as exc:
        return f"unreadable extension: {exc}"


@dataclass(frozen=True)
class CertificateInfo:
    """What the certificates view shows about one certificate."""

    display_name: str
    emails: tuple[str, ...]
    subject: str
    issuer: str
    serial_hex: str
    not_before: dt.datetime
    not_after: dt.datetime
    fingerprint_sha256: str
    can_sign: bool
    can_encrypt: bool
    is_ca: bool

    def is_expired(self, now: dt.datetime) -> bool:
        return now > self.not_after

    def expires_soon(self, now: dt.datetime, days: int = 30) -> bool:
        """True when still valid but expiring within ``days`` (the settings warning)."""
        return not self.is_expired(now) and self.not_after - now <= dt.timedelta(days=days)


def describe_certificate(cert: x509.Certificate) -> CertificateInfo:
    return CertificateInfo(
        display_name=certificate_display_name(cert),
        emails=certificate_emails(cert),
        subject=cert.subject.rfc4514_string(),
        issuer=cert.issuer.rfc4514_string(),
        serial_hex=format(cert.serial_number, "X"),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        fingerprint_sha256=fingerprint_sha256(cert),
        can_sign=signing_usage_problem(cert) is None,
        can_encrypt=encryption_usage_problem(cert) is None,
        is_ca=is_ca(cert),
    )
