"""A draft another client put in the server's Drafts folder, edited here, over real servers
(Dovecot + Postfix, and the embedded sandbox).

The draft is APPENDed straight over IMAP (as Thunderbird or a webmail does), synced, opened
for editing from the reader ("Modifier le brouillon"), changed and saved: the server then
holds exactly one draft, with the new text, and the old UID is gone. Sending it removes the
server copy; discarding it too; a malformed one is refused and stays on the server. One
that was S/MIME-encrypted (and decrypted here with the user's key) is edited and saved on
this computer only: no copy in clear goes up, the encrypted one stays until it is sent.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from mssclient.gui.i18n import install_translators, remove_translators
from mssclient.gui.mail import MailArea
from mssclient.gui.mail.composer import ComposerDialog
from mssclient.gui.mail.drafts_store import DraftStore
from mssclient.gui.mail.operations import wait_for_operations
from mssclient.mailstore import MailRepository
from mssclient.security.smime import Identity
from mssclient.security.smime.build import encrypt_message
from mssclient.security.smime.repository import CertificateRepository
from mssclient.store import Store
from mssclient.transport.accounts import Account, PasswordAuth
from mssclient.transport.events import FolderSynced, OutboxChanged, ServerDraftsSynced
from mssclient.transport.imap_connection import connect_imap
from tests.gui.mail.live_area import live_mail_area
from tests.integration.mail.conftest import MailEnv
from tests.unit.smime.pki import _key, make_ca, make_user

pytestmark = pytest.mark.integration

PDF = b"%PDF-1.4\n" + bytes(range(256)) * 8
WAIT = 60_000
LOCAL_ONLY_NOTICE = (
    "Ce brouillon était chiffré\xa0: il est enregistré sur cet ordinateur seulement, pas sur le "
    "serveur."
)


def _thunderbird_draft(account: Account, colleague: str) -> bytes:
    """A reply draft as another client saves it: text and HTML, a PDF, Bcc, threading."""
    message = EmailMessage()
    message["From"] = f"Brouillon <{account.address}>"
    message["To"] = f'"Lefèvre, Jeanne (Dr)" <{colleague}>'
    message["Bcc"] = account.address
    message["Subject"] = "Re: Plaie du talon — Mme Hélène Dupont"
    message["Message-ID"] = f"<foreign-{os.getpid()}@autre-client.test>"
    message["In-Reply-To"] = "<avis-1@ch-exemple.test>"
    message["References"] = "<avis-1@ch-exemple.test>"
    message["X-Mozilla-Draft-Info"] = "internal/draft; vcard=0; receipt=0; DSN=0; uuencode=0"
    message.set_content("Bonjour,\n\nPremière version écrite ailleurs.\n")
    message.add_alternative("<p>Bonjour,</p><p>Première version écrite ailleurs.</p>", "html")
    message.add_attachment(PDF, maintype="application", subtype="pdf", filename="bilan.pdf")
    return message.as_bytes(policy=policy.SMTP)


BROKEN = (
    b"From: someone@example.test\r\nSubject: Brouillon coupe\r\n"
    b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\n'
    b"Content-Type: text/plain; charset=utf-8\r\n\r\nD\xc3\xa9but seulement\r\n"
)


@dataclass
class Session:
    area: MailArea
    store: Store
    account: Account
    auth: PasswordAuth
    colleague: str
    folder: str  # the Drafts folder, as the sync named it
    events: list[object]
    statuses: list[str]

    def account_id(self) -> int:
        assert self.account.id is not None
        return self.account.id

    def append(self, raw: bytes) -> int:
        """What another client does: APPEND to Drafts with \\Draft; returns the new UID."""
        client = connect_imap(self.account, self.auth)
        try:
            client.select_folder(self.folder)
            before = set(client.search("ALL"))
            client.append(self.folder, raw, flags=[b"\\Draft", b"\\Seen"])
            client.noop()
            [uid] = set(client.search("ALL")) - before
            return int(uid)
        finally:
            client.logout()

    def on_server(self) -> dict[int, bytes]:
        """UID -> raw message of everything in the server's Drafts folder."""
        client = connect_imap(self.account, self.auth)
        try:
            client.select_folder(self.folder, readonly=True)
            uids = client.search("ALL")
            if not uids:
                return {}
            found = client.fetch(uids, [b"BODY.PEEK[]"])
            # A copy the worker expunges between SEARCH and FETCH comes back without a body
            # (Dovecot: BODY[] NIL): it is gone.
            return {
                uid: bytes(data[b"BODY[]"])
                for uid, data in found.items()
                if data.get(b"BODY[]") is not None
            }
        finally:
            client.logout()

    def synced(self, uid: int) -> int | None:
        """Local id of the message the sync stored for that UID of the Drafts folder."""
        repo = MailRepository(self.store)
        folder = repo.folder_by_name(self.account_id(), self.folder)
        row = repo.message_by_uid(folder.id, uid) if folder is not None else None
        return row.id if row is not None else None

    def uploads(self) -> int:
        return sum(1 for e in self.events if isinstance(e, ServerDraftsSynced) and e.uploaded)


