"""Recipient autocomplete over the national directory (what the composer calls)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from mssclient.directory.autocomplete import Autocompleter, Recipient, fts_query, merge
from mssclient.directory.national_import import import_extraction
from mssclient.store import Store
from tests.unit.directory.extraction_factory import row, text_bytes, write_text

HOSPITAL = "ch-exemple.sandbox.mssante.fr"
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture
def completer(temp_store: Store, tmp_path: Path) -> Autocompleter:
    rows = [
        row(
            mailbox="helene.lefevre@medecin.mssante.fr",
            first="Hélène",
            last="LEFÈVRE",
            skill="Cardiologie et maladies vasculaires",
            city="Arras",
            postcode="62000",
        ),
        row(
            mailbox="cardio@clinique-nord.mssante.fr",
            kind="ORG",
            first="",
            last="",
            profession="",
            skill="",
            organisation="Clinique du Nord",
            service="Cardiologie",
            city="Lille",
        ),
        row(
            mailbox="cardiologie@" + HOSPITAL,
            kind="ORG",
            first="",
            last="",
            profession="",
            skill="",
            organisation="Centre hospitalier d'Exemple",
            service="Cardiologie",
            city="Exemple-sur-Mer",
            postcode="62000",
        ),
        row(
            mailbox="dermatologie@" + HOSPITAL,
            kind="ORG",
            first="",
            last="",
            profession="",
            skill="",
            organisation="Centre hospitalier d'Exemple",
            service="Dermatologie",
            city="Exemple-sur-Mer",
            postcode="62000",
        ),
        row(
            mailbox="ines.martin@infirmier.mssante.fr",
            first="Inès",
            last="MARTIN",
            profession="Infirmier",
            skill="",
            city="Lens",
            postcode="62300",
        ),
        row(
            mailbox="dmp@app.mssante.fr",
            kind="APP",
            first="",
            last="",
            profession="",
            skill="",
            organisation="Logiciel",
        ),
    ]
    import_extraction(temp_store, write_text(tmp_path / "x.txt", text_bytes(rows)), NOW)
    return Autocompleter(temp_store, HOSPITAL)


def addresses(found: list[Recipient]) -> list[str]:
    return [r.mailbox for r in found]


def test_fts_query_quotes_prefixes_and_drops_single_letters() -> None:
    assert fts_query('Dupont  "card" a') == '"dupont"* "card"*'
    assert fts_query("é") == ""
    assert fts_query('x" OR 1=1 --') == '"or"*'


def test_accent_and_case_insensitive_name_search(completer: Autocompleter) -> None:
    assert addresses(completer.complete("HELENE")) == ["helene.lefevre@medecin.mssante.fr"]
    assert addresses(completer.complete("lefèv")) == ["helene.lefevre@medecin.mssante.fr"]


def test_hospital_organisational_mailboxes_come_first(completer: Autocompleter) -> None:
    found = completer.complete("cardio")
    assert found[0].mailbox == "cardiologie@" + HOSPITAL
    assert set(addresses(found)) == {
        "cardiologie@" + HOSPITAL,
        "cardio@clinique-nord.mssante.fr",
        "helene.lefevre@medecin.mssante.fr",
    }
    assert found[0].display_name == "Centre hospitalier d'Exemple — Cardiologie"


def test_search_by_city_profession_kind_and_address(completer: Autocompleter) -> None:
    assert addresses(completer.complete("infirmier lens")) == ["ines.martin@infirmier.mssante.fr"]
    assert addresses(completer.complete("arras")) == ["helene.lefevre@medecin.mssante.fr"]
    assert set(addresses(completer.complete("org exemple"))) == {
        "cardiologie@" + HOSPITAL,
        "dermatologie@" + HOSPITAL,
    }
    assert addresses(completer.complete("app")) == ["dmp@app.mssante.fr"]
    assert addresses(completer.complete("rue nationale", limit=2)) != []
    assert addresses(completer.complete("clinique-nord")) == ["cardio@clinique-nord.mssante.fr"]


def test_limits_and_short_queries(completer: Autocompleter) -> None:
    assert completer.complete("c") == []
    assert completer.complete("") == []
    assert len(completer.complete("mssante", limit=2)) == 2
    assert completer.complete("zzzz") == []


def test_hostile_queries_do_not_break_fts(completer: Autocompleter) -> None:
    for query in ['"', "AND OR NOT", "NEAR(a b)", "*", "col:val", "a" * 5000, "\x00\x01"]:
        completer.complete(query)


def test_merge_dedupes_by_address() -> None:
    local = [Recipient("a@x.mssante.fr", "PER", "A")]
    remote = [
        Recipient("A@X.mssante.fr", "PER", "A", source="annuaire-sante"),
        Recipient("b@x.mssante.fr", "PER", "B", source="annuaire-sante"),
    ]
    merged = merge(local, remote)
    assert [r.mailbox for r in merged] == ["a@x.mssante.fr", "b@x.mssante.fr"]
    assert merged[0].source == "local"
