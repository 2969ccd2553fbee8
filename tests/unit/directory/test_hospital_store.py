"""The offline copy, favourites and the call log in the encrypted store."""

from __future__ import annotations

from datetime import UTC, datetime

from mssclient.directory import call_log, hospital_store
from mssclient.directory.models import HospitalDirectory
from mssclient.directory.refresh import FetchResult, Outcome, apply_fetch, import_local_file
from mssclient.paths import resources_dir
from mssclient.store import Store

URL = "https://annuaire.ch-exemple.example/directory/hospital.json"
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
RAW = (resources_dir() / "demo" / "hospital-directory.fhir.json").read_bytes()


def test_local_file_becomes_the_offline_copy(temp_store: Store) -> None:
    status = import_local_file(temp_store, URL, RAW, NOW)
    assert status.outcome is Outcome.UPDATED and status.directory is not None
    snapshot = hospital_store.load_snapshot(temp_store, URL)
    assert snapshot is not None and snapshot.raw_json == RAW.decode("utf-8")
    rows = temp_store.query(
        "SELECT specialty_id, menu_key, mailbox, search_text FROM dir_specialties "
        "WHERE specialty_id = 'dermatologie'"
    )
    assert rows[0][1] == "4" and rows[0][2] == "dermatologie@ch-exemple.sandbox.mssante.fr"
    assert "escarre" in rows[0][3]
    loaded = hospital_store.load_directory(temp_store, URL)
    assert loaded is not None and loaded.specialty("dermatologie") is not None


def test_a_bad_file_keeps_the_previous_copy(temp_store: Store) -> None:
    import_local_file(temp_store, URL, RAW, NOW)
    status = apply_fetch(temp_store, URL, FetchResult(body=b'{"resourceType": "Patient"}'), NOW)
    assert status.outcome is Outcome.FAILED
    assert "inutilisable" in status.message and "reste affichée" in status.message
    assert status.directory is not None and len(status.directory.specialties) > 15
    snapshot = hospital_store.load_snapshot(temp_store, URL)
    assert snapshot is not None and snapshot.raw_json == RAW.decode("utf-8")
    assert "Patient" in snapshot.last_error


def test_failure_without_any_copy(temp_store: Store) -> None:
    status = apply_fetch(temp_store, URL, FetchResult(error="Serveur injoignable."), NOW)
    assert status.outcome is Outcome.FAILED and status.directory is None
    assert "Aucune copie locale" in status.message


def test_favorites(temp_store: Store) -> None:
    hospital_store.set_favorite(temp_store, "dermatologie", True, NOW)
    hospital_store.set_favorite(temp_store, "dermatologie", True, NOW)
    hospital_store.set_favorite(temp_store, "cardiologie", True, NOW)
    hospital_store.set_favorite(temp_store, "cardiologie", False, NOW)
    assert hospital_store.favorites(temp_store) == {"dermatologie"}


def test_call_log_note_and_confirmation_draft(
    temp_store: Store, demo_directory: HospitalDirectory
) -> None:
    derm = demo_directory.specialty("dermatologie")
    assert derm is not None
    call_id = call_log.start_call(
        temp_store, derm, "tel:+33321000000", NOW, patient_ref="DUPONT Jeanne 1950"
    )
    call_log.add_note(
        temp_store, call_id, "Pansement hydrocolloïde, revoir à J7.\nSi fièvre : urgences.", NOW
    )
    record = call_log.get_call(temp_store, call_id)
    assert record is not None and record.note.startswith("Pansement") and not record.note_sent
    draft = call_log.confirmation_draft(record, derm, sender="Inès Infirmière, IDEL")
    assert draft["to"] == ["dermatologie@ch-exemple.sandbox.mssante.fr"]
    assert draft["subject"] == "Confirmation d'avis téléphonique — Dermatologie — 23/11/2026"
    assert "le 23/11/2026 à 10:00" in draft["body"]  # Paris time
    assert "DUPONT Jeanne 1950" in draft["body"] and "  Si fièvre : urgences." in draft["body"]
    call_log.mark_note_sent(temp_store, call_id, NOW, "<abc@ch-exemple>")
    assert call_log.recent_calls(temp_store)[0].note_sent
    # The audit trail records the call, never the patient.
    details = [(e.action, e.object, e.detail) for e in temp_store.audit.entries()]
    assert ("directory.call", f"call:{call_id}", "dermatologie") in details
    assert not any("DUPONT" in " ".join(d) for d in details)


def test_note_is_capped(temp_store: Store, demo_directory: HospitalDirectory) -> None:
    derm = demo_directory.specialty("dermatologie")
    assert derm is not None
    call_id = call_log.start_call(temp_store, derm, "tel:+33321000000", NOW)
    call_log.add_note(temp_store, call_id, "x" * 1_000_000, NOW, patient_ref="P1")
    record = call_log.get_call(temp_store, call_id)
    assert record is not None and len(record.note) == call_log.MAX_NOTE_CHARS
    assert record.patient_ref == "P1"
