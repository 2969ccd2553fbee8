"""Where the GUI finds its icons and translations (the top-level resources/ folder)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

from mssclient.paths import resources_dir


def icons_dir() -> Path:
    return resources_dir() / "icons"


def translations_dir() -> Path:
    return resources_dir() / "translations"


@cache
def icon(name: str) -> QIcon:
    """An SVG icon from resources/icons by its base name ("app", "mail", "lock"...)."""
    return QIcon(str(icons_dir() / f"{name}.svg"))
