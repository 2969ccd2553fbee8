"""A folder the server opens read-only (a shared mailbox with IMAP ACL rights "lr").

Dovecot answers SELECT on such a folder with ``OK [READ-ONLY]``, which imaplib turns into
``IMAP4.readonly``, a subclass of ``IMAP4.abort`` ("connection lost"). The sync must EXAMINE
the folder instead, sync it, keep the local flag changes local, refuse moves and deletions
with a French message, and go on with the other folders on the same connection.

Dovecot only, with its ACL plugin (a private instance: the session's shared Dovecot runs
without it). The sandbox's pymap Maildir backend cannot express this: its mailboxes are
always read-write (``MaildirMailbox.readonly`` is hard-wired to False), so the test is not
run there rather than faked.

The Drafts and Sent folders read-only too: old draft copies are left there (their removal
dropped, said once), and the copy of a sent message is dropped after the server's
``NO [NOPERM]`` while the message itself leaves (through a loopback relay into this
Dovecot by LMTP).
"""

from __future__ import annotations

import asyncio
import os
import queue
import shutil
import smtplib
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from email import message_from_bytes
from email.policy import default
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from mssclient.mailstore import MailRepository
from mssclient.mailstore.drafts import DraftStore, ServerDraftCopy
from mssclient.sandbox.certificates import ensure_certificates
from mssclient.security.tls import TrustAnchors
from mssclient.store import Store
from mssclient.transport.accounts import (
    Account,
    PasswordAuth,
    Security,
    ServerSettings,
    save_account,
)
from mssclient.transport.errors import ReadOnlyFolderError
from mssclient.transport.events import (
    ConnectionStateChanged,
    Event,
    FolderSynced,
    OutboxChanged,
    WorkerError,
)
from mssclient.transport.imap_connection import connect_imap, open_folder, select_writable
from mssclient.transport.imap_sync import MailSync
from mssclient.transport.outbox import Outbox
from mssclient.transport.server_drafts import sync_server_drafts
from mssclient.transport.worker import AccountWorker
from tests.integration.mail.messages import build, crlf
from tests.integration.servers import missing_prerequisites
from tests.integration.servers.dovecot import Dovecot
from tests.integration.servers.network import free_port
from tests.integration.servers.users_db import UsersDb

pytestmark = pytest.mark.integration

DOMAIN = "acl.test"
SHARED = "Partage"
STORE_KEY = bytes(range(32))  # the make_store fixture's key


@dataclass
class AclServer:
    dovecot: Dovecot
    users: UsersDb
    ca_path: Path
    counter: int = 0

    def new_user(self) -> tuple[str, str]:
        self.counter += 1
        address = f"lecteur{self.counter}x{os.getpid()}@{DOMAIN}"
        password = f"pw-{self.counter}"
        self.users.add(address, password)
        return address, password

    def doveadm(self, *args: str) -> None:
        command = ["doveadm", "-c", str(self.dovecot.config), *args]
        subprocess.run(command, check=True, capture_output=True, timeout=30)

    def create_folder(self, address: str, name: str) -> None:
        self.doveadm("mailbox", "create", "-u", address, name)

    def put(self, address: str, folder: str, subject: str) -> None:
        raw = crlf(build(f"collegue@{DOMAIN}", address, subject, f"Corps de « {subject} »"))
        if folder == "INBOX":
            self.dovecot.deliver_lmtp(address, raw, f"collegue@{DOMAIN}")
        else:
            self.dovecot.save(address, raw, folder)

    def read_only_for(self, address: str, folder: str = SHARED) -> None:
        """Only lookup and read rights on ``folder`` for this user (as a shared mailbox)."""
        self.dovecot.set_acl([f"{folder} user={address} lr"])

    def all_rights(self) -> None:
        self.dovecot.set_acl([])


