"""The mail area: folders, message list, reader, composer and accounts, put together.

Reads (a page of the list, one raw message, a search) run on the GUI thread's store:
each is one indexed query. Parsing, MIME building and the network run elsewhere (``Op``
and the account workers). Recipient suggestions come from the local directory on each
keystroke, and from the live Annuaire Santé (when the settings turn it on) off the GUI
thread; saved drafts go to the server's Drafts folder through ``DraftSaver``. A message
of the Drafts folder opens in the composer ("Edit draft", or a double click), also when
another client wrote it.
``clear_sensitive()`` empties everything shown when the application locks;
``restore_sensitive()`` reloads after unlocking.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from pathlib import Path

from cryptography import x509
from PySide6.QtCore import QModelIndex, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mssclient.directory.annuaire_sante import AnnuaireSanteClient
from mssclient.directory.autocomplete import Recipient
from mssclient.directory.suggestions import suggest_recipients
from mssclient.errors import MssError
from mssclient.gui.mail import message_actions
from mssclient.gui.mail.account_dialog import AccountDialog, save_from_dialog
from mssclient.gui.mail.account_workers import AccountWorkers
from mssclient.gui.mail.attachment_files import PrivateTempDir, write_atomically
from mssclient.gui.mail.composer import ComposerDialog
from mssclient.gui.mail.draft_saving import DraftSaver
from mssclient.gui.mail.drafts_store import (
    DraftStore,
    editable_draft,
    identity_account,
    saved_attachments,
)
from mssclient.gui.mail.folder_tree import FolderTree, FolderTreeModel, role_title
from mssclient.gui.mail.message_list_model import Column, MessageListModel
from mssclient.gui.mail.operations import Op, wait_for_operations
from mssclient.gui.mail.outbox_panel import OutboxPanel
from mssclient.gui.mail.prepared_message import PreparedMessage, prepare_message
from mssclient.gui.mail.reader import MessageReader
from mssclient.gui.mail.recipient_completer import LiveJob
from mssclient.gui.mail.sandbox_accounts import account_auth
from mssclient.gui.mail.search_box import SearchBox
from mssclient.gui.mail.sending import Wire, build_receipt_wire, build_wire, queue_wire
from mssclient.mail import Address, AttachmentInfo, Draft, attachment_bytes
from mssclient.mail.draft_from_message import EditableDraft
from mssclient.mail.replies import forward_draft, reply_draft
from mssclient.mailstore import MailRepository, SmimeRecord, parse_query, search
from mssclient.mailstore.drafts import ServerDraftCopy
from mssclient.mailstore.models import MessageFields
from mssclient.profile import current_actor
from mssclient.security.smime import SmimeStatus
from mssclient.security.smime.repository import CertificateRepository
from mssclient.store import Store
from mssclient.transport.accounts import Account, Authenticator, load_accounts, save_account
from mssclient.transport.errors import ReadOnlyFolderError
from mssclient.transport.events import (
    ConnectionStateChanged,
    FolderSynced,
    OutboxChanged,
    ServerDraftsSynced,
    SyncProgress,
    WorkerError,
)
from mssclient.transport.smime_context import SendingPlan, plan_for
from mssclient.transport.smime_receive import OpeningKeys, load_keys
from mssclient.transport.smime_receive import open_message as open_smime

log = logging.getLogger(__name__)

#: What re-opening an S/MIME message gave: record, re-parsed fields, certificates to keep.
Opened = tuple[SmimeRecord, MessageFields | None, tuple[x509.Certificate, ...]]

SEARCH_LIMIT = 200
# Recipient suggestions shown at most in the composer's list.
SUGGESTION_LIMIT = 10

# The live Annuaire Santé client as the settings say now (None: off, or no API key).
LiveClientFactory = Callable[[], AnnuaireSanteClient | None]


class MailArea(QWidget):
    status_changed = Signal(str)
    connection_changed = Signal(str)
    #: (done, total) of the running sync; (0, 0) when it is over.
    sync_progress = Signal(int, int)

    def __init__(
        self,
        store_provider: Callable[[], Store],
        open_worker_store: Callable[[], Store] | None = None,
        parent: QWidget | None = None,
        *,
        poll_seconds: float = 300.0,
        idle: bool = True,
        auth_for: Callable[[Account], Authenticator] | None = None,
        parse_workers: int = 0,
        live_client_factory: LiveClientFactory | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mailArea")
        self._store_provider = store_provider
        self._open_worker_store = open_worker_store
        # Asked at each live lookup (on this thread), so a settings change applies at once.
        self.live_client_factory = live_client_factory
        self.accounts: list[Account] = []
        self.composers: list[ComposerDialog] = []
        #: Domain of the user's hospital: its organisational mailboxes are suggested first.
        self.hospital_domain = ""
        self.temp_files = PrivateTempDir()
        self._open_token = 0
        self._current_account_id: int | None = None
        self.workers: AccountWorkers | None = None
        if open_worker_store is not None:
            self.workers = AccountWorkers(
                open_worker_store,
                self,
                poll_seconds=poll_seconds,
                idle=idle,
                auth_for=auth_for or account_auth,
                parse_workers=parse_workers,
            )
            self.workers.transport_event.connect(self._on_event)
            self.workers.failed_to_start.connect(self._on_worker_not_started)
        self.drafts = DraftSaver(store_provider, lambda: self.workers, self)

        self.folder_model = FolderTreeModel(store_provider, self)
        self.folder_tree = FolderTree(self.folder_model)
        self.folder_tree.folder_selected.connect(self._on_folder_selected)
        self.folder_tree.account_edit_requested.connect(self.edit_account)
        self.outbox_panel = OutboxPanel(store_provider)
        self.outbox_panel.retry_requested.connect(self._send_now)
        self.list_model = MessageListModel(store_provider, self)
        self.list_view = QTableView()
        self.list_view.setObjectName("mailMessageList")
        self.list_view.setModel(self.list_model)
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setShowGrid(False)
        self.list_view.setWordWrap(False)
        self.list_view.setAlternatingRowColors(True)
        self.list_view.verticalHeader().hide()
        self.list_view.verticalHeader().setDefaultSectionSize(24)
        self.list_view.setAccessibleName(self.tr("Messages"))
        header = self.list_view.horizontalHeader()
        header.setSectionResizeMode(Column.SUBJECT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Column.SENDER, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(Column.SENDER, 210)
        header.setSectionResizeMode(Column.DATE, QHeaderView.ResizeMode.ResizeToContents)
        for column in (Column.ATTACHMENT, Column.UNREAD):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.list_view.selectionModel().currentRowChanged.connect(self._on_message_selected)
        self.list_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list_view.customContextMenuRequested.connect(self._show_context_menu)
        self.list_view.doubleClicked.connect(self._on_double_clicked)
        self._build_message_actions()
        self.empty_label = QLabel()
        self.empty_label.setObjectName("mailEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()

        self.reader = MessageReader()
        self.reader.save_attachment_requested.connect(self.save_attachment)
        self.reader.open_attachment_requested.connect(self.open_attachment)
        self.reader.send_receipt_requested.connect(self.send_read_receipt)
        self.reader.conversation_message_chosen.connect(self.open_message)
        self.reader.edit_draft_requested.connect(self.edit_draft)

        self.search_box = SearchBox()
        self.search_box.search_requested.connect(self.run_search)
        self.new_button = QPushButton(self.tr("New message"))
        self.new_button.setObjectName("newMessageButton")
        self.new_button.clicked.connect(lambda: self.open_composer())
        self.reply_button = QPushButton(self.tr("Reply"))
        self.reply_button.setObjectName("replyButton")
        self.reply_button.clicked.connect(lambda: self.reply(reply_all=False))
        self.reply_all_button = QPushButton(self.tr("Reply all"))
        self.reply_all_button.setObjectName("replyAllButton")
        self.reply_all_button.clicked.connect(lambda: self.reply(reply_all=True))
        self.forward_button = QPushButton(self.tr("Forward"))
        self.forward_button.setObjectName("forwardButton")
        self.forward_button.clicked.connect(self.forward)
        self.sync_button = QPushButton(self.tr("Check mail"))
        self.sync_button.setObjectName("syncButton")
        self.sync_button.clicked.connect(self.sync_now)
        self.drafts_button = QPushButton(self.tr("Drafts"))
        self.drafts_button.setObjectName("localDraftsButton")
        self.drafts_button.setToolTip(self.tr("Drafts saved on this computer"))
        self.drafts_menu = QMenu(self.drafts_button)
        self.drafts_menu.aboutToShow.connect(self._fill_drafts_menu)
        self.drafts_button.setMenu(self.drafts_menu)
        self.account_button = QPushButton(self.tr("Add account…"))
        self.account_button.setObjectName("addAccountButton")
        self.account_button.clicked.connect(self.add_account)

        toolbar = QHBoxLayout()
        for button in (
            self.new_button,
            self.reply_button,
            self.reply_all_button,
            self.forward_button,
            self.sync_button,
            self.drafts_button,
        ):
            toolbar.addWidget(button)
        toolbar.addStretch(1)
        toolbar.addWidget(self.account_button)

        list_box = QWidget()
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.empty_label)
        list_layout.addWidget(self.list_view, 1)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(list_box)
        right.addWidget(self.reader)
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 3)
        right.setSizes([280, 420])
        self.vertical_splitter = right
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.folder_tree, 1)
        left_layout.addWidget(self.outbox_panel)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([220, 780])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(toolbar)
        layout.addWidget(self.search_box)  # its own row: the query syntax hint stays readable
        layout.addWidget(self.splitter, 1)
        self._update_actions()

    # -- store access --------------------------------------------------------------------------
    def _store(self) -> Store:
        return self._store_provider()

    def _repo(self) -> MailRepository:
        return MailRepository(self._store())

    def _account(self, account_id: int | None) -> Account | None:
        for account in self.accounts:
            if account.id == account_id:
                return account
        return None

    def _say(self, text: str) -> None:
        self.status_changed.emit(text)

    # -- sensitive view protocol ----------------------------------------------------------------
    def clear_sensitive(self) -> None:
        """Locking: save open composers as drafts, then empty every view and model."""
        for composer in list(self.composers):
            try:
                self._save_draft_quietly(composer)
            except Exception:  # locking must go on even if a draft cannot be saved
                log.exception("draft not saved at lock")
            composer.clear_sensitive()
            composer.reject()
        self.composers.clear()
        if self.workers is not None:
            self.workers.stop()
        self._open_token += 1
        self.search_box.reset()
        self.list_model.clear()
        self.folder_model.clear()
        self.reader.clear()
        self.outbox_panel.clear()
        self.temp_files.wipe()
        self.accounts = []
        self._current_account_id = None
        self._update_actions()

    def restore_sensitive(self) -> None:
        """Unlocked: reload accounts and folders, open the first inbox, start syncing."""
        self.accounts = load_accounts(self._store())
        self.folder_model.load(self.accounts)
        self._select_first_inbox()
        self.outbox_panel.reload()
        if not self.accounts:
            self._show_empty(
                self.tr("No mail account yet. Use “Add account…” to set up your mailbox.")
            )
        if self.workers is not None:
            self.workers.start(self.accounts)
        self._update_actions()

    def shutdown(self) -> None:
        """Application exit: stop the workers, wipe opened attachments."""
        if self.workers is not None:
            self.workers.stop()
        self.temp_files.wipe()

    def shutdown_and_wait(self, msecs: int = 10_000) -> None:
        """For ``aboutToQuit``: stop, then let running operations end before the store
        closes."""
        self.shutdown()
        wait_for_operations(msecs)

    # -- folders and list ---------------------------------------------------------------------
    def _select_first_inbox(self) -> None:
        repo = self._repo()
        for account in self.accounts:
            assert account.id is not None
            inbox = repo.folder_by_role(account.id, "inbox")
            if inbox is not None:
                self.folder_tree.select_folder(inbox.id)
                return
        self.folder_tree.expandAll()

    def _on_folder_selected(self, account_id: int, folder_id: int) -> None:
        self._current_account_id = account_id
        self.search_box.reset()
        self.show_folder(folder_id)

    def show_folder(self, folder_id: int) -> None:
        self.reader.clear()
        self.list_model.set_folder(folder_id)
        if self.list_model.rowCount() == 0:
            self._show_empty(self.tr("This folder is empty."))
        else:
            self.empty_label.hide()
        self._update_actions()

    def _show_empty(self, text: str) -> None:
        self.empty_label.setText(text)
        self.empty_label.show()

    def run_search(self, text: str) -> None:
        if not text:
            folder = self.folder_tree.currentIndex()
            if folder.isValid() and self.list_model.folder_id is None:
                self._on_folder_selected(*self._folder_of(folder))
            return
        query = parse_query(text)
        hits = search(self._store(), query, limit=SEARCH_LIMIT)
        self.reader.clear()
        self.list_model.set_rows([hit.row for hit in hits])
        found = self.tr("%n message(s) found.", "", len(hits))
        # The parser's remarks (a date it did not understand…) are already in French.
        self._say(" ".join([found, *query.notes]))
        if hits:
            self.empty_label.hide()
        else:
            self._show_empty(" ".join([self.tr("No message matches this search."), *query.notes]))
        self._update_actions()

    def _folder_of(self, index: QModelIndex) -> tuple[int, int]:
        from mssclient.gui.mail.folder_tree import ACCOUNT_ID_ROLE, FOLDER_ID_ROLE

        return int(index.data(ACCOUNT_ID_ROLE)), int(index.data(FOLDER_ID_ROLE))

    # -- reading --------------------------------------------------------------------------------
    def _on_message_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.list_model.row_at(current.row()) if current.isValid() else None
        self._update_actions()
        if row is None:
            self.reader.clear()
            return
        self.open_message(row.id)

    def open_message(self, message_id: int) -> None:
        repo = self._repo()
        raw = repo.raw(message_id)
        self._open_token += 1
        token = self._open_token
        if raw is None:
            self.reader.clear()
            return
        record = repo.smime_record(message_id)
        readable = repo.readable(message_id) if record is not None else None
        keys = self._keys_to_retry(message_id, record)
        self.reader.show_loading()

        def work() -> tuple[PreparedMessage, Opened | None]:
            if keys is None:
                return prepare_message(message_id, raw, readable, record), None
            opened = open_smime(raw, keys)  # a key imported since the sync may open it now
            return prepare_message(message_id, raw, opened[0].readable, opened[0]), opened

        Op(self, work).success(lambda result: self._show_reopened(token, *result)).failure(
            lambda exc: self._say(self.tr("The message could not be opened."))
        ).run()
        self._mark_seen(message_id)

    def _keys_to_retry(self, message_id: int, record: SmimeRecord | None) -> OpeningKeys | None:
        """The user's keys, when a message could not be decrypted at sync time."""
        if record is None or record.status != SmimeStatus.DECRYPT_NO_KEY.value:
            return None
        keys = load_keys(self._store(), self._account_of_message(message_id))
        return keys if keys.identities else None

    def _show_reopened(self, token: int, prepared: PreparedMessage, opened: Opened | None) -> None:
        if opened is not None and prepared.smime is not None:
            record, fields, collectable = opened
            if record.status != SmimeStatus.DECRYPT_NO_KEY.value:
                with contextlib.suppress(MssError):  # locked meanwhile: retried next time
                    self._repo().save_smime(prepared.message_id, record, fields)
                    CertificateRepository(self._store()).collect(collectable)
        self._show_prepared(token, prepared)

    def _show_prepared(self, token: int, prepared: PreparedMessage) -> None:
        if token != self._open_token:
            return  # another message was chosen meanwhile, or the area was cleared
        self.reader.show_message(prepared)
        if DraftStore(self._store()).drafts_folder_copy(prepared.message_id) is not None:
            self.reader.show_draft_banner()
        repo = self._repo()
        row = repo.message(prepared.message_id)
        folder = repo.folder(row.folder_id) if row is not None else None
        if row is not None and folder is not None:
            self.reader.set_conversation(
                repo.thread(folder.account_id, row.thread_key), prepared.message_id
            )

    def _mark_seen(self, message_id: int) -> None:
        repo = self._repo()
        row = repo.message(message_id)
        if row is None or row.seen:
            return
        # Stored at once and queued for the server: the next sync (or IDLE) pushes it.
        repo.set_flag([message_id], "\\Seen", True)
        self.list_model.mark_seen(message_id)
        folder = repo.folder(row.folder_id)
        if folder is not None:
            self.folder_model.update_counts(folder.account_id)

    def current_message_id(self) -> int | None:
        row = self.list_model.row_at(self.list_view.currentIndex().row())
        return row.id if row is not None else None

    def _account_of_message(self, message_id: int) -> Account | None:
        repo = self._repo()
        row = repo.message(message_id)
        folder = repo.folder(row.folder_id) if row is not None else None
        return self._account(folder.account_id) if folder is not None else None

    # -- attachments ------------------------------------------------------------------------------
    def save_attachment(self, message_id: int, info: AttachmentInfo, target: str = "") -> None:
        if not target:
            target, _ = QFileDialog.getSaveFileName(self, self.tr("Save attachment"), info.filename)
        if not target:
            return
        raw = self._repo().readable(message_id)
        if raw is None:
            return
        path = Path(target)
        self._store().audit.append(current_actor(), "mail.attachment.save", str(message_id))

        def work() -> Path:
            write_atomically(path, attachment_bytes(raw, info.part_index))
            return path

        Op(self, work).success(
            lambda saved: self._say(self.tr("Attachment saved: %1").replace("%1", str(saved)))
        ).failure(self._report_failure).run()

    def open_attachment(self, message_id: int, info: AttachmentInfo) -> None:
        raw = self._repo().readable(message_id)
        if raw is None:
            return
        self._store().audit.append(current_actor(), "mail.attachment.open", str(message_id))
        temp = self.temp_files
        Op(self, lambda: temp.write(info.filename, attachment_bytes(raw, info.part_index))).success(
            lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        ).failure(self._report_failure).run()

    def _report_failure(self, exc: BaseException) -> None:
        if isinstance(exc, MssError):
            self._say(exc.user_message)
        else:
            log.error("mail operation failed", exc_info=exc)
            self._say(self.tr("The operation failed: %1").replace("%1", type(exc).__name__))

    # -- read receipts ----------------------------------------------------------------------------
    def send_read_receipt(self, message_id: int, target: str) -> None:
        account = self._account_of_message(message_id)
        raw = self._repo().raw(message_id)
        if account is None or raw is None or account.id is None:
            return
        account_id = account.id
        Op(self, lambda: build_receipt_wire(raw, account, target)).success(
            lambda wire: self._queue(account_id, wire, self.reader.receipt_sent)
        ).failure(self._report_failure).run()

    def _queue(self, account_id: int, wire: Wire, then: Callable[[], None]) -> None:
        queue_wire(self._store(), account_id, wire)
        self.outbox_panel.reload()
        self._send_now(account_id)
        then()

    def _send_now(self, account_id: int) -> None:
        if self.workers is not None:
            self.workers.send_now(account_id)

    # -- composing -------------------------------------------------------------------------------
    def open_composer(
        self, draft: Draft | None = None, account_id: int | None = None
    ) -> ComposerDialog:
        composer = ComposerDialog(
            self.accounts,
            self,
            draft=draft,
            account_id=account_id or self._current_account_id,
            recipient_lookup=self.find_recipients,
            live_recipient_lookup=self.live_recipient_job,
            protection_planner=self.plan_protection,
        )
        composer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        composer.send_requested.connect(lambda d, a: self.send(composer, d, a))
        composer.save_requested.connect(lambda f, a: self.save_draft(composer, f, a))
        composer.discard_requested.connect(lambda: self.discard_draft(composer))
        composer.recipient_lookup_failed.connect(self._on_live_lookup_failed)
        composer.finished.connect(lambda _r: self._forget_composer(composer))
        self.composers.append(composer)
        composer.show()
        return composer

    def plan_protection(self, account: Account, recipients: list[str]) -> SendingPlan:
        """How a message would leave: a few indexed reads of the certificate tables."""
        return plan_for(self._store(), account, recipients)

    def find_recipients(self, text: str) -> list[Recipient]:
        """Suggestions from the imported national directory, the hospital's own
        organisational mailboxes first; none (never an error) while it is unreadable."""
        try:
            return suggest_recipients(
                self._store(), text, self.hospital_domain, None, limit=SUGGESTION_LIMIT
            )
        except MssError:
            return []

    def live_recipient_job(self, text: str) -> LiveJob | None:
        """The live Annuaire Santé lookup for ``text``, ready for a pool thread (with its
        own store connection); None when it is off, has no API key or no store to use."""
        open_store = self._open_worker_store
        client = self.live_client_factory() if self.live_client_factory is not None else None
        if client is None or open_store is None:
            return None
        domain = self.hospital_domain

        def job() -> list[Recipient]:
            failures: list[MssError] = []
            store = open_store()
            try:
                found = suggest_recipients(
                    store,
                    text,
                    domain,
                    client,
                    limit=SUGGESTION_LIMIT,
                    on_live_error=failures.append,
                )
            finally:
                store.close()
            if failures:
                raise failures[0]  # the local answers are already shown
            return found

        return job

    def _on_live_lookup_failed(self, reason: str) -> None:
        self._say(
            self.tr("%1 Suggestions come from the local directory only.").replace("%1", reason)
        )

    def _forget_composer(self, composer: ComposerDialog) -> None:
        if composer in self.composers:
            self.composers.remove(composer)

    def reply(self, *, reply_all: bool) -> ComposerDialog | None:
        message_id = self.current_message_id()
        account = self._account_of_message(message_id) if message_id is not None else None
        raw = self._repo().readable(message_id) if message_id is not None else None
        if account is None or raw is None:
            return None
        identity = Address(account.display_name, account.address)
        draft = reply_draft(raw, identity, reply_all, account.product_nil)
        return self.open_composer(draft, account.id)

    def forward(self) -> None:
        message_id = self.current_message_id()
        account = self._account_of_message(message_id) if message_id is not None else None
        raw = self._repo().readable(message_id) if message_id is not None else None
        if account is None or raw is None:
            return
        identity = Address(account.display_name, account.address)
        account_id = account.id
        # Re-attaching decodes every attachment: off the GUI thread.
        Op(self, lambda: forward_draft(raw, identity, account.product_nil)).success(
            lambda draft: self.open_composer(draft, account_id)
        ).failure(self._report_failure).run()

    def send(self, composer: ComposerDialog, draft: Draft, account: Account) -> None:
        account_id = account.id
        assert account_id is not None

        def queued() -> None:
            if composer.draft_id is not None:
                self.drafts.forget(composer.draft_id)
            elif composer.server_origin is not None:  # opened from the server, never saved
                self.drafts.forget_server_copy(composer.server_origin)
                composer.server_origin = None
            self._say(
                self.tr("Message placed in the outbox: it leaves as soon as the server answers.")
            )
            composer.accept()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, MssError):
                composer.show_error(exc.user_message)
            else:
                log.error("building the message failed", exc_info=exc)
                composer.show_error(self.tr("The message could not be prepared."))

        Op(composer, lambda: build_wire(draft)).success(
            lambda wire: self._queue(account_id, wire, queued)
        ).failure(failed).run()

    def save_draft(
        self, composer: ComposerDialog, fields: dict[str, object], account: Account
    ) -> None:
        assert account.id is not None
        composer.draft_id = self.drafts.save(
            account.id,
            dict(fields),
            _buildable(composer),
            composer.draft_id,
            _origin(composer),
            local_only=composer.local_only,
        )
        composer.server_origin = None  # adopted by the local draft
        self._say(self.tr("Draft saved (encrypted, on this computer)."))

    def discard_draft(self, composer: ComposerDialog) -> None:
        """Close the composer; its saved draft goes, here and on the server."""
        if composer.draft_id is not None:
            self.drafts.forget(composer.draft_id)
            composer.draft_id = None
            self._say(self.tr("Draft deleted."))
        elif composer.server_origin is not None:  # opened from the server, never saved
            self.drafts.forget_server_copy(composer.server_origin)
            composer.server_origin = None
            self._say(self.tr("Draft deleted."))
        composer.reject()

    def _fill_drafts_menu(self) -> None:
        self.drafts_menu.clear()
        try:
            drafts = DraftStore(self._store()).list()
        except MssError:
            drafts = []
        if not drafts:
            self.drafts_menu.addAction(self.tr("No saved draft")).setEnabled(False)
            return
        for saved in drafts[:30]:
            label = saved.subject or self.tr("(no subject)")
            if saved.recipients:
                label += " — " + saved.recipients
            action = self.drafts_menu.addAction(label[:120])
            action.triggered.connect(lambda _c=False, d=saved.id: self.open_saved_draft(d))

    def open_saved_draft(self, draft_id: int) -> ComposerDialog | None:
        for open_one in self.composers:
            if open_one.draft_id == draft_id:
                open_one.raise_()
                open_one.activateWindow()
                return open_one
        saved = DraftStore(self._store()).load(draft_id)
        if saved is None:
            return None
        attachments, missing = saved_attachments(saved)
        composer = self.open_composer(account_id=saved.account_id)
        composer.load_fields(saved.content, attachments)
        composer.draft_id = saved.id
        composer.local_only = saved.local_only
        notes = []
        if saved.refused_by_server:
            notes.append(
                self.tr(
                    "The server's Drafts folder is read-only: this draft is saved on this "
                    "computer only."
                )
            )
        elif saved.local_only:
            notes.append(self._local_only_note())
        if missing:
            text = self.tr("These attachments could not be restored: %1. Attach them again.")
            notes.append(text.replace("%1", ", ".join(missing)))
        if notes:
            composer.show_notice(" ".join(notes))
        return composer

    def _local_only_note(self) -> str:
        return self.tr(
            "This draft was encrypted: it is saved on this computer only, not on the server."
        )

    # -- drafts of the server's Drafts folder ---------------------------------------------------
    def _on_double_clicked(self, index: QModelIndex) -> None:
        row = self.list_model.row_at(index.row()) if index.isValid() else None
        if row is not None:
            self.edit_draft(row.id)

    def edit_draft(self, message_id: int | None = None) -> None:
        """Open a message of the Drafts folder in the composer: its local draft when it is
        one of ours, else (written by another client) a new draft made from the message,
        which adopts that server copy at its first save. Other messages: nothing."""
        if message_id is None:
            message_id = self.current_message_id()
        if message_id is None:
            return
        drafts = DraftStore(self._store())
        copy = drafts.drafts_folder_copy(message_id)
        if copy is None:
            return
        local = drafts.for_server_copy(copy)
        if local is not None:
            self.open_saved_draft(local.id)
            return
        if drafts.removal_pending(copy):
            self._draft_not_editable(
                message_id,
                self.tr(
                    "This copy is being replaced or deleted on the server by a draft of this "
                    "computer: open that draft from “Drafts”."
                ),
            )
            return
        for open_one in self.composers:
            if open_one.server_origin == copy:
                open_one.raise_()
                open_one.activateWindow()
                return
        repo = self._repo()
        raw = repo.raw(message_id)
        if raw is None:
            return
        record = repo.smime_record(message_id)
        readable = repo.readable(message_id) if record is not None else None
        keys = self._keys_to_retry(message_id, record)
        Op(self, lambda: editable_draft(raw, readable, keys)).success(
            lambda editable: self._open_server_draft(copy, editable)
        ).failure(lambda exc: self._draft_refused(message_id, exc)).run()

    def _open_server_draft(self, copy: ServerDraftCopy, editable: EditableDraft) -> None:
        if any(c.server_origin == copy for c in self.composers):
            return  # asked twice while the message was being read
        account_id = identity_account(self.accounts, editable.draft.identity, copy.account_id)
        composer = self.open_composer(editable.draft, account_id)
        composer.server_origin = copy
        composer.local_only = editable.was_encrypted
        notes = [self.tr("Draft taken from the server's Drafts folder.")]
        if editable.was_encrypted:
            notes.append(self._local_only_note())
        if editable.had_html:
            notes.append(self.tr("Its formatting is not kept: only its text is edited here."))
        if editable.inline_attached:
            notes.append(self.tr("The images shown in its text are attached to it."))
        composer.show_notice(" ".join(notes))

    def _draft_refused(self, message_id: int, exc: BaseException) -> None:
        if isinstance(exc, MssError):
            text = exc.user_message
        else:
            log.error("opening a draft for editing failed", exc_info=exc)
            text = self.tr("This draft could not be opened for editing. It stays unchanged.")
        self._draft_not_editable(message_id, text)

    def _draft_not_editable(self, message_id: int, text: str) -> None:
        self.reader.draft_not_editable(message_id, text)
        self._say(text)

    def _save_draft_quietly(self, composer: ComposerDialog) -> None:
        fields = composer.fields()
        account = composer.current_account()
        if account is None or account.id is None:
            return
        if not any(fields.get(k) for k in ("to", "cc", "bcc", "subject", "text")):
            return
        composer.draft_id = self.drafts.save_now(
            account.id,
            fields,
            _buildable(composer),
            composer.draft_id,
            _origin(composer),
            local_only=composer.local_only,
        )
        composer.server_origin = None

    # -- actions on the selected message -----------------------------------------------------
    def _build_message_actions(self) -> None:
        self.menu = QMenu(self)
        self.edit_draft_action = self.menu.addAction(self.tr("Edit draft"))
        self.edit_draft_action.triggered.connect(lambda: self.edit_draft())
        self.unread_action = self.menu.addAction(self.tr("Mark as unread"))
        self.unread_action.triggered.connect(lambda: self.mark_current(seen=False))
        self.flag_action = self.menu.addAction(self.tr("Flag for follow-up"))
        self.flag_action.setCheckable(True)
        self.flag_action.triggered.connect(self.toggle_flag_current)
        self.menu.addSeparator()
        self.archive_action = self.menu.addAction(self.tr("Archive"))
        self.archive_action.triggered.connect(self.archive_current)
        self.delete_action = self.menu.addAction(self.tr("Delete"))
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete_current)
        self.list_view.addAction(self.delete_action)

    def _show_context_menu(self, position: QPoint) -> None:
        message_id = self.current_message_id()
        if message_id is None:
            return
        row = self._repo().message(message_id)
        self.flag_action.setChecked(bool(row and row.flagged))
        in_drafts = DraftStore(self._store()).drafts_folder_copy(message_id) is not None
        self.edit_draft_action.setVisible(in_drafts)
        self.menu.popup(self.list_view.viewport().mapToGlobal(position))

    def _current_context(self) -> tuple[int, int, str] | None:
        """(message id, account id, folder name) of the selected message."""
        message_id = self.current_message_id()
        if message_id is None:
            return None
        repo = self._repo()
        row = repo.message(message_id)
        folder = repo.folder(row.folder_id) if row is not None else None
        if folder is None:
            return None
        return message_id, folder.account_id, folder.name

    def _after_local_change(self, account_id: int, folder: str, *, rows_left: bool) -> None:
        if rows_left:
            number = self.list_view.currentIndex().row()
            self.list_model.refresh()
            self.reader.clear()
            if self.list_model.rowCount():
                self.list_view.selectRow(min(number, self.list_model.rowCount() - 1))
        else:
            self.list_model.refresh()
        self.folder_model.update_counts(account_id)
        if self.workers is not None:
            self.workers.sync_folder(account_id, folder)

    def mark_current(self, *, seen: bool) -> None:
        context = self._current_context()
        if context is None:
            return
        message_id, account_id, folder = context
        message_actions.set_seen(self._repo(), [message_id], seen)
        self.list_model.mark_seen(message_id, seen)
        self.folder_model.update_counts(account_id)
        if self.workers is not None:
            self.workers.sync_folder(account_id, folder)

    def toggle_flag_current(self) -> None:
        context = self._current_context()
        if context is None:
            return
        message_id, account_id, folder = context
        row = self._repo().message(message_id)
        message_actions.set_flagged(self._repo(), [message_id], not (row and row.flagged))
        if self.workers is not None:
            self.workers.sync_folder(account_id, folder)

    def delete_current(self) -> None:
        context = self._current_context()
        if context is None:
            return
        message_id, account_id, folder = context
        try:
            message_actions.delete(self._repo(), account_id, [message_id])
        except ReadOnlyFolderError:
            self._refuse_read_only(account_id, folder)
            return
        self._after_local_change(account_id, folder, rows_left=True)
        self._say(self.tr("Message deleted."))

    def archive_current(self) -> None:
        context = self._current_context()
        if context is None:
            return
        message_id, account_id, folder = context
        try:
            archived = message_actions.archive_locally(self._repo(), account_id, [message_id])
        except ReadOnlyFolderError:
            self._refuse_read_only(account_id, folder)
            return
        if archived:
            self._after_local_change(account_id, folder, rows_left=True)
        elif self.workers is not None and self.workers.archive(account_id, [message_id]):
            # No Archive folder yet: the worker creates it on the server first.
            self._say(self.tr("Archiving…"))
            return
        else:
            self._say(self.tr("This account has no Archive folder yet."))
            return
        self._say(self.tr("Message archived."))

    def _refuse_read_only(self, account_id: int, folder: str) -> None:
        """Delete or archive asked in a folder the server opens read-only: nothing changed."""
        self._say(
            self.tr(
                "The folder “%1” is read-only on the server: its messages can be neither "
                "moved nor deleted. Nothing was changed."
            ).replace("%1", self._folder_title(account_id, folder))
        )

    # -- accounts and sync -----------------------------------------------------------------------
    def add_account(self) -> AccountDialog:
        dialog = AccountDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._account_accepted(dialog))
        dialog.open()
        return dialog

    def edit_account(self, account_id: int) -> AccountDialog | None:
        account = self._account(account_id)
        if account is None:
            return None
        dialog = AccountDialog(self, account=account)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._account_accepted(dialog))
        dialog.open()
        return dialog

    def _account_accepted(self, dialog: AccountDialog) -> None:
        try:
            account = save_from_dialog(lambda a: save_account(self._store(), a), dialog)
        except MssError as exc:
            self._say(exc.user_message)
            return
        finally:
            dialog.clear_sensitive()
        self._say(self.tr("Account %1 saved.").replace("%1", account.address))
        current = self.list_model.folder_id
        self.accounts = load_accounts(self._store())
        self.folder_model.load(self.accounts)
        if current is not None:
            self.folder_tree.select_folder(current)
        if self.workers is not None:
            self.workers.restart(account)
            self.workers.start(self.accounts)
        self._update_actions()

    def sync_now(self) -> None:
        if self.workers is None:
            self._say(self.tr("Synchronisation is not available in this session."))
            return
        self.workers.sync_now()
        self._say(self.tr("Checking mail…"))

    def _on_worker_not_started(self, account: Account, reason: str) -> None:
        self._say(self.tr("%1: %2").replace("%1", account.address).replace("%2", reason))

    def _on_event(self, event: object) -> None:
        if isinstance(event, SyncProgress):
            self.sync_progress.emit(event.done, event.total)
            if event.total:
                self._say(
                    self.tr("Synchronising %1: %2 of %3")
                    .replace("%1", self._folder_title(event.account_id, event.folder))
                    .replace("%2", str(event.done))
                    .replace("%3", str(event.total))
                )
        elif isinstance(event, FolderSynced):
            self.sync_progress.emit(0, 0)
            self._after_sync(event)
        elif isinstance(event, ConnectionStateChanged):
            self.connection_changed.emit(self.tr("Online") if event.online else self.tr("Offline"))
        elif isinstance(event, OutboxChanged):
            with contextlib.suppress(MssError):  # locked meanwhile: nothing to show
                self.outbox_panel.reload()
            if event.state == "sent":
                self._say(self.tr("Message sent."))
            elif event.state == "failed":
                self._say(self.tr("Sending failed: %1").replace("%1", event.detail))
        elif isinstance(event, ServerDraftsSynced):
            if event.uploaded:  # removals alone (after sending) need no word
                self._say(self.tr("Draft also saved on the server."))
            self._show_drafts_folder_change(event.account_id)
        elif isinstance(event, WorkerError):
            self._say(event.user_message)

    def _show_drafts_folder_change(self, account_id: int) -> None:
        """Copies went up or were removed: the Drafts folder list follows (removed copies
        are already forgotten; the new ones come with a sync of the folder)."""
        try:
            folder = MailRepository(self._store()).folder_by_role(account_id, "drafts")
        except MssError:
            return  # locked meanwhile
        if folder is None:
            return
        if folder.id == self.list_model.folder_id:
            selected = self.current_message_id()
            self.list_model.refresh()
            number = self.list_model.row_of(selected) if selected is not None else -1
            if number >= 0:  # still there: keep it selected, without re-opening it
                self.list_view.selectionModel().blockSignals(True)
                self.list_view.selectRow(number)
                self.list_view.selectionModel().blockSignals(False)
            elif selected is not None:  # the copy shown was removed
                self.reader.clear()
                self._update_actions()
        self.folder_model.update_counts(account_id)
        if self.workers is not None:
            self.workers.sync_folder(account_id, folder.name)

    def _folder_title(self, account_id: int, name: str) -> str:
        """What the folder tree calls it: the special folders by their role, in the
        interface's language; any other by its name on the server."""
        try:
            folder = MailRepository(self._store()).folder_by_name(account_id, name)
        except MssError:
            return name  # locked meanwhile
        return (role_title(folder.role) if folder is not None else "") or name

    def _after_sync(self, event: FolderSynced) -> None:
        try:
            store = self._store()
        except MssError:
            return  # locked meanwhile
        repo = MailRepository(store)
        known = set(self.folder_model.folder_ids())
        folders = {f.id for f in repo.folders(event.account_id)}
        if not folders <= known:
            current = self.list_model.folder_id
            self.folder_model.load(self.accounts)
            if current is not None:
                self.folder_tree.select_folder(current)
            elif self._current_account_id is None:
                self._select_first_inbox()
        else:
            self.folder_model.update_counts(event.account_id)
        folder = repo.folder_by_name(event.account_id, event.folder)
        if (
            folder is not None
            and folder.id == self.list_model.folder_id
            and (event.added or event.removed or event.flags_changed)
        ):
            selected = self.current_message_id()
            self.list_model.refresh()
            if self.list_model.rowCount():
                self.empty_label.hide()
            if selected is not None:
                number = self.list_model.row_of(selected)
                if number >= 0:
                    self.list_view.selectionModel().blockSignals(True)
                    self.list_view.selectRow(number)
                    self.list_view.selectionModel().blockSignals(False)
        if event.added:
            title = (role_title(folder.role) if folder is not None else "") or event.folder
            self._say(self.tr("%1: %n new message(s).", "", event.added).replace("%1", title))

    def _update_actions(self) -> None:
        has_message = self.current_message_id() is not None
        for button in (self.reply_button, self.reply_all_button, self.forward_button):
            button.setEnabled(has_message)
        self.new_button.setEnabled(bool(self.accounts))
        self.sync_button.setEnabled(bool(self.accounts))
        self.drafts_button.setEnabled(bool(self.accounts))


def _origin(composer: ComposerDialog) -> ServerDraftCopy | None:
    """The server copy a composer's new draft adopts (none once it is a local draft)."""
    return composer.server_origin if composer.draft_id is None else None


def _buildable(composer: ComposerDialog) -> Draft | None:
    """The composer's message for the server copy; None while an address is half typed."""
    try:
        return composer.draft()
    except MssError:
        return None
