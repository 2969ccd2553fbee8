"""The application syncs a mailbox through the mail area (offscreen), then the interpreter
exits cleanly: no "Fatal Python error" at finalisation.

Seen once after a 3,000-message GUI sync. Cause: PySide6 6.12 on CPython 3.11 drops a
reference to None at each call of a Qt method returning nothing (see
mssclient/binding_guard.py); a sync made about 2,000 such calls. After the sync, the child
makes as many more as None has references, which a long session does sooner or later:
without the guard the interpreter aborts right there."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mssclient.store import Store
from tests.integration.mail.test_sync_behaviour import _deliver_many

pytestmark = pytest.mark.integration
KEY = bytes(range(32))

CHILD = """
import json, os, sys, time
from pathlib import Path

from mssclient.binding_guard import PADDING, protect_singletons

if not os.environ.get("MSS_TEST_NO_GUARD"):
    protect_singletons()  # what mssclient.cli.main does before starting the GUI

from PySide6.QtWidgets import QApplication

from mssclient.gui.mail.mail_area import MailArea
from mssclient.mailstore import MailRepository
from mssclient.store import Store
from mssclient.transport.accounts import PasswordAuth

args = json.loads(sys.argv[1])
path, key = Path(args["path"]), bytes.fromhex(args["key"])
app = QApplication([])
store = Store.open(path, key, key_known_good=True)
area = MailArea(
    lambda: store,
    lambda: Store.open(path, key, key_known_good=True),
    auth_for=lambda account: PasswordAuth(account.login, args["password"]),
    idle=False,
    poll_seconds=3600,
)
area.resize(1100, 700)
area.show()
area.restore_sensitive()
repo = MailRepository(store)
deadline = time.monotonic() + 120
count = 0
while time.monotonic() < deadline:
    app.processEvents()
    inbox = repo.folder_by_role(args["account_id"], "inbox")
    count = repo.count(inbox.id) if inbox is not None else 0
    if count >= args["expected"] and area.list_model.rowCount() > 0:
        break
    time.sleep(0.01)
for _ in range(20):  # let the last FolderSynced reach the GUI and repaint
    app.processEvents()
    time.sleep(0.01)
viewport = area.list_view.viewport()
# A long session's worth of Qt calls: as many as None has references (the guard's padding
# left out, or this would never end).
for _ in range(sys.getrefcount(None) % PADDING + 1_000):
    viewport.update()
app.processEvents()
area.shutdown_and_wait()
area.close()
area.deleteLater()
app.processEvents()
store.close()
print(f"synced {count} shown {area.list_model.rowCount()} None refs {sys.getrefcount(None)}")
"""


def test_interpreter_exits_cleanly_after_a_gui_sync(mail_env, tmp_path: Path):
    path = tmp_path / "exit" / "store.db"
    store = Store.open(path, KEY, key_known_good=True)
    account, auth = mail_env.new_account(store, "sortie")
    store.close()
    _deliver_many(mail_env, account.address, 300, big_every=50)
    args = {
        "path": str(path),
        "key": KEY.hex(),
        "account_id": account.id,
        "password": auth.password,
        "expected": 300,
    }
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("MSS_TEST_NO_GUARD", None)
    child = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(args)],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        check=False,
    )
    assert "Fatal Python error" not in child.stderr, child.stderr[-3000:]
    assert child.returncode == 0, child.stderr[-3000:]
    words = child.stdout.split()
    assert words[:4] == ["synced", "300", "shown", words[3]] and int(words[3]) > 0, child.stdout