def _plain(raw: bytes) -> str:
    message = message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    return str(body.get_content()).replace("\r\n", "\n")


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "fr")
    assert translators
    try:
        yield
    finally:
        remove_translators(qapp, translators)


@pytest.fixture
def session(
    qtbot, mail_env: MailEnv, temp_store: Store, store_key: bytes, french: None
) -> Iterator[Session]:
    account, auth = mail_env.new_account(temp_store, "brouillon")
    colleague = mail_env.create_user(f"lefevre{account.id}x{os.getpid()}", "pw-lefevre")
    # The Drafts folder exists before the first sync, as on a mailbox used elsewhere.
    client = connect_imap(account, auth)
    try:
        if not client.folder_exists("Drafts"):
            client.create_folder("Drafts")
    finally:
        client.logout()
    area = live_mail_area(qtbot, temp_store, store_key, auth)
    events: list[object] = []
    statuses: list[str] = []
    assert area.workers is not None
    area.workers.transport_event.connect(events.append)
    area.status_changed.connect(statuses.append)
    try:
        area.restore_sensitive()
        qtbot.waitUntil(lambda: any(isinstance(e, FolderSynced) for e in events), timeout=WAIT)
        assert account.id is not None
        qtbot.waitUntil(
            lambda: MailRepository(temp_store).folder_by_role(account.id, "drafts") is not None,
            timeout=WAIT,
        )
        drafts = MailRepository(temp_store).folder_by_role(account.id, "drafts")
        assert drafts is not None
        yield Session(area, temp_store, account, auth, colleague, drafts.name, events, statuses)
    finally:
        for composer in list(area.composers):
            composer.reject()
        area.shutdown()
        wait_for_operations()
        # Events the stopped workers sent last reach the area while its store is open
        # (the app's store provider refuses once locked; this test's cannot).
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()


def _sync_until_stored(qtbot, session: Session, uid: int) -> int:
    session.area.sync_now()
    qtbot.waitUntil(lambda: session.synced(uid) is not None, timeout=WAIT)
    message_id = session.synced(uid)
    assert message_id is not None
    return message_id


def _open_in_reader(qtbot, session: Session, message_id: int) -> None:
    area = session.area
    folder = MailRepository(session.store).folder_by_name(session.account_id(), session.folder)
    assert folder is not None
    area.folder_tree.select_folder(folder.id)
    qtbot.waitUntil(lambda: area.list_model.row_of(message_id) >= 0, timeout=WAIT)
    area.list_view.selectRow(area.list_model.row_of(message_id))
    qtbot.waitUntil(
        lambda: area.reader.current is not None and area.reader.current.message_id == message_id,
        timeout=WAIT,
    )
    assert area.reader.draft_banner.isVisibleTo(area.reader)


def _edit(qtbot, session: Session, message_id: int) -> ComposerDialog:
    _open_in_reader(qtbot, session, message_id)
    button = session.area.reader.edit_draft_button
    assert button.text() == "Modifier le brouillon"
    button.click()
    qtbot.waitUntil(lambda: len(session.area.composers) == 1, timeout=WAIT)
    return session.area.composers[0]


def test_a_foreign_draft_edited_here_replaces_the_server_copy_then_goes_once_sent(
    qtbot, session: Session
):
    old_uid = session.append(_thunderbird_draft(session.account, session.colleague))
    message_id = _sync_until_stored(qtbot, session, old_uid)
    composer = _edit(qtbot, session, message_id)
    assert composer.subject_edit.text() == "Re: Plaie du talon — Mme Hélène Dupont"
    assert composer.to_edit.text() == f'"Lefèvre, Jeanne (Dr)" <{session.colleague}>'
    assert composer.bcc_edit.text() == session.account.address
    assert composer.body_edit.toPlainText() == "Bonjour,\n\nPremière version écrite ailleurs."
    assert [(a.filename, a.data) for a in composer.draft().attachments] == [("bilan.pdf", PDF)]

    composer.body_edit.setPlainText("Bonjour,\n\nVersion corrigée ici : pansement à J+2.\n")
    before = session.uploads()
    composer.save_button.click()
    qtbot.waitUntil(lambda: session.uploads() > before, timeout=WAIT)
    qtbot.waitUntil(lambda: old_uid not in session.on_server(), timeout=WAIT)
    [(new_uid, raw)] = session.on_server().items()
    assert new_uid != old_uid
    assert _plain(raw) == "Bonjour,\n\nVersion corrigée ici : pansement à J+2.\n"
    assert b"bilan.pdf" in raw, "the attachment stays with the draft"
    sent = message_from_bytes(raw, policy=policy.default)
    assert sent["In-Reply-To"] == "<avis-1@ch-exemple.test>", "a reply draft stays a reply"
    saved = DraftStore(session.store).load(composer.draft_id or 0)
    assert saved is not None and saved.server_uid == new_uid and saved.on_server
    # Locally, the replaced copy is gone from the Drafts folder; the new one maps to the draft.
    assert session.synced(old_uid) is None
    qtbot.waitUntil(lambda: session.synced(new_uid) is not None, timeout=WAIT)
    local = DraftStore(session.store)
    copy = local.drafts_folder_copy(session.synced(new_uid) or 0)
    assert copy is not None and local.for_server_copy(copy) == saved

    with qtbot.waitSignal(composer.finished, timeout=10_000):
        composer.send_button.click()
    qtbot.waitUntil(lambda: session.on_server() == {}, timeout=WAIT)
    assert DraftStore(session.store).list() == []
    qtbot.waitUntil(
        lambda: any(isinstance(e, OutboxChanged) and e.state == "sent" for e in session.events),
        timeout=WAIT,
    )


