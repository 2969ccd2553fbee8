"""Benchmark: unlock to a painted 100,000-message list (target: under 1 s).

    .venv/bin/python bench/open.py [--count 100000] [--dir DIR] [--runs 5]

Builds (once, in DIR, reused by later runs) a profile whose encrypted store holds one
account with ``--count`` messages in its inbox: deterministic seed, rows inserted through
``MailRepository.add_messages`` (metadata, a short raw message and its index entry; no
parsing, so 100,000 messages take about a minute rather than the seven a parse would).

Then, with the mail area already on screen behind the lock (as in the application, here
on the offscreen platform), each run times: unlocking the profile (key from the keyring,
SQLCipher key derivation, schema check, audit entry), ``MailArea.restore_sensitive``
(accounts, folder tree, first inbox: the list model reads its first page) and the first
paint of the message list showing rows. It also times an unlock by passphrase (Argon2id
at the production cost), which a user without an OS keyring goes through. Runs are
locked and unlocked again in one process; the first one is reported apart (cold caches).

The profile's key is kept by a bench-only keyring in DIR (a throwaway synthetic profile).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import keyring.backend

from bench.sync import FIRST, LAST, WORDS

PASSPHRASE = "banc d'essai ouverture 100k"  # noqa: S105 - a throwaway synthetic profile
BATCH = 2_000


class FileKeyring(keyring.backend.KeyringBackend):
    """Secrets in a JSON file of the bench directory: only for this synthetic profile."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def _load(self) -> dict[str, str]:
        return json.loads(self.path.read_text()) if self.path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        secrets = self._load()
        secrets[f"{service}\n{username}"] = password
        self.path.write_text(json.dumps(secrets))
        self.path.chmod(0o600)

    def delete_password(self, service: str, username: str) -> None:
        secrets = self._load()
        secrets.pop(f"{service}\n{username}", None)
        self.path.write_text(json.dumps(secrets))


def fill(profile_dir: Path, count: int, seed: int) -> None:
    """A profile with one account and ``count`` inbox messages (skipped if already there)."""
    from mssclient.mailstore import MailRepository, NewMessage
    from mssclient.mailstore.models import MessageFields
    from mssclient.profile import Profile
    from mssclient.transport.accounts import Account, Security, ServerSettings, save_account

    profile = Profile(profile_dir)
    store = (
        profile.create(passphrase=PASSPHRASE, use_keyring=True)
        if profile.is_new
        else profile.unlock_with_keyring()
    )
    try:
        account = save_account(
            store,
            Account(
                address="martin@hopital.test",
                login="martin",
                display_name="Dr Martin",
                imap=ServerSettings("imap.hopital.test", 993, Security.TLS),
                smtp=ServerSettings("smtp.hopital.test", 465, Security.TLS),
            ),
        )
        assert account.id is not None
        repo = MailRepository(store)
        inbox = repo.upsert_folder(account.id, "INBOX", role="inbox")
        repo.upsert_folder(account.id, "Sent", role="sent")
        repo.set_folder_state(inbox.id, uidvalidity=1)
        have = repo.count(inbox.id)
        if have >= count:
            return
        rng = random.Random(seed)
        base = int(dt.datetime(2021, 1, 4, 8, tzinfo=dt.UTC).timestamp())
        started = time.perf_counter()
        for first_uid in range(have + 1, count + 1, BATCH):
            batch = []
            for uid in range(first_uid, min(first_uid + BATCH, count + 1)):
                batch.append(_message(uid, rng, base, NewMessage, MessageFields))
            repo.add_messages(inbox.id, 1, batch)
            done = batch[-1].uid
            rate = (done - have) / (time.perf_counter() - started)
            print(f"\r  filling: {done}/{count} messages ({rate:.0f}/s)", end="", flush=True)
        print()
    finally:
        profile.lock()


def _message(uid: int, rng: random.Random, base: int, new: type, fields: type) -> object:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    sender = f"{first}.{last}".lower().replace("é", "e").replace("è", "e").replace("ç", "c")
    words = [rng.choice(WORDS) for _ in range(rng.randint(30, 90))]
    subject = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 8))).capitalize()
    text = " ".join(words)
    message_id = f"<open{uid}@hopital.test>"
    parent = f"<open{rng.randint(max(1, uid - 50), uid - 1)}@hopital.test>" if uid > 10 else ""
    thread = parent if parent and rng.random() < 0.3 else message_id
    raw = (
        f"From: {first} {last} <{sender}@hopital.test>\r\nTo: martin@hopital.test\r\n"
        f"Subject: {subject}\r\nMessage-ID: {message_id}\r\n\r\n{text}\r\n"
    ).encode()
    return new(
        uid=uid,
        raw=raw,
        flags=(b"\\Seen",) if rng.random() < 0.9 else (),
        fields=fields(
            message_id=message_id,
            thread_key=thread,
            subject=subject,
            from_name=f"{first} {last}",
            from_addr=f"{sender}@hopital.test",
            to_addrs="martin@hopital.test",
            date_utc=base + uid * 900 + rng.randint(0, 600),
            has_attachments=rng.random() < 0.2,
            snippet=text[:160],
            index_text=f"{subject} {text}",
        ),
    )


