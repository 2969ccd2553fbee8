"""Wizard page: pick a patient already on file, or create one with traits and INS.

Only a qualified identity's INS travels (the core decides); the page checks the INS key
(python-stdnum through ``parse_ins``) and warns where the matricule and the traits differ.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from mssclient.errors import MssError
from mssclient.patients import (
    INS_NIA_OID,
    INS_NIR_DEMO_OID,
    INS_NIR_OID,
    INS_NIR_TEST_OID,
    IdentityStatus,
    Patient,
    PatientIdentityError,
    PatientRepository,
    identity_mismatches,
    make_traits,
    parse_ins,
)
from mssclient.store import Store

PATIENT_ROLE = Qt.ItemDataRole.UserRole


class PatientPage(QWizardPage):
    def __init__(self, store_provider: Callable[[], Store], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store_provider = store_provider
        self.patient: Patient | None = None
        self.setTitle(self.tr("Patient"))
        self.setSubTitle(self.tr("One patient per request. Pick a patient on file or add one."))

        self.pick_radio = QRadioButton(self.tr("A patient on file"))
        self.new_radio = QRadioButton(self.tr("A new patient"))
        self.pick_radio.setChecked(True)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("patientSearch")
        self.search_edit.setPlaceholderText(self.tr("Birth name or first name"))
        self.search_edit.textChanged.connect(self.refresh_list)
        self.patient_list = QListWidget()
        self.patient_list.setObjectName("patientList")
        self.patient_list.itemDoubleClicked.connect(lambda _i: self.pick_radio.setChecked(True))

        self.birth_name = QLineEdit()
        self.birth_name.setObjectName("birthName")
        self.first_names = QLineEdit()
        self.first_names.setObjectName("birthFirstNames")
        self.birth_date = QDateEdit()
        self.birth_date.setObjectName("birthDate")
        self.birth_date.setDisplayFormat("dd/MM/yyyy")
        self.birth_date.setCalendarPopup(True)
        self.birth_date.setMaximumDate(QDate.currentDate())
        self.birth_date.setDate(QDate(1950, 1, 1))
        self.sex = QComboBox()
        self.sex.setObjectName("sex")
        for text, value in ((self.tr("Female"), "F"), (self.tr("Male"), "M")):
            self.sex.addItem(text, value)
        self.sex.addItem(self.tr("Undetermined"), "I")
        self.birth_place = QLineEdit()
        self.birth_place.setObjectName("birthPlace")
        self.birth_place.setPlaceholderText(self.tr("INSEE code, e.g. 62041"))
        self.matricule = QLineEdit()
        self.matricule.setObjectName("insMatricule")
        self.matricule.setPlaceholderText(self.tr("15 characters, empty if unknown"))
        self.oid = QComboBox()
        self.oid.setObjectName("insOid")
        for text, value in (
            (self.tr("INS-NIR"), INS_NIR_OID),
            (self.tr("INS-NIA"), INS_NIA_OID),
            (self.tr("INS-NIR (test)"), INS_NIR_TEST_OID),
            (self.tr("INS-NIR (demonstration)"), INS_NIR_DEMO_OID),
        ):
            self.oid.addItem(text, value)
        self.status = QComboBox()
        self.status.setObjectName("identityStatus")
        for text, value in (
            (self.tr("Provisional"), IdentityStatus.PROVISIONAL),
            (self.tr("Retrieved (INSi)"), IdentityStatus.RETRIEVED),
            (self.tr("Validated"), IdentityStatus.VALIDATED),
            (self.tr("Qualified (INS sent)"), IdentityStatus.QUALIFIED),
        ):
            self.status.addItem(text, value.value)

        form = QFormLayout()
        form.addRow(self.tr("Birth name"), self.birth_name)
        form.addRow(self.tr("Birth first names"), self.first_names)
        form.addRow(self.tr("Birth date"), self.birth_date)
        form.addRow(self.tr("Sex"), self.sex)
        form.addRow(self.tr("Birth place"), self.birth_place)
        form.addRow(self.tr("INS matricule"), self.matricule)
        form.addRow(self.tr("INS type"), self.oid)
        form.addRow(self.tr("Identity status"), self.status)
        self.new_box = QGroupBox()
        self.new_box.setLayout(form)
        for widget in (self.birth_name, self.first_names, self.matricule, self.birth_place):
            widget.textEdited.connect(lambda _t: self.new_radio.setChecked(True))

        self.message = QLabel()
        self.message.setObjectName("patientMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")

        layout = QVBoxLayout(self)
        layout.addWidget(self.pick_radio)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.patient_list, 1)
        layout.addWidget(self.new_radio)
        layout.addWidget(self.new_box)
        layout.addWidget(self.message)

    def initializePage(self) -> None:
        self.refresh_list()

    def refresh_list(self) -> None:
        self.patient_list.clear()
        try:
            patients = PatientRepository(self._store_provider()).search(self.search_edit.text())
        except MssError:
            patients = []
        for patient in patients:
            t = patient.traits
            label = f"{t.birth_name} {' '.join(t.birth_first_names)} — {t.birth_date:%d/%m/%Y}"
            if patient.is_qualified and patient.ins is not None:
                label += " — " + self.tr("qualified INS %1").replace("%1", patient.ins.formatted())
            item = QListWidgetItem(label)
            item.setData(PATIENT_ROLE, patient)
            self.patient_list.addItem(item)
        if self.patient_list.count():
            self.patient_list.setCurrentRow(0)

    def select_patient(self, patient_id: int) -> None:
        for row in range(self.patient_list.count()):
            if self.patient_list.item(row).data(PATIENT_ROLE).id == patient_id:
                self.pick_radio.setChecked(True)
                self.patient_list.setCurrentRow(row)

    def new_patient_from_form(self) -> Patient:
        """The typed patient, checked; PatientIdentityError (French) when something is wrong."""
        born = self.birth_date.date()
        traits = make_traits(
            birth_name=self.birth_name.text(),
            birth_first_names=self.first_names.text(),
            birth_date=date(born.year(), born.month(), born.day()),
            sex=self.sex.currentData(),
            birth_place_code=self.birth_place.text(),
        )
        status = IdentityStatus(self.status.currentData())
        ins = None
        if self.matricule.text().strip():
            ins = parse_ins(self.matricule.text(), self.oid.currentData())
        elif status is IdentityStatus.QUALIFIED:
            raise PatientIdentityError(
                self.tr("A qualified identity needs its INS: type the matricule."),
                field="matricule",
            )
        return Patient(traits, status, ins)

    def validatePage(self) -> bool:
        self.message.clear()
        if self.pick_radio.isChecked():
            item = self.patient_list.currentItem()
            if item is None:
                self.message.setText(self.tr("Pick a patient in the list, or add a new one."))
                return False
            self.patient = item.data(PATIENT_ROLE)
            return True
        try:
            patient = self.new_patient_from_form()
            warnings = identity_mismatches(patient)
            if warnings and self.message.property("confirmed") != warnings:
                self.message.setText(
                    " ".join(warnings)
                    + " "
                    + self.tr("Check the identity, then click Next again to confirm.")
                )
                self.message.setProperty("confirmed", warnings)
                return False
            self.patient = PatientRepository(self._store_provider()).add(patient)
        except MssError as exc:
            self.message.setText(exc.user_message)
            return False
        self.refresh_list()
        self.select_patient(self.patient.id or 0)
        return True

    def clear_sensitive(self) -> None:
        self.patient = None
        self.patient_list.clear()
        for widget in (self.search_edit, self.birth_name, self.first_names, self.birth_place):
            widget.clear()
        self.matricule.clear()
        self.message.clear()
