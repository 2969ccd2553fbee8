"""Starting the GUI: the application object, its language, the start flow, the window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from mssclient import APP_ID, APP_NAME, __version__, paths
from mssclient.errors import MssError
from mssclient.gui.app_settings import AppSettings
from mssclient.gui.areas import install_feature_areas
from mssclient.gui.embedded_sandbox import sandbox_wanted, start_embedded_sandbox
from mssclient.gui.error_dialogs import install_excepthook, show_error
from mssclient.gui.i18n import (
    choose_language,
    install_translators,
    remove_translators,
    system_locale_name,
)
from mssclient.gui.idle import IdleWatcher
from mssclient.gui.lock_controller import LockController
from mssclient.gui.main_window import MainWindow
from mssclient.gui.resources import icon
from mssclient.gui.sensitive import SensitiveViews
from mssclient.gui.startup import StartupFlow
from mssclient.profile import Profile
from mssclient.sandbox.attached import RunningSandbox

ORGANIZATION_NAME = "MSSClient"
ORGANIZATION_DOMAIN = "mssclient.fr"


def configure_application(app: QCoreApplication) -> None:
    """Names used by QSettings, the desktop entry (APP_ID) and the window manager."""
    QCoreApplication.setOrganizationName(ORGANIZATION_NAME)
    QCoreApplication.setOrganizationDomain(ORGANIZATION_DOMAIN)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    if isinstance(app, QApplication):
        app.setDesktopFileName(APP_ID)
        app.setWindowIcon(icon("app"))


def effective_data_dir(data_dir: Path | None) -> Path | None:
    """The explicit data directory, from the argument or the environment override."""
    if data_dir is not None:
        return data_dir
    override = os.environ.get(paths.DATA_DIR_ENV)
    return Path(override) if override else None


def build_controller(
    app: QCoreApplication, profile: Profile, settings: AppSettings
) -> LockController:
    idle = IdleWatcher(app, settings.idle_lock_minutes * 60_000)
    return LockController(profile, SensitiveViews(), idle, parent=app)


def build_main_window(
    controller: LockController, settings: AppSettings, sandbox: RunningSandbox | None = None
) -> MainWindow:
    """The main window with the mail and directory areas mounted (a widget with
    ``clear_sensitive()`` is emptied on every lock)."""
    window = MainWindow(controller, settings)
    install_feature_areas(window, controller.profile, settings, sandbox=sandbox)
    return window


def maybe_start_sandbox(profile: Profile, base: Path | None) -> RunningSandbox | None:
    """The demo operator, while the profile has no real account (see embedded_sandbox)."""
    if not profile.is_unlocked or not sandbox_wanted(profile.store):
        return None
    return start_embedded_sandbox(base)


def run_gui(argv: list[str], *, lang: str | None, profile_name: str, data_dir: Path | None) -> int:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    configure_application(app)
    previous_hook = install_excepthook()
    base = effective_data_dir(data_dir)
    settings = AppSettings.for_data_dir(base)
    language = choose_language(lang, settings.language, system_locale_name())
    translators = install_translators(app, language)
    controller: LockController | None = None
    sandbox: RunningSandbox | None = None
    try:
        try:
            profile = Profile.named(profile_name, base)
        except ValueError:
            show_error(None, MssError("bad profile name", user_message=_bad_profile_message()))
            return 2
        controller = build_controller(app, profile, settings)
        startup = StartupFlow(controller)
        if not startup.run():
            return 1 if startup.failed else 0  # quitting at the start is a choice
        sandbox = maybe_start_sandbox(profile, base)
        window = build_main_window(controller, settings, sandbox)
        window.show()
        try:
            return int(app.exec())
        finally:
            window.close()
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    finally:
        if controller is not None:
            controller.lock()
            if controller.idle is not None:
                controller.idle.dispose()
            controller.setParent(None)
        if sandbox is not None:
            sandbox.stop()
        remove_translators(app, translators)
        sys.excepthook = previous_hook  # type: ignore[assignment]


def _bad_profile_message() -> str:
    return QCoreApplication.translate(
        "App", "The profile name may only contain letters, digits, '-' and '_'."
    )


if __name__ == "__main__":  # pragma: no cover - manual start for development
    sys.exit(run_gui(sys.argv, lang=None, profile_name="default", data_dir=None))
