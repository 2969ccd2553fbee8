"""The composer builds the right Draft, holds the size limit, queues into the outbox."""

from __future__ import annotations

import json
from pathlib import Path

from mssclient.gui.mail import MailArea
from mssclient.gui.mail.composer import ComposerDialog
from mssclient.gui.mail.drafts_store import DraftStore
from mssclient.gui.mail.operations import wait_for_operations
from mssclient.mail import MAX_ATTACHMENT_TOTAL, Attachment
from mssclient.transport.outbox import Outbox
from tests.gui.mail.conftest import Mailbox
from tests.gui.mail.factories import ME, mime, store_raw

GP = "dr.paul.bernard@medecins.test.mssante.fr"
SPECIALIST = "dr.sophie.leroy@ch-exemple.test.mssante.fr"
SECRETARY = "secretariat@ch-exemple.test.mssante.fr"


def _composer(qtbot, mailbox: Mailbox) -> ComposerDialog:
    dialog = ComposerDialog([mailbox.account])
    qtbot.addWidget(dialog)
    return dialog


def test_draft_has_the_typed_recipients_and_options(qtbot, mailbox: Mailbox):
    dialog = _composer(qtbot, mailbox)
    dialog.to_edit.setText(f"Dr Paul Bernard <{GP}>; {SPECIALIST}")
    dialog.cc_edit.setText(SECRETARY)
    dialog.bcc_edit.setText("archives@infirmiers.test.mssante.fr")
    dialog.subject_edit.setText("Suivi de Mme Dupont")
    dialog.body_edit.setPlainText("Bonjour,\nvoici le suivi.")
    dialog.read_receipt.setChecked(True)
    dialog.delivery_report.setChecked(True)
    draft = dialog.draft()
    assert [a.addr for a in draft.to] == [GP, SPECIALIST]
    assert draft.to[0].name == "Dr Paul Bernard"
    assert [a.addr for a in draft.cc] == [SECRETARY]
    assert [a.addr for a in draft.bcc] == ["archives@infirmiers.test.mssante.fr"]
    assert draft.identity.addr == ME and draft.identity.name == "Claire Martin"
    assert draft.subject == "Suivi de Mme Dupont"
    assert draft.request_read_receipt and draft.request_dsn


def test_bad_address_is_explained_not_sent(qtbot, mailbox: Mailbox):
    dialog = _composer(qtbot, mailbox)
    dialog.to_edit.setText("pas une adresse")
    sent: list[object] = []
    dialog.send_requested.connect(lambda d, a: sent.append(d))
    dialog.request_send()
    assert sent == []
    assert dialog.error_label.isVisibleTo(dialog) and dialog.error_label.text()


def test_oversized_attachment_is_refused(qtbot, mailbox: Mailbox, tmp_path: Path):
    dialog = _composer(qtbot, mailbox)
    half = MAX_ATTACHMENT_TOTAL // 2 + 1
    assert dialog.add_attachment(Attachment("radio-1.pdf", "application/pdf", b"x" * half))
    assert not dialog.add_attachment(Attachment("radio-2.pdf", "application/pdf", b"y" * half))
    assert dialog.attachment_list.count() == 1
    assert "radio-2.pdf" in dialog.error_label.text()
    assert "20,0 Mo" in dialog.size_label.text()

    huge = tmp_path / "scanner.dcm"
    with huge.open("wb") as handle:  # sparse: the limit is checked before reading
        handle.truncate(MAX_ATTACHMENT_TOTAL + 1)
    assert not dialog.add_attachment_file(huge)
    assert "scanner.dcm" in dialog.error_label.text()
    assert len(dialog.draft().attachments) == 1


def test_send_queues_in_the_outbox_with_bcc_only_in_the_envelope(
    qtbot, mailbox: Mailbox, area: MailArea
):
    area.restore_sensitive()
    composer = area.open_composer()
    composer.to_edit.setText(GP)
    composer.bcc_edit.setText(SECRETARY)
    composer.subject_edit.setText("Résultats du bilan")
    composer.body_edit.setPlainText("Bilan joint, à discuter.")
    composer.delivery_report.setChecked(True)
    composer.add_attachment(Attachment("bilan.pdf", "application/pdf", b"%PDF-1.4\n"))
    with qtbot.waitSignal(composer.finished, timeout=10_000):
        composer.send_button.click()
    items = Outbox(mailbox.store).items()
    assert len(items) == 1
    item = items[0]
    assert set(item.recipients) == {GP, SECRETARY}
    assert item.request_dsn
    wire = Outbox(mailbox.store).raw(item.id)
    assert SECRETARY.encode() not in wire, "Bcc must not appear in the message"
    assert b"X-MSS-NIL" in wire and b"bilan.pdf" in wire


