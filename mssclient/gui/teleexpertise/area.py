"""The teleexpertise area: my requests, the department's queue, statistics, and the wizard.

Reads and writes run on the GUI thread's store (each is a few indexed queries); mails go
through the common outbox (``sending``). After each mail sync the new mails are read for
teleexpertise parts (``MailScanner``); an answer to one of my requests raises a notification.
``clear_sensitive()`` empties every view at lock (they show patients); ``restore_sensitive()``
reloads. Showing the area scans again (while ``active()``): an encrypted mail waits there
for a key imported meanwhile in the settings.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mssclient.directory.models import HospitalDirectory
from mssclient.errors import MssError
from mssclient.gui.teleexpertise.action_dialogs import AnswerDialog, IdentityDialog, MessageDialog
from mssclient.gui.teleexpertise.detail_panel import DetailPanel
from mssclient.gui.teleexpertise.labels import status_text
from mssclient.gui.teleexpertise.report_pdf import write_report_pdf
from mssclient.gui.teleexpertise.request_model import (
    Column,
    Filter,
    RequestFilterProxy,
    RequestTableModel,
)
from mssclient.gui.teleexpertise.request_wizard import RequestWizard, SpecialtyChoice, WizardResult
from mssclient.gui.teleexpertise.sending import queue_request, queue_update, sending_account
from mssclient.gui.teleexpertise.stats_view import StatsView
from mssclient.store import Store
from mssclient.teleexpertise.billing import BillingRules, billing_hint, load_billing_rules
from mssclient.teleexpertise.identities import identity_or_blank, load_identity, save_identity
from mssclient.teleexpertise.inbox import MailScanner, ScanReport
from mssclient.teleexpertise.mail_parts import OutgoingAttachment
from mssclient.teleexpertise.model import ExpertAnswer, Practitioner, Role, TeleexpertiseRequest
from mssclient.teleexpertise.report import report_content
from mssclient.teleexpertise.repository import INCOMING, OUTGOING, TeleexpertiseRepository
from mssclient.teleexpertise.secure_mail import protections
from mssclient.teleexpertise.specialties import teleexpertise_specialty
from mssclient.teleexpertise.state import RULES, Action
from mssclient.transport.accounts import Account, AccountKind

log = logging.getLogger(__name__)


class RequestList(QWidget):
    """A table of requests over a detail panel; the queue adds a status filter."""

    def __init__(self, role: Role, model: RequestTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = RequestFilterProxy(model, self)
        self.table = QTableView()
        self.table.setObjectName("queueTable" if role is Role.EXPERT else "myRequestsTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.PATIENT, QHeaderView.ResizeMode.Stretch)
        if role is Role.REQUESTER:
            self.table.hideColumn(Column.REQUESTER)
        self.filter = QComboBox()
        self.filter.setObjectName("queueFilter")
        for text, wanted in (
            (self.tr("All"), Filter.ALL),
            (self.tr("New"), Filter.NEW),
            (self.tr("Taken"), Filter.TAKEN),
            (self.tr("Waiting for information"), Filter.INFO_REQUESTED),
            (self.tr("Answered"), Filter.ANSWERED),
            (self.tr("Overdue"), Filter.OVERDUE),
        ):
            self.filter.addItem(text, wanted)
        self.filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_filter(Filter(self.filter.currentData()))
        )
        self.empty = QLabel()
        self.empty.setObjectName("emptyLabel")
        self.empty.setWordWrap(True)
        self.detail = DetailPanel(role)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Show")))
        row.addWidget(self.filter)
        row.addStretch(1)
        top_layout.addLayout(row)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.empty)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.detail)
        splitter.setSizes([260, 380])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.table.sortByColumn(Column.WAITED, Qt.SortOrder.DescendingOrder)

    def current(self) -> TeleexpertiseRequest | None:
        index = self.table.currentIndex()
        return self.proxy.request_at(index.row()) if index.isValid() else None

    def select(self, request_id: int) -> bool:
        for row in range(self.proxy.rowCount()):
            request = self.proxy.request_at(row)
            if request is not None and request.id == request_id:
                self.table.selectRow(row)
                return True
        return False


class TeleexpertiseArea(QWidget):
    #: (title, message) for a desktop notification.
    notification = Signal(str, str)
    #: An account whose outbox just got a mail (to send it now).
    queued = Signal(int)
    status_changed = Signal(str)

    def __init__(
        self,
        store_provider: Callable[[], Store],
        accounts_provider: Callable[[], list[Account]],
        directory_provider: Callable[[], HospitalDirectory | None],
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        billing: BillingRules | None = None,
        active: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("teleexpertiseArea")
        self._store_provider = store_provider
        self._accounts_provider = accounts_provider
        self._directory_provider = directory_provider
        self.clock = clock
        self.active = active
        #: The address the user picked in "Answering as" (None: follow the identities).
        self.acting_choice: str | None = None
        try:
            self.billing: BillingRules | None = billing or load_billing_rules()
        except MssError as exc:
            log.warning("billing hints unavailable: %s", exc)
            self.billing = None
        self.wizard: RequestWizard | None = None
        self.dialogs: list[QDialog] = []

        self.new_button = QPushButton(self.tr("New request…"))
        self.new_button.setObjectName("newRequestButton")
        self.new_button.clicked.connect(lambda: self.open_wizard())
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("teleexpertiseRefresh")
        self.refresh_button.clicked.connect(self.scan_mail)
        self.acting_as = QComboBox()
        self.acting_as.setObjectName("actingAs")
        self.acting_as.setToolTip(self.tr("Who answers the department's requests"))
        self.acting_as.activated.connect(
            lambda _i: setattr(self, "acting_choice", self.acting_as.currentData())
        )
        self.identity_button = QPushButton(self.tr("My identity…"))
        self.identity_button.setObjectName("identityButton")
        self.identity_button.clicked.connect(self.edit_identity)
        self.banner = QLabel()
        self.banner.setObjectName("teleexpertiseBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("color: #8c1d18;")
        self.banner.hide()

        delay_of = self.expected_delay
        self.mine_model = RequestTableModel(self, clock=clock, delay_of=delay_of)
        self.queue_model = RequestTableModel(self, clock=clock, delay_of=delay_of)
        self.mine = RequestList(Role.REQUESTER, self.mine_model)
        self.queue = RequestList(Role.EXPERT, self.queue_model)
        self.stats = StatsView()
        for view in (self.mine, self.queue):
            view.table.selectionModel().currentRowChanged.connect(
                lambda _c, _p, v=view: self._show_current(v)
            )
            view.detail.action_requested.connect(
                lambda value, v=view: self.start_action(v, Action(value))
            )
            view.detail.report_requested.connect(lambda v=view: self.choose_report_file(v))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("teleexpertiseTabs")
        self.tabs.addTab(self.mine, self.tr("My requests"))
        self.tabs.addTab(self.queue, self.tr("Department queue"))
        self.tabs.addTab(self.stats, self.tr("Statistics"))

        toolbar = QHBoxLayout()
        toolbar.addWidget(self.new_button)
        toolbar.addWidget(self.refresh_button)
        toolbar.addStretch(1)
        toolbar.addWidget(QLabel(self.tr("Answering as")))
        toolbar.addWidget(self.acting_as)
        toolbar.addWidget(self.identity_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(toolbar)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)

    # -- data -------------------------------------------------------------------------------
    def _store(self) -> Store:
        return self._store_provider()

    def _repo(self) -> TeleexpertiseRepository:
        return TeleexpertiseRepository(self._store())

    def accounts(self) -> list[Account]:
        return list(self._accounts_provider())

    def personal_accounts(self) -> list[Account]:
        return [a for a in self.accounts() if a.kind is not AccountKind.ORGANISATIONAL]

    def department_mailboxes(self) -> set[str]:
        return {a.address.lower() for a in self.accounts() if a.kind is AccountKind.ORGANISATIONAL}

    def specialty_choices(self) -> tuple[list[SpecialtyChoice], str]:
        hospital = self._directory_provider()
        if hospital is None:
            return [], ""
        choices = []
        for entry in hospital.specialties:
            specialty = teleexpertise_specialty(entry)
            if specialty is not None:
                choices.append(SpecialtyChoice(specialty, entry.menu_key, entry.single_number))
        choices.sort(key=lambda c: c.specialty.label.casefold())
        return choices, hospital.single_number

    def expected_delay(self, request: TeleexpertiseRequest) -> timedelta:
        hospital = self._directory_provider()
        entry = hospital.specialty(request.specialty.id) if hospital is not None else None
        if entry is not None:
            specialty = teleexpertise_specialty(entry)
            if specialty is not None:
                return specialty.expected_delay
        return request.specialty.expected_delay

    def reload(self) -> None:
        try:
            repo = self._repo()
            everything = repo.list_requests()
            scanner = MailScanner(self._store(), repo)
            unreadable, undecrypted = scanner.unreadable(), scanner.undecrypted()
        except MssError as exc:
            self.status_changed.emit(exc.user_message)
            return
        departments = self.department_mailboxes()
        mine = [r for r in everything if repo.direction_of(r) == OUTGOING]
        queue = [
            r
            for r in everything
            if r.sent_at is not None
            and (repo.direction_of(r) == INCOMING or r.specialty.mailbox.lower() in departments)
        ]
        for view, model, rows in (
            (self.mine, self.mine_model, mine),
            (self.queue, self.queue_model, queue),
        ):
            selected = view.current()
            model.set_requests(rows)
            if selected is not None and selected.id is not None:
                view.select(selected.id)
            else:
                view.detail.clear()
            view.empty.setText(self.tr("No request yet.") if not rows else "")
            view.empty.setVisible(not rows)
        self.stats.show_requests([r for r in everything if r.sent_at is not None])
        notes = []
        if unreadable:
            notes.append(
                self.tr(
                    "%n teleexpertise mail(s) could not be read automatically: open them in "
                    "the mail area.",
                    "",
                    len(unreadable),
                )
            )
        if undecrypted:
            notes.append(
                self.tr(
                    "%n teleexpertise mail(s) unreadable (encrypted for another key): import "
                    "the matching certificate and key (Settings, Certificates), then refresh.",
                    "",
                    len(undecrypted),
                )
            )
        self.banner.setText(" ".join(notes))
        self.banner.setVisible(bool(notes))
        self._fill_acting_as()

    def _fill_acting_as(self) -> None:
        """One entry per personal mailbox, named after its professional identity. The
        user's pick stays while its mailbox is there; otherwise the choice follows the
        identities as they are filled in: a doctor with an RPPS number first, then any
        complete identity, then the first mailbox."""
        store = self._store()
        entries = []
        for account in self.personal_accounts():
            identity = identity_or_blank(store, account.address, account.display_name)
            doctor = bool(identity.rpps) and identity.profession.value == "doctor"
            rank = 0 if doctor else 1 if not identity.problems() else 2
            entries.append((identity.display_name or account.address, account.address, rank))
        self.acting_as.blockSignals(True)
        self.acting_as.clear()
        for label, address, _rank in entries:
            self.acting_as.addItem(label, address)
        index = self.acting_as.findData(self.acting_choice) if self.acting_choice else -1
        if index < 0 and entries:
            best = min(entries, key=lambda entry: entry[2])
            index = self.acting_as.findData(best[1])
        self.acting_as.setCurrentIndex(index)
        self.acting_as.blockSignals(False)

    def expert_identity(self) -> Practitioner | None:
        address = self.acting_as.currentData()
        return load_identity(self._store(), address) if address else None

    def _show_current(self, view: RequestList) -> None:
        request = view.current()
        if request is None or request.id is None:
            view.detail.clear()
            return
        try:
            repo = self._repo()
            events = repo.events(request.id)
            secured = protections(self._store(), [e.message_id for e in events])
            content = report_content(request, events, secured)
        except MssError as exc:
            self.status_changed.emit(exc.user_message)
            return
        view.detail.show_request(request, content)
        view.detail.billing_label.setText(self._billing_text(repo, request, view is self.queue))

    def _billing_text(
        self, repo: TeleexpertiseRepository, request: TeleexpertiseRequest, expert: bool
    ) -> str:
        if self.billing is None or request.patient.id is None or request.sent_at is None:
            return ""
        on = request.sent_at.date()
        earlier = repo.count_for_patient_year(
            request.patient.id, on.year, exclude_uid=request.request_uid
        )
        hint = billing_hint(self.billing, Role.EXPERT if expert else Role.REQUESTER, earlier, on)
        text = ""
        if hint.act is not None:
            amount = f"{hint.act.amount:.2f}".replace(".", ",") + "\u00a0€"
            text = self.tr("Billing: %1 (%2).").replace("%1", hint.act.code).replace("%2", amount)
        text += " " + self.tr(
            "Teleexpertise number %1 for this patient in %2 (at most %3)."
        ).replace("%1", str(hint.count_this_year)).replace("%2", str(on.year)).replace(
            "%3", str(hint.limit)
        )
        if hint.count_this_year > hint.limit:
            text += " " + self.tr("Past this limit the act is not reimbursed.")
        return text.strip()

    # -- mail ------------------------------------------------------------------------------
    def scan_mail(self) -> ScanReport | None:
        """Read new synced mails for teleexpertise parts; notify answers and new requests."""
        try:
            report = MailScanner(self._store(), self._repo(), clock=self.clock).scan()
        except MssError as exc:
            self.status_changed.emit(exc.user_message)
            return None
        for request in report.answers_for_me():
            self.notification.emit(
                self.tr("Teleexpertise %1").replace("%1", request.short_ref),
                self.tr("%1: %2")
                .replace("%1", request.specialty.label)
                .replace("%2", status_text(request.status)),
            )
        new = report.new_requests()
        if new:
            self.notification.emit(
                self.tr("Teleexpertise"),
                self.tr("%n new request(s) in the department queue.", "", len(new)),
            )
        if report.changes or report.rejected or report.undecryptable:
            self.reload()
        return report

    # -- requester side ----------------------------------------------------------------------
    def open_wizard(self, specialty_id: str = "") -> RequestWizard:
        if self.wizard is not None:
            self.wizard.close()
        choices, number = self.specialty_choices()
        wizard = RequestWizard(
            self._store_provider,
            choices,
            self.personal_accounts(),
            self.send_request,
            hospital_number=number,
            billing=self.billing,
            clock=self.clock,
            parent=self,
        )
        wizard.setWindowFlag(Qt.WindowType.Window, True)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if specialty_id:
            wizard.preset_specialty(specialty_id)
        wizard.finished.connect(lambda _r: self._forget_wizard(wizard))
        self.wizard = wizard
        wizard.show()
        return wizard

    def _forget_wizard(self, wizard: RequestWizard) -> None:
        if self.wizard is wizard:
            self.wizard = None

    def send_request(self, result: WizardResult) -> str:
        """Save and queue the wizard's request; "" or the French reason it failed."""
        try:
            store = self._store()
            repo = TeleexpertiseRepository(store)
            save_identity(store, result.request.requester)
            draft = repo.save(result.request)
            queued = queue_request(store, repo, draft, result.account, result.files, self.clock())
        except MssError as exc:
            return exc.user_message
        self.queued.emit(queued.account_id)
        self.status_changed.emit(
            self.tr("Request %1 placed in the outbox.").replace("%1", queued.request.short_ref)
        )
        self.reload()
        self.tabs.setCurrentWidget(self.mine)
        if queued.request.id is not None:
            self.mine.select(queued.request.id)
        return ""

    # -- actions -----------------------------------------------------------------------------
    def start_action(self, view: RequestList, action: Action) -> QDialog | None:
        """Take/close/withdraw at once; the others ask first (the dialog is returned)."""
        request = view.current()
        if request is None:
            return None
        if action in (Action.TAKE, Action.CLOSE, Action.WITHDRAW):
            self.perform(request, action)
            return None
        dialog: QDialog
        if action is Action.ANSWER:
            answer_dialog = AnswerDialog(self)
            answer_dialog.accepted.connect(
                lambda: self.perform(request, action, answer=answer_dialog.answer())
            )
            dialog = answer_dialog
        else:
            titles = {
                Action.ASK_INFORMATION: (
                    self.tr("Ask for more information"),
                    self.tr("What do you need to answer? The requester gets your message."),
                ),
                Action.DECLINE: (
                    self.tr("Decline or redirect"),
                    self.tr("Why? Suggest another specialty if it fits better."),
                ),
                Action.PROVIDE_INFORMATION: (
                    self.tr("Send the information asked"),
                    self.tr("Your answer to the specialist's question, with photos if needed."),
                ),
            }
            title, prompt = titles[action]
            box = MessageDialog(
                title,
                prompt,
                self,
                redirect=action is Action.DECLINE,
                attachments=action is Action.PROVIDE_INFORMATION,
            )

            def done() -> None:
                text = box.text.toPlainText().strip()
                if action is Action.DECLINE:
                    self.perform(request, action, reason=text, redirect_to=box.redirect.text())
                else:
                    self.perform(request, action, message=text, files=tuple(box.files))

            box.accepted.connect(done)
            dialog = box
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(
            lambda _r: self.dialogs.remove(dialog) if dialog in self.dialogs else None
        )
        self.dialogs.append(dialog)
        dialog.open()
        return dialog

    def perform(
        self,
        request: TeleexpertiseRequest,
        action: Action,
        *,
        answer: ExpertAnswer | None = None,
        message: str = "",
        reason: str = "",
        redirect_to: str = "",
        files: tuple[OutgoingAttachment, ...] = (),
    ) -> TeleexpertiseRequest | None:
        """Apply ``action`` and mail it; None (with a status message) when it cannot."""
        role = RULES[action].role
        try:
            if role is Role.EXPERT:
                actor = self.expert_identity()
                if actor is None or actor.problems():
                    self.status_changed.emit(
                        self.tr(
                            "Fill in your professional identity (“My identity…”) before "
                            "acting for the department."
                        )
                    )
                    return None
            else:
                actor = request.requester
            account = sending_account(self.accounts(), request, role)
            store = self._store()
            queued = queue_update(
                store,
                TeleexpertiseRepository(store),
                request,
                action,
                account,
                actor,
                self.clock(),
                answer=answer,
                message=message,
                reason=reason,
                redirect_to=redirect_to,
                files=files,
            )
        except MssError as exc:
            self.status_changed.emit(exc.user_message)
            self.reload()
            return None
        self.queued.emit(queued.account_id)
        self.status_changed.emit(
            self.tr("%1: %2 (placed in the outbox).")
            .replace("%1", queued.request.short_ref)
            .replace("%2", status_text(queued.request.status))
        )
        self.reload()
        view = self.queue if role is Role.EXPERT else self.mine
        if queued.request.id is not None:
            view.select(queued.request.id)
        return queued.request

    def edit_identity(self) -> IdentityDialog | None:
        address = self.acting_as.currentData()
        if not address:
            self.status_changed.emit(self.tr("Add your personal mail account first."))
            return None
        account = next((a for a in self.accounts() if a.address == address), None)
        identity = identity_or_blank(
            self._store(), address, account.display_name if account else ""
        )
        dialog = IdentityDialog(identity, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def save() -> None:
            save_identity(self._store(), dialog.identity())
            self.acting_choice = address  # whose identity was just filled in answers
            self._fill_acting_as()

        dialog.accepted.connect(save)
        dialog.open()
        return dialog

    # -- report ------------------------------------------------------------------------------
    def export_report(self, request: TeleexpertiseRequest, path: Path) -> Path:
        repo = self._repo()
        content = report_content(request, repo.events(request.id or 0))
        written = write_report_pdf(content, path)
        self._store().audit.append("user", "teleexpertise.report", f"te:{request.id}", path.name)
        return written

    def choose_report_file(self, view: RequestList) -> None:
        request = view.current()
        if request is None:
            return
        content = report_content(request, self._repo().events(request.id or 0))
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the PDF report"), content.file_name, self.tr("PDF (*.pdf)")
        )
        if not target:
            return
        try:
            self.export_report(request, Path(target))
        except OSError as exc:
            self.status_changed.emit(
                self.tr("The report could not be written: %1").replace("%1", exc.strerror or "")
            )
            return
        self.status_changed.emit(self.tr("Report saved: %1").replace("%1", target))

    # -- lock --------------------------------------------------------------------------------
    def clear_sensitive(self) -> None:
        if self.wizard is not None:
            self.wizard.clear_sensitive()
            self.wizard.close()
            self.wizard = None
        for dialog in list(self.dialogs):
            dialog.reject()
        self.dialogs.clear()
        for view, model in ((self.mine, self.mine_model), (self.queue, self.queue_model)):
            model.clear()
            view.detail.clear()
        self.stats.clear()
        self.banner.hide()
        self.acting_as.clear()

    def restore_sensitive(self) -> None:
        self.reload()
        self.scan_mail()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.active():
            self.reload()
            self.scan_mail()
