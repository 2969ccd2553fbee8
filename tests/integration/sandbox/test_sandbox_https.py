"""The sandbox HTTPS server for the demo hospital directory: 200, then 304 with the ETag."""

from __future__ import annotations

import http.client
import json
import socket
import ssl
from pathlib import Path

import pytest

from mssclient.sandbox import Sandbox

pytestmark = pytest.mark.integration


def _get(
    sandbox: Sandbox, tls: ssl.SSLContext, path: str, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPSConnection(sandbox.host, sandbox.https_port, context=tls, timeout=10)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def test_directory_is_served_then_revalidated_with_304(tmp_path: Path) -> None:
    directory = tmp_path / "hospital.json"
    directory.write_text(json.dumps({"resourceType": "Bundle", "type": "collection"}), "utf-8")
    with Sandbox(tmp_path / "sandbox", directory_file=directory, seed=False) as sandbox:
        tls = ssl.create_default_context(cafile=str(sandbox.ca_path))
        status, headers, body = _get(sandbox, tls, "/directory/hospital.json")
        assert status == 200
        assert headers["Content-Type"] == "application/fhir+json"
        assert json.loads(body)["resourceType"] == "Bundle"
        etag = headers["ETag"]

        status, headers, body = _get(
            sandbox, tls, "/directory/hospital.json", {"If-None-Match": etag}
        )
        assert (status, body, headers["ETag"]) == (304, b"", etag)

        # A new version of the file gets a new ETag and a full answer.
        directory.write_text(json.dumps({"resourceType": "Bundle", "type": "searchset"}))
        status, headers, body = _get(
            sandbox, tls, "/directory/hospital.json", {"If-None-Match": etag}
        )
        assert status == 200 and headers["ETag"] != etag


def test_missing_file_and_unknown_path_are_404(tmp_path: Path) -> None:
    with Sandbox(tmp_path / "s", directory_file=tmp_path / "absent.json", seed=False) as sandbox:
        tls = ssl.create_default_context(cafile=str(sandbox.ca_path))
        assert _get(sandbox, tls, "/directory/hospital.json")[0] == 404
        assert _get(sandbox, tls, "/../../etc/passwd")[0] == 404


def test_the_shipped_demo_directory_is_served(sandbox: Sandbox, tls: ssl.SSLContext) -> None:
    status, _headers, body = _get(sandbox, tls, "/directory/hospital.json")
    if status == 404:
        pytest.skip("resources/demo/hospital-directory.fhir.json not written yet")
    assert status == 200
    assert json.loads(body)["resourceType"] == "Bundle"


def test_garbage_and_plaintext_clients_do_not_stop_the_server(
    sandbox: Sandbox, tls: ssl.SSLContext
) -> None:
    with socket.create_connection((sandbox.host, sandbox.https_port), timeout=10) as plain:
        plain.sendall(b"GET / HTTP/1.0\r\n\r\n")  # no TLS at all
        plain.recv(100)
    with (
        socket.create_connection((sandbox.host, sandbox.https_port), timeout=10) as raw,
        tls.wrap_socket(raw, server_hostname=sandbox.host) as conn,
    ):
        conn.sendall(b"\x00\xff" * 5000 + b"\r\n\r\n")
        answer = b"".join(iter(lambda: conn.recv(4096), b""))
        assert b"400" in answer  # Bad request, then the connection closes
    assert _get(sandbox, tls, "/nothing-here")[0] == 404
