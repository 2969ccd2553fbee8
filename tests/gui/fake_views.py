"""A stand-in for a feature view that shows patient data (the real ones land later)."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QListView, QVBoxLayout, QWidget

PATIENT_TEXT = "DUPONT Jeanne, née le 01/02/1950 : plaie du talon"


class FakePatientView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel(PATIENT_TEXT, self)
        self.model = QStandardItemModel(self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.list)
        self.restored = 0
        self.fill()

    def fill(self) -> None:
        self.label.setText(PATIENT_TEXT)
        self.model.appendRow(QStandardItem(PATIENT_TEXT))

    def clear_sensitive(self) -> None:
        self.label.clear()
        self.model.clear()

    def restore_sensitive(self) -> None:
        self.restored += 1
        self.fill()
