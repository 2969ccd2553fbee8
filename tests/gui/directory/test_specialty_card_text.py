"""Card values are escaped HTML shown as rich text: an apostrophe reads as one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from mssclient.directory.refresh import import_local_file
from mssclient.store import Store
from tests.gui.directory.test_annuaire_view import DEMO, MONDAY_10H, URL, make_view


def test_hours_with_an_apostrophe_read_plainly(qtbot: QtBot, temp_store: Store) -> None:
    import_local_file(temp_store, URL, DEMO, MONDAY_10H)
    view = make_view(qtbot, temp_store, {"now": MONDAY_10H})
    view.select_specialty("cardiologie")
    label = view.card._labels["hours"]
    assert label.textFormat() == Qt.TextFormat.RichText
    shown = QTextDocument()
    shown.setHtml(label.text())
    assert "d'un senior" in shown.toPlainText()
    assert "&#x27;" not in shown.toPlainText()
