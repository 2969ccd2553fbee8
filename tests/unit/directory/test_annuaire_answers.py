"""What a live Annuaire Santé answer may bring into the composer: plain addresses only."""

from __future__ import annotations

from typing import Any

import pytest

from mssclient.directory.annuaire_sante import MAX_NAME_CHARS, recipients_from_bundle


def _org(value: Any, name: Any = "CH Exemple") -> dict[str, Any]:
    return {
        "resource": {
            "resourceType": "Organization",
            "id": "o",
            "name": name,
            "telecom": [{"system": "email", "value": value}],
        }
    }


@pytest.mark.parametrize(
    "value",
    [
        "a@x.mssante.fr, b@y.mssante.fr",
        "Nom <a@x.mssante.fr>",
        '"a"@x.mssante.fr',
        "a@x.mssante.fr\r\nBcc: tous@x.fr",
        "a@x.mssante.fr\x00",
        "@x.mssante.fr",
        "a@.mssante.fr",
        "a" * 65 + "@x.mssante.fr",
        "a@" + "x." * 20 + "mssante.fr",
        "été@x.mssante.fr",
    ],
)
def test_anything_but_one_plain_address_is_dropped(value: str) -> None:
    assert recipients_from_bundle({"resourceType": "Bundle", "entry": [_org(value)]}) == []


def test_names_lose_control_characters_and_are_capped() -> None:
    bundle = {
        "resourceType": "Bundle",
        "entry": [_org("accueil@ch-exemple.mssante.fr", "CH\r\nBcc: x\x07" + "é" * 5000)],
    }
    [found] = recipients_from_bundle(bundle)
    assert found.mailbox == "accueil@ch-exemple.mssante.fr"
    assert "\r" not in found.display_name and "\x07" not in found.display_name
    assert found.display_name.startswith("CH Bcc: x")
    assert len(found.display_name) == MAX_NAME_CHARS


def test_a_huge_answer_is_read_without_trouble() -> None:
    entries = [_org(f"service{n}@ch-exemple.mssante.fr", f"Service {n}") for n in range(20_000)]
    found = recipients_from_bundle({"resourceType": "Bundle", "entry": entries})
    assert len(found) == 20_000
    assert found[-1].mailbox == "service19999@ch-exemple.mssante.fr"
    assert {r.kind for r in found} == {"ORG"}
