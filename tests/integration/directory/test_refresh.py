"""Refreshing the hospital directory from a real HTTPS server on loopback.

Each failure (500, timeout, oversized body, invalid JSON, JSON that is not a Bundle, an
untrusted certificate) must keep the last good copy and say so in French.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from mssclient.directory import hospital_store
from mssclient.directory.refresh import Outcome, RefreshSettings, RefreshStatus, refresh_directory
from mssclient.paths import resources_dir
from mssclient.store import Store
from tests.integration.directory.https_server import Reply, Request, TestHttpsServer

pytestmark = pytest.mark.integration

DEMO = (resources_dir() / "demo" / "hospital-directory.fhir.json").read_bytes()
PATH = "/directory/hospital.json"
T0 = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
T1 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def settings(server: TestHttpsServer, **overrides: object) -> RefreshSettings:
    values: dict[str, object] = {
        "url": server.url(PATH),
        "ca_file": server.ca_file,
        "timeout": 2.0,
        "retries": 2,
        "backoff": 0.01,
        "max_bytes": 1_000_000,
    }
    values.update(overrides)
    return RefreshSettings(**values)  # type: ignore[arg-type]


def serve_demo(request: Request) -> Reply:
    if request.headers.get("if-none-match") == '"v1"':
        return Reply(304, headers={"ETag": '"v1"'})
    return Reply(200, DEMO, {"ETag": '"v1"', "Content-Type": "application/fhir+json"})


def refresh(
    store: Store, server: TestHttpsServer, at: datetime = T1, **overrides: object
) -> RefreshStatus:
    return refresh_directory(
        store, settings(server, **overrides), clock=lambda: at, sleep=lambda s: None
    )


@pytest.fixture
def primed(temp_store: Store, https_server: TestHttpsServer) -> Store:
    """A store holding a good copy fetched at T0."""
    https_server.respond = serve_demo
    status = refresh(temp_store, https_server, T0)
    assert status.outcome is Outcome.UPDATED, status.message
    https_server.requests.clear()
    return temp_store


def assert_kept(store: Store, server: TestHttpsServer, status: RefreshStatus, words: str) -> None:
    assert status.outcome is Outcome.FAILED
    assert words in status.message
    assert "La dernière version (du 23/11/2026 à 09:00) reste affichée." in status.message
    assert status.directory is not None and status.directory.specialty("dermatologie")
    assert status.last_updated == T0.isoformat(timespec="seconds")
    snapshot = hospital_store.load_snapshot(store, server.url(PATH))
    assert snapshot is not None and snapshot.raw_json.encode() == DEMO and snapshot.etag == '"v1"'
    assert snapshot.last_error and snapshot.fetched_at == T0.isoformat(timespec="seconds")


def test_200_then_304_with_etag(primed: Store, https_server: TestHttpsServer) -> None:
    status = refresh(primed, https_server)
    assert status.outcome is Outcome.UNCHANGED
    assert https_server.requests[0].headers["if-none-match"] == '"v1"'
    assert "inchangé depuis le 23/11/2026 à 09:00" in status.message
    assert status.directory is not None and len(status.directory.specialties) > 15
    snapshot = hospital_store.load_snapshot(primed, https_server.url(PATH))
    assert snapshot is not None and snapshot.checked_at == T1.isoformat(timespec="seconds")


def test_new_version_replaces_the_copy(primed: Store, https_server: TestHttpsServer) -> None:
    document = json.loads(DEMO)
    document["entry"] = [e for e in document["entry"] if e["resource"].get("id") != "urologie"]
    https_server.respond = lambda r: Reply(200, json.dumps(document).encode(), {"ETag": '"v2"'})
    status = refresh(primed, https_server)
    assert status.outcome is Outcome.UPDATED
    assert status.directory is not None and status.directory.specialty("urologie") is None
    snapshot = hospital_store.load_snapshot(primed, https_server.url(PATH))
    assert snapshot is not None and snapshot.etag == '"v2"'


def test_500_is_retried_then_keeps_the_copy(primed: Store, https_server: TestHttpsServer) -> None:
    https_server.respond = lambda r: Reply(500, b"boom")
    status = refresh(primed, https_server)
    assert len(https_server.requests) == 3  # one attempt + two retries
    assert_kept(primed, https_server, status, "erreur (500)")


def test_404_is_not_retried(primed: Store, https_server: TestHttpsServer) -> None:
    https_server.respond = lambda r: Reply(404, b"")
    status = refresh(primed, https_server)
    assert len(https_server.requests) == 1
    assert_kept(primed, https_server, status, "refusé la demande (404)")


def test_500_then_success_on_retry(primed: Store, https_server: TestHttpsServer) -> None:
    replies = iter([Reply(503), Reply(200, DEMO, {"ETag": '"v3"'})])
    https_server.respond = lambda r: next(replies)
    status = refresh(primed, https_server)
    assert status.outcome is Outcome.UPDATED and len(https_server.requests) == 2


def test_timeout(primed: Store, https_server: TestHttpsServer) -> None:
    https_server.respond = lambda r: Reply(200, DEMO, stall=5.0)
    status = refresh(primed, https_server, timeout=0.3, retries=1)
    assert len(https_server.requests) == 2
    assert_kept(primed, https_server, status, "n'a pas répondu à temps")


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "streamed"])
def test_oversized_body(primed: Store, https_server: TestHttpsServer, chunked: bool) -> None:
    https_server.respond = lambda r: Reply(200, b" " * 300_000, chunked=chunked)
    status = refresh(primed, https_server, max_bytes=200_000)
    assert_kept(primed, https_server, status, "dépasse la taille maximale autorisée (195 Ko)")


def test_invalid_json(primed: Store, https_server: TestHttpsServer) -> None:
    https_server.respond = lambda r: Reply(200, DEMO[: len(DEMO) // 2])
    status = refresh(primed, https_server)
    assert_kept(primed, https_server, status, "n'est pas un JSON valide")


def test_json_that_is_not_a_bundle(primed: Store, https_server: TestHttpsServer) -> None:
    body = json.dumps({"resourceType": "Patient", "id": "p1"}).encode()
    https_server.respond = lambda r: Reply(200, body)
    status = refresh(primed, https_server)
    assert_kept(primed, https_server, status, "n'est pas un Bundle FHIR")


def test_untrusted_certificate(primed: Store, https_server: TestHttpsServer) -> None:
    status = refresh(primed, https_server, ca_file=None)  # the system store does not know our CA
    assert https_server.requests == []
    assert_kept(primed, https_server, status, "certificat du serveur")


def test_first_refresh_failing_has_no_copy(
    temp_store: Store, https_server: TestHttpsServer
) -> None:
    https_server.respond = lambda r: Reply(500)
    status = refresh(temp_store, https_server, retries=0)
    assert status.outcome is Outcome.FAILED and status.directory is None
    assert "Aucune copie locale" in status.message


def test_plain_http_is_refused(temp_store: Store) -> None:
    status = refresh_directory(temp_store, RefreshSettings(url="http://127.0.0.1:9/x.json"))
    assert status.outcome is Outcome.FAILED and "https://" in status.message
