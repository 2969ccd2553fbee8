"""The composer: recipients, subject, text, attachments under the size limit, receipts.

"Send" hands a ``Draft`` to whoever listens (the mail area queues it in the outbox);
"Save draft" hands the fields over for storage; "Discard" asks for the saved draft to be
deleted. The dialog itself never touches the network or the store. A draft opened from
the server's Drafts folder remembers where it came from (``server_origin``) until its
first save makes it a local draft; one that was encrypted there is kept on this computer
only (``local_only``).
"""

from __future__ import annotations

import contextlib
import mimetypes
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
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

from mssclient.errors import MssError
from mssclient.gui.mail.protection_notice import ProtectionNotice
from mssclient.gui.mail.reader import human_size
from mssclient.gui.mail.recipient_completer import LiveLookup, RecipientCompleter, RecipientLookup
from mssclient.mail import MAX_ATTACHMENT_TOTAL, Address, Attachment, Draft, parse_recipient_list
from mssclient.mail.addresses import checked_address
from mssclient.mail.draft_from_message import address_line
from mssclient.mailstore.drafts import ServerDraftCopy
from mssclient.security.smime import Protection
from mssclient.transport.accounts import Account
from mssclient.transport.smime_context import SendingPlan

#: (sending account, every recipient address) -> how the message would leave.
ProtectionPlanner = Callable[[Account, list[str]], SendingPlan]

ATTACHMENT_ROLE = Qt.ItemDataRole.UserRole + 1


def _addresses_text(values: Sequence[Address | str]) -> str:
    # Names with a comma or a quote are quoted, so the line reads back the same.
    return address_line(values)


def typed_addresses(*texts: str) -> list[str]:
    """The valid addresses typed so far (a half-typed one is simply not counted yet)."""
    found: list[str] = []
    for text in texts:
        for chunk in re.split(r"[;,](?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", text):
            if chunk.strip():
                with contextlib.suppress(MssError):
                    found.append(checked_address(chunk.strip()).addr)
    return found


