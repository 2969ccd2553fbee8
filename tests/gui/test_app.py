"""run_gui from start to quit, as `mssclient` runs it (the event loop is real)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from mssclient import APP_ID
from mssclient.gui.app import run_gui
from mssclient.gui.first_run_dialog import FirstRunDialog
from mssclient.gui.main_window import MainWindow
from mssclient.profile import Profile
from tests.conftest import FAST_KDF
from tests.gui.conftest import PASSPHRASE


def _when(condition, act) -> None:  # type: ignore[no-untyped-def]
    """Poll the running event loop until ``condition()`` gives a widget, then act on it."""

    def poll() -> None:
        found = condition()
        if found is None:
            QTimer.singleShot(10, poll)
            return
        try:
            act(found)
        finally:
            # exit() ends the running loop at once; quit() would post an event that
            # could also end the next test's loop.
            QApplication.exit(0)

    QTimer.singleShot(0, poll)


def _main_window() -> MainWindow | None:
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    return windows[0] if windows and windows[0].isVisible() else None


def test_run_gui_opens_main_window_in_french(qapp, memory_keyring) -> None:
    profile = Profile.named("default")
    profile.create(passphrase=PASSPHRASE, use_keyring=True, kdf=FAST_KDF)
    profile.keys.set_unlock_with_os_session(True)
    profile.lock()
    seen: dict[str, object] = {}

    def look(window: MainWindow) -> None:
        seen["title"] = window.windowTitle()
        seen["areas"] = [window.navigation.item(i).text() for i in range(3)]
        seen["unlocked"] = window.controller.profile.is_unlocked

    _when(_main_window, look)
    assert run_gui(["mssclient"], lang="fr", profile_name="default", data_dir=None) == 0
    assert seen == {
        "title": "Messagerie — MSSClient",
        "areas": ["Messagerie", "Télé-expertise", "Annuaire"],
        "unlocked": True,
    }
    assert qapp.desktopFileName() == APP_ID
    assert QCoreApplication.applicationName() == "MSSClient"
    # The translator is gone once run_gui returns, and the store was closed at exit.
    assert QCoreApplication.translate("Areas", "Mail") == "Mail"
    reopened = Profile.named("default")
    reopened.unlock_with_keyring()
    assert [e.action for e in reopened.store.audit.entries(limit=2)] == [
        "store.unlock",
        "store.lock",
    ]
    reopened.lock()


def test_run_gui_first_run_in_english(qapp, no_keyring) -> None:
    seen: list[str] = []

    def first_run() -> FirstRunDialog | None:
        dialog = QApplication.activeModalWidget()
        return dialog if isinstance(dialog, FirstRunDialog) else None

    def fill(dialog: FirstRunDialog) -> None:
        seen.append(dialog.windowTitle())
        dialog.passphrase.setText(PASSPHRASE)
        dialog.confirmation.setText(PASSPHRASE)
        _when(_main_window, lambda window: seen.append(window.windowTitle()))
        dialog.create_button.click()

    def poll() -> None:
        dialog = first_run()
        if dialog is None:
            QTimer.singleShot(10, poll)
        else:
            fill(dialog)

    QTimer.singleShot(0, poll)
    assert run_gui(["mssclient"], lang="en", profile_name="default", data_dir=None) == 0
    assert seen == ["Protect your data", "Mail — MSSClient"]
    assert not Profile.named("default").is_new


def test_run_gui_refuses_a_bad_profile_name(qapp) -> None:
    def dismiss() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(10, dismiss)
        else:
            seen.append(box.text())
            box.close()

    seen: list[str] = []
    QTimer.singleShot(0, dismiss)
    assert run_gui(["mssclient"], lang="fr", profile_name="../etc", data_dir=None) == 2
    assert seen == [
        "Le nom du profil ne peut contenir que des lettres, des chiffres, « - » et « _ »."
    ]


def test_quitting_at_first_run_is_not_an_error(qapp, no_keyring) -> None:
    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, FirstRunDialog):
            dialog.reject()
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)
    assert run_gui(["mssclient"], lang="fr", profile_name="default", data_dir=None) == 0
    assert Profile.named("default").is_new
