"""Drafts saved locally (encrypted) and in the server's Drafts folder, replaced on re-save,
removed once sent or discarded, uploaded later when saved offline."""

from __future__ import annotations

import queue
from pathlib import Path
from typing import Any

import pytest

from mssclient.mailstore import DraftStore, MailRepository
from mssclient.store import Store
from mssclient.transport.accounts import Account, ServerSettings
from mssclient.transport.errors import ServerUnreachableError
from mssclient.transport.events import ServerDraftsSynced
from mssclient.transport.imap_connection import connect_imap
from mssclient.transport.server_drafts import has_work, sync_server_drafts
from mssclient.transport.worker import AccountWorker
from tests.integration.mail.event_wait import wait_for_event
from tests.integration.mail.messages import build, crlf
from tests.integration.servers.network import free_port

pytestmark = pytest.mark.integration
KEY = bytes(range(32))


def _draft(account: Account, subject: str, body: str) -> bytes:
    return crlf(build(account.address, "dr.lefevre@example.test", subject, body))


def _server_drafts(account: Account, auth: Any, folder: str) -> dict[int, tuple[str, set[bytes]]]:
    """UID -> (subject, flags) of every message in the server's Drafts folder."""
    client = connect_imap(account, auth)
    try:
        client.select_folder(folder, readonly=True)
        uids = client.search("ALL")
        found = client.fetch(uids, [b"BODY.PEEK[HEADER.FIELDS (SUBJECT)]", b"FLAGS"])
        return {
            uid: (
                data[b"BODY[HEADER.FIELDS (SUBJECT)]"].decode().split(":", 1)[1].strip(),
                set(data[b"FLAGS"]) - {b"\\Recent"},
            )
            for uid, data in found.items()
        }
    finally:
        client.logout()


def test_a_draft_is_replaced_on_the_server_then_removed(mail_env, make_store, make_sync):
    store = make_store("drafts")
    account, auth = mail_env.new_account(store, "brouillon")
    engine = make_sync(store, account, auth)
    engine.sync_folder_list()
    repo = MailRepository(store)
    drafts = DraftStore(store)
    content = {"to": ["dr.lefevre@example.test"], "text": "Bonjour, la plaie du talon"}
    draft_id = drafts.save(
        account.id, content, subject="Avis plaie", raw=_draft(account, "Avis plaie", "v1")
    )
    assert has_work(drafts, account.id)
    client = engine.ensure_client()

    first = sync_server_drafts(client, repo, drafts, account.id)
    assert first.uploaded == [draft_id] and first.refused == {}
    record = drafts.get(draft_id)
    folder = record.server_folder
    assert record.on_server and repo.folder_by_role(account.id, "drafts").name == folder
    on_server = _server_drafts(account, auth, folder)
    assert list(on_server.values()) == [("Avis plaie", {b"\\Draft", b"\\Seen"})]
    assert list(on_server) == [record.server_uid]

    # Another client left a message marked \Deleted in Drafts: replacing ours spares it.
    other = connect_imap(account, auth)
    try:
        other.append(folder, _draft(account, "Celui d'un autre", "x"), flags=[b"\\Deleted"])
    finally:
        other.logout()

    second_raw = _draft(account, "Avis plaie (suite)", "v2")
    drafts.save(
        account.id,
        {**content, "text": "suite"},
        subject="Avis plaie (suite)",
        raw=second_raw,
        draft_id=draft_id,
    )
    assert not drafts.get(draft_id).on_server
    second = sync_server_drafts(client, repo, drafts, account.id)
    assert second.uploaded == [draft_id] and second.removed == 1
    record = drafts.get(draft_id)
    subjects = sorted(s for s, _ in _server_drafts(account, auth, folder).values())
    assert subjects == ["Avis plaie (suite)", "Celui d'un autre"]
    assert record.server_uid in _server_drafts(account, auth, folder)
    assert not has_work(drafts, account.id)
    assert sync_server_drafts(client, repo, drafts, account.id).uploaded == []

    # The local copy is the reference and stays whole.
    assert record.content == {**content, "text": "suite"}
    assert record.raw == second_raw
    # Sent or discarded: the server copy goes too.
    drafts.delete(draft_id)
    assert has_work(drafts, account.id)
    third = sync_server_drafts(client, repo, drafts, account.id)
    assert third.removed == 1
    assert sorted(s for s, _ in _server_drafts(account, auth, folder).values()) == [
        "Celui d'un autre"
    ]
    assert not has_work(drafts, account.id)


def test_a_draft_saved_offline_reaches_the_server_later(mail_env, make_store, make_sync):
    store = make_store("drafts-offline")
    account, auth = mail_env.new_account(store, "horsligne")
    drafts = DraftStore(store)
    repo = MailRepository(store)
    draft_id = drafts.save(account.id, {"text": "x"}, raw=_draft(account, "Hors ligne", "x"))
    closed = Account(
        **{
            **account.__dict__,
            "imap": ServerSettings("127.0.0.1", free_port(), account.imap.security),
        }
    )
    offline = make_sync(store, closed, auth, connect=lambda: connect_imap(closed, auth, timeout=5))
    with pytest.raises(ServerUnreachableError):
        sync_server_drafts(offline.ensure_client(), repo, drafts, account.id)
    assert has_work(drafts, account.id) and not drafts.get(draft_id).on_server

    online = make_sync(store, account, auth)
    online.sync_folder_list()
    done = sync_server_drafts(online.ensure_client(), repo, drafts, account.id)
    assert done.uploaded == [draft_id]
    folder = drafts.get(draft_id).server_folder
    assert [s for s, _ in _server_drafts(account, auth, folder).values()] == ["Hors ligne"]
    # The Drafts folder syncs like any other: the copy shows there, marked as a draft.
    online.sync_folder(folder)
    [row] = repo.page(repo.folder_by_name(account.id, folder).id)
    assert row.subject == "Hors ligne" and repo.details(row.id).draft


def test_the_worker_uploads_drafts_the_gui_saves(mail_env, tmp_path: Path):
    path = tmp_path / "worker-drafts" / "store.db"
    store = Store.open(path, KEY, key_known_good=True)
    account, auth = mail_env.new_account(store, "composeur")
    events: queue.Queue = queue.Queue()
    worker = AccountWorker(
        lambda: Store.open(path, KEY, key_known_good=True),
        account,
        auth,
        on_event=events.put,
        idle=False,
    )
    worker.start()
    try:
        drafts = DraftStore(store)  # the GUI's own connection
        draft_id = drafts.save(account.id, {"text": "a"}, raw=_draft(account, "Depuis l'IHM", "a"))
        worker.sync_drafts()
        synced = wait_for_event(events, lambda e: isinstance(e, ServerDraftsSynced))
        assert synced.uploaded == (draft_id,) and synced.account_id == account.id
        folder = drafts.get(draft_id).server_folder
        drafts.delete(draft_id)  # sent: the GUI deletes the local draft
        worker.sync_drafts()
        removed = wait_for_event(events, lambda e: isinstance(e, ServerDraftsSynced))
        assert removed.removed == 1 and removed.uploaded == ()
        assert _server_drafts(account, auth, folder) == {}
    finally:
        worker.stop()
        store.close()
