"""Damage and exhaustion: each gives a clear French error and loses nothing stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from mssclient.errors import StoreCorruptError, StoreFullError, StoreLockedError
from mssclient.store import Store


def _store_with_rows(path: Path, key: bytes, rows: int = 400) -> None:
    with Store.open(path, key) as store, store.transaction():
        store.execute("CREATE TABLE items(id INTEGER PRIMARY KEY, body TEXT)")
        store.executemany(
            "INSERT INTO items(body) VALUES (?)", [(f"ligne {i} " * 40,) for i in range(rows)]
        )


def test_truncated_file_is_reported_as_damaged_and_left_untouched(tmp_path: Path, store_key):
    path = tmp_path / "store.db"
    _store_with_rows(path, store_key)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    truncated = path.read_bytes()
    with pytest.raises(StoreCorruptError) as caught:
        store = Store.open(path, store_key, key_known_good=True)
        try:
            store.query("SELECT body FROM items ORDER BY id")
        finally:
            store.close()
    assert "endommagé" in caught.value.user_message
    assert path.read_bytes() == truncated


def test_garbage_first_page_with_a_known_good_key_is_damage_not_wrong_key(tmp_path, store_key):
    path = tmp_path / "store.db"
    _store_with_rows(path, store_key, rows=10)
    data = bytearray(path.read_bytes())
    data[100:200] = b"\xff" * 100
    path.write_bytes(bytes(data))
    with pytest.raises(StoreCorruptError):
        Store.open(path, store_key, key_known_good=True)
    assert path.read_bytes() == bytes(data)


def test_disk_full_rolls_back_the_write_and_keeps_earlier_rows(tmp_path: Path, store_key):
    # SQLITE_FULL is what SQLite returns on a full disk; max_page_count triggers the very
    # same error path without filling a real disk.
    path = tmp_path / "store.db"
    _store_with_rows(path, store_key, rows=50)
    with Store.open(path, store_key) as store:
        pages = store.scalar("PRAGMA page_count")
        store.execute(f"PRAGMA max_page_count = {pages + 2}")
        with pytest.raises(StoreFullError) as caught, store.transaction():
            store.executemany(
                "INSERT INTO items(body) VALUES (?)", [("x" * 4000,) for _ in range(200)]
            )
        assert "disque est plein" in caught.value.user_message
        assert store.scalar("SELECT count(*) FROM items") == 50
        store.execute("PRAGMA max_page_count = 1073741823")
        store.execute("INSERT INTO items(body) VALUES ('après')")
    with Store.open(path, store_key) as reopened:
        assert reopened.scalar("SELECT count(*) FROM items") == 51


def test_closed_store_refuses_use(temp_store: Store):
    temp_store.close()
    with pytest.raises(StoreLockedError) as caught:
        temp_store.query("SELECT 1")
    assert "verrouillée" in caught.value.user_message
