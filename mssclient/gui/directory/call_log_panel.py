"""The call log: recent calls, and the note of the advice received after each one.

Holds patient references: ``clear_sensitive`` empties it when the application locks.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mssclient.directory.call_log import MAX_NOTE_CHARS, CallRecord
from mssclient.directory.hours import local


class CallLogPanel(QGroupBox):
    save_requested = Signal(int, str, str)  # call id, note, patient reference
    confirm_requested = Signal(int)  # call id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callLogPanel")
        self.setTitle(self.tr("Call log"))
        self._mail_available = False
        self._records: dict[int, CallRecord] = {}

        self.calls = QListWidget()
        self.calls.setObjectName("callList")
        self.calls.currentItemChanged.connect(self._show_current)
        self.prompt = QLabel()
        self.prompt.setObjectName("notePrompt")
        self.prompt.setWordWrap(True)
        self.patient = QLineEdit()
        self.patient.setObjectName("patientRef")
        self.patient.setPlaceholderText(self.tr("Patient (optional): name, date of birth"))
        self.patient.setMaxLength(200)
        self.note = QPlainTextEdit()
        self.note.setObjectName("noteEdit")
        self.note.setPlaceholderText(self.tr("Advice received on the phone…"))
        self.save_button = QPushButton(self.tr("Save the note"))
        self.save_button.setObjectName("saveNoteButton")
        self.confirm_button = QPushButton(self.tr("Confirm to the department by secure mail"))
        self.confirm_button.setObjectName("confirmNoteButton")
        self.save_button.clicked.connect(self._save)
        self.confirm_button.clicked.connect(self._confirm)

        editor = QVBoxLayout()
        editor.addWidget(self.prompt)
        editor.addWidget(self.patient)
        editor.addWidget(self.note, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.confirm_button)
        buttons.addStretch(1)
        editor.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(self.calls, 2)
        layout.addLayout(editor, 3)
        self._show_current()

    def set_mail_available(self, available: bool) -> None:
        self._mail_available = available
        self._update_buttons()

    def current_call_id(self) -> int:
        item = self.calls.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item else 0

    def set_calls(self, records: list[CallRecord], select: int = 0) -> None:
        keep = select or self.current_call_id()
        self._records = {r.id: r for r in records}
        self.calls.blockSignals(True)
        self.calls.clear()
        for record in records:
            when = local(datetime.fromisoformat(record.started_at)).strftime("%d/%m %H:%M")
            mark = " ✓" if record.note_sent else (" ✎" if record.note else "")
            patient = f" — {record.patient_ref}" if record.patient_ref else ""
            item = QListWidgetItem(f"{when}  {record.specialty_name}{patient}{mark}")
            item.setData(Qt.ItemDataRole.UserRole, record.id)
            self.calls.addItem(item)
            if record.id == keep:
                self.calls.setCurrentItem(item)
        self.calls.blockSignals(False)
        self._show_current()

    def clear_sensitive(self) -> None:
        self._records = {}
        self.calls.clear()
        self.patient.clear()
        self.note.clear()
        self._show_current()

    def _show_current(self, *_: object) -> None:
        record = self._records.get(self.current_call_id())
        if record is None:
            self.prompt.setText(self.tr("Calls started from the directory are listed here."))
            self.patient.clear()
            self.note.clear()
        else:
            self.prompt.setText(
                self.tr("Call to %1: note the advice you received.").replace(
                    "%1", record.specialty_name
                )
                if not record.note
                else self.tr("Advice noted for %1.").replace("%1", record.specialty_name)
            )
            self.patient.setText(record.patient_ref)
            self.note.setPlainText(record.note)
        self._update_buttons()

    def _update_buttons(self) -> None:
        record = self._records.get(self.current_call_id())
        self.patient.setEnabled(record is not None)
        self.note.setEnabled(record is not None)
        self.save_button.setEnabled(record is not None)
        self.confirm_button.setEnabled(
            record is not None and bool(record.note) and self._mail_available
        )
        self.confirm_button.setToolTip(
            ""
            if self._mail_available
            else self.tr("Sending will be available with secure mail in a later version")
        )

    def _save(self) -> None:
        call_id = self.current_call_id()
        if call_id:
            text = self.note.toPlainText()[:MAX_NOTE_CHARS]
            self.save_requested.emit(call_id, text, self.patient.text())

    def _confirm(self) -> None:
        call_id = self.current_call_id()
        if call_id:
            self.confirm_requested.emit(call_id)