class ComposerDialog(QDialog):
    send_requested = Signal(object, object)  # Draft, Account
    save_requested = Signal(object, object)  # dict of fields, Account
    discard_requested = Signal()
    # The live directory lookup failed (French text); typing goes on with local answers.
    recipient_lookup_failed = Signal(str)

    def __init__(
        self,
        accounts: Sequence[Account],
        parent: QWidget | None = None,
        *,
        draft: Draft | None = None,
        account_id: int | None = None,
        draft_id: int | None = None,
        recipient_lookup: RecipientLookup | None = None,
        live_recipient_lookup: LiveLookup | None = None,
        protection_planner: ProtectionPlanner | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mailComposer")
        self.setWindowTitle(self.tr("New message"))
        self.accounts = list(accounts)
        self.draft_id = draft_id
        # The Drafts folder message this draft was opened from, until its first save.
        self.server_origin: ServerDraftCopy | None = None
        # Saved on this computer only, never uploaded (it was encrypted on the server).
        self.local_only = False
        self._base: Draft | None = draft  # keeps In-Reply-To / References of a reply
        self._attachments: list[Attachment] = []

        self.identity = QComboBox()
        self.identity.setObjectName("composerIdentity")
        for account in self.accounts:
            label = account.display_name or account.address
            self.identity.addItem(f"{label} <{account.address}>", account.id)
        if account_id is not None:
            self.identity.setCurrentIndex(max(0, self.identity.findData(account_id)))
        self.to_edit = QLineEdit()
        self.to_edit.setObjectName("composerTo")
        self.cc_edit = QLineEdit()
        self.cc_edit.setObjectName("composerCc")
        self.bcc_edit = QLineEdit()
        self.bcc_edit.setObjectName("composerBcc")
        for edit in (self.to_edit, self.cc_edit, self.bcc_edit):
            edit.setPlaceholderText(self.tr("name@domain.mssante.fr, …"))
        recipient_edits = (self.to_edit, self.cc_edit, self.bcc_edit)
        self.recipient_completers = (
            [
                RecipientCompleter(edit, recipient_lookup, live_recipient_lookup)
                for edit in recipient_edits
            ]
            if recipient_lookup is not None
            else []
        )
        for completer in self.recipient_completers:
            completer.live_failed.connect(self.recipient_lookup_failed)
        self.subject_edit = QLineEdit()
        self.subject_edit.setObjectName("composerSubject")
        self.body_edit = QPlainTextEdit()
        self.body_edit.setObjectName("composerBody")

        self.attachment_list = QListWidget()
        self.attachment_list.setObjectName("composerAttachments")
        self.attachment_list.setMaximumHeight(64)
        self.add_button = QPushButton(self.tr("Attach…"))
        self.add_button.clicked.connect(self._choose_files)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self._remove_selected)
        self.size_label = QLabel()
        self.size_label.setObjectName("composerSizeLimit")

        self.read_receipt = QCheckBox(self.tr("Ask for a read receipt"))
        self.read_receipt.setObjectName("composerReadReceipt")
        self.delivery_report = QCheckBox(self.tr("Ask for a delivery report"))
        self.delivery_report.setObjectName("composerDeliveryReport")

        self._planner = protection_planner
        self.last_plan: SendingPlan | None = None
        self.protection_notice = ProtectionNotice()
        self.protection_notice.setVisible(protection_planner is not None)
        self._plan_timer = QTimer(self)
        self._plan_timer.setSingleShot(True)
        self._plan_timer.setInterval(250)
        self._plan_timer.timeout.connect(self.update_protection)
        for edit in recipient_edits:
            edit.textChanged.connect(self._plan_timer.start)
        self.identity.currentIndexChanged.connect(self._plan_timer.start)

        self.notice_label = QLabel()
        self.notice_label.setObjectName("composerNotice")
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet(
            "#composerNotice { background: #e5f1fb; color: #0b2a44; border-radius: 4px; "
            "padding: 4px 8px; }"
        )
        self.notice_label.hide()

        self.error_label = QLabel()
        self.error_label.setObjectName("composerError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #a4262c;")
        self.error_label.hide()

        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setObjectName("composerSend")
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.request_send)
        self.save_button = QPushButton(self.tr("Save draft"))
        self.save_button.setObjectName("composerSaveDraft")
        self.save_button.clicked.connect(self.request_save)
        self.discard_button = QPushButton(self.tr("Discard"))
        self.discard_button.setObjectName("composerDiscard")
        self.discard_button.setToolTip(self.tr("Close and delete the saved draft"))
        self.discard_button.clicked.connect(self.discard_requested)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("From:"), self.identity)
        form.addRow(self.tr("To:"), self.to_edit)
        form.addRow(self.tr("Cc:"), self.cc_edit)
        form.addRow(self.tr("Bcc:"), self.bcc_edit)
        form.addRow(self.tr("Subject:"), self.subject_edit)
        attach_row = QHBoxLayout()
        attach_column = QVBoxLayout()
        attach_column.addWidget(self.attachment_list, 1)
        attach_column.addWidget(self.size_label)
        attach_row.addLayout(attach_column, 1)
        attach_buttons = QVBoxLayout()
        attach_buttons.addWidget(self.add_button)
        attach_buttons.addWidget(self.remove_button)
        attach_buttons.addStretch(1)
        attach_row.addLayout(attach_buttons)
        options = QHBoxLayout()
        options.addWidget(self.read_receipt)
        options.addWidget(self.delivery_report)
        options.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice_label)
        layout.addLayout(form)
        layout.addWidget(self.body_edit, 1)
        layout.addLayout(attach_row)
        layout.addLayout(options)
        layout.addWidget(self.protection_notice)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.resize(720, 560)

        if draft is not None:
            self.load_draft(draft)
        self._update_size()
        self.update_protection()

    # -- filling --------------------------------------------------------------------------------
    def load_draft(self, draft: Draft) -> None:
        self._base = draft
        self.to_edit.setText(_addresses_text(draft.to))
        self.cc_edit.setText(_addresses_text(draft.cc))
        self.bcc_edit.setText(_addresses_text(draft.bcc))
        self.subject_edit.setText(draft.subject)
        self.body_edit.setPlainText(draft.text)
        self.read_receipt.setChecked(draft.request_read_receipt)
        self.delivery_report.setChecked(draft.request_dsn)
        self._attachments = []
        self.attachment_list.clear()
        for attachment in draft.attachments:
            self.add_attachment(attachment)
        if draft.subject:
            self.setWindowTitle(draft.subject)
        self.body_edit.moveCursor(self.body_edit.textCursor().MoveOperation.Start)

    def load_fields(self, fields: dict[str, Any], attachments: Sequence[Attachment] = ()) -> None:
        """Back from a saved local draft (its attachments read back from its last copy)."""
        self.to_edit.setText(str(fields.get("to", "")))
        self.cc_edit.setText(str(fields.get("cc", "")))
        self.bcc_edit.setText(str(fields.get("bcc", "")))
        self.subject_edit.setText(str(fields.get("subject", "")))
        self.body_edit.setPlainText(str(fields.get("text", "")))
        self.read_receipt.setChecked(bool(fields.get("read_receipt")))
        self.delivery_report.setChecked(bool(fields.get("dsn")))
        self._attachments = []
        self.attachment_list.clear()
        for attachment in attachments:
            self.add_attachment(attachment)
        self._update_size()
        self._base = Draft(
            identity=Address("", ""),
            in_reply_to=str(fields.get("in_reply_to", "")),
            references=[str(r) for r in fields.get("references", [])],
        )

    # -- attachments ----------------------------------------------------------------------------
    def attachments_total(self) -> int:
        return sum(len(a.data) for a in self._attachments)

    def add_attachment(self, attachment: Attachment) -> bool:
        """Refuses (and says why) an attachment that would pass the message limit."""
        total = self.attachments_total() + len(attachment.data)
        if total > MAX_ATTACHMENT_TOTAL:
            self.show_error(
                self.tr("“%1” (%2) cannot be attached: attachments are limited to %3 per message.")
                .replace("%1", attachment.filename)
                .replace("%2", human_size(len(attachment.data)))
                .replace("%3", human_size(MAX_ATTACHMENT_TOTAL))
            )
            return False
        self._attachments.append(attachment)
        item = QListWidgetItem(f"{attachment.filename}  ({human_size(len(attachment.data))})")
        item.setData(ATTACHMENT_ROLE, len(self._attachments) - 1)
        self.attachment_list.addItem(item)
        self._update_size()
        return True

    def add_attachment_file(self, path: Path) -> bool:
        size = path.stat().st_size
        if self.attachments_total() + size > MAX_ATTACHMENT_TOTAL:
            # Said before reading a huge file into memory.
            self.show_error(
                self.tr("“%1” (%2) cannot be attached: attachments are limited to %3 per message.")
                .replace("%1", path.name)
                .replace("%2", human_size(size))
                .replace("%3", human_size(MAX_ATTACHMENT_TOTAL))
            )
            return False
        ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return self.add_attachment(Attachment(path.name, ctype, path.read_bytes()))

    def _choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        for name in names:
            if not self.add_attachment_file(Path(name)):
                break

    def _remove_selected(self) -> None:
        row = self.attachment_list.currentRow()
        if row < 0:
            return
        self.attachment_list.takeItem(row)
        del self._attachments[row]
        self._update_size()

    def _update_size(self) -> None:
        self.size_label.setText(
            self.tr("Attachments: %1 of %2 at most")
            .replace("%1", human_size(self.attachments_total()))
            .replace("%2", human_size(MAX_ATTACHMENT_TOTAL))
        )

    # -- results ----------------------------------------------------------------------------------
    def current_account(self) -> Account | None:
        account_id = self.identity.currentData()
        for account in self.accounts:
            if account.id == account_id:
                return account
        return None

    def draft(self) -> Draft:
        """The message as typed. Raises ``MailError`` (French text) on a bad address."""
        account = self.current_account()
        if account is None:
            raise MssError("no account", user_message=self.tr("Set up a mail account first."))
        base = self._base
        return Draft(
            identity=Address(account.display_name, account.address),
            to=list(parse_recipient_list(self.to_edit.text())),
            cc=list(parse_recipient_list(self.cc_edit.text())),
            bcc=list(parse_recipient_list(self.bcc_edit.text())),
            subject=self.subject_edit.text(),
            text=self.body_edit.toPlainText(),
            attachments=list(self._attachments),
            in_reply_to=base.in_reply_to if base else "",
            references=list(base.references) if base else [],
            request_read_receipt=self.read_receipt.isChecked(),
            request_dsn=self.delivery_report.isChecked(),
            product_nil=account.product_nil,
        )

    def fields(self) -> dict[str, Any]:
        base = self._base
        return {
            "to": self.to_edit.text(),
            "cc": self.cc_edit.text(),
            "bcc": self.bcc_edit.text(),
            "subject": self.subject_edit.text(),
            "text": self.body_edit.toPlainText(),
            "read_receipt": self.read_receipt.isChecked(),
            "dsn": self.delivery_report.isChecked(),
            "in_reply_to": base.in_reply_to if base else "",
            "references": list(base.references) if base else [],
            "attachments": [a.filename for a in self._attachments],
        }

    # -- end-to-end protection ----------------------------------------------------------------
    def recipients(self) -> list[str]:
        return typed_addresses(self.to_edit.text(), self.cc_edit.text(), self.bcc_edit.text())

    def update_protection(self) -> SendingPlan | None:
        """Say now how the message would leave (called as recipients change)."""
        self._plan_timer.stop()
        account = self.current_account()
        if self._planner is None or account is None:
            self.last_plan = None
            return None
        recipients = self.recipients()
        if not recipients:
            self.last_plan = None
            self.protection_notice.show_no_recipient()
            return None
        try:
            self.last_plan = self._planner(account, recipients)
        except MssError:  # the store is locked or unreadable: say nothing rather than wrong
            self.last_plan = None
            self.protection_notice.show_no_recipient()
            return None
        self.protection_notice.show_plan(self.last_plan, account)
        return self.last_plan

    def request_send(self) -> None:
        self.error_label.hide()
        try:
            draft = self.draft()
        except MssError as exc:
            self.show_error(exc.user_message)
            return
        plan = self.update_protection()
        if plan is not None and plan.plan.protection is Protection.REFUSED:
            self.show_error(
                self.tr(
                    "This account requires encryption: the message cannot be sent while "
                    "these recipients have no certificate: %1."
                ).replace("%1", ", ".join(m.address for m in plan.plan.missing))
            )
            return
        self.send_button.setEnabled(False)
        self.send_requested.emit(draft, self.current_account())

    def request_save(self) -> None:
        account = self.current_account()
        if account is None:
            self.show_error(self.tr("Set up a mail account first."))
            return
        self.save_requested.emit(self.fields(), account)

    def show_notice(self, text: str) -> None:
        """Information above the fields (where the draft came from, what was changed)."""
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.send_button.setEnabled(True)

    def clear_sensitive(self) -> None:
        for edit in (self.to_edit, self.cc_edit, self.bcc_edit, self.subject_edit):
            edit.clear()
        self.body_edit.clear()
        self.attachment_list.clear()
        self._attachments = []
        self._base = None
        self.server_origin = None
        self.local_only = False
        self.notice_label.clear()
        self.error_label.clear()
