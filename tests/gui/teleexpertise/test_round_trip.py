"""The teleexpertise round trip between two workstations, over the embedded sandbox
operator and on Dovecot + Postfix (IMAP + SMTP on loopback, tests/integration/servers).
The nurse asks the dermatology department, the server's delivery report makes it "received
by the department", the dermatologist takes it from the shared mailbox, asks for a photo,
the nurse adds it, the specialist answers, the nurse sees "answered", is notified, the PDF
report is written, and she closes the request. Statuses checked on both sides.

Postfix delivers from its queue, so a workstation syncs until the other's mail is there
(``sync_until``); the sandbox has it at once, and there each wait is a single sync."""

from __future__ import annotations

from pathlib import Path

import pytest

from mssclient.teleexpertise.model import (
    ExpertAnswer,
    RequestStatus,
    TeleexpertiseRequest,
    Urgency,
)
from mssclient.teleexpertise.repository import INCOMING, OUTGOING, TeleexpertiseRepository
from mssclient.teleexpertise.state import Action
from tests.gui.teleexpertise.conftest import write_photo
from tests.gui.teleexpertise.stations import (
    Backend,
    Workstation,
    backend,
    nurse,
    sandbox,
    specialist,
)
from tests.gui.teleexpertise.wizard_driver import send_wound_request

pytestmark = pytest.mark.integration
__all__ = ["backend", "nurse", "sandbox", "specialist"]  # fixtures used below


def _only(station: Workstation, direction: str) -> TeleexpertiseRequest:
    [request] = TeleexpertiseRepository(station.store).list_requests(direction)
    return request


def _status(station: Workstation, direction: str) -> RequestStatus:
    return _only(station, direction).status


