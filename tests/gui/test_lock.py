from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from mssclient.gui.lock_controller import LockController
from mssclient.gui.main_window import MainWindow
from mssclient.gui.sensitive import SensitiveViews
from mssclient.profile import Profile
from tests.conftest import FAST_KDF
from tests.gui.conftest import PASSPHRASE
from tests.gui.fake_views import PATIENT_TEXT, FakePatientView
from tests.gui.helpers import text_anywhere


def _assert_locked_and_clean(window: MainWindow, view: FakePatientView) -> None:
    assert window.is_locked
    assert not window.controller.profile.is_unlocked
    assert window.root.currentWidget() is window.lock_page
    assert window.windowTitle() == "MSSClient (verrouillé)"
    assert view.label.text() == ""
    assert view.model.rowCount() == 0
    assert not text_anywhere("DUPONT")


def test_ctrl_l_locks(qtbot, window: MainWindow) -> None:
    view = FakePatientView()
    window.set_area_widget("mail", view)
    assert text_anywhere("DUPONT")
    window.activateWindow()
    qtbot.keyClick(window.navigation, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.is_locked, timeout=3000)
    _assert_locked_and_clean(window, view)
    assert not window.lock_action.isEnabled()
    assert not window.settings_action.isEnabled()
    assert window.lock_page.panel.prompt.text() == (
        "Saisissez votre phrase de passe pour déverrouiller MSSClient."
    )


def test_locks_after_idle_delay(qtbot, window: MainWindow) -> None:
    view = FakePatientView()
    window.set_area_widget("teleexpertise", view)
    window.controller.set_idle_timeout_ms(200)
    assert window.controller.idle is not None and window.controller.idle.is_watching()
    qtbot.waitUntil(lambda: window.is_locked, timeout=5000)
    _assert_locked_and_clean(window, view)
    # A locked application does not go on counting idle time.
    assert not window.controller.idle.is_watching()


def test_user_input_restarts_idle_timer(qtbot, controller: LockController) -> None:
    idle = controller.idle
    assert idle is not None
    idle.set_timeout_ms(100_000)
    timer = idle._timer
    qtbot.wait(30)
    before = timer.remainingTime()
    assert before < 100_000
    target = QApplication.instance()
    press = QMouseEvent(
        QEvent.Type.MouseButtonPress,
        QPointF(1, 1),
        QPointF(1, 1),
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, press)
    assert timer.remainingTime() > before


def test_unlock_with_wrong_then_right_passphrase(qtbot, window: MainWindow) -> None:
    view = FakePatientView()
    window.set_area_widget("mail", view)
    window.controller.lock()
    panel = window.lock_page.panel
    assert panel.passphrase.isVisibleTo(window)

    panel.passphrase.setText("not the passphrase")
    qtbot.mouseClick(panel.unlock_button, Qt.MouseButton.LeftButton)
    assert window.is_locked
    assert panel.error.text() == "Phrase de passe incorrecte. Aucune donnée n'a été modifiée."
    assert panel.passphrase.text() == ""
    assert not text_anywhere("DUPONT")

    panel.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(panel.passphrase, Qt.Key.Key_Return)
    assert not window.is_locked
    assert window.controller.profile.is_unlocked
    assert window.root.currentWidget() is window.workspace
    assert window.windowTitle() == "Messagerie — MSSClient"
    assert view.restored == 1 and view.label.text() == PATIENT_TEXT
    assert window.controller.idle is not None and window.controller.idle.is_watching()
    assert panel.passphrase.text() == ""
    actions = [a for a in window.controller.profile.store.audit.entries() if "lock" in a.action]
    assert [a.action for a in actions[:2]] == ["store.unlock", "store.lock"]


def test_notifications_are_neutral_while_locked(window: MainWindow) -> None:
    window.controller.lock()
    window.notify("Avis de DUPONT Jeanne", "plaie du talon")
    message = window.statusBar().currentMessage()
    assert "DUPONT" not in message
    assert message == "MSSClient\u00a0: Nouvelle activité. Déverrouillez pour la consulter."


def test_lock_closes_settings_and_empties_audit_view(qtbot, window: MainWindow) -> None:
    dialog = window.open_settings()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.audit_model.rowCount() > 0
    window.controller.lock()
    assert dialog.audit_model.rowCount() == 0
    assert not dialog.isVisible()
    assert window.open_settings() is None  # no settings while locked


def test_failing_view_does_not_stop_the_lock(profile: Profile) -> None:
    class Broken:
        def clear_sensitive(self) -> None:
            raise ValueError("bug in a view")

    views = SensitiveViews()
    broken = Broken()
    good = FakePatientView()
    views.register(broken)
    views.register(good)
    controller = LockController(profile, views)
    controller.lock()
    assert not profile.is_unlocked
    assert good.label.text() == ""


def test_session_unlock_is_a_single_button(qtbot, memory_keyring, app_settings, french) -> None:
    profile = Profile.named("session")
    profile.create(passphrase=PASSPHRASE, use_keyring=True, kdf=FAST_KDF)
    profile.keys.set_unlock_with_os_session(True)
    controller = LockController(profile, SensitiveViews())
    window = MainWindow(controller, app_settings)
    qtbot.addWidget(window)
    window.show()
    controller.lock()
    panel = window.lock_page.panel
    assert panel.session_mode
    assert not panel.passphrase.isVisibleTo(window)
    assert panel.unlock_button.text() == "Déverrouiller"
    assert panel.prompt.text() == "Votre session déverrouille MSSClient."
    qtbot.mouseClick(panel.unlock_button, Qt.MouseButton.LeftButton)
    assert profile.is_unlocked
    assert window.root.currentWidget() is window.workspace
    controller.lock()


def test_session_unlock_falls_back_to_passphrase_when_keyring_lost(
    qtbot, memory_keyring, app_settings, french
) -> None:
    profile = Profile.named("session")
    profile.create(passphrase=PASSPHRASE, use_keyring=True, kdf=FAST_KDF)
    profile.keys.set_unlock_with_os_session(True)
    controller = LockController(profile, SensitiveViews())
    window = MainWindow(controller, app_settings)
    qtbot.addWidget(window)
    window.show()
    controller.lock()
    memory_keyring.secrets.clear()
    panel = window.lock_page.panel
    qtbot.mouseClick(panel.unlock_button, Qt.MouseButton.LeftButton)
    assert not profile.is_unlocked
    assert "trousseau" in panel.error.text()
    assert panel.passphrase.isVisibleTo(window)
    panel.passphrase.setText(PASSPHRASE)
    panel.try_unlock()
    assert profile.is_unlocked
    controller.lock()
