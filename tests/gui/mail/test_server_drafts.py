"""The mail area over real servers (Dovecot + Postfix on loopback, and the embedded
sandbox): drafts the composer saves reach the server's Drafts folder, are replaced when
saved again and removed once sent or discarded; a refusal is told in French with the
server's words; the status bar names the special folders in French."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from email.header import decode_header, make_header

import pytest

from mssclient.gui.mail import MailArea
from mssclient.gui.mail.composer import ComposerDialog
from mssclient.gui.mail.drafts_store import DraftStore
from mssclient.gui.mail.operations import wait_for_operations
from mssclient.mailstore import MailRepository
from mssclient.store import Store
from mssclient.transport.accounts import Account, PasswordAuth
from mssclient.transport.events import FolderSynced, OutboxChanged, ServerDraftsSynced
from mssclient.transport.imap_connection import connect_imap
from tests.gui.mail.live_area import live_mail_area
from tests.integration.mail.conftest import MailEnv, _real_servers, _sandbox
from tests.integration.mail.messages import build, crlf
from tests.integration.servers import (
    missing_prerequisites,
    start_mail_servers,
    stop_mail_servers,
)

pytestmark = pytest.mark.integration

SAVED_ON_SERVER = "Brouillon enregistré aussi sur le serveur."


@pytest.fixture(scope="module", params=["dovecot", "sandbox"])
def mail_env(request: pytest.FixtureRequest, tmp_path_factory) -> Iterator[MailEnv]:
    """Each backend once for this module (the integration suite has its own)."""
    if request.param == "sandbox":
        yield from _sandbox(tmp_path_factory.mktemp("gui-mail-sandbox"))
        return
    missing = missing_prerequisites()
    if missing:
        pytest.skip("real mail servers unavailable: " + "; ".join(missing))
    servers = start_mail_servers()
    try:
        yield _real_servers(servers)
    finally:
        stop_mail_servers(servers)


@dataclass
class Session:
    area: MailArea
    store: Store
    account: Account
    auth: PasswordAuth
    colleague: str  # another mailbox on the same server
    events: list[object]
    statuses: list[str]

    def drafts_folder(self) -> str | None:
        assert self.account.id is not None
        folder = MailRepository(self.store).folder_by_role(self.account.id, "drafts")
        return folder.name if folder is not None else None

    def server_drafts(self) -> list[tuple[str, bool]]:
        """(subject, marked \\Draft) of each message in the server's Drafts folder."""
        folder = self.drafts_folder()
        if folder is None:
            return []
        client = connect_imap(self.account, self.auth)
        try:
            if not client.folder_exists(folder):
                return []
            client.select_folder(folder, readonly=True)
            found = client.fetch(client.search("ALL"), [b"ENVELOPE", b"FLAGS"])
            return sorted(
                (_text(data[b"ENVELOPE"].subject), b"\\Draft" in data[b"FLAGS"])
                for data in found.values()
            )
        finally:
            client.logout()

    def uploads(self) -> int:  # ServerDraftsSynced events that put drafts up
        return sum(1 for e in self.events if isinstance(e, ServerDraftsSynced) and e.uploaded)


def _text(subject: bytes) -> str:
    return str(make_header(decode_header(subject.decode())))


@pytest.fixture
def session(
    qtbot, mail_env: MailEnv, temp_store: Store, store_key: bytes, mail_french: None
) -> Iterator[Session]:
    account, auth = mail_env.new_account(temp_store, "brouillon")
    area = live_mail_area(qtbot, temp_store, store_key, auth)
    colleague = mail_env.create_user(f"secretariat{account.id}x{id(area)}", "pw-secretariat")
    opened = Session(area, temp_store, account, auth, colleague, [], [])
    assert area.workers is not None
    area.workers.transport_event.connect(opened.events.append)
    area.status_changed.connect(opened.statuses.append)
    try:
        area.restore_sensitive()
        qtbot.waitUntil(
            lambda: any(isinstance(e, FolderSynced) for e in opened.events), timeout=60_000
        )
        yield opened
    finally:
        for composer in list(area.composers):
            composer.reject()
        area.shutdown()
        wait_for_operations()


def _write(session: Session, subject: str) -> ComposerDialog:
    composer = session.area.open_composer(account_id=session.account.id)
    composer.to_edit.setText(session.account.address)
    composer.bcc_edit.setText(session.colleague)
    composer.subject_edit.setText(subject)
    composer.body_edit.setPlainText("Plaie du talon : pansement hydrocellulaire.\n")
    return composer


