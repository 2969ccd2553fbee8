"""Load untrusted JSON with limits: size, nesting depth, no NaN, no duplicate keys.

The depth is measured by a scan that skips over strings with a regular expression, before
``json.loads`` ever sees the text, so deeply nested input can neither exhaust the stack
nor run for long.
"""

from __future__ import annotations

import json
import re
from typing import Any

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 64

# A string token always matches (closing quote optional), so a hostile unterminated string
# costs one linear pass, never one pass per quote.
_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{}]', re.DOTALL)


class JsonRejected(ValueError):
    """Untrusted JSON refused; ``reason_fr`` is the French reason."""

    def __init__(self, reason_fr: str) -> None:
        super().__init__(reason_fr)
        self.reason_fr = reason_fr


def max_nesting(text: str, limit: int) -> int:
    """Deepest bracket nesting outside strings, stopping once past ``limit``."""
    depth = deepest = 0
    for match in _TOKENS.finditer(text):
        found = match.group()
        if found in ("[", "{"):
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
        elif found in ("]", "}"):
            depth -= 1
    return deepest


def _no_constant(name: str) -> Any:
    raise JsonRejected(f"valeur numérique non autorisée ({name[:20]})")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise JsonRejected(f"clé en double dans un objet : {key[:40]!r}")
        result[key] = value
    return result


def load_untrusted_json(
    payload: bytes, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH
) -> Any:
    if len(payload) > max_bytes:
        raise JsonRejected(
            f"partie structurée trop volumineuse ({len(payload)} octets, {max_bytes} au plus)"
        )
    try:
        text = payload.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise JsonRejected("partie structurée qui n'est pas en UTF-8") from None
    if max_nesting(text, max_depth) > max_depth:
        raise JsonRejected(f"partie structurée trop imbriquée (plus de {max_depth} niveaux)")
    try:
        return json.loads(text, parse_constant=_no_constant, object_pairs_hook=_unique_keys)
    except RecursionError:  # the scan above should make this unreachable
        raise JsonRejected("partie structurée trop imbriquée") from None
    except json.JSONDecodeError as exc:
        raise JsonRejected(f"JSON invalide (ligne {exc.lineno}, colonne {exc.colno})") from None
