"""TLS contexts and French explanations, against real TLS servers on loopback."""

from __future__ import annotations

import datetime
import ipaddress
import socket
import ssl
import threading
import warnings
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from mssclient.security.tls import (
    CertificateVerificationError,
    TrustAnchors,
    TrustAnchorsError,
    client_context,
    explain_verification_failure,
    igc_sante_roots,
    is_loopback,
    peer_certificate_for_diagnosis,
)

pytestmark = pytest.mark.integration
NOW = datetime.datetime.now(datetime.UTC)


def _name(cn: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Test"),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )


def _ca(cn: str) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(cn))
        .issuer_name(_name(cn))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - datetime.timedelta(days=10))
        .not_valid_after(NOW + datetime.timedelta(days=10))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    return cert, key


def _leaf(ca, ca_key, *, names=("127.0.0.1",), expired=False):  # type: ignore[no-untyped-def]
    key = ec.generate_private_key(ec.SECP256R1())
    start = NOW - datetime.timedelta(days=20 if expired else 1)
    end = NOW - datetime.timedelta(days=5) if expired else NOW + datetime.timedelta(days=5)
    alt = [
        x509.IPAddress(ipaddress.ip_address(n)) if n[0].isdigit() else x509.DNSName(n)
        for n in names
    ]
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("mail.hopital.test"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.SubjectAlternativeName(alt), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    return cert, key


def _pem(obj) -> bytes:  # type: ignore[no-untyped-def]
    if isinstance(obj, x509.Certificate):
        return obj.public_bytes(serialization.Encoding.PEM)
    return obj.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


class TlsServer:
    """Accepts TLS connections and completes handshakes; nothing else."""

    def __init__(self, cert_pem: Path, key_pem: Path, *, maximum=None) -> None:  # type: ignore[no-untyped-def]
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(cert_pem, key_pem)
        if maximum is not None:
            # An outdated server on purpose: Python warns about configuring one.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                self.context.minimum_version = ssl.TLSVersion.TLSv1
                self.context.maximum_version = maximum
            self.context.set_ciphers("ALL:@SECLEVEL=0")
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(4)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            conn.settimeout(5)
            try:
                with self.context.wrap_socket(conn, server_side=True) as tls:
                    tls.recv(1)
            except (OSError, ssl.SSLError):
                pass

    def close(self) -> None:
        self._stop.set()
        self.thread.join(5)
        self.sock.close()


@pytest.fixture
def pki(tmp_path: Path):  # type: ignore[no-untyped-def]
    ca, ca_key = _ca("AC Test Santé")
    other, _ = _ca("Autre AC")
    (tmp_path / "ca.pem").write_bytes(_pem(ca))
    (tmp_path / "other.pem").write_bytes(_pem(other))
    servers: list[TlsServer] = []

    def serve(kind: str, **kwargs) -> TlsServer:  # type: ignore[no-untyped-def]
        maximum = kwargs.pop("maximum", None)
        if kind == "self-signed":
            cert, key = _ca("mail.hopital.test")
        else:
            cert, key = _leaf(ca, ca_key, **kwargs)
        (tmp_path / f"{kind}.crt").write_bytes(_pem(cert))
        (tmp_path / f"{kind}.key").write_bytes(_pem(key))
        server = TlsServer(tmp_path / f"{kind}.crt", tmp_path / f"{kind}.key", maximum=maximum)
        servers.append(server)
        return server

    yield tmp_path, serve
    for server in servers:
        server.close()


def _handshake(context: ssl.SSLContext, port: int, host: str = "127.0.0.1") -> None:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as raw:
        try:
            with context.wrap_socket(raw, server_hostname=host):
                pass
        except ssl.SSLCertVerificationError as exc:
            peer = peer_certificate_for_diagnosis("127.0.0.1", port)
            raise explain_verification_failure(exc, host, port, peer) from None


def _failure(context: ssl.SSLContext, port: int, host: str = "127.0.0.1") -> str:
    with pytest.raises(CertificateVerificationError) as caught:
        _handshake(context, port, host)
    return caught.value.user_message


def test_good_certificate_verifies(pki):
    directory, serve = pki
    server = serve("good")
    _handshake(client_context(TrustAnchors.CA_FILE, directory / "ca.pem"), server.port)


def test_unknown_issuer_names_subject_and_issuer(pki):
    directory, serve = pki
    server = serve("good")
    message = _failure(client_context(TrustAnchors.CA_FILE, directory / "other.pem"), server.port)
    assert "sujet : CN=mail.hopital.test,O=Test" in message
    assert "émis par : CN=AC Test Santé,O=Test" in message
    assert "autorités de confiance" in message


def test_expired_certificate_says_since_when(pki):
    directory, serve = pki
    server = serve("expired", expired=True)
    message = _failure(client_context(TrustAnchors.CA_FILE, directory / "ca.pem"), server.port)
    expired_on = (NOW - datetime.timedelta(days=5)).strftime("%d/%m/%Y")
    assert f"il a expiré le {expired_on}" in message


def test_wrong_host_name_lists_the_certificate_names(pki):
    directory, serve = pki
    server = serve("other-name", names=("imap.autre.test",))
    message = _failure(client_context(TrustAnchors.CA_FILE, directory / "ca.pem"), server.port)
    assert "émis pour imap.autre.test" in message and "« 127.0.0.1 »" in message


def test_self_signed_certificate(pki):
    directory, serve = pki
    server = serve("self-signed")
    message = _failure(client_context(TrustAnchors.CA_FILE, directory / "ca.pem"), server.port)
    assert "auto-signé" in message


def test_tls_below_1_2_is_refused(pki):
    directory, serve = pki
    server = serve("old", maximum=ssl.TLSVersion.TLSv1_1)
    context = client_context(TrustAnchors.CA_FILE, directory / "ca.pem")
    with pytest.raises(ssl.SSLError):
        _handshake(context, server.port)


def test_context_settings_cannot_be_weakened():
    context = client_context(TrustAnchors.SYSTEM)
    assert context.verify_mode is ssl.CERT_REQUIRED
    assert context.check_hostname
    assert context.minimum_version >= ssl.TLSVersion.TLSv1_2


def test_anchor_choices_fail_clearly(tmp_path: Path):
    with pytest.raises(TrustAnchorsError) as caught:
        client_context(TrustAnchors.IGC_SANTE, trust_directory=tmp_path)
    assert "IGC-Santé" in caught.value.user_message
    with pytest.raises(TrustAnchorsError):
        client_context(TrustAnchors.CA_FILE, None)
    (tmp_path / "broken.pem").write_text("pas un certificat")
    with pytest.raises(TrustAnchorsError) as caught:
        client_context(TrustAnchors.CA_FILE, tmp_path / "broken.pem")
    assert "broken.pem" in caught.value.user_message


def test_igc_sante_directory_loads_pem_and_der(tmp_path: Path):
    ca, _ = _ca("AC RACINE IGC-SANTE TEST")
    (tmp_path / "root.pem").write_bytes(_pem(ca))
    (tmp_path / "root.der").write_bytes(ca.public_bytes(serialization.Encoding.DER))
    (tmp_path / "README.md").write_text("not a certificate")
    (tmp_path / "junk.crt").write_bytes(b"\x00garbage")
    assert len(igc_sante_roots(tmp_path)) == 2
    context = client_context(TrustAnchors.IGC_SANTE, trust_directory=tmp_path)
    assert context.cert_store_stats()["x509_ca"] == 1


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("10.0.0.1", False),
        ("imap.example.test", False),
        ("localhost.evil.test", False),
    ],
)
def test_loopback_detection(host, loopback):
    assert is_loopback(host) is loopback
