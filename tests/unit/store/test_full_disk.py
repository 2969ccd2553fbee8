"""Writes that the disk refuses: a French message, and nothing already stored is lost.

Each case runs in a child process whose file writes the kernel stops at a size limit
(see limited_child.py), so the failing write is the real one.
"""

from __future__ import annotations

import json
from pathlib import Path

from mssclient.errors import BackupFailedError, KeyFileWriteError, StoreFullError
from mssclient.profile import Profile
from mssclient.store import Store
from mssclient.store.migrations import LATEST_VERSION
from tests.conftest import FAST_KDF
from tests.unit.store.limited_child import run_limited

PASSPHRASE = "une phrase de passe assez longue"


def _profile_with_data(directory: Path) -> Profile:
    profile = Profile(directory)
    profile.create(passphrase=PASSPHRASE, use_keyring=False, kdf=FAST_KDF)
    profile.store.set_meta("patient", "Mme Durand, plaie du talon")
    profile.lock()
    return profile


def test_key_file_rewrite_on_a_full_disk_keeps_the_old_file(tmp_path: Path) -> None:
    profile = _profile_with_data(tmp_path / "p")
    before = profile.keys.path.read_bytes()
    reported = run_limited(
        """
        from mssclient.errors import MssError
        from mssclient.profile import Profile
        from mssclient.security.keywrap import KdfParams
        profile = Profile(Path(ARGS["dir"]))
        key = profile.keys.from_passphrase(ARGS["old"])
        limit_file_size(64)
        try:
            profile.keys.set_passphrase(key, "une toute nouvelle phrase", KdfParams(1, 8192, 1))
        except MssError as exc:
            report(error=type(exc).__name__, message=exc.user_message)
        else:
            report(error="")
        """,
        dir=str(profile.directory),
        old=PASSPHRASE,
    )
    assert reported["error"] == KeyFileWriteError.__name__
    assert "version précédente est intacte" in reported["message"]
    assert profile.keys.path.read_bytes() == before
    assert not profile.keys.path.with_suffix(".tmp").exists()
    again = Profile(tmp_path / "p")
    assert again.unlock_with_passphrase(PASSPHRASE).get_meta("patient") == (
        "Mme Durand, plaie du talon"
    )
    again.lock()


def test_profile_creation_on_a_full_disk_leaves_no_key_behind(tmp_path: Path) -> None:
    reported = run_limited(
        """
        import keyring
        from mssclient.errors import MssError
        from mssclient.profile import Profile
        from tests.keyring_memory import MemoryKeyring
        backend = MemoryKeyring()
        keyring.set_keyring(backend)
        profile = Profile(Path(ARGS["dir"]))
        limit_file_size(64)
        try:
            profile.create(passphrase=None, use_keyring=True)
        except MssError as exc:
            report(
                error=type(exc).__name__,
                message=exc.user_message,
                secrets=len(backend.secrets),
                is_new=profile.is_new,
            )
        else:
            report(error="")
        """,
        dir=str(tmp_path / "p"),
    )
    assert reported["error"] == KeyFileWriteError.__name__
    assert "disque plein" in reported["message"]
    assert reported["secrets"] == 0  # the key made for this profile left the keyring again
    assert reported["is_new"] is True
    assert not (tmp_path / "p" / "key.tmp").exists()
    assert not (tmp_path / "p" / "store.db").exists()


def _store_with_rows(path: Path, key: bytes, rows: int) -> None:
    with Store.open(path, key) as store, store.transaction():
        store.execute("CREATE TABLE items(id INTEGER PRIMARY KEY, body TEXT)")
        store.executemany(
            "INSERT INTO items(body) VALUES (?)", [(f"ligne {i} " * 40,) for i in range(rows)]
        )


