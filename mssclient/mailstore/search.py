"""Mail search: a tolerant query language (French and English keywords) over FTS5.

Syntax: plain words, ``"a phrase"``, ``prefix*``, ``-excluded``, ``from:``/``de:``,
``to:``/``a:``/``pour:``, ``subject:``/``objet:``, ``after:``/``depuis:``/``apres:``,
``before:``/``avant:``, ``date:2024-03`` or ``date:01/03/2024..15/03/2024``,
``has:attachment``/``avec:pj``/``pj:oui``, ``is:unread``/``est:nonlu``,
``is:flagged``/``est:suivi``. Anything the parser does not understand is searched as
words. The FTS5 expression is built only from quoted strings and fixed operators, so no
input can produce an SQL or FTS syntax error.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from mssclient.errors import StoreError
from mssclient.mailstore.models import MessageRow
from mssclient.mailstore.repository import _ROW_COLUMNS, _message_row
from mssclient.store import Store

MAX_QUERY_CHARS = 1_000
MAX_TERMS = 24
DEFAULT_LIMIT = 50

_COLUMNS = {
    "from": "sender",
    "de": "sender",
    "expediteur": "sender",
    "to": "recipients",
    "a": "recipients",
    "pour": "recipients",
    "destinataire": "recipients",
    "cc": "recipients",
    "subject": "subject",
    "objet": "subject",
    "sujet": "subject",
    "body": "body",
    "texte": "body",
}
_AFTER = {"after", "since", "depuis", "apres", "du"}
_BEFORE = {"before", "until", "avant", "jusqua", "au"}
_ATTACHMENT_WORDS = {"attachment", "attachments", "pj", "piecejointe", "oui", "yes", "1", "true"}
_TOKEN = re.compile(r'(-?)(?:([\w\']+):)?("([^"]*)"?|\S+)', re.UNICODE)


def fold(text: str) -> str:
    """Lower case without accents ("Évaluation" -> "evaluation"), for keyword matching."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class Term:
    text: str
    column: str | None = None  # FTS column, None = any
    phrase: bool = False
    prefix: bool = False
    negated: bool = False

    def fts(self) -> str:
        quoted = '"' + self.text.replace('"', '""') + '"'
        if self.prefix:
            quoted += "*"
        return f"{self.column} : {quoted}" if self.column else quoted


@dataclass
class SearchQuery:
    """A parsed query: FTS terms plus SQL filters."""

    terms: list[Term] = field(default_factory=list)
    after: datetime | None = None
    before: datetime | None = None
    has_attachments: bool | None = None
    unread: bool | None = None
    flagged: bool | None = None
    notes: list[str] = field(default_factory=list)  # French remarks on ignored parts

    def fts_expression(self) -> str:
        positive = [t.fts() for t in self.terms if not t.negated]
        if not positive:
            return ""
        expression = " AND ".join(positive)
        for term in self.terms:
            if term.negated:
                expression = f"({expression}) NOT {term.fts()}"
        return expression

    @property
    def empty(self) -> bool:
        return not self.fts_expression() and not any(
            v is not None
            for v in (self.after, self.before, self.has_attachments, self.unread, self.flagged)
        )


def _has_word_char(text: str) -> bool:
    return any(c.isalnum() for c in text)


def parse_date(text: str) -> tuple[datetime, datetime] | None:
    """A day, a month or a year as a [start, end) UTC range; None if not a date."""
    text = text.strip()
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", text)
    if match:
        year, month, day = match[1], match[2], match[3]
    else:
        match = re.fullmatch(r"(?:(\d{1,2})/)?(\d{1,2})/(\d{4}|\d{2})", text)
        if not match:
            return None
        day, month, year = match[1], match[2], match[3]
        if len(year) == 2:
            year = "20" + year
    try:
        y = int(year)
        if month is None:
            start = datetime(y, 1, 1, tzinfo=UTC)
            return start, datetime(y + 1, 1, 1, tzinfo=UTC)
        m = int(month)
        if day is None:
            start = datetime(y, m, 1, tzinfo=UTC)
            end = datetime(y + (m == 12), m % 12 + 1, 1, tzinfo=UTC)
            return start, end
        start = datetime(y, m, int(day), tzinfo=UTC)
        return start, start + timedelta(days=1)
    except (ValueError, OverflowError):
        return None


