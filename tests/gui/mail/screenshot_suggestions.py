"""Screenshot of the composer suggesting recipients, in French (offscreen): the local
directory's answers, then the live Annuaire Santé's (a loopback HTTPS server).

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.gui.mail.screenshot_suggestions``
Writes docs/screenshots/composer-suggestions.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from mssclient.gui.i18n import install_translators
from mssclient.gui.mail import MailArea
from mssclient.gui.mail.operations import wait_for_operations
from mssclient.store import Store
from tests.gui.mail.factories import make_account
from tests.gui.mail.live_directory import HOSPITAL, client_factory, fhir_bundle, import_directory
from tests.integration.directory.https_server import Reply, TestHttpsServer

KEY = bytes(range(32))
OUT = Path(__file__).resolve().parents[3] / "docs" / "screenshots"


def main() -> int:
    app = QApplication(sys.argv)
    install_translators(app, "fr")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "store.db"
        store = Store.open(path, KEY, key_known_good=True)
        account = make_account(store)
        import_directory(store, folder)
        server = TestHttpsServer(folder).start()
        server.respond = lambda request: Reply(200, fhir_bundle())
        area = MailArea(lambda: store, lambda: Store.open(path, KEY, key_known_good=True))
        area.accounts = [account]
        area.hospital_domain = HOSPITAL
        area.live_client_factory = client_factory(server)
        composer = area.open_composer()
        composer.subject_edit.setText("Avis cardiologique – M. Lefèvre")
        composer.body_edit.setPlainText(
            "Bonjour,\n\nPourriez-vous donner votre avis sur l'ECG joint ?\n"
        )
        composer.activateWindow()
        composer.to_edit.setFocus()
        QTest.keyClicks(composer.to_edit, "durand")
        completer = composer.recipient_completers[0]
        answered: list[int] = []
        completer.live_answered.connect(answered.append)
        deadline = time.monotonic() + 20
        while not answered and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        assert answered, "the live directory did not answer"
        app.processEvents()
        # The list is a window of its own: paint it where it stands over the composer.
        popup = completer.completer.popup()
        where = popup.mapToGlobal(QPoint(0, 0)) - composer.mapToGlobal(QPoint(0, 0))
        area_rect = composer.rect().united(popup.rect().translated(where))
        shot = QPixmap(area_rect.size())
        shot.fill(composer.palette().window().color())
        painter = QPainter(shot)
        painter.drawPixmap(-area_rect.topLeft(), composer.grab())
        painter.drawPixmap(where - area_rect.topLeft(), popup.grab())
        painter.end()
        OUT.mkdir(parents=True, exist_ok=True)
        shot.save(str(OUT / "composer-suggestions.png"))
        composer.reject()
        area.shutdown()
        wait_for_operations()
        server.stop()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