def test_a_foreign_draft_discarded_unsaved_leaves_the_server(qtbot, session: Session):
    uid = session.append(_thunderbird_draft(session.account, session.colleague))
    composer = _edit(qtbot, session, _sync_until_stored(qtbot, session, uid))
    with qtbot.waitSignal(composer.finished, timeout=10_000):
        composer.discard_button.click()
    qtbot.waitUntil(lambda: session.on_server() == {}, timeout=WAIT)
    assert "Brouillon supprimé." in session.statuses
    assert DraftStore(session.store).list() == []


def test_a_malformed_foreign_draft_is_refused_and_stays_on_the_server(qtbot, session: Session):
    uid = session.append(BROKEN)
    message_id = _sync_until_stored(qtbot, session, uid)
    _open_in_reader(qtbot, session, message_id)
    reader = session.area.reader
    reader.edit_draft_button.click()
    qtbot.waitUntil(lambda: not reader.edit_draft_button.isEnabled(), timeout=WAIT)
    assert "mal formé" in reader.draft_label.text()
    assert session.area.composers == []
    assert list(session.on_server()) == [uid]
    assert DraftStore(session.store).list() == []


def _own_identity(session: Session) -> Identity:
    """A certificate and key for the session's address, kept in its store (so the sync
    decrypts what was encrypted to it)."""
    ca_key = _key("foreign-drafts-ca")
    ca = make_ca("MSSClient Test Brouillons CA", ca_key)
    key = _key("foreign-drafts-user")
    certificate = make_user("Brouillon", session.account.address, key, (ca, ca_key))
    identity = Identity(certificate, key, (ca,))
    CertificateRepository(session.store).add_identity(identity)
    return identity


def _worker_caught_up(qtbot, session: Session) -> None:
    """A sync asked now has begun once a folder of it is synced: every command the worker
    was given before (the drafts pass a save asks for) has run by then."""
    before = len(session.events)
    session.area.sync_now()
    qtbot.waitUntil(
        lambda: any(isinstance(e, FolderSynced) for e in session.events[before:]),
        timeout=WAIT,
    )


def test_an_encrypted_foreign_draft_is_kept_here_never_uploaded_in_clear(qtbot, session: Session):
    identity = _own_identity(session)
    encrypted = encrypt_message(
        _thunderbird_draft(session.account, session.colleague), [identity.certificate]
    )
    old_uid = session.append(encrypted)
    message_id = _sync_until_stored(qtbot, session, old_uid)
    composer = _edit(qtbot, session, message_id)
    assert composer.local_only
    assert LOCAL_ONLY_NOTICE in composer.notice_label.text()
    assert composer.body_edit.toPlainText() == "Bonjour,\n\nPremière version écrite ailleurs."

    composer.body_edit.setPlainText("Bonjour,\n\nVersion corrigée ici, gardée ici.\n")
    composer.save_button.click()
    qtbot.waitUntil(lambda: not session.area.drafts.building, timeout=WAIT)
    _worker_caught_up(qtbot, session)

    # The server holds the original encrypted copy only: nothing in clear went up.
    assert session.uploads() == 0
    on_server = session.on_server()
    assert list(on_server) == [old_uid]
    assert on_server[old_uid].replace(b"\r\n", b"\n") == encrypted.replace(b"\r\n", b"\n")
    # The local draft holds the new text (and the attachment), and is the old copy's.
    saved = DraftStore(session.store).load(composer.draft_id or 0)
    assert saved is not None and saved.local_only and saved.raw is not None
    assert _plain(saved.raw) == "Bonjour,\n\nVersion corrigée ici, gardée ici.\n"
    assert b"bilan.pdf" in saved.raw
    assert (saved.server_folder, saved.server_uid) == (session.folder, old_uid)
    assert session.synced(old_uid) == message_id, "still listed: it is still on the server"

    with qtbot.waitSignal(composer.finished, timeout=10_000):
        composer.send_button.click()
    qtbot.waitUntil(lambda: session.on_server() == {}, timeout=WAIT)
    assert DraftStore(session.store).list() == []
    qtbot.waitUntil(
        lambda: any(isinstance(e, OutboxChanged) and e.state == "sent" for e in session.events),
        timeout=WAIT,
    )
