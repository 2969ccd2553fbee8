"""The message list pages through the store instead of loading a whole folder."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableView

from mssclient.gui.mail.message_list_model import Column, MessageListModel, Role
from tests.gui.mail.conftest import Mailbox
from tests.gui.mail.factories import store_many

COUNT = 5_000


def test_rows_arrive_one_page_at_a_time(qtbot, mailbox: Mailbox):
    store_many(mailbox.repo, mailbox.inbox.id, COUNT)
    model = MessageListModel(lambda: mailbox.store, page_size=200)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(800, 400)
    view.show()

    model.set_folder(mailbox.inbox.id)
    qtbot.wait(50)  # let the view ask for what it needs to paint
    assert model.rowCount() == 200
    assert model.canFetchMore(QModelIndex())

    model.fetchMore(QModelIndex())
    assert model.rowCount() == 400

    while model.canFetchMore(QModelIndex()):
        before = model.rowCount()
        model.fetchMore(QModelIndex())
        assert model.rowCount() - before <= 200
    assert model.rowCount() == COUNT
    ids = [model.data(model.index(r, 0), Role.MESSAGE_ID) for r in range(COUNT)]
    assert len(set(ids)) == COUNT, "no message twice across page boundaries"
    dates = [model.data(model.index(r, 0), Role.DATE_UTC) for r in range(COUNT)]
    assert dates == sorted(dates, reverse=True), "newest first"


def test_scrolling_the_view_fetches_only_what_it_shows(qtbot, mailbox: Mailbox):
    store_many(mailbox.repo, mailbox.inbox.id, COUNT)
    model = MessageListModel(lambda: mailbox.store, page_size=100)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(800, 300)
    view.show()
    model.set_folder(mailbox.inbox.id)
    view.scrollToBottom()
    qtbot.wait(50)
    assert 100 <= model.rowCount() < COUNT


def test_columns_roles_and_unread_in_bold(qtbot, mailbox: Mailbox):
    store_many(mailbox.repo, mailbox.inbox.id, 6)
    model = MessageListModel(lambda: mailbox.store)
    model.set_folder(mailbox.inbox.id)
    assert model.rowCount() == 6
    first = model.index(0, Column.SUBJECT)
    # store_many: message 0 is unread, has an attachment, and shares its thread with 1.
    assert model.data(first, Role.UNREAD) is True
    assert model.data(first, Qt.ItemDataRole.FontRole).bold()
    assert model.data(model.index(1, Column.SUBJECT), Qt.ItemDataRole.FontRole) is None
    assert model.data(first, Role.THREAD_SIZE) == 2
    assert "Message numéro 0" in model.data(first)
    assert model.data(model.index(0, Column.SENDER)) == "Dr Paul Bernard"
    assert model.data(first, Role.HAS_ATTACHMENTS) is True
    assert not model.data(
        model.index(0, Column.ATTACHMENT), Qt.ItemDataRole.DecorationRole
    ).isNull()
    assert model.data(model.index(1, Column.ATTACHMENT), Qt.ItemDataRole.DecorationRole) is None
    assert model.data(model.index(0, Column.UNREAD)) == "●"
    assert model.data(model.index(1, Column.UNREAD)) == ""
    assert model.data(model.index(0, Column.DATE))

    model.mark_seen(model.data(first, Role.MESSAGE_ID))
    assert model.data(first, Role.UNREAD) is False


def test_empty_and_cleared(qtbot, mailbox: Mailbox):
    model = MessageListModel(lambda: mailbox.store)
    model.set_folder(mailbox.inbox.id)
    assert model.rowCount() == 0
    assert not model.canFetchMore(QModelIndex())
    store_many(mailbox.repo, mailbox.inbox.id, 3)
    model.refresh()
    assert model.rowCount() == 3
    model.clear()
    assert model.rowCount() == 0
    assert model.folder_id is None
