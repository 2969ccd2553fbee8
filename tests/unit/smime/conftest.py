"""The S/MIME unit tests share one generated test PKI per session."""

from __future__ import annotations

import pytest

from tests.unit.smime.pki import TestPki, build_pki, write_files


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> TestPki:
    built = build_pki()
    write_files(built, tmp_path_factory.mktemp("smime-pki"))
    return built
