from __future__ import annotations

from datetime import timedelta

from mssclient.patients import PatientRepository
from mssclient.store import Store
from mssclient.teleexpertise.model import ExpertAnswer, Role, Urgency
from mssclient.teleexpertise.report import report_content
from mssclient.teleexpertise.repository import TeleexpertiseRepository
from mssclient.teleexpertise.state import Action
from tests.unit.teleexpertise.factories import DERMATOLOGIST, NURSE, T0, patient, wound_request


def test_report_has_identities_dates_consent_answer_and_history(temp_store: Store) -> None:
    repo = TeleexpertiseRepository(temp_store)
    request = repo.save(wound_request(patient=PatientRepository(temp_store).add(patient())))
    request = repo.apply(request, Action.SEND, Role.REQUESTER, T0, actor=NURSE)
    request = repo.apply(
        request,
        Action.ANSWER,
        Role.EXPERT,
        T0 + timedelta(hours=5),
        actor=DERMATOLOGIST,
        answer=ExpertAnswer("Avis.", needs=Urgency.ADMISSION),
    )
    assert repo.get(request.id or 0) == request
    report = report_content(request, repo.events(request.id or 0))
    headings = [h for h, _ in report.sections]
    for heading in ("Patient", "Demandeur", "Consentement", "Avis du spécialiste", "Historique"):
        assert heading in headings
    flat = str(report.sections)
    assert "01/03/2026" in flat and "hospitalisation à prévoir" in flat
    assert "Dr Alice Bernard" in flat
    assert report.file_name == "teleexpertise-TE-6F1C2A3E-MARTIN-1955-03-14.pdf"
