"""Recipient autocomplete over the national directory (the composer's code path).

Each query word is a prefix (accent- and case-insensitive) matched against name,
profession/specialty, city/postcode, street, address and mailbox kind ("org", "per").
The configured hospital's organisational mailboxes come first. Words of one letter are
ignored (FTS prefix indexes start at two); a query made only of them returns nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from mssclient.directory.text import fold, words
from mssclient.store import Store
from mssclient.store.database import Row

DEFAULT_LIMIT = 10
#: Candidates read from the index per result slot, for ranking.
_OVERFETCH = 4
#: The longest prefix the national FTS index keeps its own list for (migration 0009).
_INDEXED_PREFIX = 3
#: A longer prefix standing for more words than this stays a prefix query (each word of
#: an expansion costs a seek: about 10 µs in the merged index).
_MAX_EXPANSION = 500


@dataclass(frozen=True)
class Recipient:
    mailbox: str
    kind: str  # PER, ORG, APP
    display_name: str
    profession: str = ""
    specialty: str = ""
    organisation: str = ""
    city: str = ""
    postcode: str = ""
    source: str = "local"  # "local" or "annuaire-sante"

    @property
    def is_organisational(self) -> bool:
        return self.kind == "ORG"

    def label(self) -> str:
        """One line for the completion list."""
        bits = [self.display_name or self.mailbox]
        detail = self.specialty or self.profession
        if detail:
            bits.append(detail)
        if self.city:
            bits.append(self.city)
        return " — ".join(bits) + f" <{self.mailbox}>"


_SELECT = (
    "SELECT e.mailbox, e.mailbox_type, e.civility, e.first_name, e.last_name, e.organisation, "
    "e.service, e.profession, e.specialty, e.city, e.postcode, e.street, e.id "
)


def _recipient(row: Row) -> Recipient:
    mailbox, kind, first, last = row[0], row[1], row[3], row[4]
    org, service, profession, specialty, city, postcode = (
        row[5],
        row[6],
        row[7],
        row[8],
        row[9],
        row[10],
    )
    if kind == "PER" and (first or last):
        name = f"{first} {last}".strip()
    else:
        name = " — ".join(p for p in (org, service) if p) or f"{first} {last}".strip()
    return Recipient(
        mailbox=mailbox,
        kind=kind,
        display_name=name,
        profession=profession,
        specialty=specialty,
        organisation=org,
        city=city,
        postcode=postcode,
    )


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def fts_query(query: str, words_for: Callable[[str], list[str] | None] | None = None) -> str:
    """``"dupont"* "card"*`` from "Dupont  card", or '' when no word has two letters.

    ``words_for(prefix)`` may name the whole words a prefix longer than the index's own
    prefixes stands for (None: too many, keep the prefix): ``"medeci"`` then becomes
    ``("medecin" OR "medecine")``, which FTS5 reads lazily up to the LIMIT instead of
    merging every matching list first. A prefix that stands for no word makes the whole
    query match nothing: '' as well."""
    clauses = []
    for word in [w for w in words(query) if len(w) >= 2][:8]:
        expanded = words_for(word) if words_for and len(word) > _INDEXED_PREFIX else None
        if expanded is None:
            clauses.append(_quoted(word) + "*")
        elif not expanded:
            return ""
        else:
            clauses.append("(" + " OR ".join(_quoted(w) for w in expanded) + ")")
    return " AND ".join(clauses)


class Autocompleter:
    """Holds the store and the hospital domain; caches that hospital's ORG mailboxes."""

    def __init__(self, store: Store, hospital_domain: str = "") -> None:
        self._store = store
        self._domain = hospital_domain.strip().lower()
        self._hospital_cache: tuple[str, list[tuple[str, Recipient]]] | None = None

    def _generation(self) -> str:
        return str(
            self._store.scalar("SELECT imported_at FROM national_import_state WHERE id = 1") or ""
        )

    def _hospital_entries(self) -> list[tuple[str, Recipient]]:
        generation = self._generation()
        if self._hospital_cache and self._hospital_cache[0] == generation:
            return self._hospital_cache[1]
        rows = self._store.query(
            _SELECT + "FROM national_entries e WHERE e.domain = ? AND e.mailbox_type = 'ORG'",
            (self._domain,),
        )
        entries = []
        for row in rows:
            recipient = _recipient(row)
            haystack = fold(
                " ".join(
                    str(v)
                    for v in (
                        row[3],
                        row[4],
                        row[5],
                        row[6],
                        row[7],
                        row[8],
                        row[9],
                        row[10],
                        row[11],
                        row[0],
                        "org organisationnelle",
                    )
                )
            )
            entries.append((haystack, recipient))
        self._hospital_cache = (generation, entries)
        return entries

    def _indexed_words(self, prefix: str) -> list[str] | None:
        """The national index's words starting with ``prefix``; None if there are too many."""
        after = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        found = [
            str(r[0])
            for r in self._store.query(
                "SELECT term FROM national_terms WHERE term >= ? AND term < ? LIMIT ?",
                (prefix, after, _MAX_EXPANSION + 1),
            )
        ]
        return None if len(found) > _MAX_EXPANSION else found

    def complete(self, query: str, limit: int = DEFAULT_LIMIT) -> list[Recipient]:
        tokens = [w for w in words(query) if len(w) >= 2]
        if not tokens or limit <= 0:
            return []
        results: list[Recipient] = []
        seen: set[str] = set()
        if self._domain:
            for haystack, recipient in self._hospital_entries():
                hay_words = haystack.split()
                if all(any(h.startswith(t) for h in hay_words) for t in tokens):
                    results.append(recipient)
                    seen.add(recipient.mailbox)
                    if len(results) >= limit:
                        return results
        match = fts_query(query, self._indexed_words)
        rows = (
            self._store.query(
                _SELECT + "FROM national_fts f JOIN national_entries e ON e.id = f.rowid "
                "WHERE national_fts MATCH ? LIMIT ?",
                (match, limit * _OVERFETCH),
            )
            if match
            else []
        )
        candidates = [_recipient(r) for r in rows]
        first = tokens[0]
        candidates.sort(
            key=lambda r: (
                not fold(r.display_name).startswith(first),
                not r.is_organisational,
                fold(r.display_name),
            )
        )
        for recipient in candidates:
            if recipient.mailbox in seen:
                continue
            seen.add(recipient.mailbox)
            results.append(recipient)
            if len(results) >= limit:
                break
        return results


def merge(
    local: list[Recipient], remote: list[Recipient], limit: int = DEFAULT_LIMIT
) -> list[Recipient]:
    """Local results first, then remote ones not already present (same address)."""
    seen = {r.mailbox.lower() for r in local}
    merged = list(local)
    for recipient in remote:
        if recipient.mailbox.lower() not in seen:
            seen.add(recipient.mailbox.lower())
            merged.append(recipient)
    return merged[:limit]
