"""Search: the tolerant query parser and FTS5 queries, including hostile input."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from mssclient.mailstore import parse_query, search
from mssclient.mailstore.search import MAX_TERMS, parse_date
from tests.unit.mailstore.helpers import inbox, message


@pytest.fixture
def corpus(temp_store):
    repo, _account, folder = inbox(temp_store)
    march = int(datetime(2024, 3, 10, tzinfo=UTC).timestamp())
    june = int(datetime(2024, 6, 1, tzinfo=UTC).timestamp())
    repo.add_messages(
        folder,
        1,
        [
            message(
                1,
                subject="Avis dermatologique — ulcère",
                index_text="Le médecin traitant demande un avis pour un ulcère de jambe.",
                snippet="Le médecin traitant demande un avis",
                date_utc=march,
                has_attachments=True,
            ),
            message(
                2,
                subject="Planning des gardes",
                from_name="Secrétariat",
                from_addr="secretariat@chu.example.test",
                to_addrs="equipe@chu.example.test",
                index_text="Planning de garde du mois de juin, traitant les échanges.",
                snippet="Planning de garde du mois de juin",
                date_utc=june,
            ),
            message(
                3,
                subject="Re: Avis dermatologique — ulcère",
                index_text=(
                    "Pansement hydrocolloïde, revoir dans 15 jours. Médecin traitant informé."
                ),
                snippet="Pansement hydrocolloïde, revoir dans 15 jours",
                date_utc=june + 3600,
                flags=("\\Seen",),
            ),
        ],
    )
    return temp_store


def _uids(hits):
    return sorted(h.row.uid for h in hits)


@pytest.mark.parametrize(
    ("query", "uids"),
    [
        ("ulcère", [1, 3]),
        ("ulcere", [1, 3]),  # accents optional
        ("MÉDECIN", [1, 3]),
        ('"médecin traitant demande"', [1]),
        ("hydro*", [3]),
        ("from:secretariat@chu.example.test", [2]),
        ("de:secrétariat", [2]),
        ("to:equipe", [2]),
        ("objet:avis", [1, 3]),
        ("subject:planning", [2]),
        ("avis -pansement", [1]),
        ("date:2024-03", [1]),
        ("depuis:01/06/2024", [2, 3]),
        ("avant:2024-06-01", [1]),
        ("date:2024-01-01..2024-05-31", [1]),
        ("avec:pj", [1]),
        ("has:attachment avis", [1]),
        ("pj:non avis", [3]),
        ("est:nonlu avis", [1]),
        ("is:read", [3]),
        ("traitant garde", [2]),
    ],
)
def test_queries(corpus, query, uids):
    assert _uids(search(corpus, query)) == uids


def test_hits_come_newest_first_with_snippet_highlights(corpus):
    hits = search(corpus, "médecin")
    assert [h.row.uid for h in hits] == [3, 1]
    first = hits[1]
    assert first.folder_name == "INBOX"
    spans = first.highlights
    assert [first.snippet[a:b] for a, b in spans] == ["médecin"]


def test_relevance_order_is_available(corpus):
    assert len(search(corpus, "avis", order="rank")) == 2


def test_limit_is_respected(corpus):
    assert len(search(corpus, "avis", limit=1)) == 1


def test_parser_understands_and_notes():
    query = parse_query('de:dupont objet:"compte rendu" ulc* date:13/2024 -urgent is:flagged')
    assert query.fts_expression() == (
        '(sender : "dupont" AND subject : "compte rendu" AND "ulc"*) NOT "urgent"'
    )
    assert query.flagged is True
    assert query.notes == ["Date non comprise : « 13/2024 »."]


def test_parse_date_forms():
    assert parse_date("2024")[0] == datetime(2024, 1, 1, tzinfo=UTC)
    assert parse_date("2024-12")[1] == datetime(2025, 1, 1, tzinfo=UTC)
    assert parse_date("5/3/24")[0] == datetime(2024, 3, 5, tzinfo=UTC)
    assert parse_date("31/02/2024") is None
    assert parse_date("demain") is None
    assert parse_date("99999") is None


HOSTILE = [
    "",
    " ",
    '"',
    '""',
    '"""""',
    "*",
    "-",
    "-avis",
    "NOT",
    "AND OR NOT",
    "NEAR(avis ulcère, 2)",
    "avis) OR (1=1",
    "'; DROP TABLE mail_messages; --",
    "subject:",
    'from:"',
    "from:*",
    "col:val:x",
    "a" * 100_000,
    "mot " * 5_000,
    "\x00\x01\x02",
    "\ud800",  # lone surrogate
    "🙂 émoji «citation»",
    "date:..",
    "date:2024-99-99..0000",
    "before:9999-12-31 after:0001-01-01",
    "{subject body}: avis",
    "subject:avis^",
    "^avis",
    "avis + ulcère",
    "rowid:1",
    "mail_fts:avis",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_queries_never_raise(corpus, text):
    query = parse_query(text)
    assert len([t for t in query.terms if not t.negated]) <= MAX_TERMS
    hits = search(corpus, text)
    assert isinstance(hits, list)


def test_random_garbage_never_raises(corpus):
    rng = random.Random(20240305)
    alphabet = "aé\"*()-:^+{}[]\\/ .,;'\x00NOTANDORNEAR𝔘«»"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        search(corpus, text)


def test_only_exclusions_is_explained(corpus):
    query = parse_query("-avis -ulcère")
    assert query.empty
    assert search(corpus, "-avis") == []
    assert "exclusions" in query.notes[0]


def test_non_string_input_is_an_empty_query():
    assert parse_query(None).empty  # type: ignore[arg-type]
