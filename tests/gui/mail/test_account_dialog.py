"""The account dialog: autoconfig off the GUI thread, checks, password to the keyring."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from mssclient.gui.mail import MailArea
from mssclient.gui.mail.account_dialog import AccountDialog
from mssclient.security.tls import TrustAnchors
from mssclient.transport import autoconfig
from mssclient.transport.accounts import Security, get_password, load_accounts
from tests.gui.mail.conftest import Mailbox

CONFIG = b"""<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1"><emailProvider id="ch-exemple.test">
  <domain>ch-exemple.test</domain><displayName>CH d'Exemple</displayName>
  <incomingServer type="imap"><hostname>imap.ch-exemple.test</hostname><port>993</port>
    <socketType>SSL</socketType><username>%EMAILADDRESS%</username>
    <authentication>password-cleartext</authentication></incomingServer>
  <outgoingServer type="smtp"><hostname>smtp.ch-exemple.test</hostname><port>587</port>
    <socketType>STARTTLS</socketType><username>%EMAILADDRESS%</username>
    <authentication>password-cleartext</authentication></outgoingServer>
</emailProvider></clientConfig>"""


class _Config(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        found = self.path.startswith("/mail/config-v1.1.xml")
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", "text/xml")
        self.end_headers()
        if found:
            self.wfile.write(CONFIG)

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def config_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Config)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_detection_fills_the_servers(qtbot):
    # The real discover() over plain HTTP on loopback: HTTPS and trust are the transport's
    # own tests; here the point is the GUI side (off-thread call, fields filled).
    with config_server() as base:
        template = base + "/mail/config-v1.1.xml?emailaddress={address}"
        dialog = AccountDialog(
            discover=lambda address: autoconfig.discover(address, url_templates=(template,))
        )
        qtbot.addWidget(dialog)
        dialog.address.setText("dr.sophie.leroy@ch-exemple.test")
        dialog.detect()
        qtbot.waitUntil(lambda: dialog.detect_button.isEnabled(), timeout=10_000)
    assert dialog.imap_box.host.text() == "imap.ch-exemple.test"
    assert dialog.imap_box.port.value() == 993
    assert dialog.imap_box.security.currentData() == Security.TLS
    assert dialog.smtp_box.security.currentData() == Security.STARTTLS
    assert dialog.smtp_box.port.value() == 587
    assert dialog.login.text() == "dr.sophie.leroy@ch-exemple.test"


def test_detection_failure_is_said(qtbot):
    with config_server() as base:
        template = base + "/absent?emailaddress={address}"
        dialog = AccountDialog(
            discover=lambda address: autoconfig.discover(address, url_templates=(template,))
        )
        qtbot.addWidget(dialog)
        dialog.address.setText("x@inconnu.test")
        dialog.detect()
        qtbot.waitUntil(lambda: dialog.detect_button.isEnabled(), timeout=10_000)
    assert dialog.status.text()
    assert dialog.imap_box.host.text() == ""


def test_checks_refuse_plaintext_outside_loopback(qtbot):
    dialog = AccountDialog()
    qtbot.addWidget(dialog)
    dialog.address.setText("a@b.test")
    dialog.display_name.setText("Dr A")
    dialog.password.setText("secret")
    dialog.imap_box.host.setText("imap.b.test")
    dialog.imap_box.security.setCurrentIndex(
        dialog.imap_box.security.findData(Security.PLAIN.value)
    )
    dialog.smtp_box.host.setText("127.0.0.1")
    dialog.smtp_box.security.setCurrentIndex(
        dialog.smtp_box.security.findData(Security.PLAIN.value)
    )
    assert len(dialog.problems()) == 1
    dialog.anchors.setCurrentIndex(dialog.anchors.findData(TrustAnchors.CA_FILE.value))
    assert len(dialog.problems()) == 2


def test_saved_account_keeps_its_password_in_the_keyring(
    qtbot, mailbox: Mailbox, area: MailArea, memory_keyring
):
    area.restore_sensitive()
    dialog = area.add_account()
    dialog.address.setText("dermatologie@ch-exemple.test")
    dialog.display_name.setText("Service de dermatologie")
    dialog.login.setText("dermatologie@ch-exemple.test")
    dialog.password.setText("mot-de-passe")
    dialog.imap_box.host.setText("imap.ch-exemple.test")
    dialog.smtp_box.host.setText("smtp.ch-exemple.test")
    dialog.anchors.setCurrentIndex(dialog.anchors.findData(TrustAnchors.IGC_SANTE.value))
    dialog.buttons.accepted.emit()
    accounts = {a.address: a for a in load_accounts(mailbox.store)}
    saved = accounts["dermatologie@ch-exemple.test"]
    assert saved.trust_anchors is TrustAnchors.IGC_SANTE
    assert get_password(saved) == "mot-de-passe"
    assert "mot-de-passe" not in str(mailbox.store.query("SELECT * FROM mail_accounts"))
    assert area.folder_model.rowCount() == 2


def test_editing_an_account_keeps_its_id_and_password(
    qtbot, mailbox: Mailbox, area: MailArea, memory_keyring
):
    from mssclient.transport.accounts import set_password

    set_password(mailbox.account, "ancien")
    area.restore_sensitive()
    dialog = area.edit_account(mailbox.account.id)
    assert dialog is not None
    assert dialog.address.text() == mailbox.account.address
    assert dialog.problems() == [], "an existing account needs no new password"
    dialog.imap_box.port.setValue(10993)
    dialog.buttons.accepted.emit()
    saved = [a for a in load_accounts(mailbox.store) if a.address == mailbox.account.address]
    assert len(saved) == 1 and saved[0].id == mailbox.account.id
    assert saved[0].imap.port == 10993
    assert get_password(saved[0]) == "ancien"
