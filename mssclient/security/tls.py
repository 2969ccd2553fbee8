"""TLS client contexts for mail servers, and French explanations of certificate failures.

Verification is always on (certificate chain and host name), TLS 1.2 is the minimum, and
there is no switch to turn either off. Trust anchors are chosen per account: the system
store, the IGC-Santé roots shipped in ``resources/trust/``, or a CA file.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import ssl
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from mssclient.errors import MssError
from mssclient.paths import resources_dir


class TrustAnchors(StrEnum):
    SYSTEM = "system"
    IGC_SANTE = "igc-sante"
    CA_FILE = "ca-file"


class TlsError(MssError):
    """A secure connection could not be set up."""

    user_message = "La connexion sécurisée au serveur n'a pas pu être établie."


class TrustAnchorsError(TlsError):
    """The chosen trust anchors cannot be loaded."""

    user_message = "Les autorités de certification choisies pour ce compte sont introuvables."


class PlaintextRefusedError(TlsError):
    """An unencrypted connection to a host other than this machine."""

    user_message = (
        "Connexion non chiffrée refusée : seul un serveur sur ce poste (127.0.0.1) peut être "
        "joint sans TLS. Choisissez TLS ou STARTTLS."
    )


class CertificateVerificationError(TlsError):
    """The server's certificate did not verify; the message names it and says why."""


@dataclass(frozen=True)
class CertificateInfo:
    subject: str
    issuer: str
    not_before: str
    not_after: str
    names: tuple[str, ...]


def trust_dir() -> Path:
    return resources_dir() / "trust"


def igc_sante_roots(directory: Path | None = None) -> list[bytes]:
    """The IGC-Santé anchors shipped with the application, as PEM blocks."""
    directory = directory or trust_dir()
    pems: list[bytes] = []
    if not directory.is_dir():
        return pems
    for path in sorted(directory.iterdir()):
        if path.suffix.lower() not in (".pem", ".crt", ".cer", ".der"):
            continue
        data = path.read_bytes()
        try:
            if b"-----BEGIN CERTIFICATE-----" in data:
                certs = x509.load_pem_x509_certificates(data)
            else:
                certs = [x509.load_der_x509_certificate(data)]
        except ValueError:
            continue
        pems.extend(c.public_bytes(Encoding.PEM) for c in certs)
    return pems


def is_loopback(host: str) -> bool:
    """True for this machine's loopback names and addresses (no DNS lookup)."""
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def refuse_plaintext_unless_loopback(host: str) -> None:
    if not is_loopback(host):
        raise PlaintextRefusedError(f"plaintext connection to {host} refused")


def client_context(
    anchors: TrustAnchors | str = TrustAnchors.SYSTEM,
    ca_file: str | Path | None = None,
    *,
    client_certificate: tuple[Path, Path] | None = None,
    trust_directory: Path | None = None,
) -> ssl.SSLContext:
    """A verifying client context: TLS >= 1.2, chain and host name always checked.

    ``client_certificate`` (certificate, key) is the seam for client-certificate TLS.
    """
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.verify_mode = ssl.CERT_REQUIRED
    context.check_hostname = True
    anchors = TrustAnchors(anchors)
    if anchors is TrustAnchors.SYSTEM:
        context.load_default_certs(ssl.Purpose.SERVER_AUTH)
    elif anchors is TrustAnchors.IGC_SANTE:
        roots = igc_sante_roots(trust_directory)
        if not roots:
            raise TrustAnchorsError(
                "no IGC-Santé root in resources/trust",
                user_message=(
                    "Aucune autorité racine IGC-Santé n'est installée dans le dossier "
                    "« resources/trust » de l'application : importez-les (voir son README) "
                    "ou choisissez le magasin du système."
                ),
            )
        context.load_verify_locations(cadata=b"".join(roots).decode("ascii"))
    else:
        if not ca_file:
            raise TrustAnchorsError(
                "no CA file given", user_message="Aucun fichier d'autorité n'a été choisi."
            )
        try:
            context.load_verify_locations(cafile=str(ca_file))
        except (OSError, ssl.SSLError) as exc:
            raise TrustAnchorsError(
                f"cannot load CA file {ca_file}: {exc}",
                user_message=(
                    f"Le fichier d'autorité « {ca_file} » ne peut pas être lu ou ne contient "
                    "pas de certificat valide."
                ),
            ) from exc
    if client_certificate is not None:
        certificate, key = client_certificate
        context.load_cert_chain(str(certificate), str(key))
    return context