@pytest.fixture(scope="module")
def acl_server() -> Iterator[AclServer]:
    missing = missing_prerequisites()
    if missing:
        pytest.skip("real mail servers unavailable: " + "; ".join(missing))
    # Short path (UNIX sockets), traversable by the dovecot user.
    work = Path(tempfile.mkdtemp(prefix="mss-acl-"))
    os.chmod(work, 0o755)  # noqa: S103 - Dovecot's own users must traverse it
    try:
        certs = ensure_certificates(work / "tls", organisation="MSSClient ACL tests")
        users = UsersDb(work / "db" / "users.db")
        dovecot = Dovecot(
            work / "dovecot", certs.cert_path, certs.key_path, DOMAIN, users.path, acl=True
        )
        dovecot.start()
        try:
            yield AclServer(dovecot, users, certs.ca_path)
        finally:
            dovecot.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)


@dataclass
class Reader:
    """One user of the ACL Dovecot, their account in a store and a sync engine."""

    address: str
    account: Account
    auth: PasswordAuth
    repo: MailRepository
    engine: MailSync
    events: list[Event]

    @property
    def account_id(self) -> int:
        assert self.account.id is not None
        return self.account.id

    def folder(self, name: str) -> Any:
        folder = self.repo.folder_by_name(self.account_id, name)
        assert folder is not None
        return folder

    def rows(self, name: str) -> dict[str, Any]:
        return {r.subject: r for r in self.repo.page(self.folder(name).id)}

    def errors(self) -> list[WorkerError]:
        return [e for e in self.events if isinstance(e, WorkerError)]

    def server_flags(self, name: str) -> dict[str, set[bytes]]:
        """Each message's flags as the server has them (own connection, EXAMINE)."""
        client = connect_imap(self.account, self.auth, timeout=20)
        try:
            client.select_folder(name, readonly=True)
            uids = client.search("ALL")
            if not uids:
                return {}
            fetched = client.fetch(uids, [b"FLAGS", b"BODY.PEEK[HEADER.FIELDS (SUBJECT)]"])
            flags = {}
            for data in fetched.values():
                header = bytes(data[b"BODY[HEADER.FIELDS (SUBJECT)]"])
                subject = str(message_from_bytes(header, policy=default)["Subject"])
                flags[subject] = set(data[b"FLAGS"])
            return flags
        finally:
            client.logout()


@pytest.fixture
def reader(
    acl_server: AclServer,
    make_store: Callable[[str], Store],
    make_sync: Callable[..., MailSync],
) -> Reader:
    address, password = acl_server.new_user()
    store = make_store(address)
    account = save_account(
        store,
        Account(
            address=address,
            login=address,
            display_name="Lecteur",
            imap=ServerSettings("127.0.0.1", acl_server.dovecot.imaps_port, Security.TLS),
            smtp=ServerSettings("127.0.0.1", 1, Security.TLS),  # never used here
            trust_anchors=TrustAnchors.CA_FILE,
            ca_file=str(acl_server.ca_path),
        ),
    )
    auth = PasswordAuth(address, password)
    events: list[Event] = []
    engine = make_sync(store, account, auth, on_event=events.append)
    acl_server.create_folder(address, SHARED)
    return Reader(address, account, auth, MailRepository(store), engine, events)


