"""Open now / closed now in Paris time, with French public holidays, at fixed moments."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from mssclient.directory.holidays_fr import easter_sunday, holiday_name, public_holidays
from mssclient.directory.hours import PARIS, describe_hours, is_open, on_call_today, open_status
from mssclient.directory.models import HospitalDirectory, Specialty, TimeSlot


def paris(*args: int) -> datetime:
    return datetime(*args, tzinfo=PARIS)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2038, date(2038, 4, 25)),
    ],
)
def test_easter(year: int, easter: date) -> None:
    assert easter_sunday(year) == easter


def test_public_holidays_2026() -> None:
    days = public_holidays(2026)
    assert len(days) == 11
    assert days[date(2026, 4, 6)] == "Lundi de Pâques"
    assert days[date(2026, 5, 14)] == "Ascension"
    assert days[date(2026, 5, 25)] == "Lundi de Pentecôte"
    assert holiday_name(date(2026, 12, 25)) == "Noël"
    assert holiday_name(date(2026, 12, 24)) is None


def _s(d: HospitalDirectory, sid: str) -> Specialty:
    found = d.specialty(sid)
    assert found is not None
    return found


def test_weekday_office_hours(demo_directory: HospitalDirectory) -> None:
    derm = _s(demo_directory, "dermatologie")
    assert is_open(derm, paris(2026, 11, 23, 10, 0))  # Monday
    assert is_open(derm, paris(2026, 11, 23, 8, 30))
    assert not is_open(derm, paris(2026, 11, 23, 18, 30))  # end is exclusive
    assert not is_open(derm, paris(2026, 11, 23, 7, 59))


def test_night_only_round_the_clock_services(demo_directory: HospitalDirectory) -> None:
    night = paris(2026, 11, 24, 23, 30)
    assert not is_open(_s(demo_directory, "dermatologie"), night)
    assert open_status(_s(demo_directory, "dermatologie"), night).reason == "Fermé à cette heure"
    assert is_open(_s(demo_directory, "cardiologie"), night)


def test_weekend(demo_directory: HospitalDirectory) -> None:
    saturday_morning = paris(2026, 11, 28, 10, 0)
    assert not is_open(_s(demo_directory, "dermatologie"), saturday_morning)
    assert is_open(_s(demo_directory, "geriatrie"), saturday_morning)
    assert not is_open(_s(demo_directory, "geriatrie"), paris(2026, 11, 28, 13, 0))
    assert not is_open(_s(demo_directory, "geriatrie"), paris(2026, 11, 29, 10, 0))  # Sunday
    assert is_open(_s(demo_directory, "pediatrie"), paris(2026, 11, 29, 3, 0))


def test_easter_monday_and_christmas(demo_directory: HospitalDirectory) -> None:
    derm = _s(demo_directory, "dermatologie")
    easter_monday = paris(2026, 4, 6, 10, 0)
    status = open_status(derm, easter_monday)
    assert not status.is_open and "Lundi de Pâques" in status.reason
    assert is_open(_s(demo_directory, "cardiologie"), easter_monday)
    christmas = paris(2026, 12, 25, 11, 0)  # a Friday
    assert "Noël" in open_status(derm, christmas).reason
    assert is_open(derm, paris(2026, 12, 24, 11, 0))


def test_explicit_closure_period(demo_directory: HospitalDirectory) -> None:
    rhumato = _s(demo_directory, "rhumatologie")
    status = open_status(rhumato, paris(2026, 8, 10, 10, 0))
    assert not status.is_open and "Fermeture estivale" in status.reason
    assert is_open(rhumato, paris(2026, 8, 24, 10, 0))


def test_utc_clock_is_converted_to_paris_time(demo_directory: HospitalDirectory) -> None:
    derm = _s(demo_directory, "dermatologie")
    # 07:45 UTC is 08:45 in Paris in winter, 09:45 in summer.
    assert is_open(derm, datetime(2026, 11, 23, 7, 45, tzinfo=UTC))
    assert not is_open(derm, datetime(2026, 11, 23, 17, 45, tzinfo=UTC))  # 18:45 Paris
    assert is_open(derm, datetime(2026, 6, 15, 16, 15, tzinfo=UTC))  # 18:15 Paris (summer)


def test_overnight_slot_belongs_to_the_day_it_starts() -> None:
    night = Specialty(
        id="garde",
        name="Garde de nuit",
        hours=(TimeSlot(frozenset({7}), start=time(18, 30), end=time(8, 30)),),  # Sunday night
        closed_on_public_holidays=False,
    )
    assert is_open(night, paris(2026, 11, 29, 22, 0))  # Sunday evening
    assert is_open(night, paris(2026, 11, 30, 2, 0))  # Monday 02:00, still Sunday's night
    assert not is_open(night, paris(2026, 11, 30, 9, 0))
    assert not is_open(night, paris(2026, 11, 28, 22, 0))  # Saturday


def test_on_call_today(demo_directory: HospitalDirectory) -> None:
    derm = _s(demo_directory, "dermatologie")
    monday = [d.name for d in on_call_today(derm, paris(2026, 11, 23, 10, 0))]
    wednesday = [d.name for d in on_call_today(derm, paris(2026, 11, 25, 10, 0))]
    assert len(monday) == 1 and len(wednesday) == 1 and monday != wednesday
    assert on_call_today(derm, paris(2026, 11, 28, 10, 0)) == ()  # nobody on Saturday
    assert len(on_call_today(_s(demo_directory, "cardiologie"), paris(2026, 11, 28, 3, 0))) == 1
    assert on_call_today(derm, paris(2031, 1, 6, 10, 0)) == ()  # after the rota period


def test_describe_hours(demo_directory: HospitalDirectory) -> None:
    assert describe_hours(_s(demo_directory, "dermatologie")).startswith("lun–ven 08:30–18:30")
    assert "24 h/24" in describe_hours(_s(demo_directory, "cardiologie"))
    assert "sam 09:00–12:30" in describe_hours(_s(demo_directory, "geriatrie"))
