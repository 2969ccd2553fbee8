"""The store is really encrypted: raw bytes, stdlib sqlite3 and a wrong key all fail."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mssclient.errors import StoreKeyError
from mssclient.store import Store

SECRET_WORDS = ("Dupont-Escarre", "ulcère-talon-gauche", "INS-1840275123456")


def _fill(store: Store) -> None:
    with store.transaction():
        store.execute("CREATE TABLE notes(body TEXT)")
        for word in SECRET_WORDS:
            store.execute("INSERT INTO notes(body) VALUES (?)", (word * 50,))
            store.audit.append("tester", "note.create", word)


def test_raw_file_has_no_sqlite_header_and_no_inserted_words(tmp_path: Path, store_key: bytes):
    path = tmp_path / "store.db"
    store = Store.open(path, store_key)
    _fill(store)
    store.close()
    raw = path.read_bytes()
    assert len(raw) > 4096
    assert not raw.startswith(b"SQLite format 3\x00")
    for word in SECRET_WORDS:
        assert word.encode() not in raw
        assert word.encode("utf-16-le") not in raw
    assert not list(tmp_path.glob("*.db-wal")) or all(
        word.encode() not in (tmp_path / "store.db-wal").read_bytes() for word in SECRET_WORDS
    )


def test_stdlib_sqlite3_cannot_read_it(tmp_path: Path, store_key: bytes):
    path = tmp_path / "store.db"
    store = Store.open(path, store_key)
    _fill(store)
    store.close()
    conn = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.DatabaseError):
            conn.execute("SELECT * FROM notes").fetchall()
    finally:
        conn.close()


def test_wrong_key_fails_with_french_message_and_changes_nothing(tmp_path: Path, store_key):
    path = tmp_path / "store.db"
    store = Store.open(path, store_key)
    _fill(store)
    store.close()
    before = path.read_bytes()
    with pytest.raises(StoreKeyError) as caught:
        Store.open(path, bytes(32))
    assert "clé" in caught.value.user_message
    assert path.read_bytes() == before
    with Store.open(path, store_key) as again:
        assert again.scalar("SELECT count(*) FROM notes") == len(SECRET_WORDS)


def test_key_never_appears_in_error_text(tmp_path: Path, store_key: bytes):
    path = tmp_path / "store.db"
    Store.open(path, store_key).close()
    wrong = bytes([7]) * 32
    with pytest.raises(StoreKeyError) as caught:
        Store.open(path, wrong)
    text = str(caught.value) + caught.value.user_message + repr(caught.value.__cause__)
    assert wrong.hex() not in text
    assert store_key.hex() not in text


def test_pragmas_wal_and_foreign_keys(temp_store: Store):
    assert temp_store.scalar("PRAGMA journal_mode") == "wal"
    assert temp_store.scalar("PRAGMA foreign_keys") == 1
    assert temp_store.scalar("PRAGMA cipher_version").startswith("4.")
