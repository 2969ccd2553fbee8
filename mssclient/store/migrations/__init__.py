"""Numbered, forward-only schema migrations.

Each ``NNNN_name.sql`` file in this package is one migration; numbers start at 1 and
have no gaps. A migration is never edited once released: add a new one instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    sql: str


def load_migrations() -> list[Migration]:
    found = []
    for entry in resources.files(__package__).iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.number)
    expected = list(range(1, len(found) + 1))
    if [m.number for m in found] != expected:
        raise RuntimeError(f"migrations must be numbered 1..N without gaps: {found}")
    return found


MIGRATIONS: list[Migration] = load_migrations()
LATEST_VERSION = MIGRATIONS[-1].number if MIGRATIONS else 0
