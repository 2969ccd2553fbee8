"""The folder tree: one branch per account, its folders with their unread counts.

A folder the server opens read-only (a shared mailbox with read rights only) is shown in
grey italics, with a tooltip saying so; the mark follows the sync (``update_counts``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMenu, QTreeView, QWidget

from mssclient.mailstore import FolderRecord, MailRepository
from mssclient.store import Store
from mssclient.transport.accounts import Account

FOLDER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ACCOUNT_ID_ROLE = Qt.ItemDataRole.UserRole + 2
UNREAD_ROLE = Qt.ItemDataRole.UserRole + 3
READ_ONLY_ROLE = Qt.ItemDataRole.UserRole + 4


def role_title(role: str) -> str:
    titles = {
        "inbox": QCoreApplication.translate("FolderTree", "Inbox"),
        "sent": QCoreApplication.translate("FolderTree", "Sent"),
        "drafts": QCoreApplication.translate("FolderTree", "Drafts"),
        "trash": QCoreApplication.translate("FolderTree", "Trash"),
        "junk": QCoreApplication.translate("FolderTree", "Junk"),
        "archive": QCoreApplication.translate("FolderTree", "Archive"),
    }
    return titles.get(role, "")


def folder_label(folder: FolderRecord) -> str:
    name = role_title(folder.role)
    if name:
        return name
    return folder.name.rsplit(folder.delimiter, 1)[-1] if folder.delimiter else folder.name


class FolderTreeModel(QStandardItemModel):
    def __init__(self, store_provider: Callable[[], Store], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store_provider = store_provider
        self._items: dict[int, QStandardItem] = {}
        self._labels: dict[int, str] = {}
        # Folder id -> its name on the server (the first line of its tooltip).
        self._names: dict[int, str] = {}

    def load(self, accounts: Sequence[Account]) -> None:
        self.clear()
        self._items.clear()
        self._labels.clear()
        self._names.clear()
        repo = MailRepository(self._store_provider())
        for account in accounts:
            assert account.id is not None
            top = QStandardItem(account.display_name or account.address)
            top.setToolTip(account.address)
            top.setData(account.id, ACCOUNT_ID_ROLE)
            top.setEditable(False)
            top.setSelectable(False)
            counts = repo.unread_counts(account.id)
            by_path: dict[str, QStandardItem] = {}
            for folder in repo.folders(account.id):
                item = QStandardItem()
                item.setEditable(False)
                item.setData(folder.id, FOLDER_ID_ROLE)
                item.setData(account.id, ACCOUNT_ID_ROLE)
                item.setSelectable(folder.selectable)
                self._items[folder.id] = item
                self._labels[folder.id] = folder_label(folder)
                self._names[folder.id] = folder.name
                item.setData(folder.read_only, READ_ONLY_ROLE)
                self._show_count(folder.id, counts.get(folder.id, 0))
                parent_path, _, _ = (
                    folder.name.rpartition(folder.delimiter) if folder.delimiter else ("", "", "")
                )
                parent = by_path.get(parent_path, top) if not folder.role else top
                parent.appendRow(item)
                by_path[folder.name] = item
            self.appendRow(top)

    def update_counts(self, account_id: int) -> None:
        """Unread counts, and which folders are read-only, as the store has them now."""
        repo = MailRepository(self._store_provider())
        counts = repo.unread_counts(account_id)
        for folder in repo.folders(account_id):
            item = self._items.get(folder.id)
            if item is not None and bool(item.data(READ_ONLY_ROLE)) != folder.read_only:
                item.setData(folder.read_only, READ_ONLY_ROLE)
                self._show_count(folder.id, self.unread(folder.id))
        for folder_id, count in counts.items():
            self._show_count(folder_id, count)

    def _show_count(self, folder_id: int, count: int) -> None:
        item = self._items.get(folder_id)
        if item is None:
            return
        label = self._labels[folder_id]
        item.setText(f"{label} ({count})" if count else label)
        item.setData(count, UNREAD_ROLE)
        read_only = bool(item.data(READ_ONLY_ROLE))
        font = QFont()
        font.setBold(count > 0)
        font.setItalic(read_only)
        item.setFont(font)
        tooltip = self._names[folder_id]
        if read_only:
            tooltip += "\n" + self.tr("Read-only folder on the server")
            # Greyed, yet readable: the palette's secondary text colour.
            grey = QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
            item.setForeground(QBrush(grey))
        else:
            item.setData(None, Qt.ItemDataRole.ForegroundRole)
        item.setToolTip(tooltip)
        item.setData(tooltip if read_only else None, Qt.ItemDataRole.AccessibleDescriptionRole)

    def index_of_folder(self, folder_id: int) -> QModelIndex:
        item = self._items.get(folder_id)
        return item.index() if item is not None else QModelIndex()

    def is_read_only(self, folder_id: int) -> bool:
        item = self._items.get(folder_id)
        return bool(item.data(READ_ONLY_ROLE)) if item is not None else False

    def unread(self, folder_id: int) -> int:
        item = self._items.get(folder_id)
        return int(item.data(UNREAD_ROLE) or 0) if item is not None else 0

    def folder_ids(self) -> list[int]:
        return list(self._items)


class FolderTree(QTreeView):
    folder_selected = Signal(int, int)  # account id, folder id
    account_edit_requested = Signal(int)  # account id

    def __init__(self, model: FolderTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mailFolderTree")
        self.setModel(model)
        self.setHeaderHidden(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAccessibleName(self.tr("Mail folders"))
        self.selectionModel().currentChanged.connect(self._on_current)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._show_menu)
        self.menu = QMenu(self)
        self.edit_account_action = self.menu.addAction(self.tr("Account settings…"))
        self._menu_account: int | None = None
        self.edit_account_action.triggered.connect(self._edit_account)

    def _show_menu(self, position: QPoint) -> None:
        account_id = self.indexAt(position).data(ACCOUNT_ID_ROLE)
        if account_id is None:
            return
        self._menu_account = int(account_id)
        self.menu.popup(self.viewport().mapToGlobal(position))

    def _edit_account(self) -> None:
        if self._menu_account is not None:
            self.account_edit_requested.emit(self._menu_account)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        folder_id = current.data(FOLDER_ID_ROLE)
        if folder_id is not None:
            self.folder_selected.emit(int(current.data(ACCOUNT_ID_ROLE)), int(folder_id))

    def select_folder(self, folder_id: int) -> None:
        model = self.model()
        assert isinstance(model, FolderTreeModel)
        index = model.index_of_folder(folder_id)
        if index.isValid():
            self.expandAll()
            self.setCurrentIndex(index)