def test_read_only_folder_is_synced_and_local_changes_stay_local(
    acl_server: AclServer, reader: Reader
) -> None:
    acl_server.put(reader.address, SHARED, "Avis partagé 1")
    acl_server.put(reader.address, SHARED, "Avis partagé 2")
    acl_server.put(reader.address, "INBOX", "Courrier 1")
    acl_server.read_only_for(reader.address)

    results = reader.engine.sync_all()

    # Synced like any folder, through EXAMINE, and recorded read-only; INBOX too, writable.
    assert set(reader.rows(SHARED)) == {"Avis partagé 1", "Avis partagé 2"}
    assert results[SHARED].read_only and reader.folder(SHARED).read_only
    assert set(reader.rows("INBOX")) == {"Courrier 1"}
    assert not results["INBOX"].read_only and not reader.folder("INBOX").read_only
    assert not [e for e in reader.events if isinstance(e, ConnectionStateChanged) and not e.online]
    client = reader.engine.client

    # Flag changes on a read-only folder's message: stored here, never sent; the other
    # folders (new mail in INBOX, and in the read-only folder itself) sync in the same run.
    shared_1 = reader.rows(SHARED)["Avis partagé 1"]
    reader.repo.set_flag([shared_1.id], "\\Flagged", True)
    reader.repo.set_flag([shared_1.id], "\\Seen", True)
    acl_server.all_rights()  # Dovecot's ACL applies to its own delivery tools too
    acl_server.put(reader.address, SHARED, "Avis partagé 3")
    acl_server.read_only_for(reader.address)
    acl_server.put(reader.address, "INBOX", "Courrier 2")

    results = reader.engine.sync_all()

    assert results[SHARED].read_only
    assert results[SHARED].added == 1 and results[SHARED].kept_local == 2
    assert results["INBOX"].added == 1
    assert set(reader.rows("INBOX")) == {"Courrier 1", "Courrier 2"}
    shared = reader.rows(SHARED)
    assert set(shared) == {"Avis partagé 1", "Avis partagé 2", "Avis partagé 3"}
    assert shared["Avis partagé 1"].flagged and shared["Avis partagé 1"].seen
    assert reader.server_flags(SHARED)["Avis partagé 1"] == set()
    assert reader.engine.client is client  # the same connection all along
    told = reader.errors()
    assert len(told) == 1
    assert "lecture seule" in told[0].user_message and SHARED in told[0].user_message
    assert len(reader.repo.pending_ops(reader.folder(SHARED).id)) == 2  # kept, not lost

    # Said once: the next sync keeps them without a new message, and still sends nothing.
    reader.engine.sync_all()
    assert len(reader.errors()) == 1
    assert reader.rows(SHARED)["Avis partagé 1"].flagged
    assert reader.server_flags(SHARED)["Avis partagé 1"] == set()

    # Delete asked through the engine: refused before anything changes here.
    shared_2 = reader.rows(SHARED)["Avis partagé 2"]
    with pytest.raises(ReadOnlyFolderError) as caught:
        reader.engine.delete([shared_2.id])
    assert "lecture seule" in caught.value.user_message
    assert "Rien n'a été modifié" in caught.value.user_message
    assert "Avis partagé 2" in reader.rows(SHARED)

    # A deletion already made here (as the message list does, store first): the server
    # keeps the message, it comes back, and the user is told.
    trash = reader.folder("Trash")
    reader.repo.queue_move([shared_2.id], trash.name)
    assert "Avis partagé 2" not in reader.rows(SHARED)
    results = reader.engine.sync_all()
    assert results[SHARED].refused_read_only == 1
    assert "Avis partagé 2" in reader.rows(SHARED)
    assert reader.server_flags("Trash") == {}
    refused = reader.errors()[-1]
    assert "n'a pas pu être déplacé ni supprimé" in refused.user_message
    assert reader.engine.client is client


def test_rights_granted_back_send_the_kept_changes(acl_server: AclServer, reader: Reader) -> None:
    acl_server.put(reader.address, SHARED, "Avis partagé")
    acl_server.read_only_for(reader.address)
    reader.engine.sync_all()
    row = reader.rows(SHARED)["Avis partagé"]
    reader.repo.set_flag([row.id], "\\Flagged", True)
    reader.engine.sync_all()
    assert reader.server_flags(SHARED)["Avis partagé"] == set()

    acl_server.all_rights()
    result = reader.engine.sync_folder(SHARED)

    assert not result.read_only and not reader.folder(SHARED).read_only
    assert reader.server_flags(SHARED)["Avis partagé"] == {b"\\Flagged"}
    assert reader.repo.pending_ops(reader.folder(SHARED).id) == []
    assert reader.rows(SHARED)["Avis partagé"].flagged


def test_folder_turned_read_only_after_a_sync(acl_server: AclServer, reader: Reader) -> None:
    """Rights withdrawn once the folder has a sync point: the QRESYNC SELECT (Dovecot offers
    it) answers [READ-ONLY], which imaplib does not check there; the engine EXAMINEs too."""
    acl_server.put(reader.address, SHARED, "Avis partagé 1")
    acl_server.put(reader.address, "INBOX", "Courrier 1")
    reader.engine.sync_all()
    folder = reader.folder(SHARED)
    # So the next sync of this folder goes through the QRESYNC SELECT.
    assert reader.engine.qresync_enabled and folder.highestmodseq and folder.uidnext
    assert not folder.read_only
    client = reader.engine.client

    acl_server.put(reader.address, SHARED, "Avis partagé 2")
    acl_server.read_only_for(reader.address)
    reader.repo.set_flag([reader.rows(SHARED)["Avis partagé 1"].id], "\\Seen", True)
    acl_server.put(reader.address, "INBOX", "Courrier 2")

    results = reader.engine.sync_all()

    assert results[SHARED].read_only and reader.folder(SHARED).read_only
    assert results[SHARED].added == 1 and results[SHARED].kept_local == 1
    assert results["INBOX"].added == 1
    assert reader.rows(SHARED)["Avis partagé 1"].seen
    assert reader.server_flags(SHARED)["Avis partagé 1"] == set()
    assert reader.engine.client is client
    assert not [e for e in reader.events if isinstance(e, ConnectionStateChanged) and not e.online]


