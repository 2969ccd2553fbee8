from __future__ import annotations

from pathlib import Path

import pytest

from mssclient.directory.autocomplete import Autocompleter
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
        assert "detail = none" in _fts_sql(upgraded)
    backups = list((tmp_path / "backups").glob("store-v1-*.db"))
    assert len(backups) == 1
    with Store.open(backups[0], store_key, apply_migrations=False) as old:
        assert old.schema_version() == 1
        assert old.get_meta("patient") == "Mme Durand"


def _fts_sql(store: Store) -> str:
    return str(store.scalar("SELECT sql FROM sqlite_master WHERE name = 'national_fts'"))


_NATIONAL = [
    # id, mailbox_type, mailbox, domain, last_name, first_name, profession, specialty,
    # organisation, service, street, postcode, city, departement
    (1, "PER", "helene.dupont@medecin.mssante.fr", "medecin.mssante.fr", "DUPONT", "Hélène",
     "Médecin", "Cardiologie", "", "", "12 rue Pasteur", "59000", "Lille", "59"),
    (2, "ORG", "urgences@ch-arras.mssante.fr", "ch-arras.mssante.fr", "", "", "", "",
     "Centre hospitalier d'Arras", "Urgences", "boulevard Besnier", "62000", "Arras", "62"),
    (3, "APP", "dmp.3@app.mssante.fr", "app.mssante.fr", "", "", "", "",
     "Logiciel de cabinet", "", "", "97400", "Saint-Denis", "974"),
]  # fmt: skip


def test_national_fts_is_rebuilt_without_positions(tmp_path: Path, store_key: bytes) -> None:
    """0009 recreates the contentless national index (detail = none) from national_entries,
    so that an existing directory keeps answering autocomplete without a re-import."""
    path = tmp_path / "store.db"
    before = next(m.number for m in MIGRATIONS if m.name == "national_fts_without_positions")
    with Store.open(path, store_key, apply_migrations=False) as store:
        migrate(
            store, backup_dir=tmp_path / "b", existed=False, migrations=MIGRATIONS[: before - 1]
        )
        assert "detail" not in _fts_sql(store)
        store.executemany(
            "INSERT INTO national_entries(id, mailbox_type, mailbox, domain, last_name, "
            "first_name, profession, specialty, organisation, service, street, postcode, "
            "city, departement) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            _NATIONAL,
        )
    with Store.open(path, store_key, key_known_good=True) as upgraded:
        assert upgraded.schema_version() == LATEST_VERSION
        assert "detail = none" in _fts_sql(upgraded)

        def hits(match: str) -> list[int]:
            return [
                r[0]
                for r in upgraded.query(
                    "SELECT rowid FROM national_fts WHERE national_fts MATCH ? ORDER BY rowid",
                    (match,),
                )
            ]

        assert hits('"helene"* "dup"*') == [1]  # first name, accent-folded, + last name
        assert hits('"cardio"* "lil"*') == [1]  # specialty + city
        assert hits('"pasteur"*') == [1]  # street
        assert hits('"arras"*') == [2]  # organisation, city, address
        assert hits('"urg"* "org"*') == [2]  # service + mailbox kind
        assert hits('"organisationnelle"') == [2]
        assert hits('"974"*') == [3]  # departement
        assert hits('"app"*') == [3]  # kind and address
        assert hits('"mssante"* "fr"') == [1, 2, 3]
        # 0011: the index's word list, which autocomplete expands long prefixes with.
        terms = [r[0] for r in upgraded.query("SELECT term FROM national_terms ORDER BY term")]
        assert {"helene", "dupont", "cardiologie", "organisationnelle", "974"} <= set(terms)
        assert "Hélène" not in terms and len(terms) == len(set(terms))
        found = Autocompleter(upgraded).complete("Hélène dupon cardiolo")
        assert [r.mailbox for r in found] == ["helene.dupont@medecin.mssante.fr"]