def test_reply_all_and_forward_fill_the_composer(qtbot, mailbox: Mailbox, area: MailArea):
    raw = mime(
        "Avis plaie",
        "Pansement hydrocellulaire.",
        sender=f"Dr Sophie Leroy <{SPECIALIST}>",
        to=f"Claire Martin <{ME}>, {GP}",
        attachment=("photo.pdf", b"%PDF"),
    )
    store_raw(mailbox.repo, mailbox.inbox.id, [raw])
    area.restore_sensitive()
    area.list_view.selectRow(0)
    reply = area.reply(reply_all=True)
    assert reply is not None
    draft = reply.draft()
    assert [a.addr for a in draft.to] == [SPECIALIST, GP]
    assert draft.subject == "Re : Avis plaie"
    assert draft.in_reply_to and draft.references
    assert "> Pansement hydrocellulaire." in draft.text

    area.forward()
    qtbot.waitUntil(lambda: len(area.composers) == 2)
    forwarded = area.composers[-1].draft()
    assert forwarded.subject == "Tr : Avis plaie"
    assert [a.filename for a in forwarded.attachments] == ["photo.pdf"]


def test_draft_saved_locally_and_encrypted_store_only(qtbot, mailbox: Mailbox, area: MailArea):
    area.restore_sensitive()
    composer = area.open_composer()
    composer.to_edit.setText(GP)
    composer.subject_edit.setText("Brouillon patient")
    composer.save_button.click()
    assert composer.draft_id is not None
    saved = DraftStore(mailbox.store).load(composer.draft_id)
    assert saved is not None and saved.content["subject"] == "Brouillon patient"
    composer.body_edit.setPlainText("suite")
    composer.save_button.click()
    assert len(DraftStore(mailbox.store).list()) == 1, "saving again updates the same draft"
    assert json.dumps(DraftStore(mailbox.store).list()[0].content["text"]) == '"suite"'


def test_saved_draft_reopens_with_its_fields(qtbot, mailbox: Mailbox, area: MailArea):
    area.restore_sensitive()
    first = area.open_composer()
    first.to_edit.setText(GP)
    first.subject_edit.setText("À reprendre")
    first.body_edit.setPlainText("Début du courrier")
    first.read_receipt.setChecked(True)
    first.save_button.click()
    draft_id = first.draft_id
    first.reject()

    area._fill_drafts_menu()
    labels = [a.text() for a in area.drafts_menu.actions()]
    assert any("À reprendre" in label for label in labels)
    again = area.open_saved_draft(draft_id)
    assert again is not None
    assert again.to_edit.text() == GP
    assert again.body_edit.toPlainText() == "Début du courrier"
    assert again.read_receipt.isChecked()
    again.to_edit.setText(f"{GP}, {SPECIALIST}")
    with qtbot.waitSignal(again.finished, timeout=10_000):
        again.send_button.click()
    assert DraftStore(mailbox.store).list() == [], "a sent draft is removed"
    assert len(Outbox(mailbox.store).items()) == 1


def test_a_copy_built_after_sending_does_not_bring_the_draft_back(
    qtbot, mailbox: Mailbox, area: MailArea
):
    area.restore_sensitive()
    composer = area.open_composer()
    composer.to_edit.setText(GP)
    composer.subject_edit.setText("Envoyé aussitôt")
    composer.add_attachment(Attachment("scanner.pdf", "application/pdf", b"%PDF" * 200_000))
    composer.save_button.click()  # its MIME copy is built on a pool thread…
    with qtbot.waitSignal(composer.finished, timeout=10_000):
        composer.send_button.click()  # …while the message is sent
    wait_for_operations()
    qtbot.wait(50)  # the late copy's callback runs on this thread
    assert not area.drafts.building
    assert DraftStore(mailbox.store).list() == []
    assert len(Outbox(mailbox.store).items()) == 1


def test_saving_again_keeps_one_draft_with_its_latest_copy(qtbot, mailbox: Mailbox, area: MailArea):
    area.restore_sensitive()
    composer = area.open_composer()
    composer.to_edit.setText(GP)
    composer.subject_edit.setText("Première version")
    composer.save_button.click()
    composer.subject_edit.setText("Seconde version")
    composer.save_button.click()
    qtbot.waitUntil(lambda: not area.drafts.building, timeout=10_000)
    [saved] = DraftStore(mailbox.store).list()
    assert saved.content["subject"] == "Seconde version"
    assert saved.raw is not None
    assert b"Subject: Seconde version" in saved.raw and b"Premi" not in saved.raw
    assert b"Bcc" not in saved.raw and f"To: {GP}".encode() in saved.raw


def test_a_half_typed_address_keeps_the_draft_here_only(qtbot, mailbox: Mailbox, area: MailArea):
    area.restore_sensitive()
    composer = area.open_composer()
    composer.to_edit.setText("dr.paul.ber")
    composer.body_edit.setPlainText("à compléter")
    composer.save_button.click()
    assert not area.drafts.building, "nothing to build until the address is whole"
    saved = DraftStore(mailbox.store).load(composer.draft_id or 0)
    assert saved is not None and saved.content["to"] == "dr.paul.ber" and saved.raw is None
