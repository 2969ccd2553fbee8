"""Shared data for the directory unit tests: the demo hospital directory."""

from __future__ import annotations

import pytest

from mssclient.directory.bundle import parse_bundle
from mssclient.directory.models import HospitalDirectory
from mssclient.paths import resources_dir


@pytest.fixture(scope="session")
def demo_directory() -> HospitalDirectory:
    return parse_bundle((resources_dir() / "demo" / "hospital-directory.fhir.json").read_bytes())