def _narrow(query: SearchQuery, start: datetime | None, end: datetime | None) -> None:
    if start is not None and (query.after is None or start > query.after):
        query.after = start
    if end is not None and (query.before is None or end < query.before):
        query.before = end


def parse_query(text: str) -> SearchQuery:
    """Parse what the user typed. Never raises; odd parts become words or notes."""
    query = SearchQuery()
    if not isinstance(text, str):
        return query
    text = text.replace("\x00", " ")
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        query.notes.append("La recherche a été raccourcie à 1 000 caractères.")
    for match in _TOKEN.finditer(text):
        negated = match[1] == "-"
        key = fold(match[2]) if match[2] else None
        quoted = match[4] is not None
        value = match[4] if quoted else match[3]
        if key is not None and _apply_keyword(query, key, value, negated, quoted):
            continue
        if key is not None and key not in _COLUMNS:
            # "word:thing" that is no keyword: search it as it was typed.
            value = f"{match[2]}:{value}"
            key = None
        column = _COLUMNS.get(key) if key else None
        _add_term(query, value, column, negated, quoted)
    if len(query.terms) > MAX_TERMS:
        query.terms = query.terms[:MAX_TERMS]
        query.notes.append(f"Seuls les {MAX_TERMS} premiers termes ont été pris en compte.")
    if all(t.negated for t in query.terms) and query.terms:
        query.terms = []
        query.notes.append("Une recherche ne peut pas contenir seulement des exclusions.")
    return query


def _add_term(
    query: SearchQuery, value: str, column: str | None, negated: bool, quoted: bool
) -> None:
    if not _has_word_char(value):
        return
    if quoted:
        query.terms.append(Term(value, column, phrase=True, negated=negated))
        return
    prefix = value.endswith("*")
    # Punctuation around a word ("(urgent)", "dupont,") means nothing to the index.
    value = value.rstrip("*").strip("()[]{},;.!?«»'")
    if _has_word_char(value):
        query.terms.append(Term(value, column, prefix=prefix, negated=negated))


def _apply_keyword(query: SearchQuery, key: str, value: str, negated: bool, quoted: bool) -> bool:
    folded = fold(value)
    if key in ("has", "avec", "pj", "attachment"):
        if key in ("pj", "attachment"):
            wants = folded not in ("non", "no", "0", "false")
        elif folded.replace(" ", "") in _ATTACHMENT_WORDS:
            wants = True
        else:
            return False
        query.has_attachments = not wants if negated else wants
        return True
    if key in ("is", "est"):
        if folded in ("unread", "nonlu", "non-lu", "new"):
            query.unread = not negated
        elif folded in ("read", "lu"):
            query.unread = negated
        elif folded in ("flagged", "starred", "suivi", "important"):
            query.flagged = not negated
        else:
            return False
        return True
    if key in _AFTER or key in _BEFORE or key == "date":
        if ".." in value and key == "date":
            left, _, right = value.partition("..")
            first, last = parse_date(left), parse_date(right)
            if (left and first is None) or (right and last is None):
                query.notes.append(f"Date non comprise : « {value} ».")
                return True
            _narrow(query, first[0] if first else None, last[1] if last else None)
            return True
        parsed = parse_date(value)
        if parsed is None:
            query.notes.append(f"Date non comprise : « {value} ».")
            return True
        if key in _AFTER:
            _narrow(query, parsed[0], None)
        elif key in _BEFORE:
            _narrow(query, None, parsed[0])
        else:
            _narrow(query, parsed[0], parsed[1])
        return True
    return False


@dataclass(frozen=True)
class SearchHit:
    row: MessageRow
    folder_name: str
    snippet: str
    #: (start, end) character spans of matched words in ``snippet``, for highlighting.
    highlights: tuple[tuple[int, int], ...]


