"""The sandbox CA and server certificate: made once, reused, repaired when damaged."""

from __future__ import annotations

import datetime
import socket
import ssl
import threading
from pathlib import Path

import pytest
from cryptography import x509

from mssclient.sandbox.certificates import (
    client_ssl_context,
    ensure_certificates,
    server_ssl_context,
)

pytestmark = pytest.mark.integration


def test_certificates_are_reused_across_calls(tmp_path: Path) -> None:
    first = ensure_certificates(tmp_path)
    ca, cert = first.ca_path.read_bytes(), first.cert_path.read_bytes()
    second = ensure_certificates(tmp_path)
    assert (second.ca_path.read_bytes(), second.cert_path.read_bytes()) == (ca, cert)


def test_server_certificate_names_localhost_and_loopback(tmp_path: Path) -> None:
    paths = ensure_certificates(tmp_path)
    cert = x509.load_pem_x509_certificate(paths.cert_path.read_bytes())
    san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert san.get_values_for_type(x509.DNSName) == ["localhost"]
    assert [str(ip) for ip in san.get_values_for_type(x509.IPAddress)] == ["127.0.0.1"]
    remaining = cert.not_valid_after_utc - datetime.datetime.now(datetime.UTC)
    assert remaining > datetime.timedelta(days=300)


def test_new_names_get_a_new_server_certificate_from_the_same_ca(tmp_path: Path) -> None:
    first = ensure_certificates(tmp_path)
    ca = first.ca_path.read_bytes()
    again = ensure_certificates(tmp_path, dns_names=("localhost", "mail.sandbox.test"))
    assert again.ca_path.read_bytes() == ca
    cert = x509.load_pem_x509_certificate(again.cert_path.read_bytes())
    names = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert "mail.sandbox.test" in names.get_values_for_type(x509.DNSName)


@pytest.mark.parametrize("damage", [b"", b"-----BEGIN PRIVATE KEY-----\ngarbage\n", b"\x00" * 50])
def test_a_damaged_key_is_replaced_not_fatal(tmp_path: Path, damage: bytes) -> None:
    ensure_certificates(tmp_path)
    (tmp_path / "server.key").write_bytes(damage)
    (tmp_path / "ca.key").write_bytes(damage)
    paths = ensure_certificates(tmp_path)
    _handshake(paths.ca_path, server_ssl_context(paths))


def test_a_real_tls_handshake_verifies_against_the_ca(tmp_path: Path) -> None:
    paths = ensure_certificates(tmp_path)
    _handshake(paths.ca_path, server_ssl_context(paths))
    assert client_ssl_context(paths).verify_mode == ssl.CERT_REQUIRED


def _handshake(ca_path: Path, server_context: ssl.SSLContext) -> None:
    with socket.create_server(("127.0.0.1", 0)) as listener:
        port = listener.getsockname()[1]

        def serve() -> None:
            conn, _ = listener.accept()
            with server_context.wrap_socket(conn, server_side=True) as tls:
                tls.sendall(b"ok")

        thread = threading.Thread(target=serve)
        thread.start()
        client_context = ssl.create_default_context(cafile=str(ca_path))
        with (
            socket.create_connection(("127.0.0.1", port), timeout=10) as raw,
            client_context.wrap_socket(raw, server_hostname="localhost") as tls,
        ):
            assert tls.recv(2) == b"ok"
        thread.join(timeout=10)
