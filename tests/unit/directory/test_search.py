"""Search the hospital directory: accents, case, synonyms, filters, favourites."""

from __future__ import annotations

from datetime import datetime

import pytest

from mssclient.directory.hours import PARIS
from mssclient.directory.models import HospitalDirectory
from mssclient.directory.search import SearchFilters, search
from mssclient.directory.text import fold

MONDAY_10H = datetime(2026, 11, 23, 10, 0, tzinfo=PARIS)
NIGHT = datetime(2026, 11, 23, 23, 0, tzinfo=PARIS)


def ids(directory: HospitalDirectory, query: str, **kwargs: object) -> list[str]:
    return [h.specialty.id for h in search(directory, query, MONDAY_10H, **kwargs)]  # type: ignore[arg-type]


def test_fold() -> None:
    assert fold("  Œdème PÉDIATRIQUE, l'enfant ") == "oedeme pediatrique l enfant"
    assert fold("Gériatrie") == fold("GERIATRIE") == "geriatrie"


@pytest.mark.parametrize("query", ["dermato", "DERMATOLOGIE", "Dérmatologie", "  derm  "])
def test_name_search_ignores_case_and_accents(
    demo_directory: HospitalDirectory, query: str
) -> None:
    assert ids(demo_directory, query)[0] == "dermatologie"


def test_accented_name(demo_directory: HospitalDirectory) -> None:
    assert ids(demo_directory, "geriatrie") == ["geriatrie"]
    assert ids(demo_directory, "néphro") == ["nephrologie"]


def test_synonyms_route_to_the_specialties_that_handle_them(
    demo_directory: HospitalDirectory,
) -> None:
    escarre = ids(demo_directory, "escarre")
    assert set(escarre) == {"dermatologie", "plaies-cicatrisation", "geriatrie"}
    plaie = set(ids(demo_directory, "Plaie"))
    assert {"dermatologie", "plaies-cicatrisation", "endocrinologie", "ligne-infirmiere"} <= plaie
    assert ids(demo_directory, "avc") == ["neurologie"]
    assert ids(demo_directory, "ulcère")[0] in {"dermatologie", "plaies-cicatrisation"}
    hit = search(demo_directory, "escarre", MONDAY_10H)[0]
    assert hit.matched_keyword == "escarre"


def test_all_words_must_match(demo_directory: HospitalDirectory) -> None:
    assert ids(demo_directory, "pied diabetique") == ["endocrinologie"]
    assert ids(demo_directory, "dermatologie avc") == []
    assert ids(demo_directory, "zzz") == []


def test_empty_query_lists_everything(demo_directory: HospitalDirectory) -> None:
    assert len(ids(demo_directory, "")) == len(demo_directory.specialties)


def test_open_now_and_closed_now_filters(demo_directory: HospitalDirectory) -> None:
    open_at_night = [
        h.specialty.id
        for h in search(demo_directory, "", NIGHT, filters=SearchFilters(open_now=True))
    ]
    assert set(open_at_night) == {
        "cardiologie",
        "neurologie",
        "pediatrie",
        "gyneco-obstetrique",
        "chirurgie-orthopedique",
    }
    closed = search(demo_directory, "", NIGHT, filters=SearchFilters(open_now=False))
    assert "dermatologie" in [h.specialty.id for h in closed]
    assert all(not h.status.is_open for h in closed)


def test_on_call_today_filter(demo_directory: HospitalDirectory) -> None:
    saturday = datetime(2026, 11, 28, 10, 0, tzinfo=PARIS)
    hits = search(demo_directory, "", saturday, filters=SearchFilters(on_call_today=True))
    assert {h.specialty.id for h in hits} == {
        "cardiologie",
        "neurologie",
        "pediatrie",
        "gyneco-obstetrique",
        "chirurgie-orthopedique",
    }
    assert all(h.on_call for h in hits)


def test_favorites_first_and_favorites_only(demo_directory: HospitalDirectory) -> None:
    favs = {"plaies-cicatrisation"}
    ranked = ids(demo_directory, "escarre", favorites=favs)
    assert ranked[0] == "plaies-cicatrisation"
    only = ids(demo_directory, "", favorites=favs, filters=SearchFilters(favorites_only=True))
    assert only == ["plaies-cicatrisation"]