def highlight_spans(snippet: str, query: SearchQuery) -> tuple[tuple[int, int], ...]:
    """Where the query's words occur in the snippet, accent- and case-insensitively."""
    words = [fold(t.text) for t in query.terms if not t.negated]
    if not words or not snippet:
        return ()
    # fold() keeps one character per base character for Latin text, so offsets line up
    # as long as lengths match; otherwise give no highlight rather than wrong ones.
    folded = fold(snippet)
    if len(folded) != len(snippet):
        return ()
    spans: list[tuple[int, int]] = []
    for word in words:
        for part in re.findall(r"\w+", word):
            for m in re.finditer(r"\b" + re.escape(part), folded):
                spans.append((m.start(), m.end()))
    return tuple(sorted(set(spans)))


def search(
    store: Store,
    query: SearchQuery | str,
    *,
    account_id: int | None = None,
    folder_id: int | None = None,
    limit: int = DEFAULT_LIMIT,
    order: str = "recent",
) -> list[SearchHit]:
    """Top ``limit`` hits, most recently received first (or by relevance: ``order="rank"``).

    An expression the index rejects anyway returns no hit instead of raising.
    """
    if isinstance(query, str):
        query = parse_query(query)
    if query.empty:
        return []
    where: list[str] = []
    params: list[object] = []
    if account_id is not None:
        where.append("f.account_id = ?")
        params.append(account_id)
    if folder_id is not None:
        where.append("m.folder_id = ?")
        params.append(folder_id)
    if query.after is not None:
        where.append("m.date_utc >= ?")
        params.append(int(query.after.timestamp()))
    if query.before is not None:
        where.append("m.date_utc < ?")
        params.append(int(query.before.timestamp()))
    if query.has_attachments is not None:
        where.append("m.has_attachments = ?")
        params.append(int(query.has_attachments))
    if query.unread is not None:
        where.append("m.seen = ?")
        params.append(0 if query.unread else 1)
    if query.flagged is not None:
        where.append("m.flagged = ?")
        params.append(int(query.flagged))
    columns = "m." + _ROW_COLUMNS.replace(", ", ", m.") + ", f.name"
    expression = query.fts_expression()
    filters = (" AND " + " AND ".join(where)) if where else ""
    dated = query.after is not None or query.before is not None
    if expression and dated and order != "rank":
        # A date range: walk the date index newest first and keep rows the index matched
        # (the match set is a cheap list of integers); walking the FTS doclist instead
        # would visit every match outside the range first.
        sql = (
            f"SELECT {columns} FROM mail_messages m INDEXED BY mail_messages_date "  # noqa: S608
            f"JOIN mail_folders f ON f.id = m.folder_id WHERE m.id IN "
            f"(SELECT rowid FROM mail_fts WHERE mail_fts MATCH ?){filters} "
            f"ORDER BY m.date_utc DESC LIMIT ?"
        )
        params = [expression, *params, limit]
    elif expression:
        # FTS5 walks its doclist in rowid order and stops at the limit: rowids follow
        # arrival order, so "recent" never sorts the whole match set.
        order_by = "fts.rank" if order == "rank" else "fts.rowid DESC"
        sql = (
            f"SELECT {columns} FROM mail_fts fts JOIN mail_messages m ON m.id = fts.rowid "  # noqa: S608
            f"JOIN mail_folders f ON f.id = m.folder_id WHERE mail_fts MATCH ?{filters} "
            f"ORDER BY {order_by} LIMIT ?"
        )
        params = [expression, *params, limit]
    else:
        sql = (
            f"SELECT {columns} FROM mail_messages m JOIN mail_folders f ON f.id = m.folder_id "  # noqa: S608
            f"WHERE 1{filters} ORDER BY m.date_utc DESC, m.id DESC LIMIT ?"
        )
        params = [*params, limit]
    try:
        rows = store.query(sql, params)
    except StoreError:
        return []
    hits = []
    for row in rows:
        message = _message_row(row[:-1])
        hits.append(
            SearchHit(message, row[-1], message.snippet, highlight_spans(message.snippet, query))
        )
    if order != "rank":
        hits.sort(key=lambda h: (h.row.date_utc, h.row.id), reverse=True)
    return hits
