"""Benchmark: does the window stay responsive while the mail area syncs 20,000 messages?

    .venv/bin/python bench/gui_sync.py [--count 20000] [--workers 2]

Loads the same deterministic corpus as ``bench/sync.py`` into a Dovecot on loopback (run
as root), then shows the real ``MailArea`` (offscreen platform) with one account on it and
lets its background workers do the initial sync, as the application does at first start.
A 10 ms timer on the GUI thread records how late each tick comes: a long gap is a frozen
window. Prints the sync time, the longest gap, the 99th percentile and how many gaps
exceeded 100 ms and 250 ms (a user notices about 100 ms; no timing is asserted anywhere).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.sync import Dovecot, save_bench_account

TICK_MS = 10


def main() -> None:
    from mssclient.binding_guard import protect_singletons

    protect_singletons()  # many Qt calls in one process, as in the app (see the module)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=20240305)
    parser.add_argument("--workers", type=int, default=2, help="parse processes (0 = inline)")
    args = parser.parse_args()

    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from mssclient.gui.mail import MailArea
    from mssclient.gui.mail.operations import wait_for_operations
    from mssclient.mailstore import MailRepository
    from mssclient.store import Store
    from mssclient.transport.accounts import PasswordAuth

    work = Path(tempfile.mkdtemp(prefix="mss-bench-gui-"))
    work.chmod(0o755)
    (work / "dovecot").mkdir()
    server = Dovecot(work / "dovecot")
    size = server.load(args.count, args.seed)
    print(f"corpus: {args.count} messages, {size / 1e6:.0f} MB")
    server.start()
    app = QApplication.instance() or QApplication(sys.argv)
    key = os.urandom(32)
    path = work / "store.db"
    store = Store.open(path, key)
    account = save_bench_account(store, server)
    area = MailArea(
        lambda: store,
        lambda: Store.open(path, key, key_known_good=True),
        poll_seconds=3600,
        idle=False,
        auth_for=lambda _account: PasswordAuth("bench", "bench-password"),
        parse_workers=args.workers,
    )
    area.resize(1200, 800)
    area.show()

    gaps: list[float] = []
    clock = QElapsedTimer()
    tick = QTimer()
    tick.setInterval(TICK_MS)

    def on_tick() -> None:
        gaps.append(clock.restart() - TICK_MS)

    tick.timeout.connect(on_tick)
    repo = MailRepository(store)
    started = time.perf_counter()
    clock.start()
    tick.start()
    area.restore_sensitive()
    try:
        while True:
            app.processEvents()
            time.sleep(0.002)
            inbox = repo.folder_by_role(account.id, "inbox") if account.id else None
            if inbox is not None and repo.count(inbox.id) >= args.count:
                break
            if time.perf_counter() - started > 1800:
                raise SystemExit("the sync did not finish within 30 minutes")
        elapsed = time.perf_counter() - started
        settle = time.perf_counter() + 2  # let the last "folder synced" reach the list
        while time.perf_counter() < settle:
            app.processEvents()
            time.sleep(0.01)
    finally:
        tick.stop()
        area.shutdown()
        wait_for_operations(30_000)
        server.stop()
    gaps.sort()
    late = [g for g in gaps if g > 0]
    p99 = gaps[int(len(gaps) * 0.99)] if gaps else 0.0
    print(f"sync in the window: {elapsed:.1f} s ({args.count / elapsed:.0f} msg/s)")
    print(
        f"GUI timer ticks: {len(gaps)}; lateness median "
        f"{statistics.median(late) if late else 0:.0f} ms, p99 {p99:.0f} ms, "
        f"longest {gaps[-1] if gaps else 0:.0f} ms"
    )
    print(
        f"gaps over 100 ms: {sum(g > 100 for g in gaps)}; over 250 ms: {sum(g > 250 for g in gaps)}"
    )
    print(f"the list shows {area.list_model.rowCount()} rows (a paged model)")
    store.close()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
