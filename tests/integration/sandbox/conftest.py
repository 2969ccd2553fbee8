"""A running sandbox operator, shared by the tests of one module (it starts in ~0.1 s)."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from pathlib import Path

import pytest

from mssclient.sandbox import Sandbox


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    with Sandbox(tmp_path_factory.mktemp("sandbox")) as running:
        yield running


@pytest.fixture
def tls(sandbox: Sandbox) -> ssl.SSLContext:
    """A client context that verifies the server against the sandbox CA file only."""
    return ssl.create_default_context(cafile=str(sandbox.ca_path))


@pytest.fixture
def fresh_dir(tmp_path: Path) -> Path:
    return tmp_path / "sandbox"
