"""Small forms for the actions on a request: answer, ask for information, decline or
redirect, send the information asked, and one's own professional identity."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mssclient.errors import MssError
from mssclient.gui.mail.operations import Op
from mssclient.gui.teleexpertise.labels import profession_text, urgency_text
from mssclient.teleexpertise.attachments import prepare_attachment
from mssclient.teleexpertise.mail_parts import OutgoingAttachment
from mssclient.teleexpertise.model import ExpertAnswer, Practitioner, Profession, Urgency


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b3261e;")
    return label


class AnswerDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("answerDialog")
        self.setWindowTitle(self.tr("Answer the request"))
        self.opinion = QPlainTextEdit()
        self.opinion.setObjectName("opinionEdit")
        self.recommendations = QPlainTextEdit()
        self.recommendations.setObjectName("recommendationsEdit")
        self.needs = QComboBox()
        self.needs.setObjectName("needsCombo")
        for urgency in Urgency:
            self.needs.addItem(urgency_text(urgency), urgency.value)
        self.within = QLineEdit()
        self.within.setObjectName("withinEdit")
        self.within.setPlaceholderText(self.tr("e.g. within 8 days"))
        self.follow_up = QLineEdit()
        self.follow_up.setObjectName("followUpEdit")
        self.message = _error_label()
        form = QFormLayout()
        form.addRow(self.tr("Opinion"), self.opinion)
        form.addRow(self.tr("Recommendations"), self.recommendations)
        form.addRow(self.tr("Consultation or admission"), self.needs)
        form.addRow(self.tr("How soon"), self.within)
        form.addRow(self.tr("Follow-up"), self.follow_up)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Send the answer"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(560, 480)

    def answer(self) -> ExpertAnswer:
        return ExpertAnswer(
            self.opinion.toPlainText().strip(),
            self.recommendations.toPlainText().strip(),
            Urgency(self.needs.currentData()),
            self.within.text().strip(),
            self.follow_up.text().strip(),
        )

    def _check(self) -> None:
        if not self.opinion.toPlainText().strip():
            self.message.setText(self.tr("Type your opinion."))
            return
        self.accept()


class MessageDialog(QDialog):
    """Free text (the question back, the reason for declining, the information given),
    with an optional redirect specialty and optional attachments."""

    def __init__(
        self,
        title: str,
        prompt: str,
        parent: QWidget | None = None,
        *,
        redirect: bool = False,
        attachments: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("messageDialog")
        self.setWindowTitle(title)
        self.files: list[OutgoingAttachment] = []
        self._taken: set[str] = set()
        self.pending = 0
        self.text = QPlainTextEdit()
        self.text.setObjectName("messageText")
        self.redirect = QLineEdit()
        self.redirect.setObjectName("redirectEdit")
        self.redirect.setPlaceholderText(self.tr("Suggested specialty (optional)"))
        self.redirect.setVisible(redirect)
        self.attachment_list = QListWidget()
        self.attachment_list.setMaximumHeight(80)
        self.add_button = QPushButton(self.tr("Add photos or PDFs…"))
        self.add_button.clicked.connect(self._choose)
        for widget in (self.attachment_list, self.add_button):
            widget.setVisible(attachments)
        self.message = _error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Send"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        prompt_label = QLabel(prompt)
        prompt_label.setWordWrap(True)
        layout.addWidget(prompt_label)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.redirect)
        layout.addWidget(self.attachment_list)
        layout.addWidget(self.add_button)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(520, 360)

    def _choose(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Photos or PDF documents"), "", "(*.jpg *.jpeg *.png *.webp *.pdf)"
        )
        self.add_files([Path(n) for n in names])

    def add_files(self, paths: list[Path]) -> None:
        taken = self._taken
        for path in paths:
            self.pending += 1

            def work(path: Path = path) -> OutgoingAttachment:
                return prepare_attachment(path.name, path.read_bytes(), max_side=1600, taken=taken)

            Op(self, work).success(self._added).failure(self._failed).run()

    def _added(self, attachment: OutgoingAttachment) -> None:
        self.pending -= 1
        self.files.append(attachment)
        self.attachment_list.addItem(attachment.ref.filename)

    def _failed(self, exc: BaseException) -> None:
        self.pending -= 1
        self.message.setText(exc.user_message if isinstance(exc, MssError) else str(exc))

    def _check(self) -> None:
        if not self.text.toPlainText().strip():
            self.message.setText(self.tr("Type a message."))
            return
        if self.pending:
            self.message.setText(self.tr("Attachments are still being prepared; try again."))
            return
        self.accept()


class IdentityDialog(QDialog):
    """Name, profession and RPPS/ADELI behind one personal mailbox."""

    def __init__(self, identity: Practitioner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("identityDialog")
        self.setWindowTitle(self.tr("My professional identity"))
        self._mailbox = identity.mailbox
        self.name = QLineEdit(identity.display_name)
        self.profession = QComboBox()
        for profession in Profession:
            self.profession.addItem(profession_text(profession), profession.value)
        self.profession.setCurrentIndex(self.profession.findData(identity.profession.value))
        self.rpps = QLineEdit(identity.rpps)
        self.adeli = QLineEdit(identity.adeli)
        self.message = _error_label()
        form = QFormLayout()
        form.addRow(self.tr("Mailbox"), QLabel(identity.mailbox))
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Profession"), self.profession)
        form.addRow(self.tr("RPPS"), self.rpps)
        form.addRow(self.tr("ADELI"), self.adeli)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def identity(self) -> Practitioner:
        return Practitioner(
            self.name.text().strip(),
            Profession(self.profession.currentData()),
            self.rpps.text().strip(),
            self.adeli.text().strip(),
            self._mailbox,
        )

    def _check(self) -> None:
        problems = self.identity().problems()
        if problems:  # the core's reasons are French already
            self.message.setText("; ".join(problems).capitalize() + ".")
            return
        self.accept()
