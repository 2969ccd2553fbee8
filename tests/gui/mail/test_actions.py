"""Actions on a message (unread, flag, delete, archive) and the outbox panel."""

from __future__ import annotations

from PySide6.QtCore import Qt

from mssclient.gui.mail import MailArea
from mssclient.transport.outbox import Outbox
from tests.gui.mail.conftest import Mailbox
from tests.gui.mail.factories import mime, store_raw


def _two_messages(mailbox: Mailbox) -> None:
    store_raw(
        mailbox.repo,
        mailbox.inbox.id,
        [mime("Premier", "un"), mime("Second", "deux")],
    )


def test_unread_and_flag_are_stored_and_queued(qtbot, mailbox: Mailbox, area: MailArea):
    _two_messages(mailbox)
    area.restore_sensitive()
    assert area.folder_model.unread(mailbox.inbox.id) == 2
    area.list_view.selectRow(0)
    qtbot.waitUntil(lambda: area.reader.current is not None)
    assert area.folder_model.unread(mailbox.inbox.id) == 1, "opening marks it read"

    area.mark_current(seen=False)
    assert area.folder_model.unread(mailbox.inbox.id) == 2
    index = area.list_model.index(0, 0)
    assert area.list_model.data(index, Qt.ItemDataRole.FontRole).bold()
    area.toggle_flag_current()
    message_id = area.current_message_id()
    assert mailbox.repo.message(message_id).flagged
    ops = [op[3:] for op in mailbox.repo.pending_ops(mailbox.inbox.id)]
    assert ("add_flags", "\\Seen") in ops and ("remove_flags", "\\Seen") in ops
    assert ("add_flags", "\\Flagged") in ops


def test_delete_goes_to_trash_then_for_good(qtbot, mailbox: Mailbox, area: MailArea):
    trash = mailbox.repo.upsert_folder(mailbox.account.id, "Trash", role="trash")
    _two_messages(mailbox)
    area.restore_sensitive()
    area.list_view.selectRow(0)
    area.delete_current()
    assert area.list_model.rowCount() == 1
    assert mailbox.repo.count(mailbox.inbox.id) == 1
    ops = mailbox.repo.pending_ops(mailbox.inbox.id)
    assert ("move", "Trash") in [(op[3], op[4]) for op in ops]
    assert mailbox.repo.count(trash.id) == 0, "the server's copy arrives at the next sync"


def test_archive_without_archive_folder_is_explained(qtbot, mailbox: Mailbox, area: MailArea):
    _two_messages(mailbox)
    area.restore_sensitive()
    area.list_view.selectRow(0)
    with qtbot.waitSignal(area.status_changed) as said:
        area.archive_current()
    assert said.args[0]
    assert area.list_model.rowCount() == 2


def test_outbox_panel_shows_the_servers_words_and_retries(qtbot, mailbox: Mailbox, area: MailArea):
    outbox = Outbox(mailbox.store)
    item_id = outbox.enqueue(
        mailbox.account.id, b"Subject: x\r\n\r\ny\r\n", mailbox.account.address, ["a@b.test"]
    )
    # The state a permanent SMTP refusal leaves (the transport's own tests produce it live).
    mailbox.store.execute(
        "UPDATE mail_outbox SET state = 'failed', attempts = 1, last_error = ?, "
        "last_error_fr = ? WHERE id = ?",
        ("550 5.1.1 <a@b.test>: Recipient address rejected", "Destinataire refusé.", item_id),
    )
    area.restore_sensitive()
    panel = area.outbox_panel
    assert panel.isVisibleTo(area)
    text = panel.items.item(0).text()
    assert "550 5.1.1" in text and "Destinataire refusé." in text
    panel.items.setCurrentRow(0)
    panel.retry_button.click()
    assert outbox.item(item_id).state == "queued"
    panel.items.setCurrentRow(0)
    panel.remove_button.click()
    assert outbox.item(item_id) is None
    assert not panel.isVisibleTo(area)
