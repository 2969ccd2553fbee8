"""The message reader: headers, banners, the body (plain text first), attachments.

A message of the Drafts folder gets a banner with "Edit draft" (the mail area says which
messages are drafts, and why one cannot be edited)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mssclient.gui.mail.prepared_message import PreparedMessage
from mssclient.gui.mail.safe_browser import SafeTextBrowser
from mssclient.gui.mail.smime_banner import SmimeBanner
from mssclient.mail import AttachmentInfo
from mssclient.mailstore import MessageRow

#: Characters of raw source shown; the rest stays in the store (export gives it all).
SOURCE_PREVIEW_CHARS = 2_000_000
PART_ROLE = Qt.ItemDataRole.UserRole + 1


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} o"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} ko"
    return f"{size / (1024 * 1024):.1f} Mo".replace(".", ",")


def _banner(object_name: str, style: str) -> tuple[QFrame, QLabel, QHBoxLayout]:
    frame = QFrame()
    frame.setObjectName(object_name)
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    frame.setStyleSheet(f"#{object_name} {{ {style} border-radius: 4px; }}")
    label = QLabel()
    label.setWordWrap(True)
    row = QHBoxLayout(frame)
    row.setContentsMargins(8, 4, 8, 4)
    row.addWidget(label, 1)
    frame.hide()
    return frame, label, row


class MessageReader(QWidget):
    save_attachment_requested = Signal(int, object)  # message id, AttachmentInfo
    open_attachment_requested = Signal(int, object)
    send_receipt_requested = Signal(int, str)  # message id, address asking for it
    conversation_message_chosen = Signal(int)  # message id of another message of the thread
    edit_draft_requested = Signal(int)  # message id of a Drafts folder message

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mailReader")
        self.current: PreparedMessage | None = None

        self.subject_label = QLabel()
        self.subject_label.setObjectName("readerSubject")
        self.subject_label.setWordWrap(True)
        self.subject_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.subject_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.subject_label.setFont(font)
        self.header_label = QLabel()
        self.header_label.setObjectName("readerHeaders")
        self.header_label.setWordWrap(True)
        self.header_label.setTextFormat(Qt.TextFormat.PlainText)
        self.header_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.problem_banner, self.problem_label, problem_row = _banner(
            "malformedBanner", "background: #fff4ce; color: #3b2f00;"
        )
        self.source_button = QPushButton(self.tr("Show source"))
        self.source_button.setObjectName("showSourceButton")
        self.source_button.setCheckable(True)
        self.source_button.toggled.connect(self._show_source)
        problem_row.addWidget(self.source_button)

        self.draft_banner, self.draft_label, draft_row = _banner(
            "draftBanner", "background: #eef6ea; color: #173b0d;"
        )
        self.edit_draft_button = QPushButton(self.tr("Edit draft"))
        self.edit_draft_button.setObjectName("editDraftButton")
        self.edit_draft_button.clicked.connect(self._edit_draft)
        draft_row.addWidget(self.edit_draft_button)

        self.smime_banner = SmimeBanner()
        self.smime_banner.show_original_requested.connect(self.source_button.toggle)

        self.receipt_banner, self.receipt_label, receipt_row = _banner(
            "receiptBanner", "background: #e5f1fb; color: #0b2a44;"
        )
        self.receipt_button = QPushButton(self.tr("Send read receipt"))
        self.receipt_button.setObjectName("sendReceiptButton")
        self.receipt_button.clicked.connect(self._send_receipt)
        self.receipt_dismiss = QPushButton(self.tr("Ignore"))
        self.receipt_dismiss.clicked.connect(self.receipt_banner.hide)
        receipt_row.addWidget(self.receipt_button)
        receipt_row.addWidget(self.receipt_dismiss)

        self.html_button = QPushButton(self.tr("Show formatted version"))
        self.html_button.setObjectName("htmlToggle")
        self.html_button.setCheckable(True)
        self.html_button.toggled.connect(self._render_body)
        self.html_button.hide()

        self.body = SafeTextBrowser()
        self.body.setObjectName("readerBody")
        self.source = QPlainTextEdit()
        self.source.setObjectName("readerSource")
        self.source.setReadOnly(True)
        self.source.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.body)
        self.pages.addWidget(self.source)

        self.attachments = QListWidget()
        self.attachments.setObjectName("readerAttachments")
        self.attachments.setMaximumHeight(64)
        self.attachments.setAccessibleName(self.tr("Attachments"))
        self.attachments.currentRowChanged.connect(self._update_buttons)
        self.save_button = QPushButton(self.tr("Save…"))
        self.save_button.setObjectName("saveAttachmentButton")
        self.save_button.clicked.connect(lambda: self._attachment_action(save=True))
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setObjectName("openAttachmentButton")
        self.open_button.clicked.connect(lambda: self._attachment_action(save=False))
        self.attachments_box = QWidget()
        box = QHBoxLayout(self.attachments_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.attachments, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        self.attachments_box.hide()

        self.conversation = QListWidget()
        self.conversation.setObjectName("readerConversation")
        self.conversation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.conversation.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.conversation.setAccessibleName(self.tr("Conversation"))
        self.conversation.itemActivated.connect(self._conversation_chosen)
        self.conversation.itemClicked.connect(self._conversation_chosen)
        self.conversation_label = QLabel()
        self.conversation_label.setObjectName("readerConversationLabel")

        self.placeholder = QLabel(self.tr("Select a message to read it."))
        self.placeholder.setObjectName("readerPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.subject_label)
        layout.addWidget(self.header_label)
        layout.addWidget(self.draft_banner)
        layout.addWidget(self.smime_banner)
        layout.addWidget(self.problem_banner)
        layout.addWidget(self.receipt_banner)
        layout.addWidget(self.conversation_label)
        layout.addWidget(self.conversation)
        layout.addWidget(self.html_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.attachments_box)
        self.clear()

    # -- content ------------------------------------------------------------------------------
    def clear(self) -> None:
        self.current = None
        self.subject_label.clear()
        self.header_label.clear()
        self.problem_label.clear()
        self.receipt_label.clear()
        self.draft_label.clear()
        self.smime_banner.clear()
        self.body.clear_content()
        self.source.clear()
        self.attachments.clear()
        self.conversation.clear()
        self.conversation_label.clear()
        for widget in (
            self.conversation,
            self.conversation_label,
            self.problem_banner,
            self.receipt_banner,
            self.draft_banner,
            self.html_button,
            self.attachments_box,
            self.subject_label,
            self.header_label,
            self.pages,
        ):
            widget.hide()
        self.source_button.setChecked(False)
        self.html_button.setChecked(False)
        self.receipt_button.show()
        self.receipt_dismiss.show()
        self.placeholder.setText(self.tr("Select a message to read it."))
        self.placeholder.show()

    def show_loading(self) -> None:
        self.clear()
        self.placeholder.setText(self.tr("Opening the message…"))

    def show_message(self, prepared: PreparedMessage) -> None:
        self.clear()
        self.current = prepared
        full = prepared.full
        self.placeholder.hide()
        self.subject_label.setText(prepared.subject or self.tr("(no subject)"))
        lines = []
        if full.from_ is not None:
            lines.append(self.tr("From: %1").replace("%1", str(full.from_)))
        if full.to:
            lines.append(self.tr("To: %1").replace("%1", ", ".join(str(a) for a in full.to)))
        if full.cc:
            lines.append(self.tr("Cc: %1").replace("%1", ", ".join(str(a) for a in full.cc)))
        if full.date is not None:
            lines.append(
                self.tr("Date: %1").replace("%1", f"{full.date.astimezone():%d/%m/%Y %H:%M}")
            )
        self.header_label.setText("\n".join(lines))
        for widget in (self.subject_label, self.header_label, self.pages):
            widget.show()

        sender = full.from_.addr if full.from_ is not None else ""
        self.smime_banner.show_record(prepared.smime, sender)
        if full.is_malformed:
            # The parser's French description already says the original is kept.
            self.problem_label.setText(
                full.problem_description
                or self.tr("This message is damaged. It is shown as well as possible.")
                + " "
                + self.tr("The original is kept unchanged.")
            )
            self.problem_banner.show()
        if prepared.receipt_to:
            self.receipt_label.setText(
                self.tr("The sender asks for a read receipt (to %1).").replace(
                    "%1", prepared.receipt_to
                )
            )
            self.receipt_banner.show()

        self.body.set_inline_parts(prepared.inline_images)
        has_text = bool(full.text.strip())
        self.html_button.setVisible(full.html is not None and has_text)
        self._render_body()

        shown = [a for a in full.attachments if not a.inline]
        for info in shown:
            item = QListWidgetItem(f"{info.filename}  ({human_size(info.size)})")
            item.setData(PART_ROLE, info)
            item.setToolTip(info.content_type)
            self.attachments.addItem(item)
        if shown:
            self.attachments.setCurrentRow(0)
            self.attachments_box.show()
        self._update_buttons()

    def set_conversation(self, rows: Sequence[MessageRow], current_id: int) -> None:
        """The other messages of this thread (oldest first), to jump between them."""
        self.conversation.clear()
        if len(rows) < 2:
            self.conversation.hide()
            self.conversation_label.hide()
            return
        for row in rows:
            when = f"{row.date.astimezone():%d/%m/%Y %H:%M}" if row.date_utc > 0 else ""
            who = row.from_name or row.from_addr
            summary = " ".join(row.snippet.split())[:140]
            item = QListWidgetItem(f"{when}  {who} — {summary}" if summary else f"{when}  {who}")
            item.setToolTip(row.subject)
            item.setData(PART_ROLE, row.id)
            if row.id == current_id:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.conversation.addItem(item)
        shown_rows = min(len(rows), 4)
        self.conversation.setFixedHeight(
            self.conversation.sizeHintForRow(0) * shown_rows
            + 2 * self.conversation.frameWidth()
            + 2
        )
        self.conversation_label.setText(
            self.tr("Conversation (%1 messages)").replace("%1", str(len(rows)))
        )
        self.conversation_label.show()
        self.conversation.show()

    def _conversation_chosen(self, item: QListWidgetItem) -> None:
        message_id = item.data(PART_ROLE)
        if self.current is not None and message_id != self.current.message_id:
            self.conversation_message_chosen.emit(int(message_id))

    def _render_body(self) -> None:
        prepared = self.current
        if prepared is None:
            return
        full = prepared.full
        use_html = full.html is not None and (self.html_button.isChecked() or not full.text.strip())
        self.body.requested_urls.clear()
        self.body.blocked_urls.clear()
        if use_html:
            self.body.setHtml(full.html or "")
        else:
            self.body.setPlainText(full.text)
        self.html_button.setText(
            self.tr("Show plain text") if use_html else self.tr("Show formatted version")
        )

    def _show_source(self, shown: bool) -> None:
        prepared = self.current
        if shown and prepared is not None:
            text = prepared.raw[:SOURCE_PREVIEW_CHARS].decode("utf-8", "replace")
            if len(prepared.raw) > SOURCE_PREVIEW_CHARS:
                text += "\n" + self.tr("[… source cut for display]")
            self.source.setPlainText(text)
            self.pages.setCurrentWidget(self.source)
            self.source_button.setText(self.tr("Hide source"))
        else:
            self.source.clear()
            self.pages.setCurrentWidget(self.body)
            self.source_button.setText(self.tr("Show source"))

    def show_source(self) -> None:
        self.source_button.setChecked(True)

    # -- attachments and receipts ----------------------------------------------------------------
    def selected_attachment(self) -> AttachmentInfo | None:
        item = self.attachments.currentItem()
        if item is None:
            return None
        info = item.data(PART_ROLE)
        return info if isinstance(info, AttachmentInfo) else None

    def _update_buttons(self) -> None:
        chosen = self.selected_attachment() is not None
        self.save_button.setEnabled(chosen)
        self.open_button.setEnabled(chosen)

    def _attachment_action(self, *, save: bool) -> None:
        info = self.selected_attachment()
        if info is None or self.current is None:
            return
        signal = self.save_attachment_requested if save else self.open_attachment_requested
        signal.emit(self.current.message_id, info)

    def _send_receipt(self) -> None:
        if self.current is not None and self.current.receipt_to:
            self.send_receipt_requested.emit(self.current.message_id, self.current.receipt_to)

    def show_draft_banner(self) -> None:
        """The message shown is in the Drafts folder: offer to edit it."""
        if self.current is None:
            return
        self.draft_label.setText(self.tr("This message is a draft: you can edit it and send it."))
        self.edit_draft_button.setEnabled(True)
        self.edit_draft_button.show()
        self.draft_banner.show()

    def draft_not_editable(self, message_id: int, reason: str) -> None:
        """Editing was refused: say why (French) where the button was."""
        if self.current is None or self.current.message_id != message_id:
            return
        self.draft_label.setText(reason)
        self.edit_draft_button.setEnabled(False)
        self.draft_banner.show()

    def _edit_draft(self) -> None:
        if self.current is not None:
            self.edit_draft_requested.emit(self.current.message_id)

    def receipt_sent(self) -> None:
        self.receipt_label.setText(self.tr("Read receipt queued for sending."))
        self.receipt_button.hide()
        self.receipt_dismiss.hide()
