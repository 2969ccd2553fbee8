"""Fill the request wizard the way a user does: type, tick, click Next and Finish."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QWizard

from mssclient.gui.teleexpertise.request_wizard import RequestWizard
from mssclient.patients import INS_NIR_DEMO_OID
from tests.unit.patients.nir_helpers import NIR_WOMAN_1955


def fill_new_patient(wizard: RequestWizard, *, matricule: str = NIR_WOMAN_1955) -> None:
    page = wizard.patient_page
    page.new_radio.setChecked(True)
    page.birth_name.setText("Martin")
    page.first_names.setText("Jeanne Marie")
    page.birth_date.setDate(QDate(1955, 3, 14))
    page.sex.setCurrentIndex(page.sex.findData("F"))
    page.birth_place.setText("75114")
    page.matricule.setText(matricule)
    page.oid.setCurrentIndex(page.oid.findData(INS_NIR_DEMO_OID))
    page.status.setCurrentIndex(page.status.findData("qualified"))


def fill_wound_fields(wizard: RequestWizard) -> None:
    page = wizard.clinical_page
    page.question.setPlainText("Plaie du talon droit qui ne cicatrise pas : quel pansement ?")
    page.field_edits["location"].setText("talon droit")
    page.field_edits["size"].setText("3 x 2")
    page.field_edits["duration"].setText("6 semaines")


def next_page(wizard: RequestWizard) -> None:
    wizard.button(QWizard.WizardButton.NextButton).click()


def finish(wizard: RequestWizard) -> None:
    wizard.button(QWizard.WizardButton.FinishButton).click()


def send_wound_request(qtbot, wizard: RequestWizard, photos: list[Path]) -> None:
    """Patient (new, qualified demo INS), dermatology preset, wound fields, photos, consent."""
    fill_new_patient(wizard)
    next_page(wizard)
    assert wizard.currentPage() is wizard.specialty_page, wizard.patient_page.message.text()
    next_page(wizard)
    assert wizard.currentPage() is wizard.clinical_page
    fill_wound_fields(wizard)
    wizard.clinical_page.add_files(photos)
    qtbot.waitUntil(lambda: wizard.clinical_page.pending == 0, timeout=30_000)
    next_page(wizard)
    assert wizard.currentPage() is wizard.consent_page, wizard.clinical_page.message.text()
    wizard.consent_page.consent.setChecked(True)
    finish(wizard)
