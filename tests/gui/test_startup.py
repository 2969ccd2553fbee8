from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from mssclient.gui.lock_controller import LockController
from mssclient.gui.sensitive import SensitiveViews
from mssclient.gui.startup import StartupFlow
from mssclient.gui.unlock_dialog import UnlockDialog
from mssclient.profile import Profile
from tests.conftest import FAST_KDF
from tests.gui.conftest import PASSPHRASE


def _existing_profile(*, keyring: bool, os_session: bool = False) -> Profile:
    profile = Profile.named("default")
    profile.create(passphrase=PASSPHRASE, use_keyring=keyring, kdf=FAST_KDF)
    if os_session:
        profile.keys.set_unlock_with_os_session(True)
    profile.lock()
    return Profile.named("default")  # a fresh object, as at the next start


def _with_modal_dialog(act) -> None:  # type: ignore[no-untyped-def]
    """Run ``act(dialog)`` once the start flow's modal dialog is up (exec() blocks)."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, poll)
        else:
            try:
                act(dialog)
            finally:
                # A failed step must fail the test, not leave exec() waiting forever.
                if dialog.isVisible():
                    dialog.reject()

    QTimer.singleShot(0, poll)


def test_keyring_session_unlocks_silently(qtbot, memory_keyring) -> None:
    profile = _existing_profile(keyring=True, os_session=True)
    flow = StartupFlow(LockController(profile, SensitiveViews()))
    assert flow.run()
    assert profile.is_unlocked
    profile.lock()


def test_passphrase_asked_wrong_then_right(qtbot, no_keyring, french) -> None:
    profile = _existing_profile(keyring=False)
    seen: list[str] = []

    def answer(dialog: UnlockDialog) -> None:
        assert dialog.windowTitle() == "Déverrouiller MSSClient"
        dialog.panel.passphrase.setText("wrong passphrase")
        dialog.panel.try_unlock()
        seen.append(dialog.panel.error.text())
        dialog.panel.passphrase.setText(PASSPHRASE)
        dialog.panel.try_unlock()

    _with_modal_dialog(answer)
    assert StartupFlow(LockController(profile, SensitiveViews())).run()
    assert seen == ["Phrase de passe incorrecte. Aucune donnée n'a été modifiée."]
    assert profile.is_unlocked
    profile.lock()


def test_quitting_the_unlock_dialog_stops_the_start(qtbot, no_keyring) -> None:
    profile = _existing_profile(keyring=False)
    _with_modal_dialog(lambda dialog: dialog.reject())
    assert not StartupFlow(LockController(profile, SensitiveViews())).run()
    assert not profile.is_unlocked


def test_lost_keyring_entry_falls_back_to_passphrase(qtbot, memory_keyring, french) -> None:
    profile = _existing_profile(keyring=True, os_session=True)
    memory_keyring.secrets.clear()
    shown: list[str] = []

    def answer(dialog: UnlockDialog) -> None:
        shown.append(dialog.panel.error.text())
        dialog.panel.passphrase.setText(PASSPHRASE)
        dialog.panel.try_unlock()

    _with_modal_dialog(answer)
    assert StartupFlow(LockController(profile, SensitiveViews())).run()
    assert shown and "introuvable dans le trousseau" in shown[0]
    profile.lock()


def test_damaged_store_gives_french_message_not_traceback(qtbot, no_keyring, french) -> None:
    profile = _existing_profile(keyring=False)
    raw = profile.store_path.read_bytes()
    profile.store_path.write_bytes(raw[:4096] + b"\x00" * 100)  # truncated
    shown: list[str] = []

    def answer(dialog: UnlockDialog) -> None:
        dialog.panel.passphrase.setText(PASSPHRASE)
        dialog.panel.try_unlock()
        shown.append(dialog.panel.error.text())
        dialog.reject()

    _with_modal_dialog(answer)
    assert not StartupFlow(LockController(profile, SensitiveViews())).run()
    assert shown and "Traceback" not in shown[0]
    assert shown[0].startswith("Le fichier de la base locale est endommagé")


def test_damaged_key_file_is_said_at_once_and_left_alone(qtbot, no_keyring, french) -> None:
    profile = _existing_profile(keyring=False)
    damaged = profile.keys.path.read_bytes()[:40]  # truncated mid-way
    profile.keys.path.write_bytes(damaged)
    store_before = profile.store_path.read_bytes()
    shown: list[str] = []

    def answer(box: QMessageBox) -> None:
        shown.append(box.text())
        box.accept()

    _with_modal_dialog(answer)
    flow = StartupFlow(LockController(profile, SensitiveViews()))
    assert not flow.run()
    assert flow.failed
    assert shown == [
        "Le fichier de protection de la clé de ce profil est illisible. "
        "La base n'a pas été modifiée."
    ]
    assert profile.keys.path.read_bytes() == damaged
    assert profile.store_path.read_bytes() == store_before
