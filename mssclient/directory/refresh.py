"""Refresh the hospital directory over HTTPS, keeping the last good copy on any failure.

``fetch_directory`` does the network part and touches no store, so a GUI worker thread can
run it; ``apply_fetch`` then writes the outcome with the caller's store on its own thread.
``refresh_directory`` chains both for the command line and tests.

Certificate verification is always on: the trust anchors are the system store, or a CA
file given for the hospital (the sandbox's own CA, or a hospital's private one).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

import httpx

from mssclient.directory import hospital_store
from mssclient.directory.bundle import MAX_BUNDLE_BYTES, parse_bundle
from mssclient.directory.errors import BundleError
from mssclient.directory.hours import Clock, local, system_clock
from mssclient.directory.models import HospitalDirectory
from mssclient.errors import MssError
from mssclient.security.tls import TrustAnchors, client_context
from mssclient.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RefreshSettings:
    url: str
    ca_file: str | Path | None = None  # None: the system's trust store
    timeout: float = 10.0
    retries: int = 2  # extra attempts after the first, for network errors and 5xx
    backoff: float = 0.5  # seconds, doubled at each retry
    max_backoff: float = 8.0
    max_bytes: int = MAX_BUNDLE_BYTES


class Outcome(StrEnum):
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    FAILED = "failed"


@dataclass(frozen=True)
class FetchResult:
    """What the server gave: a new body, "not modified", or a French error."""

    not_modified: bool = False
    body: bytes | None = None
    etag: str = ""
    error: str = ""  # French, '' on success


@dataclass(frozen=True)
class RefreshStatus:
    outcome: Outcome
    message: str  # French, for the status line
    last_updated: str  # ISO time the copy in use was downloaded, '' when none
    directory: HospitalDirectory | None  # the copy in use (new or last good)

    @property
    def ok(self) -> bool:
        return self.outcome is not Outcome.FAILED


class _TooLarge(Exception):
    pass


def _verify(settings: RefreshSettings) -> object:
    if settings.ca_file:
        return client_context(TrustAnchors.CA_FILE, settings.ca_file)
    return client_context(TrustAnchors.SYSTEM)


def fetch_directory(
    settings: RefreshSettings,
    etag: str = "",
    *,
    sleep: Callable[[float], None] = time.sleep,
) -> FetchResult:
    """Download the directory; never raises for network or server trouble."""
    if not settings.url.lower().startswith("https://"):
        return FetchResult(error="L'adresse de l'annuaire doit commencer par https://.")
    try:
        verify = _verify(settings)
    except MssError as exc:
        return FetchResult(error=exc.user_message)
    headers = {"Accept": "application/fhir+json, application/json"}
    if etag:
        headers["If-None-Match"] = etag
    timeout = httpx.Timeout(settings.timeout)
    error = ""
    with httpx.Client(verify=verify, timeout=timeout, follow_redirects=False) as client:  # type: ignore[arg-type]
        for attempt in range(settings.retries + 1):
            if attempt:
                sleep(min(settings.backoff * 2 ** (attempt - 1), settings.max_backoff))
            try:
                result = _one_attempt(client, settings, headers)
            except httpx.TimeoutException:
                error = "Le serveur de l'annuaire n'a pas répondu à temps."
                continue
            except httpx.TransportError as exc:
                error = _transport_message(exc)
                continue
            except _TooLarge:
                return FetchResult(
                    error=(
                        "La réponse du serveur dépasse la taille maximale autorisée "
                        f"({settings.max_bytes // 1024} Ko)."
                    )
                )
            if isinstance(result, FetchResult):
                return result
            error = f"Le serveur de l'annuaire a répondu par une erreur ({result})."
    return FetchResult(error=error)


def _one_attempt(
    client: httpx.Client, settings: RefreshSettings, headers: dict[str, str]
) -> FetchResult | int:
    """A FetchResult to return, or an HTTP status worth retrying (5xx)."""
    with client.stream("GET", settings.url, headers=headers) as response:
        if response.status_code == 304:
            return FetchResult(not_modified=True, etag=response.headers.get("ETag", ""))
        if response.status_code >= 500:
            return response.status_code
        if response.status_code != 200:
            return FetchResult(
                error=f"Le serveur de l'annuaire a refusé la demande ({response.status_code})."
            )
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > settings.max_bytes:
            raise _TooLarge
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > settings.max_bytes:
                raise _TooLarge
            chunks.append(chunk)
        return FetchResult(body=b"".join(chunks), etag=response.headers.get("ETag", ""))


def _transport_message(exc: httpx.TransportError) -> str:
    text = str(exc).lower()
    if "certificate" in text or "ssl" in text:
        return (
            "Le certificat du serveur de l'annuaire n'est pas reconnu : "
            "connexion refusée par sécurité."
        )
    return "Le serveur de l'annuaire est injoignable (réseau ou adresse incorrecte)."


def _stamp(iso: str) -> str:
    if not iso:
        return "jamais"
    try:
        return local(datetime.fromisoformat(iso)).strftime("%d/%m/%Y à %H:%M")
    except ValueError:
        return iso


def apply_fetch(store: Store, url: str, result: FetchResult, now: datetime) -> RefreshStatus:
    """Write what was fetched; on any failure keep (and report) the last good copy."""
    previous = hospital_store.load_snapshot(store, url)
    kept = hospital_store.load_directory(store, url)
    error = result.error
    if not error and result.not_modified:
        if previous is None:
            error = "Le serveur dit l'annuaire inchangé, mais aucune copie locale n'existe."
        else:
            hospital_store.record_unchanged(store, url, now)
            return RefreshStatus(
                Outcome.UNCHANGED,
                f"Annuaire à jour (inchangé depuis le {_stamp(previous.fetched_at)}).",
                previous.fetched_at,
                kept,
            )
    if not error and result.body is not None:
        try:
            directory = parse_bundle(result.body)
            text = result.body.decode("utf-8-sig")
        except BundleError as exc:
            error = f"Annuaire reçu mais inutilisable : {exc.user_message}"
        else:
            hospital_store.save_snapshot(store, url, text, result.etag, directory, now)
            return RefreshStatus(
                Outcome.UPDATED,
                f"Annuaire mis à jour le {_stamp(now.isoformat())}.",
                now.isoformat(timespec="seconds"),
                directory,
            )
    error = error or "Réponse vide du serveur de l'annuaire."
    if previous is None:
        return RefreshStatus(
            Outcome.FAILED, f"{error} Aucune copie locale n'est disponible.", "", None
        )
    hospital_store.record_failure(store, url, error, now)
    return RefreshStatus(
        Outcome.FAILED,
        f"{error} La dernière version (du {_stamp(previous.fetched_at)}) reste affichée.",
        previous.fetched_at,
        kept,
    )


def refresh_directory(
    store: Store,
    settings: RefreshSettings,
    *,
    clock: Clock = system_clock,
    sleep: Callable[[float], None] = time.sleep,
) -> RefreshStatus:
    previous = hospital_store.load_snapshot(store, settings.url)
    result = fetch_directory(settings, previous.etag if previous else "", sleep=sleep)
    return apply_fetch(store, settings.url, result, clock())


def import_local_file(store: Store, url: str, raw: bytes, now: datetime) -> RefreshStatus:
    """Install a directory file given by hand (or the bundled demo) as the copy for ``url``."""
    return apply_fetch(store, url, FetchResult(body=raw), now)