def test_immediate_push_finds_the_folder_read_only(acl_server: AclServer, reader: Reader) -> None:
    """A change through the connected engine is pushed at once: that push meets the
    read-only folder first, keeps the change and keeps the connection."""
    acl_server.put(reader.address, SHARED, "Avis partagé")
    reader.engine.sync_all()
    client = reader.engine.client
    acl_server.read_only_for(reader.address)

    reader.engine.set_flag([reader.rows(SHARED)["Avis partagé"].id], "\\Flagged", True)

    assert reader.folder(SHARED).read_only
    assert reader.rows(SHARED)["Avis partagé"].flagged
    assert reader.server_flags(SHARED)["Avis partagé"] == set()
    assert len(reader.repo.pending_ops(reader.folder(SHARED).id)) == 1
    assert reader.engine.client is client
    assert [e.user_message for e in reader.errors()] == [
        f"Le dossier « {SHARED} » est en lecture seule sur le serveur : ce que vous y marquez "
        "(lu, non lu, suivi) reste marqué sur cet ordinateur seulement, sans être envoyé au "
        "serveur."
    ]


def test_read_only_select_leaves_the_connection_usable(
    acl_server: AclServer, reader: Reader
) -> None:
    """imaplib raises ``readonly`` after the tagged OK and then refuses every command until
    the next SELECT/EXAMINE: the helpers EXAMINE on the same connection, no reconnection."""
    acl_server.put(reader.address, SHARED, "Avis partagé")
    acl_server.read_only_for(reader.address)
    client = connect_imap(reader.account, reader.auth, timeout=20)
    try:
        selected, read_only = open_folder(client, SHARED)
        assert read_only and selected[b"EXISTS"] == 1
        assert client.search("ALL") == [1]

        with pytest.raises(ReadOnlyFolderError) as caught:
            select_writable(client, SHARED)
        assert f"« {SHARED} » est en lecture seule" in caught.value.user_message
        client.noop()  # still usable: the folder was EXAMINEd
        assert select_writable(client, "INBOX")[b"READ-WRITE"]
    finally:
        client.logout()


