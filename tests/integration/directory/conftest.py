"""A real HTTPS server on loopback, per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.directory.https_server import TestHttpsServer


@pytest.fixture
def https_server(tmp_path: Path) -> Iterator[TestHttpsServer]:
    server = TestHttpsServer(tmp_path).start()
    try:
        yield server
    finally:
        server.stop()
