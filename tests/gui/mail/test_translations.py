"""The mail area speaks French with the app's catalog (its completeness is checked in
tests/gui/test_translations.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from mssclient.gui.mail import MailArea
from tests.gui.mail.conftest import Mailbox


def test_area_speaks_french(qtbot, mailbox: Mailbox, mail_french):
    area = MailArea(lambda: mailbox.store, None)
    qtbot.addWidget(area)
    area.restore_sensitive()
    assert area.new_button.text() == "Nouveau message"
    assert area.reply_all_button.text() == "Répondre à tous"
    assert area.list_model.headerData(0, Qt.Orientation.Horizontal) == "Objet"
    assert area.reader.source_button.text() == "Afficher la source"
    assert area.reader.save_button.text() == "Enregistrer…"
    assert area.folder_model.item(0).child(0).text().startswith("Boîte de réception")
    composer = area.open_composer()
    assert composer.send_button.text() == "Envoyer"
    assert "20,0 Mo" in composer.size_label.text()
    composer.reject()
