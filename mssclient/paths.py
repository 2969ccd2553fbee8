"""Where profiles live on disk (platformdirs), overridable for tests and portable use."""

from __future__ import annotations

import os
import re
from pathlib import Path

import platformdirs

from mssclient import APP_ID

#: Environment variable that overrides the data directory (tests, portable installs).
DATA_DIR_ENV = "MSSCLIENT_DATA_DIR"

_PROFILE_NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False))


def profile_dir(name: str = "default", base: Path | None = None) -> Path:
    """Directory of one profile; the name is restricted so it cannot escape the base."""
    if not _PROFILE_NAME.match(name):
        raise ValueError(f"invalid profile name: {name!r}")
    return (base or data_dir()) / "profiles" / name


def resources_dir() -> Path:
    """The top-level resources/ folder of the source tree (editable or frozen install)."""
    return Path(__file__).resolve().parent.parent / "resources"
