"""Recipient suggestions for the composer: the local national directory, then (optionally)
the live Annuaire Santé, merged without duplicates.

The local directory answers first and is enough on its own; the live lookup only adds
addresses the local copy lacks. It runs only when a client is given, the query has at
least ``LIVE_MIN_CHARS`` letters and the local answers leave room. A live failure never
hides the local answers: it is handed to ``on_live_error`` (French ``user_message``).
The live lookup is a network call: the GUI runs this function off its thread when a
client is given.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from typing import Protocol

from mssclient.directory.autocomplete import DEFAULT_LIMIT, Autocompleter, Recipient, merge
from mssclient.errors import MssError
from mssclient.store import Store

log = logging.getLogger(__name__)

#: Letters typed before the live directory is asked (it searches inside addresses).
LIVE_MIN_CHARS = 3


class LiveLookup(Protocol):
    """What the live directory client offers (``AnnuaireSanteClient``)."""

    def search_mailboxes(self, text: str, limit: int = 20) -> list[Recipient]: ...


# One completer per open store and hospital domain, so that the hospital's own mailboxes
# stay cached between keystrokes; a closed (locked) store's entry goes with it.
_completers: weakref.WeakKeyDictionary[Store, dict[str, Autocompleter]] = (
    weakref.WeakKeyDictionary()
)


def _completer(store: Store, hospital_domain: str) -> Autocompleter:
    by_domain = _completers.setdefault(store, {})
    domain = hospital_domain.strip().lower()
    if domain not in by_domain:
        by_domain[domain] = Autocompleter(store, domain)
    return by_domain[domain]


def suggest_recipients(
    store: Store,
    query: str,
    hospital_domain: str,
    live_client: LiveLookup | None,
    *,
    limit: int = DEFAULT_LIMIT,
    on_live_error: Callable[[MssError], None] | None = None,
) -> list[Recipient]:
    """Up to ``limit`` recipients for ``query``: local ones first (the hospital's
    organisational mailboxes at the top), then live ones not already listed.

    Raises only what reading the local store raises (``StoreError``, e.g. while locked).
    """
    local = _completer(store, hospital_domain).complete(query, limit)
    if live_client is None or len(local) >= limit or len(query.strip()) < LIVE_MIN_CHARS:
        return local
    try:
        remote = live_client.search_mailboxes(query, limit=limit)
    except MssError as exc:
        log.info("live directory lookup failed: %s", exc)
        if on_live_error is not None:
            on_live_error(exc)
        return local
    return merge(local, remote, limit)
