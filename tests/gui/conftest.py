"""GUI test fixtures: offscreen Qt, French translators, an isolated settings file and a
ready profile (FAST_KDF keeps the passphrase KDF cheap)."""

from __future__ import annotations

import os

# Before anything loads Qt: no display is needed, nor used.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QApplication

from mssclient.gui.app import configure_application
from mssclient.gui.app_settings import AppSettings
from mssclient.gui.i18n import install_translators, remove_translators
from mssclient.gui.idle import IdleWatcher
from mssclient.gui.lock_controller import LockController
from mssclient.gui.main_window import MainWindow
from mssclient.gui.sensitive import SensitiveViews
from mssclient.profile import Profile
from tests.conftest import FAST_KDF

PASSPHRASE = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _named_application(qapp: QApplication) -> Iterator[None]:
    configure_application(qapp)
    yield
    # Windows a test left behind must not show up in the next test's "anywhere" checks.
    for top in QApplication.topLevelWidgets():
        if top.parent() is None:  # popups and menus belong to their owners: not ours
            top.close()
            top.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "fr")
    assert translators, "resources/translations/mssclient_fr.qm did not load"
    try:
        yield
    finally:
        remove_translators(qapp, translators)


@pytest.fixture
def app_settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def profile(no_keyring: None) -> Iterator[Profile]:
    """An unlocked profile protected by PASSPHRASE only (no keyring on this machine)."""
    created = Profile.named("default")
    created.create(passphrase=PASSPHRASE, use_keyring=False, kdf=FAST_KDF)
    try:
        yield created
    finally:
        created.lock()


@pytest.fixture
def controller(qapp: QApplication, profile: Profile) -> Iterator[LockController]:
    idle = IdleWatcher(qapp, 10 * 60_000)
    lock = LockController(profile, SensitiveViews(), idle)
    try:
        yield lock
    finally:
        idle.dispose()


@pytest.fixture
def window(
    qtbot, controller: LockController, app_settings: AppSettings, french: None
) -> MainWindow:
    main = MainWindow(controller, app_settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main