class PaintWatch:
    """Notes when the list's viewport has painted rows."""

    def __init__(self, view: object) -> None:
        from PySide6.QtCore import QEvent, QObject

        watch = self

        class Filter(QObject):
            def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint and view.model().rowCount() > 0:  # type: ignore[attr-defined]
                    watch.painted = True
                return False

        self.painted = False
        self.filter = Filter()
        view.viewport().installEventFilter(self.filter)  # type: ignore[attr-defined]


def main() -> None:
    from mssclient.binding_guard import protect_singletons

    protect_singletons()  # many Qt calls in one process, as in the app (see the module)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=20240305)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dir", type=Path, help="keep the profile here (reused next time)")
    args = parser.parse_args()
    work = args.dir or Path(tempfile.mkdtemp(prefix="mss-bench-open-"))
    work.mkdir(parents=True, exist_ok=True)
    keyring.set_keyring(FileKeyring(work / "bench-keyring.json"))
    profile_dir = work / "profile"

    started = time.perf_counter()
    fill(profile_dir, args.count, args.seed)
    size = (profile_dir / "store.db").stat().st_size
    print(
        f"profile: {args.count} messages in the inbox, store {size / 1e6:.0f} MB "
        f"(ready in {time.perf_counter() - started:.1f} s)"
    )

    from PySide6.QtWidgets import QApplication

    from mssclient.gui.mail.mail_area import MailArea
    from mssclient.profile import Profile

    app = QApplication.instance() or QApplication(sys.argv[:1])
    profile = Profile(profile_dir)
    started = time.perf_counter()
    area = MailArea(lambda: profile.store)
    built = time.perf_counter() - started
    area.resize(1280, 800)
    area.show()
    app.processEvents()
    watch = PaintWatch(area.list_view)

    samples: list[dict[str, float]] = []
    for _run in range(args.runs):
        watch.painted = False
        t0 = time.perf_counter()
        profile.unlock_with_keyring()
        t1 = time.perf_counter()
        area.restore_sensitive()
        t2 = time.perf_counter()
        while not watch.painted:
            app.processEvents()
            if time.perf_counter() - t0 > 30:
                raise SystemExit("the list never painted")
        t3 = time.perf_counter()
        rows = area.list_model.rowCount()
        if rows == 0 or area.list_model.folder_id is None:
            raise SystemExit("no inbox shown")
        samples.append({"unlock": t1 - t0, "restore": t2 - t1, "paint": t3 - t2, "total": t3 - t0})
        area.clear_sensitive()
        app.processEvents()
        profile.lock()

    watch.painted = False
    t0 = time.perf_counter()
    profile.unlock_with_passphrase(PASSPHRASE)
    t1 = time.perf_counter()
    area.restore_sensitive()
    while not watch.painted:
        app.processEvents()
    by_passphrase = (time.perf_counter() - t0, t1 - t0)
    shown = area.list_model.rowCount()
    area.clear_sensitive()
    profile.lock()
    area.shutdown()
    area.close()
    area.deleteLater()
    app.processEvents()

    def line(label: str, values: dict[str, float]) -> str:
        return (
            f"{label:22} unlock {values['unlock'] * 1000:6.0f} ms   restore+first page "
            f"{values['restore'] * 1000:6.0f} ms   paint {values['paint'] * 1000:5.0f} ms   "
            f"total {values['total'] * 1000:6.0f} ms"
        )

    print(f"mail area built before unlocking (app start): {built * 1000:.0f} ms")
    print(f"rows loaded for the first paint: {shown} of {args.count}")
    print(line("first run (cold)", samples[0]))
    if len(samples) > 1:
        rest = samples[1:]
        median = {k: statistics.median(s[k] for s in rest) for k in rest[0]}
        worst = {k: max(s[k] for s in rest) for k in rest[0]}
        print(line(f"median of {len(rest)} more", median))
        print(line("slowest of those", worst))
    print(
        f"unlock by passphrase (Argon2id, production cost): total {by_passphrase[0] * 1000:.0f} "
        f"ms, of which unlocking {by_passphrase[1] * 1000:.0f} ms"
    )
    verdict = "met" if max(s["total"] for s in samples) < 1.0 else "NOT met"
    print(f"target (keyring unlock to painted list < 1 s): {verdict}")
    print(f"work directory: {work}" + ("" if args.dir else " (delete when done)"))


if __name__ == "__main__":
    main()
