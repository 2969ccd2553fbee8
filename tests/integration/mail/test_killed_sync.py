"""The application is killed (SIGKILL) in the middle of a sync: the next run completes it
with no message lost or duplicated, and the encrypted store opens cleanly."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mssclient.mailstore import MailRepository
from mssclient.store import Store
from tests.integration.mail.test_sync_behaviour import _deliver_many

pytestmark = pytest.mark.integration
KEY = bytes(range(32))

CHILD = """
import json, sys
from pathlib import Path
from mssclient.mailstore import MailRepository
from mssclient.store import Store
from mssclient.transport.accounts import PasswordAuth, load_account
from mssclient.transport.imap_connection import connect_imap
from mssclient.transport.imap_sync import MailSync

args = json.loads(sys.argv[1])
store = Store.open(Path(args["path"]), bytes.fromhex(args["key"]), key_known_good=True)
account = load_account(store, args["account_id"])
auth = PasswordAuth(account.login, args["password"])

def progress(done, total):
    print(f"progress {done} {total}", flush=True)

engine = MailSync(account.id, MailRepository(store), lambda: connect_imap(account, auth),
                  progress=progress, batch_messages=4)
engine.sync_folder("INBOX")
print("finished", flush=True)
"""


def test_killed_mid_sync_resumes_cleanly(mail_env, tmp_path: Path, make_sync):
    path = tmp_path / "killed" / "store.db"
    store = Store.open(path, KEY, key_known_good=True)
    account, auth = mail_env.new_account(store, "tue")
    store.close()
    expected = _deliver_many(mail_env, account.address, 80, big_every=3)
    args = {
        "path": str(path),
        "key": KEY.hex(),
        "account_id": account.id,
        "password": auth.password,
    }
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, json.dumps(args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ},
    )
    killed_at = None
    try:
        assert child.stdout is not None
        deadline = time.monotonic() + 60
        for line in child.stdout:
            parts = line.split()
            if parts[0] == "progress" and int(parts[1]) >= 12:
                child.send_signal(signal.SIGKILL)
                killed_at = int(parts[1])
                break
            if parts[0] == "finished" or time.monotonic() > deadline:
                break
    finally:
        child.kill()
        child.wait(30)
        if child.stdout is not None:
            child.stdout.close()
    assert killed_at is not None, "the sync ended before it could be killed"

    store = Store.open(path, KEY, key_known_good=True)
    try:
        repo = MailRepository(store)
        inbox = repo.folder_by_name(account.id, "INBOX")
        before = repo.count(inbox.id)
        assert killed_at <= before < 80
        engine = make_sync(store, account, auth)
        result = engine.sync_folder("INBOX")
        assert result.added == 80 - before
        ids = [r[0] for r in store.query("SELECT message_id FROM mail_messages")]
        assert len(ids) == 80 and set(ids) == expected
        assert store.scalar("SELECT count(*) FROM mail_raw") == 80
        assert store.scalar("PRAGMA integrity_check") == "ok"
    finally:
        store.close()
