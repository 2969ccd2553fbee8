"""One request in full (the same text as its PDF report) and the actions allowed on it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mssclient.gui.teleexpertise.labels import action_text
from mssclient.gui.teleexpertise.report_pdf import report_html
from mssclient.teleexpertise.model import Role, TeleexpertiseRequest
from mssclient.teleexpertise.report import ReportContent
from mssclient.teleexpertise.repository import (
    FLAG_CONTENT_DAMAGED,
    FLAG_FHIR_PROBLEMS,
    FLAG_INS_NOT_QUALIFIED,
    FLAG_OUT_OF_ORDER,
    FLAG_UNDECRYPTABLE,
)
from mssclient.teleexpertise.state import Action, allowed_actions

#: Actions offered as buttons (sending is the wizard's; acknowledging is not offered).
_BUTTONS = {
    Role.EXPERT: (Action.TAKE, Action.ASK_INFORMATION, Action.ANSWER, Action.DECLINE),
    Role.REQUESTER: (Action.PROVIDE_INFORMATION, Action.CLOSE, Action.WITHDRAW),
}


class DetailPanel(QWidget):
    action_requested = Signal(str)  # Action value
    report_requested = Signal()

    def __init__(self, role: Role, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.role = role
        self.request: TeleexpertiseRequest | None = None
        self.flags_label = QLabel()
        self.flags_label.setObjectName("requestFlags")
        self.flags_label.setWordWrap(True)
        self.flags_label.setStyleSheet("color: #8c1d18;")
        self.billing_label = QLabel()
        self.billing_label.setObjectName("billingHint")
        self.billing_label.setWordWrap(True)
        self.browser = QTextBrowser()
        self.browser.setObjectName("requestDetail")
        self.browser.setOpenLinks(False)
        self.buttons: dict[Action, QPushButton] = {}
        row = QHBoxLayout()
        for action in _BUTTONS[role]:
            button = QPushButton(action_text(action))
            button.setObjectName(f"action_{action.value}")
            button.clicked.connect(lambda _c=False, a=action: self.action_requested.emit(a.value))
            self.buttons[action] = button
            row.addWidget(button)
        row.addStretch(1)
        self.report_button = QPushButton(self.tr("PDF report…"))
        self.report_button.setObjectName("reportButton")
        self.report_button.clicked.connect(self.report_requested)
        row.addWidget(self.report_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.flags_label)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.billing_label)
        layout.addLayout(row)
        self.show_request(None, None)

    def show_request(
        self, request: TeleexpertiseRequest | None, content: ReportContent | None
    ) -> None:
        self.request = request
        allowed = allowed_actions(request.status, self.role) if request is not None else []
        for action, button in self.buttons.items():
            button.setEnabled(action in allowed)
        self.report_button.setEnabled(request is not None)
        if request is None or content is None:
            self.browser.setHtml("<p>" + self.tr("Select a request to see it here.") + "</p>")
            self.flags_label.hide()
            self.billing_label.clear()
            return
        self.browser.setHtml(report_html(content))
        notes = [self._flag_text(flag) for flag in sorted(request.flags)]
        self.flags_label.setText(" ".join(n for n in notes if n))
        self.flags_label.setVisible(bool(request.flags))

    def _flag_text(self, flag: str) -> str:
        return {
            FLAG_FHIR_PROBLEMS: self.tr(
                "The structured part of a mail of this request had problems: read the mails "
                "in the mail area."
            ),
            FLAG_OUT_OF_ORDER: self.tr("Status changes arrived out of order."),
            FLAG_INS_NOT_QUALIFIED: self.tr(
                "The patient's identity is not qualified: no INS was sent."
            ),
            FLAG_CONTENT_DAMAGED: self.tr("Part of this request could not be read back."),
            FLAG_UNDECRYPTABLE: self.tr(
                "Unreadable (encrypted for another key): a mail of this request cannot be "
                "decrypted here. Import the matching certificate and key (Settings, "
                "Certificates): it is read again at the next refresh."
            ),
        }.get(flag, self.tr("A mail about this request came from an unexpected sender."))

    def clear(self) -> None:
        self.show_request(None, None)