def certificate_info(der: bytes) -> CertificateInfo:
    cert = x509.load_der_x509_certificate(der)
    names: tuple[str, ...] = ()
    with contextlib.suppress(x509.ExtensionNotFound):
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        names = tuple(
            [str(n) for n in san.get_values_for_type(x509.DNSName)]
            + [str(n) for n in san.get_values_for_type(x509.IPAddress)]
        )
    return CertificateInfo(
        subject=cert.subject.rfc4514_string(),
        issuer=cert.issuer.rfc4514_string(),
        not_before=cert.not_valid_before_utc.strftime("%d/%m/%Y"),
        not_after=cert.not_valid_after_utc.strftime("%d/%m/%Y"),
        names=names,
    )


_REASONS = {
    2: "l'autorité qui l'a émis ne fait pas partie des autorités de confiance du compte",
    20: "l'autorité qui l'a émis ne fait pas partie des autorités de confiance du compte",
    21: "l'autorité qui l'a émis ne fait pas partie des autorités de confiance du compte",
    18: "il est auto-signé, donc non garanti par une autorité de confiance",
    19: "sa chaîne aboutit à une autorité racine qui n'est pas de confiance pour ce compte",
    7: "sa signature est invalide",
    23: "il a été révoqué",
    24: "un certificat intermédiaire n'est pas une autorité valide",
    26: "il n'est pas prévu pour authentifier un serveur",
}


def _reason(exc: ssl.SSLCertVerificationError, host: str, info: CertificateInfo | None) -> str:
    code = getattr(exc, "verify_code", 0)
    if code == 10:
        until = f" le {info.not_after}" if info else ""
        return f"il a expiré{until}"
    if code == 9:
        since = f" avant le {info.not_before}" if info else ""
        return f"il n'est pas encore valide{since}"
    if code in (62, 64) or "hostname mismatch" in str(exc).lower():
        names = ", ".join(info.names) if info and info.names else "un autre nom"
        return f"il a été émis pour {names}, pas pour « {host} »"
    return _REASONS.get(code, f"vérification refusée ({getattr(exc, 'verify_message', exc)})")


def explain_verification_failure(
    exc: ssl.SSLCertVerificationError, host: str, port: int, peer_der: bytes | None
) -> CertificateVerificationError:
    info = None
    if peer_der:
        with contextlib.suppress(ValueError):
            info = certificate_info(peer_der)
    who = (
        f"Le certificat du serveur {host}:{port} (sujet : {info.subject} ; émis par : "
        f"{info.issuer})"
        if info
        else f"Le certificat du serveur {host}:{port}"
    )
    message = (
        f"{who} n'a pas pu être vérifié : {_reason(exc, host, info)}. La connexion a été "
        "refusée pour protéger vos données. Vérifiez les autorités de confiance choisies "
        "pour ce compte ou contactez votre opérateur de messagerie."
    )
    return CertificateVerificationError(
        f"certificate verification failed for {host}:{port}: {exc}", user_message=message
    )


def peer_certificate_for_diagnosis(
    host: str, port: int, *, starttls: str | None = None, timeout: float = 10.0
) -> bytes | None:
    """Read the server's certificate WITHOUT trusting it, only to name it in an error.

    Called after a verified handshake has already failed; the connection carries no
    credentials and no data and is closed at once. ``starttls`` is "imap" or "smtp".
    """
    probe = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    probe.check_hostname = False
    probe.verify_mode = ssl.CERT_NONE  # diagnosis only: see docstring
    try:
        with socket.create_connection((host, port), timeout=timeout) as raw:
            if starttls == "imap":
                _imap_starttls(raw)
            elif starttls == "smtp":
                _smtp_starttls(raw)
            with probe.wrap_socket(raw, server_hostname=host) as tls:
                return tls.getpeercert(binary_form=True)
    except (OSError, ssl.SSLError, ValueError):
        return None


def _read_line(sock: socket.socket) -> bytes:
    line = b""
    while not line.endswith(b"\n") and len(line) < 4096:
        chunk = sock.recv(1)
        if not chunk:
            break
        line += chunk
    return line


def _imap_starttls(sock: socket.socket) -> None:
    _read_line(sock)
    sock.sendall(b"D STARTTLS\r\n")
    for _ in range(100):
        line = _read_line(sock)
        if not line or line.startswith(b"D "):
            return


def _smtp_reply(sock: socket.socket) -> None:
    for _ in range(100):
        line = _read_line(sock)
        if len(line) < 4 or line[3:4] != b"-":
            return


def _smtp_starttls(sock: socket.socket) -> None:
    _smtp_reply(sock)
    sock.sendall(b"EHLO diagnostic\r\n")
    _smtp_reply(sock)
    sock.sendall(b"STARTTLS\r\n")
    _smtp_reply(sock)
