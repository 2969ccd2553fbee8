"""The Annuaire Santé FHIR client against canned pages served over real HTTPS."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from mssclient.directory.annuaire_sante import (
    API_KEY_SECRET,
    AnnuaireSanteClient,
    AnnuaireSanteSettings,
    recipients_from_bundle,
)
from mssclient.directory.autocomplete import Recipient, merge
from mssclient.directory.errors import AnnuaireApiError
from mssclient.security import keyring_access
from tests.integration.directory.https_server import Reply, Request, TestHttpsServer
from tests.keyring_memory import MemoryKeyring

pytestmark = pytest.mark.integration

MAILBOX_EXT = "https://interop.esante.gouv.fr/ig/fhir/annuaire/StructureDefinition/as-ext-mailbox-mss-metadata"


def _role(n: int, mailbox: str) -> list[dict[str, Any]]:
    return [
        {
            "fullUrl": f"x/PractitionerRole/r{n}",
            "resource": {
                "resourceType": "PractitionerRole",
                "id": f"r{n}",
                "practitioner": {"reference": f"Practitioner/p{n}"},
                "telecom": [
                    {"system": "phone", "value": "0321000000"},
                    {"system": "email", "value": mailbox, "extension": [{"url": MAILBOX_EXT}]},
                ],
            },
        },
        {
            "fullUrl": f"x/Practitioner/p{n}",
            "search": {"mode": "include"},
            "resource": {
                "resourceType": "Practitioner",
                "id": f"p{n}",
                "name": [{"family": f"DURAND{n}", "given": ["Claire"]}],
            },
        },
    ]


def _page(entries: list[dict[str, Any]], next_url: str | None) -> bytes:
    bundle: dict[str, Any] = {"resourceType": "Bundle", "type": "searchset", "entry": entries}
    if next_url:
        bundle["link"] = [{"relation": "self", "url": "x"}, {"relation": "next", "url": next_url}]
    return json.dumps(bundle).encode()


@pytest.fixture
def api(https_server: TestHttpsServer) -> TestHttpsServer:
    def respond(request: Request) -> Reply:
        if request.headers.get("esante-api-key") != "cle-de-test":
            return Reply(401, b"{}")
        if request.path.startswith("/fhir/v2/PractitionerRole?"):
            return Reply(
                200,
                _page(
                    _role(1, "claire.durand1@medecin.mssante.fr")
                    + _role(2, "claire.durand2@medecin.mssante.fr"),
                    https_server.url("/fhir/v2/page2"),
                ),
            )
        if request.path == "/fhir/v2/page2":
            org = {
                "resource": {
                    "resourceType": "Organization",
                    "id": "o1",
                    "name": "CH Durand",
                    "telecom": [{"system": "email", "value": "accueil@ch-durand.mssante.fr"}],
                }
            }
            return Reply(
                200,
                _page(
                    [*_role(3, "claire.durand1@medecin.mssante.fr"), org],
                    "https://other-host.example/fhir/v2/page3",
                ),
            )
        return Reply(404, b"{}")

    https_server.respond = respond
    return https_server


def client(
    server: TestHttpsServer, key: str | None = "cle-de-test", **kw: Any
) -> AnnuaireSanteClient:
    settings = AnnuaireSanteSettings(
        base_url=server.url("/fhir/v2"),
        ca_file=server.ca_file,
        timeout=kw.pop("timeout", 2.0),
        **kw,
    )
    return AnnuaireSanteClient(settings, api_key=key)


def test_pages_are_followed_and_deduplicated(api: TestHttpsServer) -> None:
    found = client(api).search_mailboxes("durand")
    assert [r.mailbox for r in found] == [
        "claire.durand1@medecin.mssante.fr",
        "claire.durand2@medecin.mssante.fr",
        "accueil@ch-durand.mssante.fr",
    ]
    assert found[0].display_name == "Claire DURAND1" and found[0].kind == "PER"
    assert found[2].kind == "ORG" and found[2].source == "annuaire-sante"
    first = urlsplit(api.requests[0].path)
    assert parse_qs(first.query)["mailbox-mss:contains"] == ["durand"]
    # Two pages fetched; the next link to another host is not followed (the key stays home).
    assert [urlsplit(r.path).path for r in api.requests] == [
        "/fhir/v2/PractitionerRole",
        "/fhir/v2/page2",
    ]


def test_limit_stops_paging(api: TestHttpsServer) -> None:
    assert len(client(api).search_mailboxes("durand", limit=2)) == 2
    assert len(api.requests) == 1


def test_key_from_the_keyring(api: TestHttpsServer, memory_keyring: MemoryKeyring) -> None:
    keyring_access.set_secret(API_KEY_SECRET, "cle-de-test")
    assert len(client(api, key=None).search_mailboxes("durand")) == 3


def test_no_key_disables_the_lookup(api: TestHttpsServer, memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(AnnuaireApiError) as caught:
        client(api, key=None)
    assert "Aucune clé" in caught.value.user_message


def test_refused_key(api: TestHttpsServer) -> None:
    with pytest.raises(AnnuaireApiError) as caught:
        client(api, key="mauvaise").search_mailboxes("durand")
    assert "refusé la clé" in caught.value.user_message


def test_timeout(https_server: TestHttpsServer) -> None:
    https_server.respond = lambda r: Reply(200, b"{}", stall=5.0)
    with pytest.raises(AnnuaireApiError) as caught:
        client(https_server, timeout=0.3).search_mailboxes("durand")
    assert "pas répondu à temps" in caught.value.user_message


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b"<html>", "illisible"),
        (b'{"resourceType": "Patient"}', "inattendue"),
        (b"[]", "inattendue"),
    ],
)
def test_bad_answers(https_server: TestHttpsServer, body: bytes, expected: str) -> None:
    https_server.respond = lambda r: Reply(200, body)
    with pytest.raises(AnnuaireApiError) as caught:
        client(https_server).search_mailboxes("durand")
    assert expected in caught.value.user_message


def test_short_query_makes_no_request(api: TestHttpsServer) -> None:
    assert client(api).search_mailboxes(" d ") == []
    assert api.requests == []


def test_hostile_bundle_content_is_skipped() -> None:
    bundle = {
        "resourceType": "Bundle",
        "entry": [
            None,
            3,
            {"resource": "x"},
            {
                "resource": {
                    "resourceType": "PractitionerRole",
                    "telecom": [None, {"system": "email"}, {"system": "email", "value": 5}],
                }
            },
            {
                "resource": {
                    "resourceType": "Practitioner",
                    "name": "Dr X",
                    "telecom": [{"system": "email", "value": "x@medecin.mssante.fr"}],
                }
            },
        ],
    }
    assert [r.mailbox for r in recipients_from_bundle(bundle)] == ["x@medecin.mssante.fr"]
    assert recipients_from_bundle({"entry": "nope"}) == []


def test_remote_results_merge_after_local(api: TestHttpsServer) -> None:
    local = [Recipient("claire.durand2@medecin.mssante.fr", "PER", "Claire Durand")]
    merged = merge(local, client(api).search_mailboxes("durand"))
    assert [r.source for r in merged] == ["local", "annuaire-sante", "annuaire-sante"]
