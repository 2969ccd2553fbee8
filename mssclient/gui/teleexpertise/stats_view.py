"""Statistics: requests per specialty, median and 90th-percentile response times."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from mssclient.gui.teleexpertise.labels import duration_text
from mssclient.teleexpertise.model import TeleexpertiseRequest
from mssclient.teleexpertise.stats import specialty_statistics


class StatsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teleexpertiseStats")
        self.intro = QLabel(
            self.tr(
                "Response time: from sending to the department's answer (or decline). "
                "p90: 9 requests out of 10 were answered within this time."
            )
        )
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("teleexpertiseStatsTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Specialty"),
                self.tr("Requests"),
                self.tr("Answered"),
                self.tr("Median"),
                self.tr("p90"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)

    def show_requests(self, requests: Iterable[TeleexpertiseRequest]) -> None:
        lines = specialty_statistics(requests)
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            values = [
                line.label,
                str(line.requests),
                str(line.answered),
                duration_text(line.median) if line.median is not None else "—",
                duration_text(line.p90) if line.p90 is not None else "—",
            ]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()

    def clear(self) -> None:
        self.table.setRowCount(0)
