from __future__ import annotations

from pathlib import Path

import pytest

from mssclient.errors import StoreTooNewError
from mssclient.store import Store
from mssclient.store.migrate import migrate
from mssclient.store.migrations import LATEST_VERSION, MIGRATIONS, Migration


def test_migrations_are_numbered_without_gaps():
    assert [m.number for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert len(MIGRATIONS) == LATEST_VERSION


def test_fresh_store_is_at_latest_version_and_records_each_step(temp_store: Store):
    assert temp_store.schema_version() == LATEST_VERSION
    applied = [row[0] for row in temp_store.query("SELECT number FROM schema_migrations")]
    assert applied == [m.number for m in MIGRATIONS]


def test_newer_store_is_refused_and_untouched(tmp_path: Path, store_key: bytes):
    path = tmp_path / "store.db"
    with Store.open(path, store_key) as store:
        store.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    before = path.read_bytes()
    with pytest.raises(StoreTooNewError) as caught:
        Store.open(path, store_key)
    assert "version plus récente" in caught.value.user_message
    assert path.read_bytes() == before


def test_upgrade_takes_an_encrypted_backup_first(tmp_path: Path, store_key: bytes):
    path = tmp_path / "store.db"
    with Store.open(path, store_key) as store, store.transaction():
        store.execute("INSERT INTO app_meta(name, value) VALUES ('avant', 'oui')")
    extra = [
        *MIGRATIONS,
        Migration(LATEST_VERSION + 1, "test_extra", "CREATE TABLE extra(x INTEGER);"),
    ]
    with Store.open(path, store_key, apply_migrations=False) as store:
        applied = migrate(store, backup_dir=tmp_path / "backups", existed=True, migrations=extra)
        assert applied == [LATEST_VERSION + 1]
        assert store.schema_version() == LATEST_VERSION + 1
    backups = list((tmp_path / "backups").glob("store-v*.db"))
    assert len(backups) == 1
    assert f"-v{LATEST_VERSION}-" in backups[0].name
    assert not backups[0].read_bytes().startswith(b"SQLite format 3")
    with Store.open(backups[0], store_key, apply_migrations=False) as old:
        assert old.schema_version() == LATEST_VERSION
        assert old.get_meta("avant") == "oui"


def test_failed_migration_rolls_back_whole_step(tmp_path: Path, store_key: bytes):
    path = tmp_path / "store.db"
    Store.open(path, store_key).close()
    broken = [
        *MIGRATIONS,
        Migration(
            LATEST_VERSION + 1, "broken", "CREATE TABLE half(x);\nINSERT INTO nope VALUES (1);"
        ),
    ]
    with Store.open(path, store_key, apply_migrations=False) as store:
        with pytest.raises(Exception, match="nope"):
            migrate(store, backup_dir=tmp_path / "b", existed=True, migrations=broken)
        assert store.schema_version() == LATEST_VERSION
        assert store.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'half'") == 0


def test_a_first_version_store_upgrades_through_every_real_migration(
    tmp_path: Path, store_key: bytes
) -> None:
    path = tmp_path / "store.db"
    with Store.open(path, store_key, apply_migrations=False) as store:
        migrate(store, backup_dir=tmp_path / "backups", existed=False, migrations=MIGRATIONS[:1])
        assert store.schema_version() == 1
        store.set_meta("patient", "Mme Durand")
        store.audit.append("tester", "note.create", "note:1")
    with Store.open(path, store_key, key_known_good=True) as upgraded:
        assert upgraded.schema_version() == LATEST_VERSION
        assert upgraded.get_meta("patient") == "Mme Durand"
        assert [e.action for e in upgraded.audit.entries()] == ["note.create"]
        applied = [r[0] for r in upgraded.query("SELECT number FROM schema_migrations")]
        assert applied == list(range(1, LATEST_VERSION + 1))
    backups = list((tmp_path / "backups").glob("store-v1-*.db"))
    assert len(backups) == 1
    with Store.open(backups[0], store_key, apply_migrations=False) as old:
        assert old.schema_version() == 1
        assert old.get_meta("patient") == "Mme Durand"
