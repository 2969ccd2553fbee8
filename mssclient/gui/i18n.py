"""Which language the interface speaks, and the translators that make it so.

English is the source language of every string; French comes from the compiled
resources/translations/mssclient_fr.qm. The product is French first: unless English is
asked for (command line, settings) or the system speaks English, the interface is French.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from mssclient.gui.resources import translations_dir

log = logging.getLogger(__name__)

SUPPORTED = ("fr", "en")
CATALOG = "mssclient"


def choose_language(cli_lang: str | None, saved_lang: str | None, system_locale: str) -> str:
    """The command line wins, then the saved setting, then the system locale, then French."""
    for choice in (cli_lang, saved_lang):
        if choice in SUPPORTED:
            return choice
    if system_locale.lower().startswith("en"):
        return "en"
    return "fr"


def system_locale_name() -> str:
    return QLocale.system().name()


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load the app's and Qt's own catalogs for ``language``; English needs none.

    The translators are returned so the caller keeps them alive (and can remove them).
    """
    if language == "en":
        return []
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(f"{CATALOG}_{language}", str(translations_dir())):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("translation catalog %s_%s not found", CATALOG, language)
    # Qt's own strings (standard buttons, context menus of text fields).
    qt_base = QTranslator(app)
    if qt_base.load(
        f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_base)
        installed.append(qt_base)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
