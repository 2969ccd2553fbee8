"""AnnuaireView: search the hospital's single-number directory and call in one click.

Mounted by the main window. The store is asked for through ``store_provider`` each time
(never kept), so locking the application closes nothing behind the view's back. Network
refresh runs on a pool thread; only its result is written, on the GUI thread.

Settings (a plain dict):
    hospital_directory_url      https URL of the hospital's bundle ('' disables refresh)
    hospital_directory_ca_file  CA file for that server (None: system trust store)
    mail_enabled, teleexpertise_enabled   turn on the Écrire / télé-expertise buttons
    sender_name                 signature of the confirmation mail
    clock                       callable returning an aware datetime (tests)
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mssclient.directory import call_log, hospital_store
from mssclient.directory.dialing import PhoneNumberError, call_target, national
from mssclient.directory.hours import local, system_clock
from mssclient.directory.models import HospitalDirectory
from mssclient.directory.refresh import FetchResult, RefreshSettings, RefreshStatus, apply_fetch
from mssclient.directory.search import SearchFilters, SearchHit, search
from mssclient.errors import MssError
from mssclient.gui.directory.call_log_panel import CallLogPanel
from mssclient.gui.directory.refresh_worker import RefreshSignals, RefreshTask
from mssclient.gui.directory.specialty_card import SpecialtyCard
from mssclient.store import Store


class AnnuaireView(QWidget):
    teleexpertise_requested = Signal(str)  # specialty id
    write_requested = Signal(str)  # the department's MSSanté mailbox
    confirmation_draft_ready = Signal(object)  # dict from call_log.confirmation_draft
    call_started = Signal(str)  # the tel: URI opened
    refresh_finished = Signal(object)  # RefreshStatus

    def __init__(
        self,
        store_provider: Callable[[], Store],
        settings: dict[str, Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("annuaireView")
        self._store_provider = store_provider
        self._settings = settings
        self._clock: Callable[[], datetime] = settings.get("clock") or system_clock
        self._directory: HospitalDirectory | None = None
        self._favorites: set[str] = set()
        self._hits: list[SearchHit] = []
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        # One relay for every refresh, never deleted while a pool thread may emit on it.
        self._refresh_signals = RefreshSignals(self)
        self._refresh_signals.finished.connect(self._refresh_done)
        self._refreshing = False

        self.heading = QLabel()
        self.heading.setObjectName("directoryHeading")
        heading_font = self.heading.font()
        heading_font.setBold(True)
        self.heading.setFont(heading_font)

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("directorySearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr("Specialty, keyword or symptom (wound, stroke…)")
        )
        self.open_now = QCheckBox(self.tr("Open now"))
        self.open_now.setObjectName("filterOpenNow")
        self.on_call = QCheckBox(self.tr("On call today"))
        self.on_call.setObjectName("filterOnCall")
        self.favorites_only = QCheckBox(self.tr("Favorites"))
        self.favorites_only.setObjectName("filterFavorites")
        for widget in (self.open_now, self.on_call, self.favorites_only):
            widget.toggled.connect(self.update_results)
        self.search_edit.textChanged.connect(self.update_results)

        self.results = QListWidget()
        self.results.setObjectName("directoryResults")
        self.results.setAlternatingRowColors(True)
        self.results.setWordWrap(True)
        self.results.setSpacing(3)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.currentItemChanged.connect(self._show_selected)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("directoryEmpty")
        self.empty_label.setWordWrap(True)

        self.card = SpecialtyCard()
        self.card.set_features(
            mail=bool(settings.get("mail_enabled")),
            teleexpertise=bool(settings.get("teleexpertise_enabled")),
        )
        self.card.call_clicked.connect(self.call_specialty)
        self.card.teleexpertise_clicked.connect(self.teleexpertise_requested)
        self.card.write_clicked.connect(self.write_requested)
        self.card.favorite_toggled.connect(self._set_favorite)

        self.call_log = CallLogPanel()
        self.call_log.set_mail_available(bool(settings.get("mail_enabled")))
        self.call_log.save_requested.connect(self._save_note)
        self.call_log.confirm_requested.connect(self._confirm_note)

        self.updated_label = QLabel()
        self.updated_label.setObjectName("lastUpdated")
        self.updated_label.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("refreshButton")
        self.refresh_button.clicked.connect(self.refresh)
        self.message = QLabel()
        self.message.setObjectName("directoryMessage")
        self.message.setWordWrap(True)

        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.open_now)
        filters.addWidget(self.on_call)
        filters.addWidget(self.favorites_only)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.results, 1)
        left_layout.addWidget(self.empty_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.card)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([440, 760])
        vertical = QSplitter(Qt.Orientation.Vertical)
        vertical.addWidget(splitter)
        vertical.addWidget(self.call_log)
        vertical.setStretchFactor(0, 3)
        vertical.setStretchFactor(1, 1)
        vertical.setSizes([560, 220])
        footer = QHBoxLayout()
        footer.addWidget(self.updated_label, 1)
        footer.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(filters)
        layout.addWidget(vertical, 1)
        layout.addWidget(self.message)
        layout.addLayout(footer)

        # Open/closed changes with the clock: re-evaluate every minute.
        self._tick = QTimer(self)
        self._tick.setInterval(60_000)
        self._tick.timeout.connect(self.update_results)
        self._tick.start()
        self.reload()

    # -- settings ----------------------------------------------------------------------------------
    @property
    def url(self) -> str:
        return str(self._settings.get("hospital_directory_url") or "")

    @property
    def hospital(self) -> HospitalDirectory | None:
        """The directory shown (the offline copy), None before a first refresh."""
        return self._directory

    def set_features(self, *, mail: bool, teleexpertise: bool) -> None:
        """Turn on the Écrire / télé-expertise actions once those features exist."""
        self._settings["mail_enabled"] = mail
        self._settings["teleexpertise_enabled"] = teleexpertise
        self.card.set_features(mail=mail, teleexpertise=teleexpertise)
        self.call_log.set_mail_available(mail)

    # -- loading -----------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the offline copy, favourites and call log from the store."""
        try:
            store = self._store_provider()
            self._directory = hospital_store.load_directory(store, self.url) if self.url else None
            self._favorites = hospital_store.favorites(store)
            snapshot = hospital_store.load_snapshot(store, self.url) if self.url else None
            self.call_log.set_calls(call_log.recent_calls(store))
        except MssError as exc:
            self._directory, snapshot = None, None
            self.message.setText(exc.user_message)
        self._show_snapshot_state(
            snapshot.fetched_at if snapshot else "", snapshot.last_error if snapshot else ""
        )
        self.update_results()

    def clear_sensitive(self) -> None:
        """The call log names patients: empty it (the application is locking)."""
        self.call_log.clear_sensitive()
        self.message.clear()

    def restore_sensitive(self) -> None:
        self.reload()

    def _show_snapshot_state(self, fetched_at: str, last_error: str) -> None:
        directory = self._directory
        if directory:
            self.heading.setText(
                self.tr("%1 — single number %2")
                .replace("%1", directory.organization_name)
                .replace("%2", _national(directory.single_number))
            )
        else:
            self.heading.setText(self.tr("Hospital directory"))
        if fetched_at:
            stamp = local(datetime.fromisoformat(fetched_at)).strftime("%d/%m/%Y %H:%M")
            text = self.tr("Last updated: %1").replace("%1", stamp)
            if last_error:
                text += " — " + self.tr("last refresh failed: %1").replace("%1", last_error)
        else:
            text = self.tr("Last updated: never")
        self.updated_label.setText(text)
        self.refresh_button.setEnabled(bool(self.url))
        self.refresh_button.setToolTip(
            "" if self.url else self.tr("No directory address is configured for your hospital")
        )

    # -- search ------------------------------------------------------------------------------------
    def filters(self) -> SearchFilters:
        return SearchFilters(
            open_now=True if self.open_now.isChecked() else None,
            on_call_today=self.on_call.isChecked(),
            favorites_only=self.favorites_only.isChecked(),
        )

    def update_results(self) -> None:
        selected = self.card.specialty_id
        if self._directory is None:
            self._hits = []
        else:
            self._hits = search(
                self._directory,
                self.search_edit.text(),
                self._clock(),
                filters=self.filters(),
                favorites=self._favorites,
            )
        self.results.blockSignals(True)
        self.results.clear()
        current = 0
        for index, hit in enumerate(self._hits):
            s = hit.specialty
            title = ("★ " if hit.favorite else "") + s.name
            if s.menu_key:
                title += " " + self.tr("(key %1)").replace("%1", s.menu_key)
            line = hit.status.reason
            if hit.on_call:
                line += " · " + hit.on_call[0].name
            if hit.matched_keyword:
                line += " · « " + hit.matched_keyword + " »"
            item = QListWidgetItem(f"{title}\n{line}")
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            self.results.addItem(item)
            if s.id == selected:
                current = index
        self.results.blockSignals(False)
        if self._hits:
            self.results.setCurrentRow(current)
        self._show_selected()
        if self._directory is None:
            self.empty_label.setText(
                self.tr("No directory yet: click Refresh to download your hospital's directory.")
            )
        elif not self._hits:
            self.empty_label.setText(self.tr("No specialty matches this search."))
        else:
            self.empty_label.clear()
        self.empty_label.setVisible(bool(self.empty_label.text()))

    def visible_specialty_ids(self) -> list[str]:
        return [h.specialty.id for h in self._hits]

    def select_specialty(self, specialty_id: str) -> None:
        ids = self.visible_specialty_ids()
        if specialty_id in ids:
            self.results.setCurrentRow(ids.index(specialty_id))

    def _show_selected(self, *_: object) -> None:
        row = self.results.currentRow()
        self.card.show_hit(self._hits[row] if 0 <= row < len(self._hits) else None)

    # -- actions -----------------------------------------------------------------------------------
    def call_specialty(self, specialty_id: str) -> None:
        """Open the tel: link, copy the number, and log the call (then offer to note it)."""
        specialty = self._directory.specialty(specialty_id) if self._directory else None
        if specialty is None:
            return
        try:
            uri = call_target(specialty)
        except PhoneNumberError as exc:
            self.message.setText(exc.user_message)
            return
        number = _national(uri.removeprefix("tel:"))
        QGuiApplication.clipboard().setText(number)
        QDesktopServices.openUrl(QUrl(uri))
        key = specialty.menu_key if specialty.single_number else ""
        self.message.setText(
            (
                self.tr("Number copied: %1 — press %2 when the voice menu answers.")
                .replace("%1", number)
                .replace("%2", key)
            )
            if key
            else self.tr("Number copied: %1").replace("%1", number)
        )
        try:
            store = self._store_provider()
            call_id = call_log.start_call(store, specialty, uri, self._clock())
            self.call_log.set_calls(call_log.recent_calls(store), select=call_id)
            self.call_log.note.setFocus()
        except MssError as exc:
            self.message.setText(exc.user_message)
        self.call_started.emit(uri)

    def _set_favorite(self, specialty_id: str, favorite: bool) -> None:
        try:
            hospital_store.set_favorite(
                self._store_provider(), specialty_id, favorite, self._clock()
            )
        except MssError as exc:
            self.message.setText(exc.user_message)
            return
        if favorite:
            self._favorites.add(specialty_id)
        else:
            self._favorites.discard(specialty_id)
        self.update_results()

    def _save_note(self, call_id: int, note: str, patient_ref: str) -> None:
        try:
            store = self._store_provider()
            call_log.add_note(store, call_id, note, self._clock(), patient_ref=patient_ref)
            self.call_log.set_calls(call_log.recent_calls(store), select=call_id)
        except MssError as exc:
            self.message.setText(exc.user_message)
            return
        self.message.setText(self.tr("Note saved."))

    def _confirm_note(self, call_id: int) -> None:
        """Build the confirmation mail; the mail composer (when mounted) takes it from here."""
        try:
            record = call_log.get_call(self._store_provider(), call_id)
        except MssError as exc:
            self.message.setText(exc.user_message)
            return
        specialty = (
            self._directory.specialty(record.specialty_id) if record and self._directory else None
        )
        if record is None or specialty is None:
            return
        draft = call_log.confirmation_draft(
            record, specialty, sender=str(self._settings.get("sender_name") or "")
        )
        self.confirmation_draft_ready.emit(draft)

    # -- refresh -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        if not self.url or self._refreshing:
            return
        try:
            snapshot = hospital_store.load_snapshot(self._store_provider(), self.url)
        except MssError as exc:
            self.message.setText(exc.user_message)
            return
        settings = RefreshSettings(
            url=self.url, ca_file=self._settings.get("hospital_directory_ca_file") or None
        )
        self._refreshing = True
        self.refresh_button.setEnabled(False)
        self.updated_label.setText(self.tr("Refreshing…"))
        self._pool.start(
            RefreshTask(settings, snapshot.etag if snapshot else "", self._refresh_signals)
        )

    def _refresh_done(self, result: FetchResult) -> None:
        self._refreshing = False
        try:
            store = self._store_provider()
            status: RefreshStatus = apply_fetch(store, self.url, result, _utc(self._clock()))
        except MssError as exc:
            self.message.setText(exc.user_message)
            self.refresh_button.setEnabled(True)
            return
        self.message.setText(status.message)
        self.reload()
        self.message.setText(status.message)
        self.refresh_finished.emit(status)

    def wait_for_refresh(self, msecs: int = 30_000) -> bool:
        """For tests and shutdown: wait until the pool thread is done."""
        return self._pool.waitForDone(msecs)


def _national(number: str) -> str:
    try:
        return national(number)
    except PhoneNumberError:
        return number


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
