"""Settings: idle lock delay, language, profile location, audit log viewer."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mssclient.directory.annuaire_sante import API_KEY_SECRET, api_key_from_keyring
from mssclient.errors import MssError
from mssclient.gui.app_settings import (
    MAX_IDLE_LOCK_MINUTES,
    MIN_IDLE_LOCK_MINUTES,
    AppSettings,
)
from mssclient.gui.audit_model import AuditLogModel
from mssclient.gui.certificates_view import CertificatesView
from mssclient.gui.error_dialogs import show_error
from mssclient.gui.i18n import choose_language, system_locale_name
from mssclient.gui.lock_controller import LockController
from mssclient.paths import data_dir
from mssclient.profile import current_actor
from mssclient.security import keyring_access

MAX_API_KEY_CHARS = 200
_API_KEY = re.compile(r"[A-Za-z0-9._-]{8,200}")


class SettingsDialog(QDialog):
    """Also a sensitive view: locking empties the audit table and closes the dialog."""

    def __init__(
        self, controller: LockController, settings: AppSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._settings = settings
        self._profile = controller.profile
        self.setWindowTitle(self.tr("Settings"))

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._general_tab(), self.tr("General"))
        self.tabs.addTab(self._profile_tab(), self.tr("Profile"))
        self.tabs.addTab(self._audit_tab(), self.tr("Audit log"))
        self.certificates = CertificatesView(lambda: self._profile.store, self)
        self.tabs.addTab(self.certificates, self.tr("Certificates"))

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(680, 460)

        controller.views.register(self.audit_model)
        controller.views.register(self)

    # -- tabs --------------------------------------------------------------------------------
    def _general_tab(self) -> QWidget:
        page = QWidget(self)
        self.idle_minutes = QSpinBox(page)
        self.idle_minutes.setRange(MIN_IDLE_LOCK_MINUTES, MAX_IDLE_LOCK_MINUTES)
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.idle_minutes.setValue(self._settings.idle_lock_minutes)
        self.language = QComboBox(page)
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        # The language in use when nothing is saved follows the system (French first).
        self._initial_language = choose_language(
            None, self._settings.language, system_locale_name()
        )
        self.language.setCurrentIndex(max(0, self.language.findData(self._initial_language)))
        note = QLabel(self.tr("The language applies at the next start."), page)
        note.setWordWrap(True)
        form = QFormLayout(page)
        form.addRow(self.tr("Lock after inactivity:"), self.idle_minutes)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", note)
        self.directory_url = QLineEdit(self._settings.hospital_directory_url, page)
        self.directory_url.setObjectName("hospitalDirectoryUrl")
        self.directory_url.setPlaceholderText("https://…")
        self.directory_ca_file = QLineEdit(self._settings.hospital_directory_ca_file, page)
        self.directory_ca_file.setObjectName("hospitalDirectoryCaFile")
        self.directory_ca_file.setPlaceholderText(self.tr("System certificates"))
        directory_note = QLabel(
            self.tr(
                "Address given by your hospital. Empty: the demonstration directory while "
                "no mail account is set up. Applies at the next start."
            ),
            page,
        )
        directory_note.setWordWrap(True)
        form.addRow(self.tr("Hospital directory:"), self.directory_url)
        form.addRow(self.tr("Its CA file:"), self.directory_ca_file)
        form.addRow("", directory_note)
        self._live_section(page, form)
        return page

    def _live_section(self, page: QWidget, form: QFormLayout) -> None:
        """The optional live lookup in the Annuaire Santé; its API key goes to the keyring."""
        self._keyring_ok = keyring_access.keyring_available()
        self._has_live_key = api_key_from_keyring() is not None
        self.live_lookup = QCheckBox(
            self.tr("Also search the online Annuaire Santé when addressing mail"), page
        )
        self.live_lookup.setObjectName("annuaireSanteLive")
        self.live_lookup.setChecked(self._settings.annuaire_sante_live)
        self.live_api_key = QLineEdit(page)
        self.live_api_key.setObjectName("annuaireSanteApiKey")
        self.live_api_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.live_api_key.setMaxLength(MAX_API_KEY_CHARS)
        self.live_api_key.setPlaceholderText(
            self.tr("A key is saved (type a new one to replace it)")
            if self._has_live_key
            else self.tr("Your ESANTE-API-KEY")
        )
        live_note = QLabel(
            self.tr("The key is kept in the system keyring, never in the settings file.")
            if self._keyring_ok
            else self.tr("No system keyring on this computer: the online search is unavailable.")
        )
        live_note.setObjectName("annuaireSanteNote")
        live_note.setWordWrap(True)
        self.live_lookup.setEnabled(self._keyring_ok)
        self.live_api_key.setEnabled(self._keyring_ok)
        form.addRow("", self.live_lookup)
        form.addRow(self.tr("Annuaire Santé API key:"), self.live_api_key)
        form.addRow("", live_note)

    def _checked_live_key(self) -> str:
        """The new API key typed ('' for none), refused before anything is saved."""
        key = self.live_api_key.text().strip()
        if key and not _API_KEY.fullmatch(key):
            raise MssError(
                "api key has unexpected characters",
                user_message=self.tr(
                    "This Annuaire Santé API key is not valid: letters, digits and - _ . only."
                ),
            )
        if self.live_lookup.isChecked() and not key and not self._has_live_key:
            raise MssError(
                "live lookup without key",
                user_message=self.tr(
                    "Enter your Annuaire Santé API key to turn on the online search."
                ),
            )
        return key

    def _profile_tab(self) -> QWidget:
        page = QWidget(self)
        name = QLineEdit(self._profile.name, page)
        name.setReadOnly(True)
        self.profile_location = QLineEdit(str(self._profile.directory), page)
        self.profile_location.setReadOnly(True)
        self.data_location = QLineEdit(str(self._profile.directory.parent.parent), page)
        self.data_location.setReadOnly(True)
        self.data_location.setToolTip(str(data_dir()))
        form = QFormLayout(page)
        form.addRow(self.tr("Profile:"), name)
        form.addRow(self.tr("Profile folder:"), self.profile_location)
        form.addRow(self.tr("Data folder:"), self.data_location)

        self.os_session = QCheckBox(
            self.tr("Unlock with my session (no passphrase while the keyring is open)"), page
        )
        self.os_session.setVisible(False)
        self.offers_os_session = False
        try:
            key_settings = self._profile.keys.settings()
        except MssError:
            key_settings = None
        if key_settings is not None and key_settings.in_keyring:
            self.offers_os_session = True
            self.os_session.setVisible(True)
            self.os_session.setChecked(key_settings.unlock_with_os_session)
            self.os_session.setEnabled(keyring_access.keyring_available())
            form.addRow("", self.os_session)
        elif key_settings is not None:
            note = QLabel(
                self.tr(
                    "The key of this profile is protected by the passphrase only: it is "
                    "asked at each unlock."
                ),
                page,
            )
            note.setWordWrap(True)
            form.addRow("", note)
        return page

    def _audit_tab(self) -> QWidget:
        page = QWidget(self)
        self.audit_model = AuditLogModel(self._profile, parent=self)
        self.audit_view = QTableView(page)
        self.audit_view.setModel(self.audit_model)
        self.audit_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.audit_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.audit_view.verticalHeader().hide()
        header = self.audit_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.audit_view)
        self.audit_model.reload()
        return page

    # -- sensitive view ------------------------------------------------------------------------
    def clear_sensitive(self) -> None:
        self.audit_model.clear_sensitive()
        self.certificates.clear_sensitive()
        self.reject()

    # -- saving --------------------------------------------------------------------------------
    def accept(self) -> None:
        try:
            self.save()
        except MssError as exc:
            show_error(self, exc)
            return
        super().accept()

    def save(self) -> None:
        """Apply and record each change in the audit log."""
        url = self.directory_url.text().strip()
        if url and not url.startswith("https://"):  # checked first: nothing half-saved
            raise MssError(
                "directory url is not https",
                user_message=self.tr("The hospital directory address must begin with https://"),
            )
        live_key = self._checked_live_key()
        changes: list[tuple[str, str, str]] = []
        if live_key:
            # First: a keyring that refuses it leaves every other setting unchanged.
            keyring_access.set_secret(API_KEY_SECRET, live_key)
            self.live_api_key.clear()
            self._has_live_key = True
            changes.append(("annuaire_sante_api_key", "", "replaced"))  # never the key
        live = self.live_lookup.isChecked()
        if live != self._settings.annuaire_sante_live:
            changes.append(
                ("annuaire_sante_live", str(self._settings.annuaire_sante_live), str(live))
            )
            self._settings.annuaire_sante_live = live
        minutes = self.idle_minutes.value()
        if minutes != self._settings.idle_lock_minutes:
            changes.append(
                ("idle_lock_minutes", str(self._settings.idle_lock_minutes), str(minutes))
            )
            self._settings.idle_lock_minutes = minutes
            self._controller.set_idle_timeout_ms(minutes * 60_000)
        if url != self._settings.hospital_directory_url:
            changes.append(("hospital_directory_url", self._settings.hospital_directory_url, url))
            self._settings.hospital_directory_url = url
        ca_file = self.directory_ca_file.text().strip()
        if ca_file != self._settings.hospital_directory_ca_file:
            changes.append(
                ("hospital_directory_ca_file", self._settings.hospital_directory_ca_file, ca_file)
            )
            self._settings.hospital_directory_ca_file = ca_file
        language = self.language.currentData()
        if language != self._initial_language:
            changes.append(("language", self._settings.language or "", language))
            self._settings.language = language
        if self.offers_os_session and self.os_session.isEnabled():
            wanted = self.os_session.isChecked()
            current = self._profile.keys.settings().unlock_with_os_session
            if wanted != current:
                self._profile.keys.set_unlock_with_os_session(wanted)
                changes.append(("unlock_with_os_session", str(current), str(wanted)))
        if changes and self._profile.is_unlocked:
            audit = self._profile.store.audit
            for name, old, new in changes:
                audit.append(current_actor(), "settings.change", name, f"{old} -> {new}")
