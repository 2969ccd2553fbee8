"""New messages download on their own thread while the sync's thread stores the batches
before them (mssclient/transport/download.py): a store failure in the middle stops that
thread, keeps what was stored, and the next sync finishes without a duplicate."""

from __future__ import annotations

import threading

import pytest

from mssclient.errors import StoreError
from mssclient.mailstore import MailRepository
from tests.integration.mail.test_sync_behaviour import _deliver_many

pytestmark = pytest.mark.integration


def _download_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "imap-download" and t.is_alive()]


def test_store_failure_mid_sync_stops_the_download_and_loses_nothing(
    mail_env, make_store, make_sync
):
    store = make_store("ahead")
    account, auth = mail_env.new_account(store, "avance")
    expected = _deliver_many(mail_env, account.address, 30)
    engine = make_sync(store, account, auth, batch_messages=3)
    real_add = engine.repo.add_messages
    calls = []

    def failing_add(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 3:  # the disk fills up, say, on the third batch
            raise StoreError("disk full")
        return real_add(*args, **kwargs)

    engine.repo.add_messages = failing_add  # type: ignore[method-assign]
    with pytest.raises(StoreError):
        engine.sync_folder("INBOX")
    assert _download_threads() == []
    repo = MailRepository(store)
    assert repo.count(repo.folder_by_name(account.id, "INBOX").id) == 6

    engine.repo.add_messages = real_add  # type: ignore[method-assign]
    result = engine.sync_folder("INBOX")  # same engine, same connection
    assert result.added == 24
    ids = [r[0] for r in store.query("SELECT message_id FROM mail_messages")]
    assert sorted(ids) == sorted(expected)
    assert _download_threads() == []
