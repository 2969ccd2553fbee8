"""The message list of one folder, paged from the store (keyset cursors, newest first).

Only the rows scrolled into view are ever loaded: ``canFetchMore``/``fetchMore`` ask
``MailRepository.page`` for the next ``page_size`` rows after the last one shown, so a
100,000-message folder costs one page at opening. Search results use the same model
(a bounded list, no paging).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from mssclient.mailstore import MailRepository, MessageRow, PageCursor
from mssclient.store import Store

PAGE_SIZE = 200

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    SUBJECT = 0
    SENDER = 1
    DATE = 2
    ATTACHMENT = 3
    UNREAD = 4


class Role(IntEnum):
    MESSAGE_ID = Qt.ItemDataRole.UserRole + 1  # store id (mail_messages.id)
    ROW = Qt.ItemDataRole.UserRole + 2  # the MessageRow
    UNREAD = Qt.ItemDataRole.UserRole + 3
    THREAD_SIZE = Qt.ItemDataRole.UserRole + 4
    DATE_UTC = Qt.ItemDataRole.UserRole + 5
    MALFORMED = Qt.ItemDataRole.UserRole + 6
    HAS_ATTACHMENTS = Qt.ItemDataRole.UserRole + 7


def format_date(row: MessageRow, today: datetime | None = None) -> str:
    """Today's messages show the time, older ones the date (French order)."""
    if row.date_utc <= 0:
        return ""
    local = row.date.astimezone()
    now = today or datetime.now().astimezone()
    if local.date() == now.date():
        return f"{local:%H:%M}"
    return f"{local:%d/%m/%Y %H:%M}"


class MessageListModel(QAbstractTableModel):
    def __init__(
        self,
        store_provider: Callable[[], Store],
        parent: QObject | None = None,
        *,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self._store_provider = store_provider
        self.page_size = page_size
        self._folder_id: int | None = None
        self._rows: list[MessageRow] = []
        self._thread_sizes: dict[str, int] = {}
        self._exhausted = True
        self._icon: QIcon | None = None
        self._headers = [
            self.tr("Subject"),
            self.tr("From"),
            self.tr("Date"),
            self.tr("Attachment"),
            self.tr("Unread"),
        ]

    # -- what is shown ------------------------------------------------------------------------
    @property
    def folder_id(self) -> int | None:
        return self._folder_id

    def _repo(self) -> MailRepository:
        return MailRepository(self._store_provider())

    def set_folder(self, folder_id: int | None) -> None:
        """Show a folder from its newest message; only the first page is read."""
        self.beginResetModel()
        self._folder_id = folder_id
        self._rows = []
        self._thread_sizes = {}
        self._exhausted = folder_id is None
        self.endResetModel()
        if folder_id is not None:
            self.fetchMore(QModelIndex())

    def set_rows(self, rows: Sequence[MessageRow]) -> None:
        """Show a fixed list (search results): no paging."""
        self.beginResetModel()
        self._folder_id = None
        self._rows = list(rows)
        self._thread_sizes = {}
        self._exhausted = True
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._folder_id = None
        self._rows = []
        self._thread_sizes = {}
        self._exhausted = True
        self.endResetModel()

    def refresh(self) -> None:
        """Reload the folder (after a sync) keeping as many rows as were loaded."""
        if self._folder_id is None:
            return
        wanted = max(len(self._rows), self.page_size)
        rows = self._repo().page(self._folder_id, limit=wanted)
        self.beginResetModel()
        self._rows = rows
        self._thread_sizes = self._sizes_for(rows)
        self._exhausted = len(rows) < wanted
        self.endResetModel()

    def row_at(self, row: int) -> MessageRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, message_id: int) -> int:
        for number, row in enumerate(self._rows):
            if row.id == message_id:
                return number
        return -1

    def mark_seen(self, message_id: int, seen: bool = True) -> None:
        """Reflect a local flag change without reloading."""
        number = self.row_of(message_id)
        if number < 0:
            return
        old = self._rows[number]
        if old.seen == seen:
            return
        values = {name: getattr(old, name) for name in old.__dataclass_fields__}
        values["seen"] = seen
        self._rows[number] = MessageRow(**values)
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(Column) - 1))

    # -- paging ---------------------------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or self._folder_id is None:
            return
        after: PageCursor | None = (
            MailRepository.cursor_after(self._rows[-1]) if self._rows else None
        )
        rows = self._repo().page(self._folder_id, after=after, limit=self.page_size)
        if len(rows) < self.page_size:
            self._exhausted = True
        if not rows:
            return
        self._thread_sizes.update(self._sizes_for(rows))
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def _sizes_for(self, rows: Sequence[MessageRow]) -> dict[str, int]:
        if self._folder_id is None or not rows:
            return {}
        return self._repo().thread_sizes(self._folder_id, (r.thread_key for r in rows))

    # -- Qt model API -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.FontRole and not row.seen:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.SENDER:
                return f"{row.from_name} <{row.from_addr}>" if row.from_name else row.from_addr
            if column == Column.SUBJECT and row.is_malformed:
                return self.tr("This message is damaged: it is shown as received.")
            return None
        if role == Qt.ItemDataRole.DecorationRole and column == Column.ATTACHMENT:
            return self._attachment_icon() if row.has_attachments else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == Column.ATTACHMENT:
                return self.tr("Attachment") if row.has_attachments else None
            return self._display(row, column) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            Column.ATTACHMENT,
            Column.UNREAD,
        ):
            return int(Qt.AlignmentFlag.AlignCenter)
        return self._custom(row, role)

    def _attachment_icon(self) -> QIcon:
        if self._icon is None:
            style = QApplication.style()
            self._icon = style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        return self._icon

    def _custom(self, row: MessageRow, role: int) -> Any:
        if role == Role.MESSAGE_ID:
            return row.id
        if role == Role.ROW:
            return row
        if role == Role.UNREAD:
            return not row.seen
        if role == Role.THREAD_SIZE:
            return self._thread_sizes.get(row.thread_key, 1)
        if role == Role.DATE_UTC:
            return row.date_utc
        if role == Role.MALFORMED:
            return row.is_malformed
        if role == Role.HAS_ATTACHMENTS:
            return row.has_attachments
        return None

    def _display(self, row: MessageRow, column: int) -> str:
        if column == Column.SUBJECT:
            subject = row.subject or self.tr("(no subject)")
            size = self._thread_sizes.get(row.thread_key, 1)
            if size > 1:
                subject = f"{subject} ({size})"
            if row.is_malformed:
                subject = "⚠ " + subject
            return subject
        if column == Column.SENDER:
            return row.from_name or row.from_addr
        if column == Column.DATE:
            return format_date(row)
        if column == Column.ATTACHMENT:
            return ""  # shown as an icon (DecorationRole): emoji fonts are not everywhere
        if column == Column.UNREAD:
            return "●" if not row.seen else ""
        return ""