# -- Drafts and Sent the server opens read-only: the account worker, end to end ---------------
class LmtpRelay:
    """A loopback submission server (aiosmtpd, no login) that hands every message to the
    ACL Dovecot by LMTP, as an MTA does: what it accepted really reaches the mailbox."""

    def __init__(self, dovecot: Dovecot) -> None:
        self.dovecot = dovecot
        self.accepted: list[tuple[list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        raw = bytes(envelope.original_content)
        loop = asyncio.get_running_loop()
        for rcpt in envelope.rcpt_tos:
            await loop.run_in_executor(
                None, self.dovecot.deliver_lmtp, rcpt, raw, envelope.mail_from
            )
        self.accepted.append((list(envelope.rcpt_tos), raw))
        return "250 Message accepted"


class ImapOnlyAuth:
    """The IMAP password login; the loopback relay asks for no SMTP login."""

    def __init__(self, auth: PasswordAuth) -> None:
        self.auth = auth

    def authenticate_imap(self, client: object) -> None:
        self.auth.authenticate_imap(client)

    def authenticate_smtp(self, smtp: smtplib.SMTP) -> None:
        return None


@pytest.fixture
def relay(acl_server: AclServer) -> Iterator[tuple[LmtpRelay, int]]:
    handler = LmtpRelay(acl_server.dovecot)
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield handler, port
    finally:
        controller.stop()
        asyncio.set_event_loop(None)


@dataclass
class Station:
    """The reader's account run by an ``AccountWorker`` on its own thread (no IDLE)."""

    reader: Reader
    worker: AccountWorker
    events: queue.Queue[Event]
    seen: list[Event] = field(default_factory=list)

    def wait(self, predicate: Callable[[Event], bool], seconds: float = 60) -> Event:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                event = self.events.get(timeout=0.2)
            except queue.Empty:
                continue
            self.seen.append(event)
            if predicate(event):
                return event
        raise AssertionError(f"no matching event; saw {self.seen}")

    def settle(self) -> None:
        """Wait until every command queued so far has run (a sync queued last has)."""
        self.worker.sync_now("INBOX")
        self.wait(lambda e: isinstance(e, FolderSynced) and e.folder == "INBOX")
        while not self.events.empty():
            self.seen.append(self.events.get_nowait())

    def errors(self) -> list[WorkerError]:
        return [e for e in self.seen if isinstance(e, WorkerError)]


@pytest.fixture
def start_worker(reader: Reader) -> Iterator[Callable[[Account], Station]]:
    stations: list[Station] = []

    def start(account: Account) -> Station:
        path = reader.repo.store.path
        events: queue.Queue[Event] = queue.Queue()
        worker = AccountWorker(
            lambda: Store.open(path, STORE_KEY, key_known_good=True),
            account,
            ImapOnlyAuth(reader.auth),
            on_event=events.put,
            poll_seconds=3600,
            idle=False,
        )
        station = Station(reader, worker, events)
        stations.append(station)
        worker.start()
        return station

    yield start
    for station in stations:
        station.worker.stop()


def _drafts_folder(reader: Reader) -> Any:
    folder = reader.repo.folder_by_role(reader.account_id, "drafts")
    assert folder is not None and folder.uidvalidity is not None
    return folder


def test_read_only_drafts_keep_old_copies_and_say_so_once(
    acl_server: AclServer, reader: Reader, start_worker: Callable[[Account], Station]
) -> None:
    """Drafts sent or discarded here whose server copies the folder will not let go: the
    removals are dropped (not retried at every sync, not a lost connection), the copies
    stay, and the user hears it once."""
    acl_server.put(reader.address, "Drafts", "Brouillon d'ailleurs 1")
    acl_server.put(reader.address, "Drafts", "Brouillon d'ailleurs 2")
    reader.engine.sync_all()
    folder = _drafts_folder(reader)
    drafts = DraftStore(reader.repo.store)
    for row in reader.repo.page(folder.id):  # both sent or discarded here, never saved
        drafts.queue_removal(
            ServerDraftCopy(reader.account_id, folder.name, folder.uidvalidity, row.uid)
        )
    acl_server.read_only_for(reader.address, "Drafts")

    station = start_worker(reader.account)
    told = station.wait(lambda e: isinstance(e, WorkerError))
    assert isinstance(told, WorkerError)
    assert told.user_message == (
        "Le dossier « Drafts » est en lecture seule sur le serveur : les anciennes copies de "
        "2 brouillons (remplacés, envoyés ou supprimés ici) n'ont pas pu y être effacées ; "
        "elles y restent."
    )
    station.settle()
    assert drafts.pending_removals(reader.account_id) == [], "dropped, not retried"
    assert reader.folder("Drafts").read_only
    assert set(reader.server_flags("Drafts")) == {
        "Brouillon d'ailleurs 1",
        "Brouillon d'ailleurs 2",
    }
    assert set(reader.rows("Drafts")) == {"Brouillon d'ailleurs 1", "Brouillon d'ailleurs 2"}

    # Asked again (a save, a sync): nothing left to try, nothing more said.
    station.worker.sync_drafts()
    station.worker.sync_now()
    station.settle()
    assert station.errors() == [told]
    assert not [e for e in station.seen if isinstance(e, ConnectionStateChanged) and not e.online]


def test_read_only_sent_delivers_and_drops_the_copy_once(
    acl_server: AclServer,
    reader: Reader,
    relay: tuple[LmtpRelay, int],
    start_worker: Callable[[Account], Station],
) -> None:
    """The message leaves; its copy for Sent is refused for lack of rights (NO [NOPERM]):
    dropped after that one refusal, the user told in French that the message did go."""
    handler, port = relay
    account = save_account(
        reader.repo.store,
        replace(reader.account, smtp=ServerSettings("127.0.0.1", port, Security.PLAIN)),
    )
    acl_server.read_only_for(reader.address, "Sent")
    outbox = Outbox(reader.repo.store)
    message = build(reader.address, reader.address, "Compte rendu de garde", "Texte.")
    outbox_id = outbox.enqueue(reader.account_id, crlf(message), reader.address, [reader.address])

    station = start_worker(account)
    sent = station.wait(lambda e: isinstance(e, OutboxChanged) and e.state != "queued")
    assert isinstance(sent, OutboxChanged) and sent.state == "sent", sent
    told = station.wait(lambda e: isinstance(e, WorkerError))
    assert isinstance(told, WorkerError)
    assert told.user_message == (
        "Le message a bien été envoyé, mais sa copie n'a pas pu être classée dans « Envoyés » : "
        "le dossier « Sent » est en lecture seule sur le serveur. Le message lui-même a bien "
        "été remis au serveur d'envoi."
    )
    assert "[NOPERM] Permission denied" in told.detail  # Dovecot's words, kept for the log
    station.settle()

    # Delivered: the relay took it and it is in the INBOX; Sent holds nothing.
    assert [rcpts for rcpts, _raw in handler.accepted] == [[reader.address]]
    assert "Compte rendu de garde" in reader.server_flags("INBOX")
    assert reader.server_flags("Sent") == {}
    # Nothing left to append: no retry at the next run, nothing more said.
    item = outbox.item(outbox_id)
    assert item is not None and item.state == "sent" and item.sent_copy_saved
    pending = reader.repo.store.scalar(
        "SELECT count(*) FROM mail_outbox WHERE state = 'sent' AND sent_copy_saved = 0"
    )
    assert pending == 0
    station.worker.send_now()
    station.settle()
    assert station.errors() == [told]


@pytest.mark.parametrize("known_read_only", [False, True])
def test_read_only_drafts_refuse_a_new_draft_which_stays_local(
    acl_server: AclServer, reader: Reader, known_read_only: bool
) -> None:
    """The server will not take a draft into its Drafts folder (NOPERM, or a folder the
    sync found read-only): the draft is kept on this computer only, the user is told in
    French once, and it is not offered to the server again at every sync."""
    acl_server.put(reader.address, "Drafts", "Brouillon d'ailleurs")
    acl_server.read_only_for(reader.address, "Drafts")
    if known_read_only:
        reader.engine.sync_all()
        assert reader.folder("Drafts").read_only
    else:
        reader.repo.upsert_folder(reader.account_id, "Drafts", role="drafts")
    drafts = DraftStore(reader.repo.store)
    raw = crlf(build(reader.address, f"collegue@{DOMAIN}", "Nouveau brouillon", "Texte"))
    draft_id = drafts.save(
        reader.account_id, {"subject": "Nouveau brouillon"}, subject="Nouveau brouillon", raw=raw
    )
    client = connect_imap(reader.account, reader.auth, timeout=20)
    try:
        first = sync_server_drafts(client, reader.repo, drafts, reader.account_id)
        assert first.uploaded == []
        assert first.refused == {
            draft_id: "Le dossier « Drafts » est en lecture seule sur le serveur : ce brouillon "
            "est enregistré sur cet ordinateur seulement."
        }
        record = drafts.get(draft_id)
        assert record is not None and record.local_only and record.refused_by_server
        assert record.raw == raw
        again = sync_server_drafts(client, reader.repo, drafts, reader.account_id)
        assert again.refused == {} and again.uploaded == []
        client.noop()  # the refusal did not cost the connection
    finally:
        client.logout()
    assert set(reader.server_flags("Drafts")) == {"Brouillon d'ailleurs"}
    # Saved again (edited), it stays local, for the same reason.
    drafts.save(reader.account_id, {"subject": "v2"}, subject="v2", raw=raw, draft_id=draft_id)
    record = drafts.get(draft_id)
    assert record is not None and record.refused_by_server
    assert drafts.needing_upload(reader.account_id) == []
