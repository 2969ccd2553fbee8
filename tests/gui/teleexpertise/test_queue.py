"""The department queue: requests received in the shared mailbox, filter and sort by the
time waited, overdue mark, "Je la prends" and the answer form; emptied at lock."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import Qt

from mssclient.gui.teleexpertise.action_dialogs import AnswerDialog
from mssclient.gui.teleexpertise.area import TeleexpertiseArea
from mssclient.gui.teleexpertise.request_model import Column, Filter
from mssclient.patients import PatientRepository
from mssclient.sandbox import DERMATOLOGY
from mssclient.store import Store
from mssclient.teleexpertise.model import RequestStatus, Role, TeleexpertiseRequest
from mssclient.teleexpertise.repository import INCOMING, TeleexpertiseRepository
from mssclient.teleexpertise.state import Action
from mssclient.transport.outbox import Outbox
from tests.gui.teleexpertise.conftest import NOW
from tests.unit.teleexpertise.factories import DERMATOLOGY as DERM_SPECIALTY
from tests.unit.teleexpertise.factories import NURSE, patient, wound_request


def _received(store: Store, uid: str, hours_ago: int) -> TeleexpertiseRequest:
    stored = PatientRepository(store).find_by_ins(patient().ins) or PatientRepository(store).add(
        patient()
    )
    request = wound_request(
        request_uid=uid,
        patient=stored,
        specialty=replace(DERM_SPECIALTY, mailbox=DERMATOLOGY.address),
        requester=NURSE,
        attachments=(),
        status=RequestStatus.SENT,
        sent_at=NOW - timedelta(hours=hours_ago),
        thread_message_id=f"<{uid}@infirmier.mssante.fr>",
    )
    return TeleexpertiseRepository(store).save(request, INCOMING)


def test_queue_sorts_filters_and_marks_overdue(te_area: TeleexpertiseArea, te_store: Store) -> None:
    _received(te_store, "00000000-0000-4000-8000-000000000001", 3)
    _received(te_store, "00000000-0000-4000-8000-000000000002", 80)  # past 72 h
    te_area.reload()
    queue = te_area.queue
    assert queue.proxy.rowCount() == 2
    # Longest wait first; the overdue one is marked in French.
    first = queue.proxy.request_at(0)
    assert first is not None and first.request_uid.endswith("2")
    assert queue.proxy.index(0, Column.OVERDUE).data() == "en retard"
    assert queue.proxy.index(0, Column.WAITED).data() == "3\u00a0j 8\u00a0h"
    assert queue.proxy.index(1, Column.OVERDUE).data() == ""
    queue.table.sortByColumn(Column.WAITED, Qt.SortOrder.AscendingOrder)
    assert queue.proxy.request_at(0).request_uid.endswith("1")  # type: ignore[union-attr]
    queue.filter.setCurrentIndex(queue.filter.findData(Filter.OVERDUE))
    assert queue.proxy.rowCount() == 1
    queue.filter.setCurrentIndex(queue.filter.findData(Filter.TAKEN))
    assert queue.proxy.rowCount() == 0
    assert te_area.tabs.tabText(1) == "File du service"


def test_take_then_answer_through_the_forms(
    qtbot, te_area: TeleexpertiseArea, te_store: Store
) -> None:
    request = _received(te_store, "00000000-0000-4000-8000-000000000003", 5)
    te_area.reload()
    queue = te_area.queue
    queue.table.selectRow(0)
    assert queue.detail.buttons[Action.ANSWER].text() == "Répondre…"
    assert not queue.detail.buttons[Action.ASK_INFORMATION].isEnabled()  # take it first
    queue.detail.buttons[Action.TAKE].click()
    taken = TeleexpertiseRepository(te_store).get(request.id or 0)
    assert taken is not None and taken.status is RequestStatus.TAKEN
    assert taken.assignee is not None and taken.assignee.display_name == "Dr Sophie Leroy"
    assert queue.proxy.index(0, Column.STATUS).data() == "prise en charge par Dr Sophie Leroy"
    [take_mail] = Outbox(te_store).items()
    assert take_mail.envelope_from == DERMATOLOGY.address  # the shared mailbox
    assert take_mail.recipients == (NURSE.mailbox,)

    queue.table.selectRow(0)
    dialog = te_area.start_action(queue, Action.ANSWER)
    assert isinstance(dialog, AnswerDialog)
    dialog.findChild(type(dialog.opinion), "opinionEdit").setPlainText("")
    dialog._check()
    assert dialog.message.text() == "Rédigez votre avis."
    dialog.opinion.setPlainText("Ulcère de pression : décharge et hydrocolloïde.")
    dialog._check()
    answered = TeleexpertiseRepository(te_store).get(request.id or 0)
    assert answered is not None and answered.status is RequestStatus.ANSWERED
    assert answered.answer is not None and answered.answer.opinion.startswith("Ulcère")
    assert len(Outbox(te_store).items()) == 2
    assert queue.proxy.index(0, Column.STATUS).data() == "répondue"


def test_decline_needs_a_reason_and_billing_warns_past_four(
    te_area: TeleexpertiseArea, te_store: Store
) -> None:
    for number in range(1, 6):
        _received(te_store, f"00000000-0000-4000-8000-00000000001{number}", number)
    te_area.reload()
    queue = te_area.queue
    queue.table.sortByColumn(Column.WAITED, Qt.SortOrder.AscendingOrder)
    queue.table.selectRow(0)
    billing = queue.detail.billing_label.text()
    assert "TE2 (20,00\u00a0€)" in billing
    assert "n°\u00a05" in billing and "n'est pas remboursé" in billing
    box = te_area.start_action(queue, Action.DECLINE)
    assert box is not None
    box._check()  # type: ignore[attr-defined]
    assert box.message.text() == "Rédigez un message."  # type: ignore[attr-defined]
    box.text.setPlainText("Relève de la chirurgie vasculaire.")  # type: ignore[attr-defined]
    box.redirect.setText("Chirurgie vasculaire")  # type: ignore[attr-defined]
    box._check()  # type: ignore[attr-defined]
    declined = queue.proxy.request_at(0)
    assert declined is not None and declined.status is RequestStatus.DECLINED


def test_lock_empties_every_view(te_area: TeleexpertiseArea, te_store: Store) -> None:
    _received(te_store, "00000000-0000-4000-8000-000000000004", 2)
    te_area.reload()
    te_area.queue.table.selectRow(0)
    wizard = te_area.open_wizard("dermatologie")
    wizard.patient_page.birth_name.setText("Martin")
    assert "MARTIN" in te_area.queue.detail.browser.toPlainText()
    te_area.clear_sensitive()
    assert te_area.queue_model.rowCount() == 0 and te_area.mine_model.rowCount() == 0
    assert "MARTIN" not in te_area.queue.detail.browser.toPlainText()
    assert te_area.wizard is None and not wizard.isVisible()
    assert wizard.patient_page.birth_name.text() == ""
    assert te_area.stats.table.rowCount() == 0
    te_area.restore_sensitive()
    assert te_area.queue_model.rowCount() == 1


def test_statistics_per_specialty(te_area: TeleexpertiseArea, te_store: Store) -> None:
    repo = TeleexpertiseRepository(te_store)
    for number, hours in enumerate((10, 20, 30), start=1):
        request = _received(te_store, f"00000000-0000-4000-8000-00000000002{number}", 40)
        taken = repo.apply(request, Action.TAKE, Role.EXPERT, NOW - timedelta(hours=39))
        repo.save(
            replace(
                taken, answered_at=NOW - timedelta(hours=40 - hours), status=RequestStatus.ANSWERED
            )
        )
    te_area.reload()
    table = te_area.stats.table
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in range(5)] == [
        "Dermatologie",
        "3",
        "3",
        "20\u00a0h",
        "30\u00a0h",
    ]
