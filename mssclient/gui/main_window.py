"""The main window: navigation between the three areas, status bar, menus, tray icon,
and the lock page that replaces everything while the application is locked."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QSystemTrayIcon,
    QWidget,
)

from mssclient.gui.app_settings import AppSettings
from mssclient.gui.forms import about_dialog
from mssclient.gui.lock_controller import LockController
from mssclient.gui.lock_page import LockPage
from mssclient.gui.placeholder_page import PlaceholderPage
from mssclient.gui.resources import icon
from mssclient.gui.sensitive import SensitiveView
from mssclient.gui.settings_dialog import SettingsDialog

# Area keys in navigation order; the icon of each has the same name.
AREA_KEYS = ("mail", "teleexpertise", "directory")

STATUS_MESSAGE_MS = 15_000


def area_title(key: str) -> str:
    titles = {
        "mail": QCoreApplication.translate("Areas", "Mail"),
        "teleexpertise": QCoreApplication.translate("Areas", "Tele-expertise"),
        "directory": QCoreApplication.translate("Areas", "Directory"),
    }
    return titles[key]


class MainWindow(QMainWindow):
    def __init__(
        self, controller: LockController, settings: AppSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self.views = controller.views
        self.settings_dialog: SettingsDialog | None = None
        self.setWindowIcon(icon("app"))

        # Workspace: navigation list on the left, the current area on the right.
        self.navigation = QListWidget(self)
        self.navigation.setIconSize(QSize(32, 32))
        self.navigation.setSpacing(2)
        self.navigation.setFixedWidth(190)
        self.navigation.setAccessibleName(self.tr("Areas"))
        self.areas = QStackedWidget(self)
        for key in AREA_KEYS:
            item = QListWidgetItem(icon(key), area_title(key))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setSizeHint(QSize(0, 44))
            self.navigation.addItem(item)
            self.areas.addWidget(PlaceholderPage(area_title(key), icon(key), self.areas))
        self.navigation.currentRowChanged.connect(self._on_area_changed)
        workspace = QWidget(self)
        row = QHBoxLayout(workspace)
        row.setContentsMargins(6, 6, 6, 6)
        row.addWidget(self.navigation)
        row.addWidget(self.areas, 1)

        self.lock_page = LockPage(controller, self)
        self.lock_page.panel.unlocked.connect(self._show_workspace)
        self.root = QStackedWidget(self)
        self.root.addWidget(workspace)
        self.root.addWidget(self.lock_page)
        self.workspace = workspace
        self.setCentralWidget(self.root)

        self.connection_label = QLabel(self.tr("Not connected"), self)
        self.statusBar().addPermanentWidget(self.connection_label)

        self._build_actions()
        self._build_menus()
        self.tray = self._build_tray()

        controller.locked.connect(self._show_lock_page)
        controller.unlocked.connect(self._show_workspace)
        self.navigation.setCurrentRow(0)
        if controller.is_locked:
            self._show_lock_page()
        else:
            self._show_workspace()
        self.resize(1200, 760)

    # -- public API for the feature areas ------------------------------------------------------
    def set_area_widget(self, area_key: str, widget: QWidget) -> None:
        """Put a feature's widget in place of an area's placeholder.

        A widget with ``clear_sensitive()`` is registered so that locking empties it.
        """
        index = AREA_KEYS.index(area_key)
        old = self.area_widget(area_key)
        self.areas.insertWidget(index, widget)
        self.areas.removeWidget(old)
        if isinstance(old, SensitiveView):
            self.views.unregister(old)
        old.deleteLater()
        if isinstance(widget, SensitiveView):
            self.views.register(widget)
        if self.navigation.currentRow() == index:
            self.areas.setCurrentIndex(index)

    def area_widget(self, area_key: str) -> QWidget:
        widget = self.areas.widget(AREA_KEYS.index(area_key))
        assert widget is not None  # every area always has a page
        return widget

    def current_area(self) -> str:
        return AREA_KEYS[max(0, self.navigation.currentRow())]

    def show_area(self, area_key: str) -> None:
        self.navigation.setCurrentRow(AREA_KEYS.index(area_key))

    def set_connection_state(self, text: str) -> None:
        self.connection_label.setText(text)

    def connection_state(self) -> str:
        return self.connection_label.text()

    def notify(self, title: str, message: str) -> None:
        """A desktop notification, or a status bar message where there is no tray.

        While locked the text is replaced by a neutral one: it could name a patient.
        """
        if self.controller.is_locked:
            title = "MSSClient"
            message = self.tr("New activity. Unlock to see it.")
        if self.tray is not None and QSystemTrayIcon.supportsMessages():
            self.tray.showMessage(title, message, icon("app"))
        else:
            text = self.tr("%1: %2").replace("%1", title).replace("%2", message)
            self.statusBar().showMessage(text, STATUS_MESSAGE_MS)

    @property
    def is_locked(self) -> bool:
        return self.controller.is_locked

    # -- building ------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.lock_action = QAction(icon("lock"), self.tr("&Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.controller.lock)
        self.settings_action = QAction(self.tr("&Settings…"), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(QApplication.quit)
        self.about_action = QAction(self.tr("&About MSSClient"), self)
        self.about_action.triggered.connect(self.show_about)
        for action in (self.lock_action, self.settings_action, self.quit_action):
            self.addAction(action)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)
        self.file_menu = file_menu
        self.help_menu = help_menu

    def _build_tray(self) -> QSystemTrayIcon | None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return None
        tray = QSystemTrayIcon(icon("app"), self)
        tray.setToolTip("MSSClient")
        menu = QMenu(self)
        show = menu.addAction(self.tr("Show MSSClient"))
        show.triggered.connect(self._raise_window)
        menu.addAction(self.lock_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        tray.setContextMenu(menu)
        tray.activated.connect(self._on_tray_activated)
        tray.show()
        return tray

    # -- reactions -----------------------------------------------------------------------------
    def _on_area_changed(self, row: int) -> None:
        if row >= 0:
            self.areas.setCurrentIndex(row)
            self._update_title()

    def _update_title(self) -> None:
        if self.controller.is_locked:
            self.setWindowTitle(self.tr("MSSClient (locked)"))
        else:
            self.setWindowTitle(
                self.tr("%1 — MSSClient").replace("%1", area_title(self.current_area()))
            )

    def _show_lock_page(self) -> None:
        self.root.setCurrentWidget(self.lock_page)
        self.lock_page.panel.refresh()
        self.lock_page.panel.focus_input()
        for action in (self.lock_action, self.settings_action):
            action.setEnabled(False)
        self.statusBar().clearMessage()
        self._update_title()

    def _show_workspace(self) -> None:
        self.root.setCurrentWidget(self.workspace)
        for action in (self.lock_action, self.settings_action):
            action.setEnabled(True)
        self._update_title()

    def _raise_window(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def _on_tray_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self._raise_window()

    def open_settings(self) -> SettingsDialog | None:
        if self.controller.is_locked:
            return None
        dialog = SettingsDialog(self.controller, self.settings, self)
        dialog.finished.connect(dialog.deleteLater)
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def show_about(self) -> QDialog:
        dialog = about_dialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.tray is not None:
            self.tray.hide()
        super().closeEvent(event)
