"""Search the hospital directory: specialty, keyword or synonym, open now, on call today."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from mssclient.directory.hours import OpenStatus, on_call_today, open_status
from mssclient.directory.models import HospitalDirectory, OnCall, Specialty
from mssclient.directory.text import fold, words


@dataclass(frozen=True)
class SearchFilters:
    open_now: bool | None = None  # True: open only; False: closed only; None: both
    on_call_today: bool = False
    favorites_only: bool = False


@dataclass(frozen=True)
class SearchHit:
    specialty: Specialty
    status: OpenStatus
    on_call: tuple[OnCall, ...]
    matched_keyword: str  # the synonym that matched, "" when the name (or nothing) did
    favorite: bool


def search_text(specialty: Specialty) -> str:
    """What the store's ``dir_specialties.search_text`` column holds."""
    return " ".join([fold(specialty.name), *(fold(k) for k in specialty.keywords)])


def _score(specialty: Specialty, tokens: list[str]) -> tuple[int, str] | None:
    """Lower is better; None when a query word matches nothing. Words match by prefix."""
    name_words = words(specialty.name)
    keyword_words = [(k, words(k)) for k in specialty.keywords]
    score = 0
    matched = ""
    for token in tokens:
        if any(w.startswith(token) for w in name_words):
            continue
        hit = next((k for k, ws in keyword_words if any(w.startswith(token) for w in ws)), None)
        if hit is None:
            if token == fold(specialty.menu_key) and token:
                score += 3
                continue
            return None
        score += 2
        matched = matched or hit
    if tokens and name_words and name_words[0].startswith(tokens[0]):
        score -= 1
    return score, matched


def search(
    directory: HospitalDirectory,
    query: str,
    moment: datetime,
    *,
    filters: SearchFilters | None = None,
    favorites: Collection[str] = (),
) -> list[SearchHit]:
    filters = filters or SearchFilters()
    tokens = words(query)
    ranked: list[tuple[tuple[int, int, str], SearchHit]] = []
    for specialty in directory.specialties:
        scored = _score(specialty, tokens)
        if scored is None:
            continue
        favorite = specialty.id in favorites
        if filters.favorites_only and not favorite:
            continue
        status = open_status(specialty, moment)
        if filters.open_now is not None and status.is_open != filters.open_now:
            continue
        duties = on_call_today(specialty, moment)
        if filters.on_call_today and not duties:
            continue
        hit = SearchHit(specialty, status, duties, scored[1], favorite)
        ranked.append(((scored[0], 0 if favorite else 1, fold(specialty.name)), hit))
    ranked.sort(key=lambda pair: pair[0])
    return [hit for _, hit in ranked]
