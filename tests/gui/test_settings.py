from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from mssclient.errors import MssError
from mssclient.gui.app_settings import DEFAULT_IDLE_LOCK_MINUTES, AppSettings
from mssclient.gui.audit_model import AuditLogModel
from mssclient.gui.lock_controller import LockController
from mssclient.gui.main_window import MainWindow
from mssclient.gui.sensitive import SensitiveViews
from mssclient.gui.settings_dialog import SettingsDialog
from mssclient.profile import Profile
from tests.conftest import FAST_KDF
from tests.gui.conftest import PASSPHRASE


def test_default_idle_delay_is_ten_minutes(app_settings: AppSettings) -> None:
    assert app_settings.idle_lock_minutes == DEFAULT_IDLE_LOCK_MINUTES == 10


def test_unreadable_settings_fall_back_to_defaults(tmp_path) -> None:
    ini = tmp_path / "broken.ini"
    ini.write_text("[security]\nidle_lock_minutes=beaucoup\n[ui]\nlanguage=klingon\n")
    from PySide6.QtCore import QSettings

    settings = AppSettings(QSettings(str(ini), QSettings.Format.IniFormat))
    assert settings.idle_lock_minutes == 10
    assert settings.language is None


def test_settings_dialog_saves_delay_and_audits_it(
    qtbot, window: MainWindow, app_settings: AppSettings
) -> None:
    dialog = window.open_settings()
    assert dialog is not None
    assert dialog.windowTitle() == "Paramètres"
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert tabs == ["Général", "Profil", "Journal d'audit", "Certificats"]
    assert dialog.idle_minutes.value() == 10
    dialog.idle_minutes.setValue(3)
    dialog.accept()
    assert app_settings.idle_lock_minutes == 3
    assert window.controller.idle is not None
    assert window.controller.idle.timeout_ms == 3 * 60_000
    # Saved to the file: a new reader sees it.
    from PySide6.QtCore import QSettings

    again = AppSettings(QSettings(app_settings.file_name, QSettings.Format.IniFormat))
    assert again.idle_lock_minutes == 3
    entry = window.controller.profile.store.audit.entries(action_prefix="settings.")[0]
    assert (entry.action, entry.object, entry.detail) == (
        "settings.change",
        "idle_lock_minutes",
        "10 -> 3",
    )


def test_language_choice_is_saved_for_next_start(window: MainWindow, app_settings) -> None:
    app_settings.language = "fr"  # whatever the test machine's locale
    dialog = window.open_settings()
    assert dialog is not None
    assert dialog.language.currentData() == "fr"
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    assert app_settings.language == "en"
    objects = [e.object for e in window.controller.profile.store.audit.entries()]
    assert "language" in objects


def test_cancel_changes_nothing(window: MainWindow, app_settings) -> None:
    dialog = window.open_settings()
    assert dialog is not None
    dialog.idle_minutes.setValue(42)
    dialog.reject()
    assert app_settings.idle_lock_minutes == 10
    assert window.controller.profile.store.audit.count("settings.") == 0


def test_profile_location_is_shown_read_only(window: MainWindow) -> None:
    dialog = window.open_settings()
    assert dialog is not None
    profile = window.controller.profile
    assert dialog.profile_location.text() == str(profile.directory)
    assert dialog.profile_location.isReadOnly()
    assert dialog.data_location.isReadOnly()
    # No keyring on this machine: no "unlock with the session" option.
    assert not dialog.offers_os_session


def test_os_session_option_when_key_in_keyring(qtbot, memory_keyring, app_settings, french) -> None:
    profile = Profile.named("session")
    profile.create(passphrase=PASSPHRASE, use_keyring=True, kdf=FAST_KDF)
    controller = LockController(profile, SensitiveViews())
    dialog = SettingsDialog(controller, app_settings)
    qtbot.addWidget(dialog)
    assert dialog.offers_os_session and not dialog.os_session.isChecked()
    assert dialog.os_session.text().startswith("Déverrouiller avec ma session")
    assert profile.needs_passphrase()
    dialog.os_session.setChecked(True)
    dialog.accept()
    assert profile.keys.settings().unlock_with_os_session
    assert not profile.needs_passphrase()
    assert controller.can_unlock_with_session()
    assert profile.store.audit.entries(action_prefix="settings.")[0].object == (
        "unlock_with_os_session"
    )
    controller.lock()


