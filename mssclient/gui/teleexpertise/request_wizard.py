"""The request wizard: patient, specialty, question and clinical fields, attachments,
consent and the requester's identity. Sending goes through ``submit`` (the area queues the
mail); the wizard stays open with the reason when it fails."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from mssclient.errors import MssError
from mssclient.gui.mail.operations import Op
from mssclient.gui.teleexpertise.labels import duration_text, profession_text
from mssclient.gui.teleexpertise.patient_page import PatientPage
from mssclient.store import Store
from mssclient.teleexpertise.attachments import prepare_attachment
from mssclient.teleexpertise.billing import BillingRules, billing_hint, counts_per_requester
from mssclient.teleexpertise.identities import identity_or_blank
from mssclient.teleexpertise.mail_parts import OutgoingAttachment
from mssclient.teleexpertise.model import (
    ClinicalForm,
    Consent,
    Practitioner,
    Profession,
    Role,
    Specialty,
    TeleexpertiseRequest,
    new_request_uid,
)
from mssclient.teleexpertise.repository import TeleexpertiseRepository
from mssclient.teleexpertise.templates import template_for
from mssclient.transport.accounts import Account

#: Longest side of a downscaled photo, in pixels (enough to judge a wound, a fifth the size).
DOWNSCALE_SIDE = 1600


@dataclass(frozen=True)
class SpecialtyChoice:
    specialty: Specialty
    menu_key: str = ""
    single_number: str = ""


@dataclass(frozen=True)
class WizardResult:
    request: TeleexpertiseRequest  # a draft, its patient stored
    files: tuple[OutgoingAttachment, ...]
    account: Account


def urgent_text(choice: SpecialtyChoice | None, hospital_number: str) -> str:
    number = (choice.single_number if choice else "") or hospital_number
    text = QCoreApplication.translate(
        "RequestWizard", "Urgent? Do not use teleexpertise — call the single number %1"
    ).replace("%1", number or QCoreApplication.translate("RequestWizard", "of the hospital"))
    if choice is not None and choice.menu_key:
        text += (
            QCoreApplication.translate("RequestWizard", ", key %1 (%2)")
            .replace("%1", choice.menu_key)
            .replace("%2", choice.specialty.label)
        )
    return text + "."


class SpecialtyPage(QWizardPage):
    def __init__(
        self, choices: list[SpecialtyChoice], hospital_number: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.choices = choices
        self.hospital_number = hospital_number
        self.setTitle(self.tr("Specialty"))
        self.setSubTitle(self.tr("The hospital department you ask. Teleexpertise is not urgent."))
        self.urgent = QLabel()
        self.urgent.setObjectName("urgentGuard")
        self.urgent.setWordWrap(True)
        self.urgent.setStyleSheet(
            "background: #fdecea; color: #8c1d18; padding: 8px; border-radius: 4px; "
            "font-weight: bold;"
        )
        self.combo = QComboBox()
        self.combo.setObjectName("specialtyCombo")
        self.combo.addItem(self.tr("Choose a specialty…"), None)
        for choice in choices:
            self.combo.addItem(choice.specialty.label, choice)
        self.combo.currentIndexChanged.connect(self._changed)
        self.delay_label = QLabel()
        self.delay_label.setObjectName("specialtyDelay")
        self.mailbox_label = QLabel()
        self.mailbox_label.setObjectName("specialtyMailbox")
        self.mailbox_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel()
        self.message.setObjectName("specialtyMessage")
        self.message.setStyleSheet("color: #b3261e;")
        form = QFormLayout()
        form.addRow(self.tr("Specialty"), self.combo)
        form.addRow(self.tr("Expected answer within"), self.delay_label)
        form.addRow(self.tr("Department mailbox"), self.mailbox_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.urgent)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self._changed()

    def current(self) -> SpecialtyChoice | None:
        data = self.combo.currentData()
        return data if isinstance(data, SpecialtyChoice) else None

    def preset(self, specialty_id: str) -> bool:
        for index in range(self.combo.count()):
            data = self.combo.itemData(index)
            if isinstance(data, SpecialtyChoice) and data.specialty.id == specialty_id:
                self.combo.setCurrentIndex(index)
                return True
        return False

    def _changed(self) -> None:
        choice = self.current()
        self.urgent.setText(urgent_text(choice, self.hospital_number))
        if choice is None:
            self.delay_label.setText("—")
            self.mailbox_label.setText("—")
        else:
            self.delay_label.setText(duration_text(choice.specialty.expected_delay))
            self.mailbox_label.setText(choice.specialty.mailbox)
        self.message.clear()

    def validatePage(self) -> bool:
        if self.current() is None:
            self.message.setText(self.tr("Choose a specialty."))
            return False
        return True


class ClinicalPage(QWizardPage):
    """The question, the specialty's clinical fields and the attachments."""

    attachments_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Question and clinical context"))
        self.files: list[OutgoingAttachment] = []
        self._taken: set[str] = set()
        self.pending = 0
        self.template_id = ""
        self.question = QPlainTextEdit()
        self.question.setObjectName("questionEdit")
        self.question.setPlaceholderText(self.tr("Your question to the specialist"))
        self.question.setMaximumHeight(90)
        self.fields_form = QFormLayout()
        self.field_edits: dict[str, QLineEdit] = {}
        self.fields_title = QLabel()
        font = self.fields_title.font()
        font.setBold(True)
        self.fields_title.setFont(font)
        self.attachment_list = QListWidget()
        self.attachment_list.setObjectName("attachmentList")
        self.attachment_list.setMaximumHeight(90)
        self.add_button = QPushButton(self.tr("Add photos or PDFs…"))
        self.add_button.setObjectName("addAttachmentButton")
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.downscale = QCheckBox(
            self.tr("Reduce photos to %1 pixels").replace("%1", str(DOWNSCALE_SIDE))
        )
        self.downscale.setObjectName("downscaleCheck")
        self.downscale.setChecked(True)
        self.exif_note = QLabel(
            self.tr("Photo metadata (EXIF, GPS position, camera) is removed before sending.")
        )
        self.exif_note.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("clinicalMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.downscale, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Question")))
        layout.addWidget(self.question)
        layout.addWidget(self.fields_title)
        layout.addLayout(self.fields_form)
        layout.addWidget(QLabel(self.tr("Attachments")))
        layout.addWidget(self.attachment_list)
        layout.addLayout(buttons)
        layout.addWidget(self.exif_note)
        layout.addWidget(self.message)

    def set_template(self, template_id: str) -> None:
        if template_id == self.template_id:
            return
        self.template_id = template_id
        old = {key: edit.text() for key, edit in self.field_edits.items()}
        while self.fields_form.rowCount():
            self.fields_form.removeRow(0)
        self.field_edits = {}
        template = template_for(template_id)
        self.fields_title.setText(template_title(template.id))
        for field in template.fields:
            if field.kind != "text":
                continue
            edit = QLineEdit(old.get(field.key, ""))
            edit.setObjectName(f"field_{field.key}")
            label = field_label(template.id, field.key) + (" *" if field.required else "")
            self.fields_form.addRow(label, edit)
            self.field_edits[field.key] = edit

    def clinical(self) -> ClinicalForm:
        answers = tuple(
            (key, edit.text().strip())
            for key, edit in self.field_edits.items()
            if edit.text().strip()
        )
        return ClinicalForm(template_for(self.template_id).id, answers)

    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Photos or PDF documents"),
            "",
            self.tr("Photos and PDFs (*.jpg *.jpeg *.png *.webp *.pdf)"),
        )
        self.add_files([Path(n) for n in names])

    def add_files(self, paths: list[Path]) -> None:
        """Clean each file off the GUI thread (EXIF removed, optional downscale)."""
        max_side = DOWNSCALE_SIDE if self.downscale.isChecked() else None
        taken = self._taken
        for path in paths:
            self.pending += 1

            def work(path: Path = path) -> OutgoingAttachment:
                return prepare_attachment(
                    path.name, path.read_bytes(), max_side=max_side, taken=taken
                )

            Op(self, work).success(self._added).failure(self._failed).run()

    def _added(self, attachment: OutgoingAttachment) -> None:
        self.pending -= 1
        self.files.append(attachment)
        size_kb = max(1, attachment.ref.size // 1024)
        self.attachment_list.addItem(f"{attachment.ref.filename} ({size_kb} " + self.tr("KB") + ")")
        self.attachments_changed.emit()

    def _failed(self, exc: BaseException) -> None:
        self.pending -= 1
        text = exc.user_message if isinstance(exc, MssError) else str(exc)
        if isinstance(exc, OSError):
            text = self.tr("The file could not be read.")
        self.message.setText(text)
        self.attachments_changed.emit()

    def remove_selected(self) -> None:
        row = self.attachment_list.currentRow()
        if 0 <= row < len(self.files):
            removed = self.files.pop(row)
            self._taken.discard(removed.ref.filename.casefold())
            self.attachment_list.takeItem(row)

    def validatePage(self) -> bool:
        self.message.clear()
        if not self.question.toPlainText().strip():
            self.message.setText(self.tr("Type your question."))
            return False
        if self.pending:
            self.message.setText(self.tr("Attachments are still being prepared; try again."))
            return False
        template = template_for(self.template_id)
        missing = [
            field_label(template.id, f.key)
            for f in template.fields
            if f.required
            and f.key in self.field_edits
            and not self.field_edits[f.key].text().strip()
        ]
        if missing:
            self.message.setText(self.tr("Fill in: %1.").replace("%1", ", ".join(missing)))
            return False
        return True


def template_title(template_id: str) -> str:
    if template_id == "wound":
        return QCoreApplication.translate("RequestWizard", "Wound / dermatology")
    return QCoreApplication.translate("RequestWizard", "Clinical context")


def field_label(template_id: str, key: str) -> str:
    labels = {
        "location": QCoreApplication.translate("RequestWizard", "Location"),
        "size": QCoreApplication.translate("RequestWizard", "Size (cm)"),
        "duration": QCoreApplication.translate("RequestWizard", "Since when"),
        "appearance": QCoreApplication.translate(
            "RequestWizard", "Appearance (bed, edges, exudate)"
        ),
        "current_care": QCoreApplication.translate("RequestWizard", "Current care"),
        "history": QCoreApplication.translate("RequestWizard", "Relevant history"),
        "treatments": QCoreApplication.translate("RequestWizard", "Current treatments"),
        "findings": QCoreApplication.translate("RequestWizard", "Examination, results"),
    }
    return labels.get(key, key)


class ConsentPage(QWizardPage):
    """The patient's consent (mandatory, dated) and the requester's identity."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Consent and requester"))
        self.consent = QCheckBox(
            self.tr("The patient was informed and consents to this teleexpertise")
        )
        self.consent.setObjectName("consentCheck")
        self.consent_date = QDateEdit(QDate.currentDate())
        self.consent_date.setObjectName("consentDate")
        self.consent_date.setDisplayFormat("dd/MM/yyyy")
        self.consent_date.setCalendarPopup(True)
        self.consent_date.setMaximumDate(QDate.currentDate())
        self.account = QComboBox()
        self.account.setObjectName("senderAccount")
        self.account.currentIndexChanged.connect(self._account_changed)
        self.name = QLineEdit()
        self.name.setObjectName("requesterName")
        self.profession = QComboBox()
        self.profession.setObjectName("requesterProfession")
        for profession in Profession:
            self.profession.addItem(profession_text(profession), profession.value)
        self.rpps = QLineEdit()
        self.rpps.setObjectName("requesterRpps")
        self.rpps.setPlaceholderText(self.tr("11 digits"))
        self.adeli = QLineEdit()
        self.adeli.setObjectName("requesterAdeli")
        self.adeli.setPlaceholderText(self.tr("9 digits, if no RPPS"))
        self.billing = QLabel()
        self.billing.setObjectName("billingHint")
        self.billing.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("consentMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        consent_row = QHBoxLayout()
        consent_row.addWidget(self.consent, 1)
        consent_row.addWidget(QLabel(self.tr("on")))
        consent_row.addWidget(self.consent_date)
        form = QFormLayout()
        form.addRow(self.tr("Send from"), self.account)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Profession"), self.profession)
        form.addRow(self.tr("RPPS"), self.rpps)
        form.addRow(self.tr("ADELI"), self.adeli)
        layout = QVBoxLayout(self)
        layout.addLayout(consent_row)
        layout.addLayout(form)
        layout.addWidget(self.billing)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.store_provider: Callable[[], Store] | None = None

    def set_accounts(self, accounts: list[Account]) -> None:
        self.account.clear()
        for account in accounts:
            self.account.addItem(f"{account.display_name} <{account.address}>", account)

    def _account_changed(self) -> None:
        account = self.account.currentData()
        if account is None or self.store_provider is None:
            return
        try:
            identity = identity_or_blank(
                self.store_provider(), account.address, account.display_name
            )
        except MssError:
            return
        self.name.setText(identity.display_name)
        self.profession.setCurrentIndex(self.profession.findData(identity.profession.value))
        self.rpps.setText(identity.rpps)
        self.adeli.setText(identity.adeli)

    def requester(self) -> Practitioner:
        account = self.account.currentData()
        return Practitioner(
            self.name.text().strip(),
            Profession(self.profession.currentData()),
            self.rpps.text().strip(),
            self.adeli.text().strip(),
            account.address if account is not None else "",
        )

    def consent_value(self) -> Consent:
        day = self.consent_date.date()
        return Consent(
            self.consent.isChecked(),
            date(day.year(), day.month(), day.day()) if self.consent.isChecked() else None,
        )

    def validatePage(self) -> bool:
        self.message.clear()
        problems = []
        if not self.consent.isChecked():
            problems.append(self.tr("The patient's consent is mandatory."))
        if self.account.currentData() is None:
            problems.append(self.tr("Add your personal mail account first."))
        requester = self.requester()
        if not requester.display_name:
            problems.append(self.tr("Type your name."))
        if requester.rpps and not (requester.rpps.isdigit() and len(requester.rpps) == 11):
            problems.append(self.tr("The RPPS number has 11 digits."))
        if requester.adeli and not (requester.adeli.isdigit() and len(requester.adeli) == 9):
            problems.append(self.tr("The ADELI number has 9 digits."))
        if not requester.rpps and not requester.adeli:
            problems.append(self.tr("Type your RPPS or ADELI number."))
        if problems:
            self.message.setText(" ".join(problems))
            return False
        wizard = self.wizard()
        assert isinstance(wizard, RequestWizard)
        error = wizard.submit()
        if error:
            self.message.setText(error)
            return False
        return True


def money(amount: Decimal) -> str:
    return f"{amount:.2f}".replace(".", ",") + "\u00a0€"


class RequestWizard(QWizard):
    """``send`` queues the result and returns "" or a French reason it could not."""

    def __init__(
        self,
        store_provider: Callable[[], Store],
        choices: list[SpecialtyChoice],
        accounts: list[Account],
        send: Callable[[WizardResult], str],
        *,
        hospital_number: str = "",
        billing: BillingRules | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("requestWizard")
        self.setWindowTitle(self.tr("New teleexpertise request"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self._store_provider = store_provider
        self._send = send
        self._billing = billing
        self._clock = clock
        self.result_sent: WizardResult | None = None
        self.patient_page = PatientPage(store_provider)
        self.specialty_page = SpecialtyPage(choices, hospital_number)
        self.clinical_page = ClinicalPage()
        self.consent_page = ConsentPage()
        self.consent_page.store_provider = store_provider
        self.consent_page.set_accounts(accounts)
        for page in (
            self.patient_page,
            self.specialty_page,
            self.clinical_page,
            self.consent_page,
        ):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Send the request"))
        self.currentIdChanged.connect(self._page_shown)
        self.resize(720, 620)

    def _page_shown(self, _page_id: int) -> None:
        page = self.currentPage()
        if page is self.clinical_page:
            choice = self.specialty_page.current()
            self.clinical_page.set_template(choice.specialty.template_id if choice else "generic")
        elif page is self.consent_page:
            self.consent_page._account_changed()
            self.show_billing()

    def preset_specialty(self, specialty_id: str) -> bool:
        return self.specialty_page.preset(specialty_id)

    def show_billing(self) -> None:
        patient = self.patient_page.patient
        if self._billing is None or patient is None or patient.id is None:
            self.consent_page.billing.clear()
            return
        requester = self.consent_page.requester()
        per_requester = counts_per_requester(self._billing, requester.profession)
        today = self._clock().date()
        try:
            count = TeleexpertiseRepository(self._store_provider()).count_for_patient_year(
                patient.id,
                today.year,
                requester_id=requester.id_nat_ps if per_requester else "",
            )
        except MssError:
            return
        hint = billing_hint(self._billing, Role.REQUESTER, count, today)
        text = ""
        if hint.act is not None:
            text = (
                self.tr("Billing: %1 (%2) for you.")
                .replace("%1", hint.act.code)
                .replace("%2", money(hint.act.amount))
            )
        text += " " + self.tr(
            "Teleexpertise number %1 for this patient in %2 (at most %3)."
        ).replace("%1", str(hint.count_this_year)).replace("%2", str(today.year)).replace(
            "%3", str(hint.limit)
        )
        if hint.count_this_year > hint.limit:
            text += " " + self.tr("Past this limit the act is not reimbursed.")
            self.consent_page.billing.setStyleSheet("color: #8c1d18; font-weight: bold;")
        else:
            self.consent_page.billing.setStyleSheet("")
        self.consent_page.billing.setText(text.strip())

    def build(self) -> WizardResult | None:
        patient = self.patient_page.patient
        choice = self.specialty_page.current()
        account = self.consent_page.account.currentData()
        if patient is None or choice is None or account is None:
            return None
        files = tuple(self.clinical_page.files)
        request = TeleexpertiseRequest(
            request_uid=new_request_uid(),
            patient=patient,
            specialty=choice.specialty,
            requester=self.consent_page.requester(),
            question=self.clinical_page.question.toPlainText().strip(),
            clinical=self.clinical_page.clinical(),
            consent=self.consent_page.consent_value(),
            attachments=tuple(f.ref for f in files),
            created_at=self._clock(),
        )
        return WizardResult(request, files, account)

    def submit(self) -> str:
        result = self.build()
        if result is None:
            return self.tr("The request is incomplete.")
        problems = result.request.problems_before_sending()
        if problems:
            return "; ".join(problems)
        error = self._send(result)
        if not error:
            self.result_sent = result
        return error

    def clear_sensitive(self) -> None:
        self.patient_page.clear_sensitive()
        self.clinical_page.question.clear()
        self.clinical_page.files.clear()
        self.clinical_page.attachment_list.clear()
        for edit in self.clinical_page.field_edits.values():
            edit.clear()
