"""The card of one specialty: what to dial, hours, who is on call, and the actions."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mssclient.directory.dialing import dial_instructions
from mssclient.directory.hours import describe_hours
from mssclient.directory.search import SearchHit


class SpecialtyCard(QFrame):
    call_clicked = Signal(str)  # specialty id
    teleexpertise_clicked = Signal(str)  # specialty id
    write_clicked = Signal(str)  # mailbox
    favorite_toggled = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("specialtyCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._hit: SearchHit | None = None
        self._mail_available = False
        self._teleexpertise_available = False

        self.title = QLabel()
        self.title.setObjectName("cardTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.dial = QLabel()
        self.dial.setObjectName("cardDial")
        dial_font = self.dial.font()
        dial_font.setPointSizeF(dial_font.pointSizeF() * 1.2)
        self.dial.setFont(dial_font)
        self.dial.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setObjectName("cardStatus")

        self.details = QGridLayout()
        self.details.setColumnStretch(1, 1)
        self._labels: dict[str, QLabel] = {}
        rows = [
            ("direct", self.tr("Direct line")),
            ("hours", self.tr("Hours")),
            ("oncall", self.tr("On call today")),
            ("mailbox", self.tr("Teleexpertise mailbox")),
            ("delay", self.tr("Expected answer")),
            ("booking", self.tr("Appointments")),
            ("keywords", self.tr("Keywords")),
        ]
        for row, (key, caption) in enumerate(rows):
            name = QLabel(caption)
            name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            value = QLabel()
            value.setObjectName(f"card_{key}")
            value.setWordWrap(True)
            # Values are escaped HTML: say so, or an apostrophe shows as "&#x27;".
            value.setTextFormat(Qt.TextFormat.RichText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            value.setOpenExternalLinks(key == "booking")
            self.details.addWidget(name, row, 0)
            self.details.addWidget(value, row, 1)
            self._labels[key] = value

        self.call_button = QPushButton(self.tr("Call"))
        self.call_button.setObjectName("callButton")
        self.call_button.setDefault(True)
        self.teleexpertise_button = QPushButton(self.tr("Request a teleexpertise"))
        self.teleexpertise_button.setObjectName("teleexpertiseButton")
        self.write_button = QPushButton(self.tr("Write"))
        self.write_button.setObjectName("writeButton")
        self.favorite_button = QPushButton()
        self.favorite_button.setObjectName("favoriteButton")
        self.favorite_button.setCheckable(True)

        self.call_button.clicked.connect(self._emit_call)
        self.teleexpertise_button.clicked.connect(self._emit_teleexpertise)
        self.write_button.clicked.connect(self._emit_write)
        self.favorite_button.toggled.connect(self._emit_favorite)

        buttons = QHBoxLayout()
        for button in (
            self.call_button,
            self.teleexpertise_button,
            self.write_button,
            self.favorite_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.dial)
        layout.addWidget(self.status)
        layout.addLayout(self.details)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.show_hit(None)

    # -- content ---------------------------------------------------------------------------------
    @property
    def specialty_id(self) -> str:
        return self._hit.specialty.id if self._hit else ""

    def set_features(self, *, mail: bool, teleexpertise: bool) -> None:
        self._mail_available = mail
        self._teleexpertise_available = teleexpertise
        self._update_buttons()

    def show_hit(self, hit: SearchHit | None) -> None:
        self._hit = hit
        if hit is None:
            self.title.setText(self.tr("No specialty selected"))
            self.dial.setText(self.tr("Search for a specialty, a keyword or a symptom."))
            self.status.clear()
            for label in self._labels.values():
                label.clear()
            self._update_buttons()
            return
        s = hit.specialty
        self.title.setText(s.name)
        self.dial.setText(dial_instructions(s))
        colour = "#1b7a3a" if hit.status.is_open else "#a12a2a"
        self.status.setText(f'<b style="color:{colour}">{escape(hit.status.reason)}</b>')
        self._labels["direct"].setText(", ".join(s.direct_lines) or "—")
        self._labels["hours"].setText(escape(describe_hours(s)))
        self._labels["oncall"].setText(
            ", ".join(escape(d.name) for d in hit.on_call) or self.tr("Nobody listed")
        )
        self._labels["mailbox"].setText(escape(s.teleexpertise_mailbox) or "—")
        self._labels["delay"].setText(
            self.tr("within %n hour(s)", "", s.answer_delay_hours)
            if s.answer_delay_hours is not None
            else "—"
        )
        self._labels["booking"].setText(
            f'<a href="{escape(s.booking_url, quote=True)}">{escape(s.booking_url)}</a>'
            if s.booking_url
            else "—"
        )
        self._labels["keywords"].setText(escape(", ".join(s.keywords)) or "—")
        self.favorite_button.blockSignals(True)
        self.favorite_button.setChecked(hit.favorite)
        self.favorite_button.blockSignals(False)
        self._update_buttons()

    def _update_buttons(self) -> None:
        hit = self._hit
        has = hit is not None
        self.call_button.setEnabled(
            has and bool(hit and (hit.specialty.single_number or hit.specialty.direct_lines))
        )
        self.call_button.setToolTip(
            self.tr("Dials through your telephony software and copies the number")
        )
        self.favorite_button.setEnabled(has)
        checked = self.favorite_button.isChecked()
        self.favorite_button.setText(
            self.tr("★ Favorite") if checked and has else self.tr("☆ Add to favorites")
        )
        mailbox = bool(hit and hit.specialty.teleexpertise_mailbox)
        self.teleexpertise_button.setEnabled(has and mailbox and self._teleexpertise_available)
        if not self._teleexpertise_available:
            self.teleexpertise_button.setToolTip(
                self.tr("Teleexpertise requests will be available in a later version")
            )
        elif not mailbox:
            self.teleexpertise_button.setToolTip(self.tr("This department takes no teleexpertise"))
        else:
            self.teleexpertise_button.setToolTip("")
        self.write_button.setEnabled(has and mailbox and self._mail_available)
        if not self._mail_available:
            self.write_button.setToolTip(
                self.tr("Secure mail will be available in a later version")
            )
        elif not mailbox:
            self.write_button.setToolTip(self.tr("This department has no secure mailbox"))
        else:
            self.write_button.setToolTip("")

    # -- signals ---------------------------------------------------------------------------------
    def _emit_call(self) -> None:
        if self._hit:
            self.call_clicked.emit(self._hit.specialty.id)

    def _emit_teleexpertise(self) -> None:
        if self._hit:
            self.teleexpertise_clicked.emit(self._hit.specialty.id)

    def _emit_write(self) -> None:
        if self._hit and self._hit.specialty.teleexpertise_mailbox:
            self.write_clicked.emit(self._hit.specialty.teleexpertise_mailbox)

    def _emit_favorite(self, checked: bool) -> None:
        self._update_buttons()
        if self._hit:
            self.favorite_toggled.emit(self._hit.specialty.id, checked)
