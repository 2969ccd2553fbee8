"""Statistics over requests: how many per specialty, how fast they were answered.

Percentiles use the nearest-rank method (the smallest value with at least p % of the
values at or below it): with few requests, it reports a real response time, not a blend.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta

from mssclient.teleexpertise.model import TeleexpertiseRequest


@dataclass(frozen=True)
class SpecialtyStats:
    specialty_id: str
    label: str
    requests: int
    answered: int
    median: timedelta | None
    p90: timedelta | None


def percentile(values: Sequence[timedelta], p: float) -> timedelta | None:
    """Nearest-rank percentile, ``p`` in (0, 100]; None for no values."""
    if not values:
        return None
    if not 0 < p <= 100:
        raise ValueError("percentile must be in (0, 100]")
    ordered = sorted(values)
    rank = math.ceil(p / 100 * len(ordered))
    return ordered[max(rank, 1) - 1]


def median(values: Sequence[timedelta]) -> timedelta | None:
    """The usual median (mean of the two middle values for an even count)."""
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def response_time(request: TeleexpertiseRequest) -> timedelta | None:
    if request.sent_at is None or request.answered_at is None:
        return None
    return request.answered_at - request.sent_at


def requests_per_specialty(requests: Iterable[TeleexpertiseRequest]) -> dict[str, int]:
    """Sent requests (drafts left out) counted by specialty id."""
    return dict(Counter(r.specialty.id for r in requests if r.sent_at is not None))


def specialty_statistics(requests: Iterable[TeleexpertiseRequest]) -> list[SpecialtyStats]:
    """One line per specialty, most requested first."""
    groups: dict[str, list[TeleexpertiseRequest]] = {}
    for request in requests:
        if request.sent_at is not None:
            groups.setdefault(request.specialty.id, []).append(request)
    lines = []
    for specialty_id, group in groups.items():
        times = [t for t in (response_time(r) for r in group) if t is not None]
        lines.append(
            SpecialtyStats(
                specialty_id,
                group[0].specialty.label,
                len(group),
                len(times),
                median(times),
                percentile(times, 90),
            )
        )
    lines.sort(key=lambda s: (-s.requests, s.label))
    return lines
