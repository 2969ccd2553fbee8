"""The sandbox's private certificate authority and its server certificate.

Generated on first use with ``cryptography`` and kept under the sandbox data directory, so
that a client configured once (trusting ``ca.pem``) keeps working across restarts. Private
keys are written 0600. The server certificate is renewed when it nears expiry or does not
cover the names asked for; the CA itself is kept as long as it is valid.
"""

from __future__ import annotations

import contextlib
import datetime
import ipaddress
import os
import ssl
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CA_VALIDITY = datetime.timedelta(days=3650)
SERVER_VALIDITY = datetime.timedelta(days=365)
#: A server certificate closer than this to its end is replaced at start.
RENEW_BEFORE = datetime.timedelta(days=30)

DEFAULT_DNS_NAMES = ("localhost",)
DEFAULT_IP_ADDRESSES = ("127.0.0.1",)


@dataclass(frozen=True)
class CertificatePaths:
    """Where the CA certificate (to trust) and the server's certificate and key live."""

    ca_path: Path
    cert_path: Path
    key_path: Path


def ensure_certificates(
    directory: Path,
    *,
    dns_names: Sequence[str] = DEFAULT_DNS_NAMES,
    ip_addresses: Sequence[str] = DEFAULT_IP_ADDRESSES,
    organisation: str = "MSSClient bac à sable",
) -> CertificatePaths:
    """Create (or reuse) a CA and a server certificate for ``dns_names``/``ip_addresses``."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = CertificatePaths(
        ca_path=directory / "ca.pem",
        cert_path=directory / "server.pem",
        key_path=directory / "server.key",
    )
    ca_key_path = directory / "ca.key"
    now = datetime.datetime.now(datetime.UTC)

    ca_cert, ca_key = _load_pair(paths.ca_path, ca_key_path)
    if ca_cert is None or ca_key is None or ca_cert.not_valid_after_utc - now < RENEW_BEFORE:
        ca_key = ec.generate_private_key(ec.SECP256R1())
        ca_cert = _build_ca(ca_key, organisation, now)
        _write_key(ca_key_path, ca_key)
        _write_atomic(paths.ca_path, ca_cert.public_bytes(serialization.Encoding.PEM), 0o644)
        _remove(paths.cert_path)

    server_cert, server_key = _load_pair(paths.cert_path, paths.key_path)
    if not _server_cert_usable(server_cert, ca_cert, dns_names, ip_addresses, now):
        server_key = ec.generate_private_key(ec.SECP256R1())
        server_cert = _build_server(server_key, ca_key, ca_cert, dns_names, ip_addresses, now)
        _write_key(paths.key_path, server_key)
        _write_atomic(paths.cert_path, server_cert.public_bytes(serialization.Encoding.PEM), 0o644)
    return paths


def server_ssl_context(paths: CertificatePaths) -> ssl.SSLContext:
    """A server-side context: TLS 1.2 minimum, the sandbox certificate, no client certs."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(paths.cert_path, paths.key_path)
    return context


def client_ssl_context(paths: CertificatePaths) -> ssl.SSLContext:
    """A verifying client context that trusts only the sandbox CA (for tools and tests)."""
    context = ssl.create_default_context(cafile=str(paths.ca_path))
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


# -- building ---------------------------------------------------------------------------------
def _build_ca(
    key: ec.EllipticCurvePrivateKey, organisation: str, now: datetime.datetime
) -> x509.Certificate:
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "FR"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            x509.NameAttribute(NameOID.COMMON_NAME, "Autorité de test du bac à sable MSSClient"),
        ]
    )
    public = key.public_key()
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + CA_VALIDITY)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )


def _build_server(
    key: ec.EllipticCurvePrivateKey,
    ca_key: ec.EllipticCurvePrivateKey,
    ca_cert: x509.Certificate,
    dns_names: Sequence[str],
    ip_addresses: Sequence[str],
    now: datetime.datetime,
) -> x509.Certificate:
    common_name = dns_names[0] if dns_names else ip_addresses[0]
    alt_names: list[x509.GeneralName] = [x509.DNSName(n) for n in dns_names]
    alt_names += [x509.IPAddress(ipaddress.ip_address(a)) for a in ip_addresses]
    public = key.public_key()
    ca_ski = ca_cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    return (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)]))
        .issuer_name(ca_cert.subject)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(min(now + SERVER_VALIDITY, ca_cert.not_valid_after_utc))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.SubjectAlternativeName(alt_names), critical=False)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=True,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ca_ski),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )


def _server_cert_usable(
    cert: x509.Certificate | None,
    ca_cert: x509.Certificate,
    dns_names: Sequence[str],
    ip_addresses: Sequence[str],
    now: datetime.datetime,
) -> bool:
    if cert is None or cert.issuer != ca_cert.subject:
        return False
    if cert.not_valid_after_utc - now < RENEW_BEFORE:
        return False
    try:
        cert.verify_directly_issued_by(ca_cert)
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except (ValueError, TypeError, InvalidSignature, x509.ExtensionNotFound):
        return False
    have_dns = set(san.get_values_for_type(x509.DNSName))
    have_ips = {str(ip) for ip in san.get_values_for_type(x509.IPAddress)}
    return set(dns_names) <= have_dns and set(ip_addresses) <= have_ips


# -- files ------------------------------------------------------------------------------------
def _load_pair(
    cert_path: Path, key_path: Path
) -> tuple[x509.Certificate | None, ec.EllipticCurvePrivateKey | None]:
    try:
        cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError):
        return None, None
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        return None, None
    if _public_der(cert.public_key()) != _public_der(key.public_key()):
        return None, None
    return cert, key


def _public_der(key: Any) -> bytes:
    return bytes(
        key.public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )


def _write_key(path: Path, key: ec.EllipticCurvePrivateKey) -> None:
    data = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    _write_atomic(path, data, 0o600)


def _write_atomic(path: Path, data: bytes, mode: int) -> None:
    """Write to a temp file created with ``mode`` (never wider), then rename over."""
    tmp = path.with_name(path.name + ".tmp")
    _remove(tmp)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.chmod(tmp, mode)
    os.replace(tmp, path)


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
