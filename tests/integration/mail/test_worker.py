"""The account worker end to end: push, sync, send with Sent copy, actions, on its thread."""

from __future__ import annotations

import queue
import time
from pathlib import Path

import pytest

from mssclient.mailstore import MailRepository
from mssclient.store import Store
from mssclient.transport.events import FolderSynced, OutboxChanged
from mssclient.transport.outbox import Outbox
from mssclient.transport.parsing import ParsePool
from mssclient.transport.worker import AccountWorker
from tests.integration.mail.event_wait import wait_for_event
from tests.integration.mail.messages import build, crlf

pytestmark = pytest.mark.integration
KEY = bytes(range(32))


def test_worker_pushes_syncs_sends_and_acts(mail_env, tmp_path: Path, parser_path: str):
    path = tmp_path / "worker" / "store.db"
    store = Store.open(path, KEY, key_known_good=True)
    account, auth = mail_env.new_account(store, "worker")
    events: queue.Queue = queue.Queue()
    worker = AccountWorker(
        lambda: Store.open(path, KEY, key_known_good=True),
        account,
        auth,
        on_event=events.put,
        parse_workers=0,
    )
    worker.start()
    try:
        wait_for_event(events, lambda e: isinstance(e, FolderSynced) and e.folder == "INBOX")
        mail_env.deliver(
            account.address, crlf(build("a@example.test", account.address, "Poussé", "IDLE"))
        )
        wait_for_event(events, lambda e: isinstance(e, FolderSynced) and e.added == 1)

        message = build(account.address, account.address, "À moi-même", "copie")
        Outbox(store).enqueue(account.id, crlf(message), account.address, [account.address])
        worker.send_now()
        sent = wait_for_event(
            events, lambda e: isinstance(e, OutboxChanged) and e.state != "queued"
        )
        assert sent.state == "sent", sent

        repo = MailRepository(store)
        inbox = repo.folder_by_role(account.id, "inbox")
        deadline = time.monotonic() + 60
        while repo.count(inbox.id) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert repo.count(inbox.id) == 2
        first = repo.page(inbox.id)[-1]
        worker.archive([first.id])
        worker.sync_now()
        archive = repo.folder_by_role(account.id, "archive")
        deadline = time.monotonic() + 60
        while (archive is None or repo.count(archive.id) == 0) and time.monotonic() < deadline:
            time.sleep(0.2)
            archive = repo.folder_by_role(account.id, "archive")
        assert archive is not None and repo.count(archive.id) == 1
        assert Outbox(store).items()[0].sent_copy_saved
    finally:
        worker.stop()
        store.close()


def test_two_accounts_share_one_parse_pool_which_outlives_them(mail_env, tmp_path: Path):
    """The application gives every account's worker the same parser processes: both sync
    through it, and stopping a worker leaves the shared pool to its owner."""
    path = tmp_path / "shared" / "store.db"
    store = Store.open(path, KEY, key_known_good=True)
    accounts = [mail_env.new_account(store, name) for name in ("partage1", "partage2")]
    for account, _ in accounts:
        for n in range(3):
            raw = crlf(build("a@example.test", account.address, f"Compte rendu {n}", "Texte"))
            mail_env.deliver(account.address, raw)
    events: queue.Queue = queue.Queue()
    with ParsePool(2) as pool:
        workers = [
            AccountWorker(
                lambda: Store.open(path, KEY, key_known_good=True),
                account,
                auth,
                on_event=events.put,
                parse_pool=pool,
                idle=False,
            )
            for account, auth in accounts
        ]
        for worker in workers:
            worker.start()
        try:
            synced = set()
            while len(synced) < 2:
                event = wait_for_event(
                    events, lambda e: isinstance(e, FolderSynced) and e.added == 3
                )
                synced.add(event.account_id)
        finally:
            for worker in workers:
                worker.stop()
        # Still the owner's to use (and close): the workers did not shut it down.
        raws = [crlf(build("a@b.test", "c@d.test", f"Après {n}", "x")) for n in (1, 2)]
        assert [f.subject for f in pool.submit(raws).result()] == ["Après 1", "Après 2"]
    repo = MailRepository(store)
    for account, _ in accounts:
        inbox = repo.folder_by_role(account.id, "inbox")
        assert {r.subject for r in repo.page(inbox.id)} == {f"Compte rendu {n}" for n in range(3)}
    store.close()
