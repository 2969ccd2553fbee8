"""Keep the hospital directory offline: the last good copy, its parsed specialties, favourites.

Every function takes the caller's ``Store`` (one thread per store): network work happens
elsewhere (``refresh.fetch_directory``) and only the result is written here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from mssclient.directory.bundle import parse_bundle
from mssclient.directory.errors import BundleError
from mssclient.directory.models import HospitalDirectory
from mssclient.directory.search import search_text
from mssclient.store import Store


@dataclass(frozen=True)
class Snapshot:
    url: str
    raw_json: str
    etag: str
    fetched_at: str
    checked_at: str
    last_attempt_at: str
    last_error: str


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def load_snapshot(store: Store, url: str) -> Snapshot | None:
    rows = store.query(
        "SELECT url, raw_json, etag, fetched_at, checked_at, last_attempt_at, last_error "
        "FROM dir_hospital_snapshots WHERE url = ?",
        (url,),
    )
    return Snapshot(*rows[0]) if rows else None


def load_directory(store: Store, url: str) -> HospitalDirectory | None:
    """The directory from the last good copy, or None when there is none (or it is unusable)."""
    snapshot = load_snapshot(store, url)
    if snapshot is None:
        return None
    try:
        return parse_bundle(snapshot.raw_json)
    except BundleError:
        return None


def save_snapshot(
    store: Store, url: str, raw_json: str, etag: str, directory: HospitalDirectory, now: datetime
) -> None:
    """Replace the copy for ``url`` (already parsed successfully) in one transaction."""
    stamp = _iso(now)
    with store.transaction():
        store.execute(
            "INSERT INTO dir_hospital_snapshots"
            "(url, raw_json, etag, fetched_at, checked_at, last_attempt_at, last_error) "
            "VALUES (?, ?, ?, ?, ?, ?, '') ON CONFLICT(url) DO UPDATE SET "
            "raw_json = excluded.raw_json, etag = excluded.etag, "
            "fetched_at = excluded.fetched_at, checked_at = excluded.checked_at, "
            "last_attempt_at = excluded.last_attempt_at, last_error = ''",
            (url, raw_json, etag, stamp, stamp, stamp),
        )
        snapshot_id = store.scalar("SELECT id FROM dir_hospital_snapshots WHERE url = ?", (url,))
        store.execute("DELETE FROM dir_specialties WHERE snapshot_id = ?", (snapshot_id,))
        store.executemany(
            "INSERT INTO dir_specialties(snapshot_id, specialty_id, name, menu_key, "
            "single_number, mailbox, answer_delay_h, search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    snapshot_id,
                    s.id,
                    s.name,
                    s.menu_key,
                    s.single_number,
                    s.teleexpertise_mailbox,
                    s.answer_delay_hours,
                    search_text(s),
                )
                for s in directory.specialties
            ],
        )


def record_unchanged(store: Store, url: str, now: datetime) -> None:
    stamp = _iso(now)
    store.execute(
        "UPDATE dir_hospital_snapshots SET checked_at = ?, last_attempt_at = ?, last_error = '' "
        "WHERE url = ?",
        (stamp, stamp, url),
    )


def record_failure(store: Store, url: str, message: str, now: datetime) -> None:
    """Note the failed attempt; the copy itself is left untouched."""
    store.execute(
        "UPDATE dir_hospital_snapshots SET last_attempt_at = ?, last_error = ? WHERE url = ?",
        (_iso(now), message, url),
    )


# -- favourites ---------------------------------------------------------------------------------
def favorites(store: Store) -> set[str]:
    return {str(row[0]) for row in store.query("SELECT specialty_id FROM dir_favorites")}


def set_favorite(store: Store, specialty_id: str, favorite: bool, now: datetime) -> None:
    if favorite:
        store.execute(
            "INSERT OR IGNORE INTO dir_favorites(specialty_id, added_at) VALUES (?, ?)",
            (specialty_id, _iso(now)),
        )
    else:
        store.execute("DELETE FROM dir_favorites WHERE specialty_id = ?", (specialty_id,))
