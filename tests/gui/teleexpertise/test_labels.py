"""Durations in the French interface: minutes under an hour, hours under 48 hours, then
days, with the hours left over only when there are some."""

from __future__ import annotations

from datetime import timedelta

import pytest

from mssclient.gui.teleexpertise.labels import duration_text

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("delta", "shown"),
    [
        (timedelta(minutes=45), f"45{NBSP}min"),
        (timedelta(hours=1), f"1{NBSP}h"),
        (timedelta(hours=24), f"24{NBSP}h"),
        (timedelta(hours=47, minutes=59), f"47{NBSP}h"),
        (timedelta(hours=48), f"2{NBSP}j"),
        (timedelta(hours=50), f"2{NBSP}j 2{NBSP}h"),
        (timedelta(days=3, minutes=59), f"3{NBSP}j"),
        (timedelta(days=5), f"5{NBSP}j"),
    ],
)
def test_duration_text(french: None, delta: timedelta, shown: str) -> None:
    assert duration_text(delta) == shown
