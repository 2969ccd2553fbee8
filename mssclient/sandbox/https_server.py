"""The sandbox's HTTPS file server: the demo hospital directory, with ETag revalidation.

Standard library only (``http.server`` + ``ssl``), same CA as the mail servers. A client
that sends ``If-None-Match`` with the current ETag gets ``304 Not Modified``. The file is
read at each request, so editing it while the sandbox runs is seen at the next refresh.
"""

from __future__ import annotations

import hashlib
import http
import logging
import ssl
import threading
from collections.abc import Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

_log = logging.getLogger(__name__)

DIRECTORY_URL_PATH = "/directory/hospital.json"


class _FileRequestHandler(BaseHTTPRequestHandler):
    server: _FileServer
    server_version = "MSSClientSandbox/1"
    sys_version = ""
    timeout = 10  # a stalled client must not keep a worker thread forever

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def _answer(self, *, send_body: bool) -> None:
        path = self.path.split("?", 1)[0]
        route = self.server.routes.get(path)
        if route is None:
            self._send_plain(http.HTTPStatus.NOT_FOUND, "Ressource introuvable.")
            return
        file_path, content_type = route
        try:
            body = file_path.read_bytes()
        except OSError:
            self._send_plain(http.HTTPStatus.NOT_FOUND, "Fichier absent du bac à sable.")
            return
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        if _etag_matches(self.headers.get("If-None-Match"), etag):
            self.send_response(http.HTTPStatus.NOT_MODIFIED)
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            return
        self.send_response(http.HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _send_plain(self, status: http.HTTPStatus, text: str) -> None:
        body = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        _log.debug("https %s - %s", self.address_string(), format % args)


def _etag_matches(header: str | None, etag: str) -> bool:
    if not header:
        return False
    if header.strip() == "*":
        return True
    candidates = [c.strip().removeprefix("W/") for c in header.split(",")]
    return etag in candidates


class _FileServer(ThreadingHTTPServer):
    daemon_threads = False  # server_close() joins the workers: nothing left running
    block_on_close = True
    routes: Mapping[str, tuple[Path, str]]

    def __init__(
        self,
        address: tuple[str, int],
        routes: Mapping[str, tuple[Path, str]],
        ssl_context: ssl.SSLContext,
    ) -> None:
        self.routes = routes
        self._ssl_context = ssl_context
        super().__init__(address, _FileRequestHandler)

    def server_bind(self) -> None:
        super().server_bind()
        # The TLS handshake runs in the worker thread (on first read), not in accept().
        self.socket = self._ssl_context.wrap_socket(
            self.socket, server_side=True, do_handshake_on_connect=False
        )

    def handle_error(self, request: Any, client_address: Any) -> None:
        _log.debug("https: connection from %s failed", client_address, exc_info=True)


class SandboxHttps:
    """Serves ``directory_file`` at :data:`DIRECTORY_URL_PATH` over HTTPS in a thread."""

    def __init__(self, directory_file: Path, ssl_context: ssl.SSLContext) -> None:
        self.directory_file = directory_file
        self._ssl_context = ssl_context
        self._server: _FileServer | None = None
        self._thread: threading.Thread | None = None
        self.port = 0

    def start(self, host: str, port: int) -> None:
        routes = {DIRECTORY_URL_PATH: (self.directory_file, "application/fhir+json")}
        self._server = _FileServer((host, port), routes, self._ssl_context)
        self.port = int(self._server.server_address[1])
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.2},
            name="sandbox-https",
            daemon=True,
        )
        self._thread.start()

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = None
        self._thread = None
