"""Composer suggestions: the local national directory merged with the live Annuaire Santé
(a real HTTPS server answering as the FHIR API does)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from mssclient.directory.annuaire_sante import (
    API_KEY_SECRET,
    AnnuaireSanteClient,
    AnnuaireSanteSettings,
    live_client,
)
from mssclient.directory.national_import import import_extraction
from mssclient.directory.suggestions import LIVE_MIN_CHARS, suggest_recipients
from mssclient.errors import MssError
from mssclient.security import keyring_access
from mssclient.store import Store
from tests.integration.directory.https_server import Reply, Request, TestHttpsServer
from tests.keyring_memory import MemoryKeyring
from tests.unit.directory.extraction_factory import row, text_bytes, write_text

pytestmark = pytest.mark.integration

HOSPITAL = "ch-exemple.sandbox.mssante.fr"
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
MAILBOX_EXT = "https://interop.esante.gouv.fr/ig/fhir/annuaire/StructureDefinition/as-ext-mailbox-mss-metadata"


def _practitioner_role(n: int, mailbox: str, family: str) -> list[dict[str, Any]]:
    return [
        {
            "resource": {
                "resourceType": "PractitionerRole",
                "id": f"r{n}",
                "practitioner": {"reference": f"Practitioner/p{n}"},
                "telecom": [
                    {"system": "email", "value": mailbox, "extension": [{"url": MAILBOX_EXT}]}
                ],
            }
        },
        {
            "resource": {
                "resourceType": "Practitioner",
                "id": f"p{n}",
                "name": [{"family": family, "given": ["Claire"]}],
            }
        },
    ]


@pytest.fixture
def local_store(temp_store: Store, tmp_path: Path) -> Store:
    rows = [
        row(mailbox="claire.durand@medecin.mssante.fr", first="Claire", last="DURAND"),
        row(
            kind="ORG",
            mailbox="durand-cardiologie@" + HOSPITAL,
            first="",
            last="",
            profession="",
            skill="",
            organisation="Centre hospitalier d'Exemple",
            service="Cardiologie Durand",
        ),
    ]
    import_extraction(temp_store, write_text(tmp_path / "x.txt", text_bytes(rows)), NOW)
    return temp_store


@pytest.fixture
def api(https_server: TestHttpsServer) -> TestHttpsServer:
    def respond(request: Request) -> Reply:
        if request.headers.get("esante-api-key") != "cle-de-test":
            return Reply(401, b"{}")
        entries = _practitioner_role(1, "claire.durand@medecin.mssante.fr", "DURAND")
        entries += _practitioner_role(2, "c.durand@chu-ailleurs.mssante.fr", "DURAND-ROUX")
        entries += _practitioner_role(3, "evil@x.mssante.fr\r\nBcc: all@x.fr", "PIRATE")
        bundle = {"resourceType": "Bundle", "type": "searchset", "entry": entries}
        return Reply(200, json.dumps(bundle).encode())

    https_server.respond = respond
    return https_server


def client(server: TestHttpsServer) -> AnnuaireSanteClient:
    settings = AnnuaireSanteSettings(
        base_url=server.url("/fhir/v2"), ca_file=server.ca_file, timeout=2.0
    )
    return AnnuaireSanteClient(settings, api_key="cle-de-test")


def test_local_first_then_live_without_duplicates(local_store: Store, api: TestHttpsServer) -> None:
    found = suggest_recipients(local_store, "durand", HOSPITAL, client(api))
    assert [(r.mailbox, r.source) for r in found] == [
        ("durand-cardiologie@" + HOSPITAL, "local"),  # the hospital's own mailbox on top
        ("claire.durand@medecin.mssante.fr", "local"),  # known locally: not repeated
        ("c.durand@chu-ailleurs.mssante.fr", "annuaire-sante"),
    ]  # the address carrying a header break was dropped
    assert found[2].display_name == "Claire DURAND-ROUX"
    assert len(api.requests) == 1


def test_without_a_live_client_only_the_local_directory_answers(local_store: Store) -> None:
    found = suggest_recipients(local_store, "durand", HOSPITAL, None)
    assert {r.source for r in found} == {"local"} and len(found) == 2


def test_short_query_or_full_local_answer_makes_no_request(
    local_store: Store, api: TestHttpsServer
) -> None:
    short = "du"
    assert len(short) < LIVE_MIN_CHARS
    assert len(suggest_recipients(local_store, short, HOSPITAL, client(api))) == 2
    found = suggest_recipients(local_store, "durand", HOSPITAL, client(api), limit=2)
    assert [r.source for r in found] == ["local", "local"]
    assert api.requests == []


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (Reply(500, b"{}"), "erreur (500)"),
        (Reply(200, b"<html>"), "illisible"),
        (Reply(200, b"{}", stall=5.0), "pas répondu à temps"),
    ],
)
def test_live_failure_keeps_the_local_answers_and_says_why(
    local_store: Store, https_server: TestHttpsServer, reply: Reply, expected: str
) -> None:
    https_server.respond = lambda r: reply
    errors: list[MssError] = []
    settings = AnnuaireSanteSettings(
        base_url=https_server.url("/fhir/v2"), ca_file=https_server.ca_file, timeout=0.5
    )
    live = AnnuaireSanteClient(settings, api_key="cle-de-test")
    found = suggest_recipients(local_store, "durand", HOSPITAL, live, on_live_error=errors.append)
    assert [r.source for r in found] == ["local", "local"]
    assert len(errors) == 1 and expected in errors[0].user_message


def test_live_client_follows_the_setting_and_the_keyring(
    memory_keyring: MemoryKeyring, api: TestHttpsServer, local_store: Store
) -> None:
    assert live_client(False) is None
    assert live_client(True) is None  # no key saved yet: local directory only
    keyring_access.set_secret(API_KEY_SECRET, "cle-de-test")
    assert live_client(False) is None
    live = live_client(True, api.url("/fhir/v2"))
    assert isinstance(live, AnnuaireSanteClient)
    # Its trust is the system store: our throwaway CA is not in it, so the lookup fails
    # cleanly and the local answers stay.
    errors: list[MssError] = []
    found = suggest_recipients(local_store, "durand", HOSPITAL, live, on_live_error=errors.append)
    assert [r.source for r in found] == ["local", "local"]
    assert errors and "injoignable" in errors[0].user_message