def test_audit_viewer_shows_entries_page_by_page(qtbot, profile: Profile, french) -> None:
    audit = profile.store.audit
    for number in range(230):
        audit.append("dr.martin", "test.event", f"objet-{number}", "détail")
    model = AuditLogModel(profile, page_size=100)
    model.reload()
    root = QModelIndex()
    assert model.rowCount() == 100
    assert model.canFetchMore(root)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Date", "Acteur", "Action", "Objet"]
    newest = [model.data(model.index(0, c)) for c in (1, 2, 3)]
    assert newest == ["dr.martin", "test.event", "objet-229"]
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) == "détail"
    # An entry written while the viewer is open shifts the pages: no row comes twice.
    audit.append("dr.martin", "test.event", "late")
    while model.canFetchMore(root):
        model.fetchMore(root)
    objects = [model.data(model.index(r, 3)) for r in range(model.rowCount())]
    assert len(objects) == len(set(objects)) == audit.count() - 1
    assert "late" not in objects  # shown at the next reload
    assert objects[-1] == "default"  # the profile's creation, the oldest entry
    model.reload()
    assert model.data(model.index(0, 3)) == "late"
    while model.canFetchMore(root):
        model.fetchMore(root)
    oldest = model.rowCount() - 1
    assert model.data(model.index(oldest, 2)) == "Profil créé"
    assert model.data(model.index(oldest, 2), Qt.ItemDataRole.ToolTipRole) == "store.create"
    model.clear_sensitive()
    assert model.rowCount() == 0 and not model.canFetchMore(root)


def test_audit_tab_in_dialog_lists_entries(qtbot, window: MainWindow) -> None:
    window.controller.profile.store.audit.append("dr.martin", "mail.read", "message-7")
    dialog = window.open_settings()
    assert dialog is not None
    dialog.tabs.setCurrentIndex(2)
    qtbot.waitExposed(dialog)
    model = dialog.audit_view.model()
    assert model is dialog.audit_model
    assert model.data(model.index(0, 2)) == "mail.read"
    assert model in window.views  # cleared on lock


def test_hospital_directory_address_is_saved_and_audited(
    window: MainWindow, app_settings: AppSettings
) -> None:
    dialog = window.open_settings()
    assert dialog is not None
    assert dialog.directory_url.text() == ""
    dialog.directory_url.setText("  https://annuaire.ch-exemple.fr/bundle.json ")
    dialog.directory_ca_file.setText("/etc/ssl/ch-exemple.pem")
    dialog.save()
    assert app_settings.hospital_directory_url == "https://annuaire.ch-exemple.fr/bundle.json"
    assert app_settings.hospital_directory_ca_file == "/etc/ssl/ch-exemple.pem"
    objects = [e.object for e in window.controller.profile.store.audit.entries()]
    assert "hospital_directory_url" in objects and "hospital_directory_ca_file" in objects


def test_a_plain_http_directory_address_is_refused_and_nothing_saved(
    window: MainWindow, app_settings: AppSettings
) -> None:
    dialog = window.open_settings()
    assert dialog is not None
    dialog.idle_minutes.setValue(5)
    dialog.directory_url.setText("http://annuaire.ch-exemple.fr/bundle.json")
    with pytest.raises(MssError) as refused:
        dialog.save()
    assert refused.value.user_message == (
        "L'adresse de l'annuaire de l'hôpital doit commencer par https://"
    )
    assert app_settings.idle_lock_minutes == 10
    assert app_settings.hospital_directory_url == ""
    dialog.reject()


def test_a_hand_edited_non_https_address_reads_as_unset(app_settings: AppSettings) -> None:
    app_settings.hospital_directory_url = "ftp://ailleurs.example/bundle.json"
    assert app_settings.hospital_directory_url == ""
