"""One profile holding both roles, as the sandbox mode sets it up (the nurse, the GP, the
dermatologist and the dermatology department's mailbox): a request sent from the nurse's
mailbox shows in the department queue of the same profile, is taken and answered there,
and the nurse's side reads "répondue" — one request, no duplicate from the copies that
come back through the department's INBOX and every Sent folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from mssclient.gui.teleexpertise.request_model import Column
from mssclient.sandbox import DERMATOLOGIST, DERMATOLOGY, NURSE
from mssclient.teleexpertise.inbox import APPLIED
from mssclient.teleexpertise.model import ExpertAnswer, RequestStatus, Urgency
from mssclient.teleexpertise.repository import OUTGOING, TeleexpertiseRepository
from mssclient.teleexpertise.state import Action
from tests.gui.teleexpertise.conftest import write_photo
from tests.gui.teleexpertise.stations import Workstation, one_profile, sandbox
from tests.gui.teleexpertise.wizard_driver import send_wound_request

pytestmark = pytest.mark.integration
__all__ = ["one_profile", "sandbox"]  # fixtures used below


def _copies(station: Workstation, message_id: str) -> int:
    bare = message_id.strip("<>")
    return int(
        station.store.scalar(
            "SELECT count(*) FROM mail_messages WHERE message_id IN (?, ?)",
            (bare, f"<{bare}>"),
        )
    )


def _outcomes(station: Workstation) -> list[str]:
    rows = station.store.query("SELECT outcome FROM te_mail_seen ORDER BY mail_message_id")
    return [str(r[0]) for r in rows]


def test_request_and_answer_within_one_profile(
    qtbot, one_profile: Workstation, tmp_path: Path
) -> None:
    station, area = one_profile, one_profile.area
    assert {a.address for a in station.accounts()} >= {NURSE.address, DERMATOLOGY.address}

    wizard = area.open_wizard("dermatologie")
    send_wound_request(qtbot, wizard, [write_photo(tmp_path)])
    assert not wizard.isVisible(), wizard.consent_page.message.text()
    [sent] = station.send_and_sync()
    assert sent.envelope_from == NURSE.address and sent.recipients == (DERMATOLOGY.address,)

    # The same request on both tabs, once each; the delivery report made it "received".
    repo = TeleexpertiseRepository(station.store)
    [request] = repo.list_requests()
    assert repo.direction_of(request) == OUTGOING
    assert request.status is RequestStatus.RECEIVED
    assert area.mine_model.rowCount() == 1 and area.queue_model.rowCount() == 1
    assert area.queue.proxy.index(0, Column.STATUS).data() == "reçue par le service"
    # The department's INBOX copy and the nurse's Sent copy were recognised as ours.
    assert _copies(station, request.thread_message_id) == 2
    assert _outcomes(station).count(APPLIED) == 1  # the delivery report only
    assert not any("nouvelle demande" in text for _t, text in station.notifications)

    # The dermatologist, chosen in "Répondre en tant que", takes it from the queue.
    area.acting_as.setCurrentIndex(area.acting_as.findData(DERMATOLOGIST.address))
    assert area.acting_as.currentText() == "Dr Sophie Leroy"
    area.tabs.setCurrentWidget(area.queue)
    area.queue.table.selectRow(0)
    take = area.queue.detail.buttons[Action.TAKE]
    assert take.isEnabled()
    take.click()
    [take_mail] = station.send_and_sync()
    assert take_mail.envelope_from == DERMATOLOGY.address
    assert take_mail.recipients == (NURSE.address,)
    assert area.mine_model.index(0, Column.STATUS).data() == ("prise en charge par Dr Sophie Leroy")

    answer = ExpertAnswer("Ulcère de pression du talon.", "Décharge.", Urgency.NONE)
    current = repo.get(request.id or 0)
    assert current is not None
    area.perform(current, Action.ANSWER, answer=answer)
    [answer_mail] = station.send_and_sync()
    assert answer_mail.state == "sent"
    # The nurse's mailbox synced before the department's sent: one more round brings the
    # answer back to her INBOX too.
    assert station.send_and_sync() == []

    # The nurse's side reads "répondue"; still one request, one history, no flags.
    [final] = repo.list_requests()
    assert final.status is RequestStatus.ANSWERED and final.answer == answer
    assert final.flags == frozenset()
    assert area.mine_model.rowCount() == 1 and area.queue_model.rowCount() == 1
    assert area.mine_model.index(0, Column.STATUS).data() == "répondue"
    assert area.queue_model.index(0, Column.STATUS).data() == "répondue"
    history = [e.to_status for e in repo.events(final.id or 0)]
    assert history == ["sent", "received", "taken", "answered"]
    assert final.sent_at is not None
    assert repo.count_for_patient_year(final.patient.id or 0, final.sent_at.year) == 1
    # Every mail came back (INBOX and Sent of both mailboxes): none applied twice.
    mailed = [e.message_id for e in repo.events(final.id or 0) if e.action in ("take", "answer")]
    assert len(mailed) == 2
    assert [_copies(station, message_id) for message_id in mailed] == [2, 2]
    assert _outcomes(station).count(APPLIED) == 1
    assert [e.to_status for e in repo.events(final.id or 0)] == history
