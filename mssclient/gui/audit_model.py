"""The audit log as a table model, loaded page by page (newest first)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from mssclient.errors import MssError
from mssclient.profile import Profile
from mssclient.store.audit import AuditEntry

_Index = QModelIndex | QPersistentModelIndex


def local_time(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%d/%m/%Y %H:%M:%S")
    except ValueError:
        return iso  # shown as stored rather than hidden


def action_label(action: str) -> str:
    """A readable name for the actions of the foundation; other codes are shown as they are
    (features add theirs here as they land)."""
    labels = {
        "store.create": QCoreApplication.translate("AuditActions", "Profile created"),
        "store.unlock": QCoreApplication.translate("AuditActions", "Unlocked"),
        "store.lock": QCoreApplication.translate("AuditActions", "Locked"),
        "settings.change": QCoreApplication.translate("AuditActions", "Setting changed"),
    }
    return labels.get(action, action)


class AuditLogModel(QAbstractTableModel):
    """Columns: date, actor, action, object; the detail is the row's tooltip.

    A sensitive view: ``clear_sensitive()`` empties it; nothing is fetched while locked.
    """

    PAGE_SIZE = 100
    COLUMNS = 4

    def __init__(self, profile: Profile, page_size: int = PAGE_SIZE, parent: Any = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self._page_size = page_size
        self._rows: list[AuditEntry] = []
        self._exhausted = False
        self._offset = 0

    # -- loading -----------------------------------------------------------------------------
    def reload(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._offset = 0
        self._exhausted = not self._profile.is_unlocked
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def clear_sensitive(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._offset = 0
        self._exhausted = True
        self.endResetModel()

    def restore_sensitive(self) -> None:
        self.reload()

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and not self._exhausted and self._profile.is_unlocked

    def fetchMore(self, parent: _Index) -> None:
        if not self.canFetchMore(parent):
            return
        try:
            page = self._profile.store.audit.entries(limit=self._page_size, offset=self._offset)
        except MssError:
            self._exhausted = True
            return
        self._offset += len(page)
        if len(page) < self._page_size:
            self._exhausted = True
        # Entries appended since the first page push older ones down: skip what we have.
        oldest = self._rows[-1].id if self._rows else None
        fresh = [e for e in page if oldest is None or e.id < oldest]
        if not fresh:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._rows.extend(fresh)
        self.endInsertRows()

    # -- table -------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Date"), self.tr("Actor"), self.tr("Action"), self.tr("Object"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return local_time(entry.at)
            if column == 1:
                return entry.actor
            if column == 2:
                return action_label(entry.action)
            if column == 3:
                return entry.object
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.action if index.column() == 2 else (entry.detail or None)
        return None

    def entry(self, row: int) -> AuditEntry:
        return self._rows[row]
