from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from mssclient.gui.i18n import choose_language, install_translators, remove_translators
from mssclient.gui.resources import translations_dir

ROOT = Path(__file__).resolve().parents[2]
TS = translations_dir() / "mssclient_fr.ts"
QM = translations_dir() / "mssclient_fr.qm"
BIN = Path(sys.executable).parent


@pytest.mark.parametrize(
    ("cli", "saved", "system", "expected"),
    [
        ("fr", None, "en_US", "fr"),
        ("en", "fr", "fr_FR", "en"),
        (None, "en", "fr_FR", "en"),
        (None, None, "fr_FR", "fr"),
        (None, None, "fr_CA", "fr"),
        (None, None, "en_GB", "en"),
        (None, None, "de_DE", "fr"),  # French first
        (None, None, "C", "fr"),
        ("xx", "yy", "C", "fr"),
    ],
)
def test_choose_language(cli, saved, system, expected) -> None:
    assert choose_language(cli, saved, system) == expected


def test_french_translator_loads_and_translates(qapp) -> None:
    assert QCoreApplication.translate("Areas", "Mail") == "Mail"
    translators = install_translators(qapp, "fr")
    try:
        assert translators
        assert QCoreApplication.translate("Areas", "Mail") == "Messagerie"
        assert QCoreApplication.translate("FirstRunDialog", "Protect your data") == (
            "Protéger vos données"
        )
        # Qt's own catalog too (standard buttons).
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
    finally:
        remove_translators(qapp, translators)
    assert QCoreApplication.translate("Areas", "Mail") == "Mail"


def test_plural_forms_are_french(qapp) -> None:
    """Every plural message gives its French singular for 1 and its plural for 3."""
    root = ET.parse(TS).getroot()  # noqa: S314 (our own catalog)
    expected, got = [], []
    translators = install_translators(qapp, "fr")
    try:
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                if message.get("numerus") != "yes":
                    continue
                source = message.findtext("source") or ""
                forms = [f.text or "" for f in message.iter("numerusform")]
                expected += [forms[0].replace("%n", "1"), forms[1].replace("%n", "3")]
                got += [
                    QCoreApplication.translate(name, source, None, 1),
                    QCoreApplication.translate(name, source, None, 3),
                ]
    finally:
        remove_translators(qapp, translators)
    assert got == expected


def test_english_needs_no_translator(qapp) -> None:
    assert install_translators(qapp, "en") == []


def _messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).getroot().iter("message"))  # noqa: S314 (our own catalog)


def test_catalog_has_no_unfinished_message() -> None:
    messages = _messages(TS)
    assert len(messages) > 40
    for message in messages:
        source = message.findtext("source")
        translation = message.find("translation")
        assert translation is not None, source
        assert translation.get("type") is None, f"{translation.get('type')}: {source}"
        plural_forms = [form.text or "" for form in translation.iter("numerusform")]
        texts = plural_forms if message.get("numerus") == "yes" else [translation.text or ""]
        for text in texts:
            assert text.strip(), f"untranslated: {source}"
            for marker in ("%1", "%2", "%3", "%n"):
                if marker in (source or ""):
                    assert marker in text, f"{marker} lost in: {source}"


def test_catalog_covers_every_string_of_the_sources(tmp_path: Path) -> None:
    copy = tmp_path / "mssclient_fr.ts"
    shutil.copy(TS, copy)
    sources = sorted(
        str(p)
        for folder in (ROOT / "mssclient" / "gui", ROOT / "ui")
        for p in folder.rglob("*")
        if p.suffix in (".py", ".ui")
    )
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), "-no-obsolete", *sources, "-ts", str(copy)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    new = [m.findtext("source") for m in _messages(copy) if m.find("translation").get("type")]
    assert new == [], "run scripts/update_translations.sh and translate these"


def test_compiled_catalog_is_up_to_date(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(fresh)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert fresh.read_bytes() == QM.read_bytes(), "run scripts/update_translations.sh"
