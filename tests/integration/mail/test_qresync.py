"""Incremental sync with QRESYNC where the server offers it (Dovecot), and the UID
comparison where it does not (the sandbox's pymap): same outcome both ways."""

from __future__ import annotations

from typing import Any

import pytest

from mssclient.mailstore import MailRepository
from mssclient.transport.accounts import Account
from mssclient.transport.errors import ServerUnreachableError
from mssclient.transport.imap_connection import connect_imap
from tests.integration.mail.cut_proxy import CuttingProxy
from tests.integration.mail.test_sync_behaviour import _deliver_many

pytestmark = pytest.mark.integration


def _spying(connect: Any, searches: list[object]) -> Any:
    """Wrap ``connect`` so that every SEARCH the engine sends is recorded."""

    def spied() -> Any:
        client = connect()
        real = client.search

        def search(criteria: object = "ALL", charset: object = None) -> Any:
            searches.append(criteria)
            return real(criteria, charset)

        client.search = search
        return client

    return spied


def _server_state(account: Account, auth: Any) -> dict[int, tuple[bytes, ...]]:
    client = connect_imap(account, auth)
    try:
        client.select_folder("INBOX", readonly=True)
        return dict(client.get_flags(client.search("ALL")))
    finally:
        client.logout()


def _local_state(repo: MailRepository, folder_id: int) -> dict[int, tuple[bool, bool]]:
    return {r.uid: (r.seen, r.flagged) for r in repo.page(folder_id, limit=1000)}


def test_changes_made_elsewhere_arrive_by_qresync_or_uid_comparison(
    mail_env, make_store, make_sync
):
    store = make_store("qresync")
    account, auth = mail_env.new_account(store, "qresync")
    _deliver_many(mail_env, account.address, 8)
    searches: list[object] = []
    connect = _spying(lambda: connect_imap(account, auth, timeout=20), searches)
    engine = make_sync(store, account, auth, connect=connect)
    repo = MailRepository(store)
    first = engine.sync_folder("INBOX")
    assert first.added == 8
    assert engine.qresync_enabled is (mail_env.name == "dovecot")
    inbox = repo.folder_by_name(account.id, "INBOX")
    uids = sorted(_local_state(repo, inbox.id))

    # Another client, while we are away: two expunged, one flagged, one read, two new.
    other = connect_imap(account, auth)
    try:
        other.select_folder("INBOX")
        other.add_flags(uids[1:3], [b"\\Deleted"])
        other.expunge()
        other.add_flags([uids[4]], [b"\\Flagged"])
        other.add_flags([uids[5]], [b"\\Seen"])
    finally:
        other.logout()
    _deliver_many(mail_env, account.address, 2)

    searches.clear()
    second = engine.sync_folder("INBOX")
    assert (second.added, second.removed, second.flags_changed) == (2, 2, 2)
    if mail_env.name == "dovecot":
        # The deletions came as VANISHED in the SELECT answer: no full UID list was asked.
        assert second.method == "qresync"
        assert "ALL" not in searches
        assert searches == [["UID", f"{uids[-1] + 1}:*"]]
    else:
        assert second.method == "full"
        assert searches == ["ALL"]
    server = _server_state(account, auth)
    local = _local_state(repo, inbox.id)
    assert sorted(local) == sorted(server)
    assert not set(uids[1:3]) & set(local)
    assert local[uids[4]] == (False, True)
    assert local[uids[5]] == (True, False)
    assert store.scalar("SELECT count(*) FROM mail_raw") == 8

    # Nothing changed since: nothing done (with QRESYNC not even a SEARCH).
    searches.clear()
    third = engine.sync_folder("INBOX")
    assert (third.added, third.removed, third.flags_changed) == (0, 0, 0)
    assert searches == ([] if mail_env.name == "dovecot" else ["ALL"])


def test_a_local_copy_out_of_step_falls_back_to_comparing_uids(mail_env, make_store, make_sync):
    store = make_store("qresync-check")
    account, auth = mail_env.new_account(store, "controle")
    expected = _deliver_many(mail_env, account.address, 5)
    engine = make_sync(store, account, auth)
    repo = MailRepository(store)
    engine.sync_folder("INBOX")
    inbox = repo.folder_by_name(account.id, "INBOX")
    victim = repo.page(inbox.id)[2]
    # A row lost behind the engine's back: the server never reports it (nothing changed).
    store.execute("DELETE FROM mail_messages WHERE id = ?", (victim.id,))
    result = engine.sync_folder("INBOX")
    assert result.added == 1
    assert result.method == ("condstore" if mail_env.name == "dovecot" else "full")
    assert {r.message_id for r in repo.page(inbox.id)} == expected


def test_qresync_sync_cut_mid_fetch_resumes(mail_env, make_store, make_sync):
    store = make_store("qresync-cut")
    account, auth = mail_env.new_account(store, "reprise")
    expected = _deliver_many(mail_env, account.address, 3)
    repo = MailRepository(store)
    make_sync(store, account, auth).sync_folder("INBOX")
    expected |= _deliver_many(mail_env, account.address, 40, big_every=4)
    with CuttingProxy((mail_env.host, mail_env.imap_port), cut_after=250_000) as proxy:
        through_proxy = proxy.via(account)
        engine = make_sync(
            store,
            account,
            auth,
            connect=lambda: connect_imap(through_proxy, auth, timeout=20),
            batch_messages=4,
        )
        methods = []
        for _ in range(30):
            try:
                methods.append(engine.sync_folder("INBOX").method)
                break
            except ServerUnreachableError:
                continue
        assert proxy.cuts >= 1
    assert methods == (["qresync"] if mail_env.name == "dovecot" else ["full"])
    inbox = repo.folder_by_name(account.id, "INBOX")
    stored = [r[0] for r in store.query("SELECT message_id FROM mail_messages")]
    assert len(stored) == 43 and set(stored) == expected
    assert repo.count(inbox.id) == 43
    assert store.scalar("SELECT count(*) FROM mail_raw") == 43


def test_server_restart_mid_sync_resumes_without_loss(mail_env, make_store, make_sync):
    store = make_store("restart")
    account, auth = mail_env.new_account(store, "redemarrage")
    expected = _deliver_many(mail_env, account.address, 40, big_every=5)
    repo = MailRepository(store)
    stopped: list[int] = []

    def on_progress(done: int, _total: int) -> None:
        if done >= 8 and not stopped:
            stopped.append(done)
            mail_env.stop_imap()  # the server goes down while the sync runs

    engine = make_sync(store, account, auth, progress=on_progress, batch_messages=4)
    interrupted = False
    try:
        engine.sync_folder("INBOX")
    except ServerUnreachableError:
        interrupted = True
    finally:
        mail_env.start_imap()
    inbox = repo.folder_by_name(account.id, "INBOX")
    kept = repo.count(inbox.id)
    assert stopped and stopped[0] <= kept
    if mail_env.name == "sandbox":
        # Its sessions die with it. Dovecot's per-session processes may outlive the master
        # here and finish the running sync: then only the next one meets the new server.
        assert interrupted
    assert kept < 40 if interrupted else kept == 40
    result = engine.sync_folder("INBOX")  # to the restarted server (reconnecting if needed)
    assert result.added == 40 - kept
    stored = [r[0] for r in store.query("SELECT message_id FROM mail_messages")]
    assert len(stored) == 40 and set(stored) == expected
    assert store.scalar("SELECT count(*) FROM mail_raw") == 40
