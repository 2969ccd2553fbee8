"""Autoconfiguration from a real HTTPS server on loopback, and hostile documents."""

from __future__ import annotations

import datetime
import ipaddress
import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from mssclient.security.tls import TrustAnchors, client_context
from mssclient.transport.accounts import Security
from mssclient.transport.autoconfig import discover, parse_config
from mssclient.transport.errors import AutoconfigError

pytestmark = pytest.mark.integration

CONFIG = b"""<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="hopital.test">
    <domain>hopital.test</domain>
    <displayName>Messagerie du CH de Test</displayName>
    <incomingServer type="imap">
      <hostname>imap.hopital.test</hostname><port>143</port>
      <socketType>STARTTLS</socketType><username>%EMAILLOCALPART%</username>
      <authentication>password-cleartext</authentication>
    </incomingServer>
    <incomingServer type="imap">
      <hostname>imap.hopital.test</hostname><port>993</port>
      <socketType>SSL</socketType><username>%EMAILLOCALPART%</username>
      <authentication>password-cleartext</authentication>
    </incomingServer>
    <incomingServer type="pop3">
      <hostname>pop.hopital.test</hostname><port>995</port><socketType>SSL</socketType>
    </incomingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.hopital.test</hostname><port>25</port><socketType>plain</socketType>
    </outgoingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.hopital.test</hostname><port>587</port>
      <socketType>STARTTLS</socketType><username>%EMAILADDRESS%</username>
      <authentication>password-cleartext</authentication>
    </outgoingServer>
  </emailProvider>
</clientConfig>"""


def _certificates(directory: Path) -> tuple[Path, Path, Path]:
    now = datetime.datetime.now(datetime.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Autoconfig test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    paths = directory / "ca.pem", directory / "cert.pem", directory / "key.pem"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return paths


class _Handler(BaseHTTPRequestHandler):
    documents: ClassVar[dict[str, bytes]] = {}

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        body = self.documents.get(path)
        if body is None:
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture
def https_server(tmp_path: Path) -> Iterator[tuple[int, Path, dict[str, bytes]]]:
    ca, cert, key = _certificates(tmp_path)
    documents: dict[str, bytes] = {}
    handler = type("Handler", (_Handler,), {"documents": documents})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], ca, documents
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def _templates(port: int) -> tuple[str, str]:
    # The two standard locations, rooted on the loopback server (no DNS for test domains).
    return (
        f"https://127.0.0.1:{port}/autoconfig/{{domain}}/mail/config-v1.1.xml?emailaddress={{address}}",
        f"https://127.0.0.1:{port}/{{domain}}/.well-known/autoconfig/mail/config-v1.1.xml?emailaddress={{address}}",
    )


def test_discovers_over_https_falling_back_to_well_known(https_server):
    port, ca, documents = https_server
    documents["/hopital.test/.well-known/autoconfig/mail/config-v1.1.xml"] = CONFIG
    context = client_context(TrustAnchors.CA_FILE, ca)
    result = discover("jeanne.martin@hopital.test", verify=context, url_templates=_templates(port))
    assert result.imap.host == "imap.hopital.test"
    assert (result.imap.port, result.imap.security) == (993, Security.TLS)  # TLS preferred
    assert (result.smtp.port, result.smtp.security) == (587, Security.STARTTLS)  # no plaintext
    assert result.login == "jeanne.martin"
    assert result.display_name == "Messagerie du CH de Test"
    assert result.source.endswith(
        "/.well-known/autoconfig/mail/config-v1.1.xml?emailaddress=jeanne.martin@hopital.test"
    )


def test_untrusted_https_certificate_finds_nothing(https_server):
    port, _ca, documents = https_server
    documents["/autoconfig/hopital.test/mail/config-v1.1.xml"] = CONFIG
    system = client_context(TrustAnchors.SYSTEM)
    with pytest.raises(AutoconfigError) as caught:
        discover("a@hopital.test", verify=system, url_templates=_templates(port))
    assert "CERTIFICATE_VERIFY_FAILED" in str(caught.value)
    assert "à la main" in caught.value.user_message


HOSTILE = {
    "billion-laughs": b"""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">
<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<clientConfig><emailProvider><displayName>&lol3;</displayName></emailProvider></clientConfig>""",
    "external-entity": b"""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
<clientConfig><emailProvider><displayName>&e;</displayName></emailProvider></clientConfig>""",
    "not-xml": b"\x00\xff<<<>>>",
    "empty": b"",
    "deep": b"<a>" * 100_000 + b"</a>" * 100_000,
    "huge": b"<clientConfig>" + b" " * (2 * 1024 * 1024) + b"</clientConfig>",
    "no-servers": b"<clientConfig><emailProvider id='x'/></clientConfig>",
    "bad-port": CONFIG.replace(b"<port>993</port>", b"<port>99999999999</port>").replace(
        b"<port>143</port>", b"<port>abc</port>"
    ),
    "plaintext-only": b"""<clientConfig><emailProvider>
<incomingServer type="imap"><hostname>imap.x.test</hostname><port>143</port>
<socketType>plain</socketType></incomingServer>
<outgoingServer type="smtp"><hostname>smtp.x.test</hostname><port>25</port>
<socketType>plain</socketType></outgoingServer>
</emailProvider></clientConfig>""",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_documents_give_a_clear_error(name):
    with pytest.raises(AutoconfigError) as caught:
        parse_config(HOSTILE[name], "a@x.test")
    assert caught.value.user_message


def test_hostile_document_served_over_https_is_refused(https_server):
    port, ca, documents = https_server
    documents["/autoconfig/hopital.test/mail/config-v1.1.xml"] = HOSTILE["billion-laughs"]
    with pytest.raises(AutoconfigError):
        discover(
            "a@hopital.test",
            verify=client_context(TrustAnchors.CA_FILE, ca),
            url_templates=_templates(port),
        )


def test_invalid_address_is_refused():
    with pytest.raises(AutoconfigError) as caught:
        discover("pas-une-adresse")
    assert "invalide" in caught.value.user_message
