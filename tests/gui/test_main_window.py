from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from mssclient.gui.main_window import AREA_KEYS, MainWindow
from mssclient.gui.placeholder_page import PlaceholderPage
from tests.gui.fake_views import FakePatientView


def test_three_areas_in_french(window: MainWindow) -> None:
    titles = [window.navigation.item(row).text() for row in range(window.navigation.count())]
    assert titles == ["Messagerie", "Télé-expertise", "Annuaire"]
    assert window.areas.count() == 3
    assert window.current_area() == "mail"
    assert window.windowTitle() == "Messagerie — MSSClient"
    page = window.area_widget("mail")
    assert isinstance(page, PlaceholderPage)
    assert page.message.text() == "Cet espace arrive dans une prochaine version de MSSClient."


def test_navigation_switches_area(window: MainWindow) -> None:
    window.navigation.setCurrentRow(2)
    assert window.current_area() == "directory"
    assert window.areas.currentWidget() is window.area_widget("directory")
    assert window.windowTitle() == "Annuaire — MSSClient"
    window.show_area("teleexpertise")
    assert window.areas.currentIndex() == AREA_KEYS.index("teleexpertise")


def test_menus_in_french(window: MainWindow) -> None:
    assert window.file_menu.title() == "&Fichier"
    assert window.help_menu.title() == "&Aide"
    file_actions = [a.text() for a in window.file_menu.actions() if not a.isSeparator()]
    assert file_actions == ["&Verrouiller", "&Paramètres…", "&Quitter"]
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    assert [a.text() for a in window.help_menu.actions()] == ["À &propos de MSSClient"]


def test_about_dialog_from_designer_form_in_french(qtbot, window: MainWindow) -> None:
    dialog = window.show_about()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "À propos de MSSClient"
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Version 0.1.0" in texts
    assert any(text.startswith("Messagerie sécurisée de santé (MSSanté)") for text in texts)
    dialog.close()


def test_set_area_widget_replaces_placeholder_and_registers_sensitive_view(
    window: MainWindow,
) -> None:
    view = FakePatientView()
    window.set_area_widget("mail", view)
    assert window.area_widget("mail") is view
    assert window.areas.currentWidget() is view
    assert view in window.views
    plain = QWidget()
    plain_label = QLabel("annuaire", plain)
    window.set_area_widget("directory", plain)
    assert window.area_widget("directory") is plain
    assert plain not in window.views  # nothing sensitive to clear
    assert plain_label.text() == "annuaire"
    assert window.areas.count() == 3


def test_connection_state_and_notification_fallback(window: MainWindow) -> None:
    assert window.connection_state() == "Non connecté"
    window.set_connection_state("Synchronisation…")
    assert window.connection_label.text() == "Synchronisation…"
    # Offscreen has no system tray: notifications go to the status bar.
    assert window.tray is None
    window.notify("Nouveau message", "Avis demandé")
    assert window.statusBar().currentMessage() == "Nouveau message\u00a0: Avis demandé"