def test_store_write_refused_by_the_disk_rolls_back_and_keeps_earlier_rows(
    tmp_path: Path, store_key: bytes
) -> None:
    path = tmp_path / "store.db"
    _store_with_rows(path, store_key, rows=50)
    reported = run_limited(
        """
        from mssclient.errors import MssError
        from mssclient.store import Store
        store = Store.open(Path(ARGS["path"]), bytes.fromhex(ARGS["key"]), key_known_good=True)
        limit_file_size(256 * 1024)  # the WAL, where the new pages go, stops growing here
        try:
            with store.transaction():
                store.executemany(
                    "INSERT INTO items(body) VALUES (?)", [("x" * 4000,) for _ in range(500)]
                )
        except MssError as exc:
            report(
                error=type(exc).__name__,
                message=exc.user_message,
                count=store.scalar("SELECT count(*) FROM items"),
            )
        else:
            report(error="")
        """,
        path=str(path),
        key=store_key.hex(),
    )
    assert reported["error"] == StoreFullError.__name__
    assert "Les données déjà enregistrées sont intactes" in reported["message"]
    assert reported["count"] == 50
    with Store.open(path, store_key, key_known_good=True) as store:
        assert store.scalar("SELECT count(*) FROM items") == 50
        store.execute("INSERT INTO items(body) VALUES ('après')")
        assert store.scalar("SELECT count(*) FROM items") == 51


def test_backup_refused_by_the_disk_stops_the_upgrade_before_any_change(
    tmp_path: Path, store_key: bytes
) -> None:
    path = tmp_path / "store.db"
    _store_with_rows(path, store_key, rows=400)  # ~0.5 MB: past the limit below
    assert path.stat().st_size > 256 * 1024
    before = path.read_bytes()
    reported = run_limited(
        """
        from mssclient.errors import MssError
        from mssclient.store import Store
        from mssclient.store.migrate import migrate
        from mssclient.store.migrations import LATEST_VERSION, MIGRATIONS, Migration
        extra = [*MIGRATIONS, Migration(LATEST_VERSION + 1, "extra", "CREATE TABLE extra(x);")]
        store = Store.open(Path(ARGS["path"]), bytes.fromhex(ARGS["key"]), apply_migrations=False)
        limit_file_size(128 * 1024)
        try:
            migrate(store, backup_dir=Path(ARGS["backups"]), existed=True, migrations=extra)
        except MssError as exc:
            report(error=type(exc).__name__, message=exc.user_message)
        else:
            report(error="")
        store.close()
        """,
        path=str(path),
        key=store_key.hex(),
        backups=str(tmp_path / "backups"),
    )
    assert reported["error"] == BackupFailedError.__name__
    assert "La base n'a pas été modifiée" in reported["message"]
    assert path.read_bytes() == before
    assert list((tmp_path / "backups").iterdir()) == []  # no half-written copy left
    with Store.open(path, store_key, key_known_good=True) as store:
        assert store.schema_version() == LATEST_VERSION
        assert store.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'extra'") == 0
        assert store.scalar("SELECT count(*) FROM items") == 400


def test_damaged_or_truncated_key_file_is_explained_and_nothing_is_touched(
    tmp_path: Path,
) -> None:
    profile = _profile_with_data(tmp_path / "p")
    good = profile.keys.path.read_bytes()
    store_before = profile.store_path.read_bytes()
    wrapped_broken = json.loads(good)
    wrapped_broken["wrapped"]["kdf"]["salt"] = "!!!"
    endless = json.loads(good)
    endless["wrapped"]["kdf"]["iterations"] = 10**9  # would spin for days if obeyed
    damaged = [
        good[: len(good) // 2],  # truncated
        b"",  # emptied
        b"\x00\xff" * 300,  # garbage
        b'{"in_keyring": true}',  # a field missing
        b"[1, 2, 3]",  # wrong shape
        b"[" * 100_000 + b"]" * 100_000,  # hostile nesting
        json.dumps(wrapped_broken).encode(),  # a wrap that does not decode
        json.dumps({**json.loads(good), "wrapped": 5}).encode(),  # a wrap of the wrong type
        json.dumps({**json.loads(good), "wrapped": {}}).encode(),  # an empty wrap
        json.dumps(endless).encode(),
    ]
    for content in damaged:
        profile.keys.path.write_bytes(content)
        fresh = Profile(tmp_path / "p")
        try:
            fresh.unlock_with_passphrase(PASSPHRASE)
        except Exception as exc:
            message = getattr(exc, "user_message", "")
            assert "clé" in message, (content[:40], type(exc).__name__, str(exc))
            assert "Traceback" not in message
        else:
            raise AssertionError(f"a damaged key file opened the store: {content[:40]!r}")
        assert not fresh.is_unlocked
        assert profile.keys.path.read_bytes() == content
        assert profile.store_path.read_bytes() == store_before
    profile.keys.path.write_bytes(good)
    again = Profile(tmp_path / "p")
    assert again.unlock_with_passphrase(PASSPHRASE).get_meta("patient") == (
        "Mme Durand, plaie du talon"
    )
    again.lock()
