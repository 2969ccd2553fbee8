"""Fixtures for the S/MIME interop tests: the generated test PKI (as objects and PEM
files) and a throwaway gpgsm home whose agent is killed at teardown."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.serialization import Encoding

from tests.integration.smime.smime_tools import Gpgsm, require
from tests.unit.smime.pki import TestPki, build_pki, write_files


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> TestPki:
    built = build_pki()
    write_files(built, tmp_path_factory.mktemp("smime-pki"))
    return built


@pytest.fixture
def openssl() -> str:
    return require("openssl")


@pytest.fixture(scope="module")
def gpgsm(pki: TestPki, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gpgsm]:
    binary = require("gpgsm")
    # the agent's socket path must stay short: use a fresh directory right under /tmp
    home = Path(tmp_path_factory.mktemp("gnupg"))
    home.chmod(0o700)
    (home / "gpgsm.conf").write_text("disable-crl-checks\ndisable-policy-checks\n")
    fingerprint = pki.root.fingerprint(hashes.SHA1()).hex().upper()  # noqa: S303 - gpgsm's format
    colon = ":".join(fingerprint[i : i + 2] for i in range(0, len(fingerprint), 2))
    (home / "trustlist.txt").write_text(f"{colon} S\n")
    tool = Gpgsm(binary, home)
    root = pki.root.public_bytes(Encoding.PEM)
    inter = pki.intermediate.public_bytes(Encoding.PEM)
    for blob in (root, inter):
        tool("--import", stdin=blob)
    for role in ("nurse", "gp", "dermatologist"):
        tool("--import", pki.path(f"{role}.cert.pem"))
    try:
        yield tool
    finally:
        gpgconf = shutil.which("gpgconf")
        if gpgconf:
            subprocess.run(
                [gpgconf, "--kill", "all"],
                env=tool.env,
                capture_output=True,
                timeout=30,
                check=False,
            )
