"""Screenshot of the mail area on the sandbox's demo data, in French (offscreen).

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.gui.mail.screenshot``
Writes docs/screenshots/messagerie.png (and messagerie-composer.png).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from mssclient.gui.mail import MailArea
from mssclient.gui.mail.operations import wait_for_operations
from mssclient.gui.resources import translations_dir
from mssclient.mailstore import MailRepository
from mssclient.sandbox import NURSE, Sandbox
from mssclient.security.tls import TrustAnchors
from mssclient.store import Store
from mssclient.transport.accounts import (
    Account,
    Security,
    ServerSettings,
    save_account,
    set_password,
)
from tests.keyring_memory import MemoryKeyring

KEY = bytes(range(32))
WHO = NURSE
OUT = Path(__file__).resolve().parents[3] / "docs" / "screenshots"


#: A few more fictional messages so the list looks like a working day (sender, subject, text).
EXTRA = (
    (
        "Laboratoire d'analyses Exempleville <resultats@labo-exempleville.sandbox.mssante.fr>",
        "XDM/1.0/DDM+Résultats d'analyses DUPONT Jeanne 12/03/1941",
        "Bonjour,\n\nVeuillez trouver les résultats du bilan du 18/11 (albumine, CRP).\n",
        True,
    ),
    (
        "Pharmacie de la Place <pharmacie.place@pharmaciens.sandbox.mssante.fr>",
        "Pansements hydrofibre disponibles",
        "Bonjour Madame Martin,\n\nLes pansements commandés pour Mme Dupont sont arrivés.\n",
        False,
    ),
    (
        "Secrétariat de médecine gériatrique <geriatrie@ch-exemple.sandbox.mssante.fr>",
        "Lettre de liaison – sortie de M. André Lefèvre",
        "Bonjour,\n\nM. Lefèvre sort demain ; la lettre de liaison est jointe.\n",
        True,
    ),
)


def _extra_raw(n: int, sender: str, subject: str, text: str, with_pdf: bool) -> bytes:
    from email.message import EmailMessage
    from email.utils import format_datetime, make_msgid

    message = EmailMessage()
    message["From"] = sender
    message["To"] = f"{WHO.display_name} <{WHO.address}>"
    message["Subject"] = subject
    message["Date"] = format_datetime(datetime.now(UTC) - timedelta(hours=3 * n + 1))
    message["Message-ID"] = make_msgid(domain="sandbox.mssante.fr")
    message.set_content(text)
    if with_pdf:
        message.add_attachment(
            b"%PDF-1.4\n% document fictif\n",
            maintype="application",
            subtype="pdf",
            filename="document.pdf",
        )
    return message.as_bytes()


def _wait(app: QApplication, predicate, seconds: float = 60) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the sandbox mail did not show up")
        app.processEvents()
        time.sleep(0.02)


def main() -> int:
    app = QApplication(sys.argv)
    translators = []
    for catalog in ("mssclient", "mail"):
        translator = QTranslator(app)
        if translator.load(f"{catalog}_fr", str(translations_dir())):
            app.installTranslator(translator)
            translators.append(translator)
    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory() as tmp, Sandbox(Path(tmp) / "sandbox") as sandbox:
        path = Path(tmp) / "store.db"
        store = Store.open(path, KEY, key_known_good=True)
        account = save_account(
            store,
            Account(
                address=WHO.address,
                login=WHO.login,
                display_name=WHO.display_name,
                imap=ServerSettings(sandbox.host, sandbox.imap_port, Security.TLS),
                smtp=ServerSettings(sandbox.host, sandbox.smtp_port, Security.TLS),
                trust_anchors=TrustAnchors.CA_FILE,
                ca_file=str(sandbox.ca_path),
            ),
        )
        set_password(account, WHO.password)
        for n, (sender, subject, text, pdf) in enumerate(EXTRA):
            sandbox.deliver(WHO.address, _extra_raw(n, sender, subject, text, pdf))
        area = MailArea(
            lambda: store, lambda: Store.open(path, KEY, key_known_good=True), poll_seconds=3600
        )
        area.resize(1200, 760)
        area.show()
        area.restore_sensitive()
        repo = MailRepository(store)

        def synced() -> bool:
            inbox = repo.folder_by_role(account.id, "inbox")  # type: ignore[arg-type]
            return inbox is not None and area.list_model.rowCount() >= 2 + len(EXTRA)

        _wait(app, synced)
        _wait(app, lambda: len(area.folder_model.folder_ids()) >= 4, 10)

        def sent_synced() -> bool:
            sent = repo.folder_by_role(account.id, "sent")  # type: ignore[arg-type]
            return sent is not None and repo.count(sent.id) > 0

        _wait(app, sent_synced, 30)
        area.folder_tree.expandAll()
        subjects = [area.list_model.row_at(r).subject for r in range(area.list_model.rowCount())]
        area.list_view.selectRow(next(i for i, s in enumerate(subjects) if "escarre" in s))
        _wait(app, lambda: area.reader.current is not None)
        app.processEvents()
        OUT.mkdir(parents=True, exist_ok=True)
        area.grab().save(str(OUT / "messagerie.png"))
        composer = area.reply(reply_all=True)
        assert composer is not None
        app.processEvents()
        composer.grab().save(str(OUT / "messagerie-composer.png"))
        composer.reject()
        area.shutdown()
        wait_for_operations()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
