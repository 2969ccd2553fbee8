"""Requests as a table: my requests, or the department's queue. Sorted by a proxy."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from mssclient.gui.teleexpertise.labels import duration_text, status_text
from mssclient.teleexpertise.model import RequestStatus, TeleexpertiseRequest
from mssclient.teleexpertise.repository import FLAG_UNDECRYPTABLE
from mssclient.teleexpertise.state import WAITING_FOR_EXPERT, time_waited

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
REQUEST_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    REFERENCE = 0
    PATIENT = 1
    SPECIALTY = 2
    REQUESTER = 3
    STATUS = 4
    WAITED = 5
    OVERDUE = 6


class Filter(IntEnum):
    ALL = 0
    NEW = 1  # sent or received, nobody took it yet
    TAKEN = 2
    INFO_REQUESTED = 3
    ANSWERED = 4  # answered, declined or closed
    OVERDUE = 5


class RequestTableModel(QAbstractTableModel):
    """``delay_of`` gives each request's expected delay (the directory may know better)."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        delay_of: Callable[[TeleexpertiseRequest], timedelta] | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.delay_of = delay_of or (lambda r: r.specialty.expected_delay)
        self._rows: list[TeleexpertiseRequest] = []

    def set_requests(self, requests: list[TeleexpertiseRequest]) -> None:
        self.beginResetModel()
        self._rows = list(requests)
        self.endResetModel()

    def clear(self) -> None:
        self.set_requests([])

    def request_at(self, row: int) -> TeleexpertiseRequest | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, request_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == request_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            Column.REFERENCE: self.tr("Reference"),
            Column.PATIENT: self.tr("Patient"),
            Column.SPECIALTY: self.tr("Specialty"),
            Column.REQUESTER: self.tr("Requester"),
            Column.STATUS: self.tr("Status"),
            Column.WAITED: self.tr("Waiting"),
            Column.OVERDUE: self.tr("Overdue"),
        }[Column(section)]

    def is_overdue(self, request: TeleexpertiseRequest) -> bool:
        if request.status not in WAITING_FOR_EXPERT or request.sent_at is None:
            return False
        return self.clock() - request.sent_at > self.delay_of(request)

    def waited(self, request: TeleexpertiseRequest) -> timedelta | None:
        return time_waited(request, self.clock())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        request = self.request_at(index.row()) if index.isValid() else None
        if request is None:
            return None
        column = Column(index.column())
        if role == REQUEST_ROLE:
            return request
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(request, column)
        if role == SORT_ROLE:
            if column is Column.WAITED:
                waited = self.waited(request)
                return waited.total_seconds() if waited is not None else -1.0
            if column is Column.OVERDUE:
                return int(self.is_overdue(request))
            return self._display(request, column)
        if role == Qt.ItemDataRole.ForegroundRole and self.is_overdue(request):
            return QBrush(QColor("#b3261e"))
        if role == Qt.ItemDataRole.ToolTipRole and FLAG_UNDECRYPTABLE in request.flags:
            return self.tr("Unreadable (encrypted for another key).")
        if role == Qt.ItemDataRole.ToolTipRole and request.flags:
            return self.tr("Check this request: its structured part had problems.")
        return None

    def _display(self, request: TeleexpertiseRequest, column: Column) -> str:
        if column is Column.REFERENCE:
            return request.short_ref + (" ⚠" if request.flags else "")
        if column is Column.PATIENT:
            traits = request.patient.traits
            return f"{traits.birth_name} {traits.first_given_name} ({traits.birth_date:%d/%m/%Y})"
        if column is Column.SPECIALTY:
            return request.specialty.label
        if column is Column.REQUESTER:
            return request.requester.display_name
        if column is Column.STATUS:
            name = request.assignee.display_name if request.assignee else ""
            return status_text(request.status, name)
        if column is Column.WAITED:
            waited = self.waited(request)
            return duration_text(waited) if waited is not None else "—"
        return self.tr("overdue") if self.is_overdue(request) else ""


def matches(model: RequestTableModel, request: TeleexpertiseRequest, wanted: Filter) -> bool:
    status = request.status
    if wanted is Filter.NEW:
        return status in (RequestStatus.SENT, RequestStatus.RECEIVED)
    if wanted is Filter.TAKEN:
        return status is RequestStatus.TAKEN
    if wanted is Filter.INFO_REQUESTED:
        return status is RequestStatus.INFO_REQUESTED
    if wanted is Filter.ANSWERED:
        return status in (RequestStatus.ANSWERED, RequestStatus.DECLINED, RequestStatus.CLOSED)
    if wanted is Filter.OVERDUE:
        return model.is_overdue(request)
    return True


class RequestFilterProxy(QSortFilterProxyModel):
    def __init__(self, source: RequestTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.wanted = Filter.ALL
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)

    def set_filter(self, wanted: Filter) -> None:
        self.beginFilterChange()
        self.wanted = wanted
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        request = self.source.request_at(source_row)
        return request is not None and matches(self.source, request, self.wanted)

    def request_at(self, proxy_row: int) -> TeleexpertiseRequest | None:
        source = self.mapToSource(self.index(proxy_row, 0))
        return self.source.request_at(source.row()) if source.isValid() else None
