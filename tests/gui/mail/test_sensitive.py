"""Locking empties the whole mail area; unlocking brings it back."""

from __future__ import annotations

from mssclient.gui.mail import MailArea
from mssclient.gui.mail.drafts_store import DraftStore
from tests.gui.mail.conftest import Mailbox
from tests.gui.mail.factories import mime, store_many, store_raw


def test_clear_sensitive_empties_everything(qtbot, mailbox: Mailbox, area: MailArea):
    store_raw(mailbox.repo, mailbox.inbox.id, [mime("Mme Dupont", "Escarre du talon droit.")])
    area.restore_sensitive()
    area.list_view.selectRow(0)
    qtbot.waitUntil(lambda: area.reader.current is not None)
    composer = area.open_composer()
    composer.to_edit.setText("dr.paul.bernard@medecins.test.mssante.fr")
    composer.body_edit.setPlainText("Mme Dupont va mieux.")
    area.search_box.setText("Dupont")

    area.clear_sensitive()

    assert area.list_model.rowCount() == 0
    assert area.folder_model.rowCount() == 0
    assert area.reader.current is None
    assert area.reader.body.toPlainText() == ""
    assert area.reader.subject_label.text() == ""
    assert area.reader.source.toPlainText() == ""
    assert area.search_box.text() == ""
    assert area.composers == []
    assert composer.body_edit.toPlainText() == "" and composer.to_edit.text() == ""
    drafts = DraftStore(mailbox.store).list()
    assert [d.content["text"] for d in drafts] == ["Mme Dupont va mieux."], "kept as a draft"
    # Its server copy is built already: the worker uploads it at the next unlock.
    assert drafts[0].raw is not None and b"Mme Dupont va mieux." in drafts[0].raw

    area.restore_sensitive()
    assert area.folder_model.rowCount() == 1
    assert area.list_model.rowCount() == 1


def test_search_words_sender_and_attachments(qtbot, mailbox: Mailbox, area: MailArea):
    store_many(mailbox.repo, mailbox.sent.id, 20)
    store_raw(
        mailbox.repo,
        mailbox.inbox.id,
        [
            mime("Escarre talonnière", "Photo du talon droit."),
            mime(
                "Courrier",
                "Lésion pigmentée",
                sender="Dr Paul Bernard <dr.paul.bernard@medecins.test.mssante.fr>",
                attachment=("courrier.pdf", b"%PDF"),
            ),
        ],
        first_uid=100,
    )
    area.restore_sensitive()
    area.search_box.setText("talon")
    area.search_box.search_now()
    assert area.list_model.rowCount() == 1
    assert "Escarre" in area.list_model.data(area.list_model.index(0, 0))

    area.run_search("from:bernard has:attachment")
    subjects = {area.list_model.row_at(r).subject for r in range(area.list_model.rowCount())}
    assert "Courrier" in subjects and "Escarre talonnière" not in subjects

    area.run_search("introuvablexyz")
    assert area.list_model.rowCount() == 0
    assert area.empty_label.isVisibleTo(area)

    area.search_box.setText("")
    area.search_box.search_now()
    assert area.list_model.folder_id == mailbox.inbox.id
    assert area.list_model.rowCount() == 2


def test_search_remarks_are_shown(qtbot, mailbox: Mailbox, area: MailArea):
    store_many(mailbox.repo, mailbox.inbox.id, 3)
    area.restore_sensitive()
    with qtbot.waitSignal(area.status_changed) as said:
        area.run_search("apres:32/13/2026 corps")
    assert "32/13/2026" in said.args[0]
    assert area.list_model.rowCount() == 3
