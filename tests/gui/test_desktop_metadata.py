"""The desktop entry and AppStream file carry the same application id as the app."""

from __future__ import annotations

import configparser
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtGui import QIcon

from mssclient import APP_ID
from mssclient.gui.resources import icon, icons_dir

LINUX = Path(__file__).resolve().parents[2] / "packaging" / "linux"


def test_desktop_entry_names_the_app_id() -> None:
    path = LINUX / f"{APP_ID}.desktop"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(path, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"].split()[0] == "mssclient"
    assert section["Icon"] == APP_ID
    assert section["Name"] == "MSSClient"
    assert section["Comment[fr]"].startswith("Messagerie sécurisée")


def test_appstream_metadata_names_the_app_id() -> None:
    root = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()  # noqa: S314 (our own file)
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findtext("provides/binary") == "mssclient"
    french = [s.text for s in root.findall("summary") if s.get(f"{{{_XML_NS}}}lang") == "fr"]
    assert french == ["Messagerie sécurisée de santé, télé-expertise et annuaire"]


_XML_NS = "http://www.w3.org/XML/1998/namespace"


def test_icons_are_svg_that_qt_renders(qapp) -> None:
    for name in ("app", "mail", "teleexpertise", "directory", "lock"):
        assert (icons_dir() / f"{name}.svg").is_file()
        rendered: QIcon = icon(name)
        image = rendered.pixmap(32, 32).toImage()
        assert not image.isNull(), name
        # Not blank: some pixel is opaque.
        assert any(
            image.pixelColor(x, y).alpha() > 0 for x in range(0, 32, 2) for y in range(0, 32, 2)
        ), name
