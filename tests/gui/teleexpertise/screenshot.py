"""Screenshots of "Mes demandes" after the follow-ups: a request the server's delivery report
made "reçue par le service", and an answered one with "Clore la demande" (offscreen, French,
over the embedded sandbox with every demo mailbox in one profile).

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.gui.teleexpertise.screenshot``
Writes docs/screenshots/teleexpertise-recue-clore.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from mssclient.directory.bundle import parse_bundle
from mssclient.gui.i18n import install_translators
from mssclient.gui.mail.sandbox_accounts import add_sandbox_account
from mssclient.gui.teleexpertise.area import TeleexpertiseArea
from mssclient.gui.teleexpertise.sending import account_for, queue_request
from mssclient.sandbox import NURSE, Sandbox
from mssclient.sandbox.sandbox import default_directory_file
from mssclient.store import Store
from mssclient.teleexpertise.identities import save_identity
from mssclient.teleexpertise.model import ExpertAnswer, Urgency, new_request_uid
from mssclient.teleexpertise.repository import TeleexpertiseRepository
from mssclient.teleexpertise.specialties import teleexpertise_specialty
from mssclient.teleexpertise.state import Action
from mssclient.transport.accounts import load_accounts
from tests.gui.teleexpertise.stations import DOCTOR_ID, NURSE_ID, Workstation
from tests.unit.teleexpertise.factories import patient, wound_request

OUT = Path(__file__).resolve().parents[3] / "docs" / "screenshots"


def main() -> None:
    app = QApplication(sys.argv)
    install_translators(app, "fr")
    with tempfile.TemporaryDirectory() as tmp, Sandbox(Path(tmp) / "sandbox") as sandbox:
        store = Store.open(Path(tmp) / "store.db", bytes(range(32)), key_known_good=True)
        for demo in sandbox.accounts:
            add_sandbox_account(store, sandbox, demo)
        save_identity(store, NURSE_ID)
        save_identity(store, DOCTOR_ID)
        hospital = parse_bundle(default_directory_file().read_bytes())
        area = TeleexpertiseArea(
            lambda: store,
            lambda: load_accounts(store),
            lambda: hospital,
            clock=lambda: datetime.now(UTC) + timedelta(hours=48),  # two days later
        )
        station = Workstation(store, area, [])
        repo = TeleexpertiseRepository(store)
        nurse = account_for(load_accounts(store), NURSE.address)
        assert nurse is not None
        entry = hospital.specialty("dermatologie")
        assert entry is not None
        specialty = teleexpertise_specialty(entry)
        assert specialty is not None
        stored_patient = repo.patients.add(patient())
        for question in ("Plaie du talon droit : quel pansement ?", "Lésion pigmentée du dos ?"):
            draft = repo.save(
                wound_request(
                    request_uid=new_request_uid(),
                    patient=stored_patient,
                    specialty=specialty,
                    requester=NURSE_ID,
                    question=question,
                    attachments=(),
                )
            )
            queue_request(store, repo, draft, nurse, (), datetime.now(UTC))
        station.send_and_sync()
        first = next(r for r in repo.list_requests() if r.question.startswith("Plaie"))
        area.acting_as.setCurrentIndex(area.acting_as.findData(DOCTOR_ID.mailbox))
        area.perform(first, Action.TAKE)
        taken = repo.get(first.id or 0)
        assert taken is not None
        area.perform(
            taken,
            Action.ANSWER,
            answer=ExpertAnswer(
                "Ulcère de pression du talon.", "Décharge, hydrocolloïde.", Urgency.NONE
            ),
        )
        station.send_and_sync()
        area.resize(1100, 720)
        area.show()
        area.tabs.setCurrentWidget(area.mine)
        area.reload()
        area.mine.select(first.id or 0)
        app.processEvents()
        OUT.mkdir(parents=True, exist_ok=True)
        area.grab().save(str(OUT / "teleexpertise-recue-clore.png"))
        store.close()
    del app


if __name__ == "__main__":
    main()
