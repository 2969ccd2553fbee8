"""A folder the server opens read-only (a shared mailbox with read rights only), in the
mail area: delete and archive are refused in French before anything changes (the message
does not vanish only to come back at the next sync), and the folder tree marks it.

No server: the sync's verdict is the folder row's ``read_only`` (the engine's side is
tested against Dovecot with ACLs in tests/integration/mail/test_read_only_folder.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from mssclient.gui.mail import MailArea
from mssclient.gui.mail.folder_tree import READ_ONLY_ROLE
from mssclient.gui.mail.operations import wait_for_operations
from mssclient.mailstore import FolderRecord
from tests.gui.mail.conftest import Mailbox
from tests.gui.mail.factories import mime, store_raw

SCREENSHOT = Path("/tmp/readonly_tree.png")  # the path asked for, to look at
REFUSED = (
    "Le dossier « Partage » est en lecture seule sur le serveur\xa0: ses messages ne peuvent "
    "être ni déplacés ni supprimés. Rien n'a été modifié."
)
TOOLTIP = "Dossier en lecture seule sur le serveur"


@dataclass
class Shared:
    mailbox: Mailbox
    area: MailArea
    folder: FolderRecord
    statuses: list[str]

    def rows(self) -> list[str]:
        model = self.area.list_model
        return [model.row_at(n).subject for n in range(model.rowCount())]  # type: ignore[union-attr]


@pytest.fixture
def shared(qtbot, mailbox: Mailbox, mail_french: None) -> Iterator[Shared]:
    """A read-only "Partage" folder with two messages, beside Trash and Archive, in a mail
    area (no workers) built once French is installed."""
    account_id = mailbox.account.id
    assert account_id is not None
    repo = mailbox.repo
    repo.upsert_folder(account_id, "Trash", role="trash")
    repo.upsert_folder(account_id, "Archives", role="archive")
    folder = repo.upsert_folder(account_id, "Partage")
    repo.set_folder_read_only(folder.id, True)
    store_raw(repo, folder.id, [mime("Avis partagé 1", "un"), mime("Avis partagé 2", "deux")])
    store_raw(repo, mailbox.inbox.id, [mime("Courrier", "trois")])
    area = MailArea(lambda: mailbox.store, None)
    qtbot.addWidget(area)
    area.resize(1100, 700)
    area.show()
    area.restore_sensitive()
    statuses: list[str] = []
    area.status_changed.connect(statuses.append)
    area.folder_tree.select_folder(folder.id)
    qtbot.waitUntil(
        lambda: area.list_model.folder_id == folder.id and area.list_model.rowCount() > 0
    )
    try:
        yield Shared(mailbox, area, repo.folder(folder.id), statuses)  # type: ignore[arg-type]
    finally:
        area.shutdown()
        wait_for_operations()


def test_delete_and_archive_are_refused_and_the_message_stays(qtbot, shared: Shared):
    area, repo = shared.area, shared.mailbox.repo
    before = shared.rows()
    area.list_view.selectRow(0)
    qtbot.waitUntil(lambda: area.reader.current is not None)
    shown = area.reader.current.message_id  # type: ignore[union-attr]

    area.delete_action.trigger()  # the menu entry and the Delete key

    assert shared.statuses[-1] == REFUSED
    assert shared.rows() == before and repo.count(shared.folder.id) == 2
    assert area.reader.current is not None and area.reader.current.message_id == shown
    trash = repo.folder_by_role(shared.folder.account_id, "trash")
    assert trash is not None and repo.count(trash.id) == 0
    assert [op[3] for op in repo.pending_ops(shared.folder.id)] == ["add_flags"], (
        "only the read mark of opening it (kept here): no move, no expunge"
    )

    shared.statuses.clear()
    area.archive_current()
    assert shared.statuses == [REFUSED]
    assert shared.rows() == before and repo.count(shared.folder.id) == 2
    assert [op[3] for op in repo.pending_ops(shared.folder.id)] == ["add_flags"]

    # A writable folder still deletes as before.
    area.folder_tree.select_folder(shared.mailbox.inbox.id)
    qtbot.waitUntil(lambda: area.list_model.folder_id == shared.mailbox.inbox.id)
    area.list_view.selectRow(0)
    area.delete_current()
    assert shared.statuses[-1] == "Message supprimé."
    assert repo.count(shared.mailbox.inbox.id) == 0


def test_the_folder_tree_marks_read_only_folders(qtbot, shared: Shared):
    tree, model = shared.area.folder_tree, shared.area.folder_model
    index = model.index_of_folder(shared.folder.id)
    item = model.itemFromIndex(index)
    assert item.text() == "Partage (2)"
    assert item.toolTip().splitlines() == ["Partage", TOOLTIP]
    assert item.font().italic() and model.is_read_only(shared.folder.id)
    inbox = model.itemFromIndex(model.index_of_folder(shared.mailbox.inbox.id))
    assert TOOLTIP not in inbox.toolTip() and not inbox.font().italic()

    # What the sync finds changes the mark (update_counts runs after every folder sync).
    repo = shared.mailbox.repo
    repo.set_folder_read_only(shared.folder.id, False)
    repo.set_folder_read_only(shared.mailbox.inbox.id, True)
    model.update_counts(shared.folder.account_id)
    assert item.toolTip() == "Partage" and not item.font().italic()
    assert not item.data(READ_ONLY_ROLE)
    assert inbox.toolTip().splitlines() == ["INBOX", TOOLTIP] and inbox.font().italic()
    assert inbox.font().bold(), "its unread count still shows in bold"
    repo.set_folder_read_only(shared.folder.id, True)
    repo.set_folder_read_only(shared.mailbox.inbox.id, False)
    model.update_counts(shared.folder.account_id)
    assert item.toolTip().splitlines() == ["Partage", TOOLTIP] and item.font().italic()

    tree.select_folder(shared.mailbox.inbox.id)  # so the grey of the mark shows
    tree.resize(260, 240)
    qtbot.waitExposed(tree)
    rect = tree.visualRect(index)
    assert rect.right() <= tree.viewport().width(), "the label is not cut"
    assert tree.grab().save(str(SCREENSHOT))
