"""The certificates tab of the settings: own identities, known correspondents, expiries.

An identity comes from a PKCS#12 file (.p12/.pfx) and its passphrase; its private key goes
straight into the encrypted store (never to a clear file). Correspondents' certificates are
imported from .pem/.cer/.der files or collected from verified signed mail.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mssclient.errors import MssError
from mssclient.profile import current_actor
from mssclient.security.smime import CertificateImportError, import_pkcs12, load_certificate_file
from mssclient.security.smime.certificates import is_ca
from mssclient.security.smime.identity import MAX_PKCS12_BYTES
from mssclient.security.smime.repository import CertificateEntry, CertificateRepository
from mssclient.store import Store

#: Days ahead of an expiry that the view starts warning.
EXPIRY_WARNING_DAYS = 30


def _date(when: dt.datetime) -> str:
    return f"{when.astimezone():%d/%m/%Y}"


class CertificatesView(QWidget):
    def __init__(
        self,
        store_provider: Callable[[], Store],
        parent: QWidget | None = None,
        *,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("certificatesView")
        self._store_provider = store_provider
        self._clock = clock
        self.entries: list[CertificateEntry] = []

        self.identities = self._table("ownCertificates")
        self.identities.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Address"), self.tr("Valid until")]
        )
        self.import_identity_button = QPushButton(self.tr("Import my certificate (.p12, .pfx)…"))
        self.import_identity_button.setObjectName("importIdentityButton")
        self.import_identity_button.clicked.connect(self._choose_identity)
        self.remove_identity_button = QPushButton(self.tr("Remove"))
        self.remove_identity_button.setObjectName("removeIdentityButton")
        self.remove_identity_button.clicked.connect(self._remove_identity)

        self.correspondents = self._table("correspondentCertificates")
        self.correspondents.setColumnCount(4)
        self.correspondents.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Address"), self.tr("Valid until"), self.tr("Origin")]
        )
        self.import_certificate_button = QPushButton(
            self.tr("Import a correspondent's certificate (.pem, .cer, .der)…")
        )
        self.import_certificate_button.setObjectName("importCertificateButton")
        self.import_certificate_button.clicked.connect(self._choose_certificate)
        self.remove_certificate_button = QPushButton(self.tr("Remove"))
        self.remove_certificate_button.setObjectName("removeCertificateButton")
        self.remove_certificate_button.clicked.connect(self._remove_certificate)

        self.expiry_label = QLabel()
        self.expiry_label.setObjectName("certificatesExpiry")
        self.expiry_label.setWordWrap(True)
        self.expiry_label.setStyleSheet(
            "#certificatesExpiry { background: #fff4ce; color: #3b2f00; padding: 4px; }"
        )
        self.expiry_label.hide()
        self.status = QLabel()
        self.status.setObjectName("certificatesStatus")
        self.status.setWordWrap(True)

        own_box = QGroupBox(self.tr("My certificates (sign and decrypt)"))
        own_layout = QVBoxLayout(own_box)
        own_layout.addWidget(self.identities)
        own_buttons = QHBoxLayout()
        own_buttons.addWidget(self.import_identity_button)
        own_buttons.addStretch(1)
        own_buttons.addWidget(self.remove_identity_button)
        own_layout.addLayout(own_buttons)
        others_box = QGroupBox(self.tr("Correspondents' certificates (encrypt to them)"))
        others_layout = QVBoxLayout(others_box)
        others_layout.addWidget(self.correspondents)
        other_buttons = QHBoxLayout()
        other_buttons.addWidget(self.import_certificate_button)
        other_buttons.addStretch(1)
        other_buttons.addWidget(self.remove_certificate_button)
        others_layout.addLayout(other_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.expiry_label)
        layout.addWidget(own_box, 1)
        layout.addWidget(others_box, 2)
        layout.addWidget(self.status)
        self.reload()

    def _table(self, name: str) -> QTableWidget:
        table = QTableWidget(0, 3)
        table.setObjectName(name)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return table

    def _repository(self) -> CertificateRepository:
        return CertificateRepository(self._store_provider())

    # -- showing ------------------------------------------------------------------------------
    def reload(self) -> None:
        try:
            self.entries = self._repository().entries()
        except MssError as exc:
            self.entries = []
            self.status.setText(exc.user_message)
        own = [e for e in self.entries if e.source == "identity"]
        others = [e for e in self.entries if e.source != "identity"]
        origins = {"imported": self.tr("imported"), "collected": self.tr("from a signed message")}
        self._fill(self.identities, own, None)
        self._fill(self.correspondents, others, origins)
        self._show_expiries()

    def _fill(
        self,
        table: QTableWidget,
        entries: list[CertificateEntry],
        origins: dict[str, str] | None,
    ) -> None:
        table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = [entry.display_name, ", ".join(entry.emails), _date(entry.not_after)]
            if origins is not None:
                cells.append(origins.get(entry.source, entry.source))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(self.tr("SHA-256 fingerprint: %1").replace("%1", entry.fingerprint))
                table.setItem(row, column, item)

    def _show_expiries(self) -> None:
        now = self._clock()
        lines = []
        for entry in self.entries:
            if entry.not_after < now:
                lines.append(
                    self.tr("The certificate of %1 expired on %2.")
                    .replace("%1", entry.display_name)
                    .replace("%2", _date(entry.not_after))
                )
            elif entry.expires_within(now, EXPIRY_WARNING_DAYS):
                lines.append(
                    self.tr("The certificate of %1 expires on %2: renew it soon.")
                    .replace("%1", entry.display_name)
                    .replace("%2", _date(entry.not_after))
                )
        self.expiry_label.setText("\n".join(lines))
        self.expiry_label.setVisible(bool(lines))

    # -- importing --------------------------------------------------------------------------------
    def _choose_identity(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("My certificate"),
            "",
            self.tr("Certificate with private key (*.p12 *.pfx)"),
        )
        if not name:
            return
        passphrase, accepted = QInputDialog.getText(
            self,
            self.tr("Certificate password"),
            self.tr("Password of %1:").replace("%1", Path(name).name),
            QLineEdit.EchoMode.Password,
        )
        if accepted:
            self.import_identity_file(Path(name), passphrase)

    def import_identity_file(self, path: Path, passphrase: str) -> bool:
        """Read a .p12/.pfx and keep it in the encrypted store; says what happened."""
        try:
            if path.stat().st_size > MAX_PKCS12_BYTES:
                raise CertificateImportError(f"{path.name} too large")
            identity = import_pkcs12(path.read_bytes(), passphrase)
            self._repository().add_identity(identity, current_actor())
        except OSError:
            self._say_error(self.tr("The file cannot be read."))
            return False
        except MssError as exc:
            self._say_error(exc.user_message)
            return False
        finally:
            passphrase = ""
        self.reload()
        self._say(
            self.tr(
                "Certificate of %1 imported. Its private key is kept in the encrypted store."
            ).replace(
                "%1", ", ".join(identity.emails) or identity.certificate.subject.rfc4514_string()
            )
        )
        return True

    def _choose_certificate(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Correspondent's certificate"),
            "",
            self.tr("Certificates (*.pem *.cer *.crt *.der *.p7b)"),
        )
        if name:
            self.import_certificate_file(Path(name))

    def import_certificate_file(self, path: Path) -> int:
        """Keep every end-entity certificate of the file; returns how many were new."""
        try:
            certificates = [c for c in load_certificate_file(path) if not is_ca(c)]
            if not certificates:
                raise CertificateImportError(
                    "only CA certificates",
                    user_message=self.tr(
                        "This file holds only certification authorities, no person's certificate."
                    ),
                )
            repository = self._repository()
            added = sum(repository.add_certificate(cert, "imported") for cert in certificates)
        except MssError as exc:
            self._say_error(exc.user_message)
            return 0
        self.reload()
        self._say(self.tr("%n certificate(s) added.", "", added))
        return added

    # -- removing ---------------------------------------------------------------------------------
    def _selected(self, table: QTableWidget, identities: bool) -> CertificateEntry | None:
        row = table.currentRow()
        wanted = [e for e in self.entries if (e.source == "identity") == identities]
        return wanted[row] if 0 <= row < len(wanted) else None

    def _remove_identity(self) -> None:
        entry = self._selected(self.identities, True)
        if entry is not None:
            self._repository().remove_identity(entry.fingerprint, current_actor())
            self.reload()

    def _remove_certificate(self) -> None:
        entry = self._selected(self.correspondents, False)
        if entry is not None:
            self._repository().remove_certificate(entry.fingerprint, current_actor())
            self.reload()

    # -- messages ---------------------------------------------------------------------------------
    def _say(self, text: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(text)

    def _say_error(self, text: str) -> None:
        self.status.setStyleSheet("color: #a4262c;")
        self.status.setText(text)

    def clear_sensitive(self) -> None:
        self.entries = []
        self.identities.setRowCount(0)
        self.correspondents.setRowCount(0)
        self.expiry_label.clear()
        self.status.clear()
