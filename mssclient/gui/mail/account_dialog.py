"""The account dialog: address, servers, security, login, password, trust anchors.

"Automatic detection" asks the domain's autoconfig server off the GUI thread. The password
goes to the OS keyring through the transport's account API, never to the store.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mssclient.gui.mail.operations import Op
from mssclient.mail.addresses import is_valid_address
from mssclient.security.tls import TrustAnchors, is_loopback
from mssclient.transport import autoconfig
from mssclient.transport.accounts import (
    Account,
    AccountKind,
    Security,
    ServerSettings,
)
from mssclient.transport.autoconfig import AutoconfigResult

DEFAULT_PORTS = {
    ("imap", Security.TLS): 993,
    ("imap", Security.STARTTLS): 143,
    ("smtp", Security.TLS): 465,
    ("smtp", Security.STARTTLS): 587,
}


class _ServerBox(QGroupBox):
    def __init__(self, title: str, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.kind = kind
        self.host = QLineEdit()
        self.host.setObjectName(f"{kind}Host")
        self.port = QSpinBox()
        self.port.setObjectName(f"{kind}Port")
        self.port.setRange(1, 65535)
        self.security = QComboBox()
        self.security.setObjectName(f"{kind}Security")
        self.security.addItem(self.tr("TLS"), Security.TLS.value)
        self.security.addItem(self.tr("STARTTLS"), Security.STARTTLS.value)
        self.security.addItem(self.tr("None (local test server only)"), Security.PLAIN.value)
        self.security.currentIndexChanged.connect(self._default_port)
        form = QFormLayout(self)
        form.addRow(self.tr("Server:"), self.host)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("Security:"), self.security)
        self._default_port()

    def _default_port(self) -> None:
        port = DEFAULT_PORTS.get((self.kind, Security(self.security.currentData())))
        if port is not None and (
            self.port.value() in DEFAULT_PORTS.values() or self.port.value() <= 1
        ):
            self.port.setValue(port)

    def settings(self) -> ServerSettings:
        return ServerSettings(
            self.host.text().strip(), self.port.value(), Security(self.security.currentData())
        )

    def set_settings(self, settings: ServerSettings) -> None:
        self.host.setText(settings.host)
        self.security.setCurrentIndex(max(0, self.security.findData(settings.security.value)))
        self.port.setValue(settings.port)


class AccountDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        account: Account | None = None,
        discover: Callable[[str], AutoconfigResult] = autoconfig.discover,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("accountDialog")
        self.setWindowTitle(self.tr("Mail account"))
        self._discover = discover
        self._existing = account

        self.address = QLineEdit()
        self.address.setObjectName("accountAddress")
        self.address.setPlaceholderText(self.tr("first.last@domain.mssante.fr"))
        self.display_name = QLineEdit()
        self.display_name.setObjectName("accountDisplayName")
        self.display_name.setPlaceholderText(self.tr("Dr Jeanne Martin"))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Personal mailbox"), AccountKind.PERSONAL.value)
        self.kind.addItem(self.tr("Organisational mailbox"), AccountKind.ORGANISATIONAL.value)
        self.login = QLineEdit()
        self.login.setObjectName("accountLogin")
        self.password = QLineEdit()
        self.password.setObjectName("accountPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.detect_button = QPushButton(self.tr("Automatic detection"))
        self.detect_button.setObjectName("autodetectButton")
        self.detect_button.clicked.connect(self.detect)

        self.imap_box = _ServerBox(self.tr("Incoming mail (IMAP)"), "imap")
        self.smtp_box = _ServerBox(self.tr("Outgoing mail (SMTP)"), "smtp")

        self.anchors = QComboBox()
        self.anchors.setObjectName("trustAnchors")
        self.anchors.addItem(
            self.tr("IGC-Santé roots (MSSanté operators)"), TrustAnchors.IGC_SANTE.value
        )
        self.anchors.addItem(self.tr("System certificate store"), TrustAnchors.SYSTEM.value)
        self.anchors.addItem(self.tr("A CA certificate file"), TrustAnchors.CA_FILE.value)
        self.ca_file = QLineEdit()
        self.ca_file.setObjectName("caFile")
        self.ca_browse = QPushButton(self.tr("Choose…"))
        self.ca_browse.clicked.connect(self._choose_ca)
        self.anchors.currentIndexChanged.connect(self._update_ca)

        self.smime_box = QGroupBox(self.tr("End-to-end security (S/MIME)"))
        self.smime_sign = QCheckBox(self.tr("Sign my messages when I have a certificate"))
        self.smime_sign.setObjectName("smimeSign")
        self.smime_sign.setChecked(True)
        self.smime_require = QCheckBox(
            self.tr("Require encryption: refuse to send to recipients without a certificate")
        )
        self.smime_require.setObjectName("smimeRequireEncryption")
        self.smime_anchors = QComboBox()
        self.smime_anchors.setObjectName("smimeAnchors")
        self.smime_anchors.addItem(self.tr("IGC-Santé roots"), TrustAnchors.IGC_SANTE.value)
        self.smime_anchors.addItem(self.tr("System certificate store"), TrustAnchors.SYSTEM.value)
        self.smime_anchors.addItem(self.tr("A CA certificate file"), TrustAnchors.CA_FILE.value)
        self.smime_ca_file = QLineEdit()
        self.smime_ca_file.setObjectName("smimeCaFile")
        self.smime_ca_browse = QPushButton(self.tr("Choose…"))
        self.smime_ca_browse.clicked.connect(self._choose_smime_ca)
        self.smime_anchors.currentIndexChanged.connect(self._update_ca)
        smime_form = QFormLayout(self.smime_box)
        smime_form.addRow(self.smime_sign)
        smime_form.addRow(self.smime_require)
        smime_ca_row = QHBoxLayout()
        smime_ca_row.addWidget(self.smime_ca_file, 1)
        smime_ca_row.addWidget(self.smime_ca_browse)
        smime_form.addRow(self.tr("Authorities for signatures:"), self.smime_anchors)
        smime_form.addRow(self.tr("CA file:"), smime_ca_row)

        self.status = QLabel()
        self.status.setObjectName("accountStatus")
        self.status.setWordWrap(True)

        identity = QFormLayout()
        address_row = QHBoxLayout()
        address_row.addWidget(self.address, 1)
        address_row.addWidget(self.detect_button)
        identity.addRow(self.tr("Address:"), address_row)
        identity.addRow(self.tr("Display name:"), self.display_name)
        identity.addRow(self.tr("Mailbox type:"), self.kind)
        identity.addRow(self.tr("Login:"), self.login)
        identity.addRow(self.tr("Password:"), self.password)
        trust = QFormLayout()
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(self.ca_browse)
        trust.addRow(self.tr("Trusted certificates:"), self.anchors)
        trust.addRow(self.tr("CA file:"), ca_row)
        servers = QHBoxLayout()
        servers.addWidget(self.imap_box)
        servers.addWidget(self.smtp_box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        # Own texts: Qt's catalog for standard buttons is not always installed.
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(identity)
        layout.addLayout(servers)
        layout.addLayout(trust)
        layout.addWidget(self.smime_box)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        if account is not None:
            self.set_account(account)
        self._update_ca()

    # -- filling ---------------------------------------------------------------------------------
    def set_account(self, account: Account) -> None:
        self.address.setText(account.address)
        self.display_name.setText(account.display_name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(account.kind.value)))
        self.login.setText(account.login)
        self.imap_box.set_settings(account.imap)
        self.smtp_box.set_settings(account.smtp)
        self.anchors.setCurrentIndex(max(0, self.anchors.findData(account.trust_anchors.value)))
        self.ca_file.setText(account.ca_file)
        self.smime_sign.setChecked(account.smime_sign)
        self.smime_require.setChecked(account.smime_require_encryption)
        self.smime_anchors.setCurrentIndex(
            max(0, self.smime_anchors.findData(account.smime_anchors.value))
        )
        self.smime_ca_file.setText(account.smime_ca_file)

    def _update_ca(self) -> None:
        wanted = self.anchors.currentData() == TrustAnchors.CA_FILE
        self.ca_file.setEnabled(wanted)
        self.ca_browse.setEnabled(wanted)
        smime_wanted = self.smime_anchors.currentData() == TrustAnchors.CA_FILE
        self.smime_ca_file.setEnabled(smime_wanted)
        self.smime_ca_browse.setEnabled(smime_wanted)

    def _choose_smime_ca(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("CA certificate file"),
            "",
            self.tr("Certificates (*.pem *.crt *.cer *.der)"),
        )
        if name:
            self.smime_ca_file.setText(name)

    def _choose_ca(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("CA certificate file"), "", self.tr("Certificates (*.pem *.crt *.cer)")
        )
        if name:
            self.ca_file.setText(name)

    # -- autoconfiguration -------------------------------------------------------------------------
    def detect(self) -> None:
        address = self.address.text().strip()
        if not is_valid_address(address):
            self.status.setText(self.tr("Type a valid mail address first."))
            return
        self.detect_button.setEnabled(False)
        self.status.setText(self.tr("Looking for the settings of %1…").replace("%1", address))
        discover = self._discover
        Op(self, lambda: discover(address)).success(self._detected).failure(
            self._detect_failed
        ).run()

    def _detected(self, result: AutoconfigResult) -> None:
        self.detect_button.setEnabled(True)
        self.imap_box.set_settings(result.imap)
        self.smtp_box.set_settings(result.smtp)
        self.login.setText(result.login)
        self.status.setText(
            self.tr("Settings found (%1). Check them, then type your password.").replace(
                "%1", result.display_name or result.source
            )
        )

    def _detect_failed(self, exc: BaseException) -> None:
        self.detect_button.setEnabled(True)
        self.status.setText(
            self.tr("No automatic settings were found for this address. Fill them in by hand.")
        )

    # -- result ----------------------------------------------------------------------------------
    def problems(self) -> list[str]:
        found = []
        if not is_valid_address(self.address.text().strip()):
            found.append(self.tr("The address is not valid."))
        if not self.display_name.text().strip():
            found.append(self.tr("A display name is required (MSSanté rule)."))
        for box in (self.imap_box, self.smtp_box):
            settings = box.settings()
            if not settings.host:
                found.append(self.tr("A server name is missing."))
            elif settings.security is Security.PLAIN and not is_loopback(settings.host):
                found.append(self.tr("Unencrypted connections are only allowed to this computer."))
        if self.anchors.currentData() == TrustAnchors.CA_FILE and not self.ca_file.text().strip():
            found.append(self.tr("Choose the CA certificate file."))
        if (
            self.smime_anchors.currentData() == TrustAnchors.CA_FILE
            and not self.smime_ca_file.text().strip()
        ):
            found.append(self.tr("Choose the CA file for signatures."))
        if self._existing is None and not self.password.text():
            found.append(self.tr("The password is required."))
        return found

    def _accept_if_valid(self) -> None:
        problems = self.problems()
        if problems:
            self.status.setText("\n".join(problems))
            return
        self.accept()

    def account(self) -> Account:
        address = self.address.text().strip()
        existing_id = self._existing.id if self._existing is not None else None
        return Account(
            id=existing_id,
            address=address,
            login=self.login.text().strip() or address,
            display_name=self.display_name.text().strip(),
            kind=AccountKind(self.kind.currentData()),
            imap=self.imap_box.settings(),
            smtp=self.smtp_box.settings(),
            trust_anchors=TrustAnchors(self.anchors.currentData()),
            ca_file=self.ca_file.text().strip(),
            product_nil=self._existing.product_nil if self._existing is not None else "",
            smime_sign=self.smime_sign.isChecked(),
            smime_require_encryption=self.smime_require.isChecked(),
            smime_anchors=TrustAnchors(self.smime_anchors.currentData()),
            smime_ca_file=self.smime_ca_file.text().strip(),
        )

    def password_text(self) -> str:
        return self.password.text()

    def clear_sensitive(self) -> None:
        self.password.clear()


def save_from_dialog(store_save: Callable[[Account], Account], dialog: AccountDialog) -> Account:
    """Store the account, then its password in the keyring (raises MssError in French)."""
    from mssclient.transport.accounts import set_password

    account = store_save(dialog.account())
    if dialog.password_text():
        set_password(account, dialog.password_text())
    return account
