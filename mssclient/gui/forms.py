"""Qt Designer forms from the top-level ui/ folder, loaded at run time.

QUiLoader translates a form's strings with the form's class name as the context, the same
context pyside6-lupdate gives them, so the French catalog covers the forms too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from mssclient import __version__
from mssclient.gui.resources import icon
from mssclient.paths import resources_dir


def ui_dir() -> Path:
    return resources_dir().parent / "ui"


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    path = ui_dir() / f"{name}.ui"
    file = QFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(path)
    try:
        widget = QUiLoader().load(file, parent)
    finally:
        file.close()
    if widget is None:
        raise ValueError(f"cannot load form {path.name}")
    return widget


def about_dialog(parent: QWidget | None = None) -> QDialog:
    dialog = load_form("about_dialog", parent)
    assert isinstance(dialog, QDialog)
    picture = dialog.findChild(QLabel, "iconLabel")
    version = dialog.findChild(QLabel, "versionLabel")
    if picture is None or version is None:
        raise ValueError("about_dialog.ui lacks iconLabel or versionLabel")
    picture.setPixmap(icon("app").pixmap(64, 64))
    version.setText(version.text().replace("%1", __version__))
    return dialog
