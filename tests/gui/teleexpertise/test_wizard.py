"""The request wizard: mandatory consent, INS key check, specialty, EXIF removed, sending."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from mssclient.gui.teleexpertise.area import TeleexpertiseArea
from mssclient.sandbox import DERMATOLOGY, NURSE
from mssclient.store import Store
from mssclient.teleexpertise.model import RequestStatus
from mssclient.teleexpertise.repository import TeleexpertiseRepository
from mssclient.transport.outbox import Outbox
from tests.gui.teleexpertise.conftest import write_photo
from tests.gui.teleexpertise.wizard_driver import (
    fill_new_patient,
    fill_wound_fields,
    finish,
    next_page,
    send_wound_request,
)
from tests.unit.patients.nir_helpers import wrong_key


def test_urgent_guard_names_the_single_number_and_the_key(te_area: TeleexpertiseArea) -> None:
    wizard = te_area.open_wizard("dermatologie")
    choice = wizard.specialty_page.current()
    assert choice is not None and choice.specialty.mailbox == DERMATOLOGY.address
    text = wizard.specialty_page.urgent.text().replace("\u00a0", " ")
    assert text.startswith("Urgent ? N'utilisez pas la télé-expertise — appelez le numéro unique")
    assert "03 21 00 00 00" in text
    assert f"touche {choice.menu_key}" in text and choice.menu_key
    assert wizard.specialty_page.mailbox_label.text() == DERMATOLOGY.address
    # The directory gives dermatology 48 hours: whole days show as days.
    assert choice.specialty.expected_delay.total_seconds() == 48 * 3600
    assert wizard.specialty_page.delay_label.text() == "2\u00a0j"


def test_missing_specialty_is_refused_in_french(te_area: TeleexpertiseArea) -> None:
    wizard = te_area.open_wizard()
    fill_new_patient(wizard)
    next_page(wizard)
    assert wizard.currentPage() is wizard.specialty_page
    next_page(wizard)
    assert wizard.currentPage() is wizard.specialty_page
    assert wizard.specialty_page.message.text() == "Choisissez une spécialité."


def test_wrong_ins_key_is_refused(te_area: TeleexpertiseArea, te_store: Store) -> None:
    wizard = te_area.open_wizard("dermatologie")
    fill_new_patient(wizard, matricule=wrong_key("2550375114123"))
    next_page(wizard)
    assert wizard.currentPage() is wizard.patient_page
    assert "clé du matricule INS est fausse" in wizard.patient_page.message.text()
    assert te_store.scalar("SELECT count(*) FROM patients") == 0


def test_consent_is_mandatory(
    qtbot, te_area: TeleexpertiseArea, te_store: Store, tmp_path: Path
) -> None:
    wizard = te_area.open_wizard("dermatologie")
    fill_new_patient(wizard)
    next_page(wizard)
    next_page(wizard)
    fill_wound_fields(wizard)
    next_page(wizard)
    assert wizard.currentPage() is wizard.consent_page
    assert wizard.consent_page.name.text() == "Claire Martin"  # remembered identity
    finish(wizard)
    assert wizard.isVisible()
    assert "Le consentement du patient est obligatoire." in wizard.consent_page.message.text()
    assert Outbox(te_store).items() == []
    assert TeleexpertiseRepository(te_store).list_requests() == []


def test_wound_fields_are_required(te_area: TeleexpertiseArea) -> None:
    wizard = te_area.open_wizard("dermatologie")
    fill_new_patient(wizard)
    next_page(wizard)
    next_page(wizard)
    assert set(wizard.clinical_page.field_edits) >= {"location", "size", "duration"}
    wizard.clinical_page.question.setPlainText("Quel pansement ?")
    next_page(wizard)
    assert wizard.currentPage() is wizard.clinical_page
    message = wizard.clinical_page.message.text()
    assert message.startswith("Renseignez") and "Localisation" in message


def test_generic_template_for_another_specialty(te_area: TeleexpertiseArea) -> None:
    wizard = te_area.open_wizard("cardiologie")
    fill_new_patient(wizard)
    next_page(wizard)
    next_page(wizard)
    assert set(wizard.clinical_page.field_edits) == {"history", "treatments", "findings"}
    assert wizard.clinical_page.fields_title.text() == "Contexte clinique"


def test_photo_exif_removed_downscaled_and_request_queued(
    qtbot, te_area: TeleexpertiseArea, te_store: Store, tmp_path: Path
) -> None:
    photo = write_photo(tmp_path)
    with Image.open(photo) as original:
        assert original.getexif().get_ifd(0x8825), "the test photo must carry GPS data"
    wizard = te_area.open_wizard("dermatologie")
    send_wound_request(qtbot, wizard, [photo])
    assert not wizard.isVisible(), wizard.consent_page.message.text()
    sent = wizard.result_sent
    assert sent is not None
    [attachment] = sent.files
    with Image.open(io.BytesIO(attachment.data)) as cleaned:
        assert not cleaned.getexif()  # no EXIF at all, hence no GPS
        assert max(cleaned.size) == 1600
    assert b"PhoneMaker" not in attachment.data
    # Stored as sent, and one mail waits in the nurse's outbox for the department.
    [request] = TeleexpertiseRepository(te_store).list_requests()
    assert request.status is RequestStatus.SENT
    assert request.patient.is_qualified
    [item] = Outbox(te_store).items()
    assert item.recipients == (DERMATOLOGY.address,)
    assert item.envelope_from == NURSE.address
    raw = Outbox(te_store).raw(item.id)
    assert b"application/fhir+json" in raw and b"PhoneMaker" not in raw
    assert te_area.mine_model.rowCount() == 1
    assert te_area.mine_model.index(0, 4).data() == "envoyée"
