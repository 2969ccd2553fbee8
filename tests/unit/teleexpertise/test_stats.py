from __future__ import annotations

from datetime import timedelta

import pytest

from mssclient.teleexpertise.model import Specialty, new_request_uid
from mssclient.teleexpertise.stats import (
    median,
    percentile,
    requests_per_specialty,
    specialty_statistics,
)
from tests.unit.teleexpertise.factories import DERMATOLOGY, T0, wound_request

CARDIO = Specialty("cardiologie", "Cardiologie", "cardio@chu.mssante.fr")
H = timedelta(hours=1)


def _request(specialty: Specialty, hours: float | None, sent: bool = True):  # type: ignore[no-untyped-def]
    return wound_request(
        request_uid=new_request_uid(),
        specialty=specialty,
        sent_at=T0 if sent else None,
        answered_at=T0 + hours * H if hours is not None else None,
    )


def test_median_and_nearest_rank_percentile() -> None:
    values = [h * H for h in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)]
    assert median(values) == 5.5 * H
    assert median(values[:9]) == 5 * H
    assert percentile(values, 90) == 9 * H
    assert percentile(values, 100) == 10 * H
    assert percentile([3 * H], 90) == 3 * H
    assert percentile([], 90) is None and median([]) is None
    with pytest.raises(ValueError, match="percentile"):
        percentile(values, 0)


def test_statistics_per_specialty() -> None:
    requests = [_request(DERMATOLOGY, h) for h in (10, 20, 30, 200)]
    requests += [_request(DERMATOLOGY, None)]  # still waiting
    requests += [_request(CARDIO, h) for h in (5, 7)]
    requests += [_request(CARDIO, None, sent=False)]  # a draft is not counted
    assert requests_per_specialty(requests) == {"dermatologie": 5, "cardiologie": 2}
    derm, cardio = specialty_statistics(requests)
    assert (derm.label, derm.requests, derm.answered) == ("Dermatologie", 5, 4)
    assert derm.median == 25 * H
    assert derm.p90 == 200 * H
    assert (cardio.requests, cardio.median, cardio.p90) == (2, 6 * H, 7 * H)
    assert specialty_statistics([]) == []