def _save_and_wait_upload(qtbot, session: Session, composer: ComposerDialog) -> None:
    before = session.uploads()
    composer.save_button.click()
    qtbot.waitUntil(lambda: session.uploads() > before, timeout=60_000)


def test_saved_draft_goes_up_is_replaced_then_removed_once_sent(qtbot, session: Session):
    composer = _write(session, "Avis plaie")
    _save_and_wait_upload(qtbot, session, composer)
    assert session.server_drafts() == [("Avis plaie", True)]
    assert SAVED_ON_SERVER in session.statuses
    saved = DraftStore(session.store).load(composer.draft_id or 0)
    assert saved is not None and saved.raw is not None
    assert b"Subject: Avis plaie" in saved.raw
    assert f"Bcc: {session.colleague}".encode() in saved.raw, "a draft keeps its Bcc"

    composer.subject_edit.setText("Avis plaie (suite)")
    _save_and_wait_upload(qtbot, session, composer)
    qtbot.waitUntil(
        lambda: session.server_drafts() == [("Avis plaie (suite)", True)], timeout=30_000
    )
    assert len(DraftStore(session.store).list()) == 1

    with qtbot.waitSignal(composer.finished, timeout=10_000):
        composer.send_button.click()
    qtbot.waitUntil(lambda: session.server_drafts() == [], timeout=60_000)
    assert DraftStore(session.store).list() == []
    qtbot.waitUntil(
        lambda: any(isinstance(e, OutboxChanged) and e.state == "sent" for e in session.events),
        timeout=60_000,
    )


def test_a_draft_without_recipient_goes_up_and_discarding_removes_it(qtbot, session: Session):
    composer = session.area.open_composer(account_id=session.account.id)
    composer.subject_edit.setText("Idées pour la réunion")
    _save_and_wait_upload(qtbot, session, composer)
    assert session.server_drafts() == [("Idées pour la réunion", True)]

    with qtbot.waitSignal(composer.finished, timeout=10_000):
        composer.discard_button.click()
    qtbot.waitUntil(lambda: session.server_drafts() == [], timeout=60_000)
    assert DraftStore(session.store).list() == []
    assert session.statuses[-1] == "Brouillon supprimé."


def test_a_refused_upload_is_told_in_french_and_the_draft_stays_here(qtbot, session: Session):
    composer = _write(session, "Compte rendu")
    _save_and_wait_upload(qtbot, session, composer)
    assert session.account.id is not None
    repo = MailRepository(session.store)
    known = repo.folder_by_role(session.account.id, "drafts")
    assert known is not None
    # The folder the last sync knew as Drafts is gone from the server (Dovecot re-creates
    # its own "Drafts" on demand, so the local knowledge is what changes here).
    folder = "Brouillons disparus"
    repo.upsert_folder(session.account.id, known.name, delimiter=known.delimiter, role="")
    repo.upsert_folder(session.account.id, folder, delimiter=known.delimiter, role="drafts")

    composer.body_edit.setPlainText("Version corrigée.\n")
    composer.save_button.click()
    qtbot.waitUntil(
        lambda: any("n'a pas pu être enregistré" in s for s in session.statuses), timeout=60_000
    )
    refusal = next(s for s in session.statuses if "n'a pas pu être enregistré" in s)
    assert f"« {folder} »" in refusal and "réponse du serveur" in refusal
    kept = DraftStore(session.store).load(composer.draft_id or 0)
    assert kept is not None and kept.content["text"] == "Version corrigée.\n"


def test_new_mail_is_announced_with_the_folder_names_the_tree_shows(
    qtbot, session: Session, mail_env: MailEnv
):
    address = session.account.address
    mail_env.deliver(address, crlf(build("dr.leroy@example.test", address, "Résultats", "Bonjour")))
    client = connect_imap(session.account, session.auth)
    try:
        for folder in ("Sent", "Projets"):
            if not client.folder_exists(folder):
                client.create_folder(folder)
            client.append(folder, crlf(build(address, "x@example.test", folder, "Texte")))
    finally:
        client.logout()
    session.area.sync_now()
    wanted = {
        "Boîte de réception\xa0: 1 nouveau message.",
        "Envoyés\xa0: 1 nouveau message.",
        "Projets\xa0: 1 nouveau message.",
    }
    qtbot.waitUntil(lambda: wanted <= set(session.statuses), timeout=60_000)
    assert not any(s.startswith(("INBOX", "Sent")) for s in session.statuses)