@pytest.mark.parametrize("backend", ["sandbox", "dovecot"], indirect=True)
def test_nurse_to_dermatology_and_back(
    qtbot, backend: Backend, nurse: Workstation, specialist: Workstation, tmp_path: Path
) -> None:
    department, nurse_box = backend.addresses["department"], backend.addresses["nurse"]
    # The nurse fills the wizard and sends; the mail leaves from her personal mailbox.
    wizard = nurse.area.open_wizard("dermatologie")
    send_wound_request(qtbot, wizard, [write_photo(tmp_path)])
    assert not wizard.isVisible(), wizard.consent_page.message.text()
    [sent] = nurse.sync_until(lambda: _status(nurse, OUTGOING) is RequestStatus.RECEIVED)
    assert sent.state == "sent" and sent.recipients == (department,)
    assert sent.envelope_from == nurse_box and sent.request_dsn
    # The server's success report came back to her INBOX (the sandbox's with the same sync).
    assert _status(nurse, OUTGOING) is RequestStatus.RECEIVED
    assert nurse.area.mine_model.index(0, 4).data() == "reçue par le service"
    nurse.area.mine.table.selectRow(0)
    close = nurse.area.mine.detail.buttons[Action.CLOSE]
    assert close.text() == "Clore la demande" and not close.isEnabled()  # not answered yet

    # The department's mailbox syncs on the specialist's workstation: a new request.
    specialist.sync_until(lambda: specialist.area.queue_model.rowCount() > 0)
    queue = specialist.area.queue
    assert specialist.area.queue_model.rowCount() == 1
    assert any("nouvelle demande" in text for _t, text in specialist.notifications)
    [incoming] = TeleexpertiseRepository(specialist.store).list_requests(INCOMING)
    assert incoming.patient.is_qualified and incoming.question.startswith("Plaie du talon")
    assert [a.media_type for a in incoming.attachments] == ["image/jpeg"]
    queue.table.selectRow(0)
    detail = queue.detail
    assert "Plaie du talon droit" in detail.browser.toPlainText()
    assert "TE2" in detail.billing_label.text()

    # "Je la prends": mailed from the department's mailbox, so colleagues see it too.
    take = detail.buttons[Action.TAKE]
    assert take.text() == "Je la prends" and take.isEnabled()
    take.click()
    assert _status(specialist, INCOMING) is RequestStatus.TAKEN
    [taken_mail] = specialist.send_and_sync()
    assert taken_mail.envelope_from == department
    nurse.sync_until(lambda: _status(nurse, OUTGOING) is RequestStatus.TAKEN)
    assert _status(nurse, OUTGOING) is RequestStatus.TAKEN
    assert nurse.area.mine_model.index(0, 4).data() == "prise en charge par Dr Sophie Leroy"

    # The specialist asks for a photo with a ruler; the nurse is notified and answers.
    incoming = TeleexpertiseRepository(specialist.store).list_requests(INCOMING)[0]
    specialist.area.perform(incoming, Action.ASK_INFORMATION, message="Photo avec une règle ?")
    specialist.send_and_sync()
    nurse.sync_until(lambda: _status(nurse, OUTGOING) is RequestStatus.INFO_REQUESTED)
    assert _status(nurse, OUTGOING) is RequestStatus.INFO_REQUESTED
    assert any("complément demandé" in text for _t, text in nurse.notifications)
    mine = TeleexpertiseRepository(nurse.store).list_requests(OUTGOING)[0]
    ruler = write_photo(tmp_path, "regle.jpg")
    from mssclient.teleexpertise.attachments import prepare_attachment

    photo = prepare_attachment(ruler.name, ruler.read_bytes(), max_side=800)
    nurse.area.perform(mine, Action.PROVIDE_INFORMATION, message="Voici la photo.", files=(photo,))
    nurse.send_and_sync()
    specialist.sync_until(lambda: len(_only(specialist, INCOMING).attachments) > 1)
    [incoming] = TeleexpertiseRepository(specialist.store).list_requests(INCOMING)
    assert incoming.status is RequestStatus.TAKEN
    assert [a.filename for a in incoming.attachments][-1] == "regle.jpg"

    # The answer; the nurse sees "répondue" and is notified.
    answer = ExpertAnswer(
        "Ulcère de pression du talon.", "Décharge, hydrocolloïde.", Urgency.CONSULTATION, "15 j"
    )
    specialist.area.perform(incoming, Action.ANSWER, answer=answer)
    specialist.send_and_sync()
    nurse.sync_until(lambda: _status(nurse, OUTGOING) is RequestStatus.ANSWERED)
    [final] = TeleexpertiseRepository(nurse.store).list_requests(OUTGOING)
    assert final.status is RequestStatus.ANSWERED and final.answer == answer
    assert final.flags == frozenset()
    assert nurse.area.mine_model.index(0, 4).data() == "répondue"
    assert nurse.notifications[-1][1].endswith("répondue")
    assert _status(specialist, INCOMING) is RequestStatus.ANSWERED
    history = [e.to_status for e in TeleexpertiseRepository(nurse.store).events(final.id or 0)]
    assert history == ["sent", "received", "taken", "info_requested", "taken", "answered"]

    # The PDF report for the patient's record.
    pdf = nurse.area.export_report(final, tmp_path / "records" / "report.pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 2000
    assert not list(pdf.parent.glob(".report-*"))  # the temporary file was replaced

    # "Clore la demande": closed here, and the department's copy follows.
    nurse.area.mine.table.selectRow(0)
    assert close.isEnabled()
    close.click()
    assert _status(nurse, OUTGOING) is RequestStatus.CLOSED
    assert nurse.area.mine_model.index(0, 4).data() == "clôturée"
    [close_mail] = nurse.send_and_sync()
    assert close_mail.state == "sent" and close_mail.recipients == (department,)
    assert not close_mail.request_dsn  # only the request asks for a delivery report
    specialist.sync_until(lambda: _status(specialist, INCOMING) is RequestStatus.CLOSED)
    assert _status(specialist, INCOMING) is RequestStatus.CLOSED
    assert specialist.area.queue_model.index(0, 4).data() == "clôturée"
    [dept_side] = TeleexpertiseRepository(specialist.store).list_requests(INCOMING)
    assert dept_side.flags == frozenset() and dept_side.closed_at is not None
