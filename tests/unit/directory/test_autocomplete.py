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
    assert fts_query('Dupont  "card" a') == '"dupont"* AND "card"*'
    assert fts_query("é") == ""
    assert fts_query('x" OR 1=1 --') == '"or"*'


def test_fts_query_expands_long_prefixes_into_their_words() -> None:
    known = {"medeci": ["medecin", "medecine"], "zzzz": [], "pharma": None}

    def words_for(prefix: str) -> list[str] | None:
        return known[prefix]

    # Prefixes of up to three letters have their own index: never expanded.
    assert fts_query("me medeci", words_for) == '"me"* AND ("medecin" OR "medecine")'
    assert fts_query("pharma lil", words_for) == '"pharma"* AND "lil"*'  # too many words
    assert fts_query("medeci zzzz", words_for) == ""  # a prefix no word starts with


def test_expanded_and_prefix_queries_find_the_same_rows(temp_store: Store, tmp_path: Path) -> None:
    """The word list is read from the index itself: every keystroke of every name,
    profession and city finds exactly the rows a plain prefix query finds."""
    names = ["Lefèvre", "Lefebvre", "Lefort", "Médecin", "Médéric", "Œdème", "O'Neill", "Mühlen"]
    rows = [
        row(
            mailbox=f"p{i}.x{i}@medecin.mssante.fr",
            first=first,
            last=last,
            profession=profession,
            city=city,
        )
        for i, (first, last, profession, city) in enumerate(
            (a, b, p, c)
            for a in names[:4]
            for b in names[4:]
            for p in ("Médecin", "Infirmier", "Pharmacien")
            for c in ("Lille", "Lillers", "Liévin")
        )
    ]
    import_extraction(temp_store, write_text(tmp_path / "x.txt", text_bytes(rows)), NOW)
    completer = Autocompleter(temp_store)
    typed = {
        w[:n]
        for w in ["lefebvre", "medecin", "infirmier", "lievin", "pharmacien", "medeline", "p17"]
        for n in range(2, len(w) + 1)
    }
    for query in [*sorted(typed), "medec lill", "lefe pharm lil", "oneill", "muhlen"]:
        plain = temp_store.query(
            "SELECT rowid FROM national_fts WHERE national_fts MATCH ? ORDER BY rowid",
            (fts_query(query),),
        )
        expanded_match = fts_query(query, completer._indexed_words)
        expanded = (
            temp_store.query(
                "SELECT rowid FROM national_fts WHERE national_fts MATCH ? ORDER BY rowid",
                (expanded_match,),
            )
            if expanded_match
            else []
        )
        assert [r[0] for r in expanded] == [r[0] for r in plain], query
    assert len(completer.complete("medeci lil", limit=50)) == 50


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
