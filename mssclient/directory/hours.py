"""Is a specialty open at a given moment? Local time is Europe/Paris, holidays included."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from mssclient.directory.holidays_fr import holiday_name
from mssclient.directory.models import OnCall, Specialty, TimeSlot

PARIS = ZoneInfo("Europe/Paris")

#: A clock returns the current moment; tests pass a fixed one.
Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


def local(moment: datetime) -> datetime:
    """The moment in Paris time; a naive datetime is taken as Paris local time."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=PARIS)
    return moment.astimezone(PARIS)


@dataclass(frozen=True)
class OpenStatus:
    is_open: bool
    reason: str  # French, e.g. "Fermé : Lundi de Pâques"


def closure_reason(specialty: Specialty, day: date) -> str | None:
    for closure in specialty.closures:
        if closure.start <= day <= closure.end:
            return closure.description
    if specialty.closed_on_public_holidays:
        name = holiday_name(day)
        if name:
            return f"{name} (jour férié)"
    return None


def open_status(specialty: Specialty, moment: datetime) -> OpenStatus:
    now = local(moment)
    reason = closure_reason(specialty, now.date())
    if reason:
        return OpenStatus(False, f"Fermé : {reason}")
    if not specialty.hours:
        return OpenStatus(False, "Horaires non communiqués")
    if any(_covers(slot, now) for slot in specialty.hours):
        return OpenStatus(True, "Ouvert maintenant")
    return OpenStatus(False, "Fermé à cette heure")


def _covers(slot: TimeSlot, now: datetime) -> bool:
    return slot.covers(now.isoweekday(), now.time().replace(tzinfo=None))


def is_open(specialty: Specialty, moment: datetime) -> bool:
    return open_status(specialty, moment).is_open


def on_call_today(specialty: Specialty, moment: datetime) -> tuple[OnCall, ...]:
    today = local(moment).date()
    return tuple(duty for duty in specialty.on_call if duty.on_duty_day(today))


_DAY_NAMES = {1: "lun", 2: "mar", 3: "mer", 4: "jeu", 5: "ven", 6: "sam", 7: "dim"}


def describe_hours(specialty: Specialty) -> str:
    """A short French summary, e.g. "lun–ven 08:30–18:30 ; sam 09:00–12:00"."""
    parts = []
    for slot in specialty.hours:
        days = sorted(slot.days)
        if days == list(range(days[0], days[-1] + 1)) and len(days) > 2:
            label = f"{_DAY_NAMES[days[0]]}–{_DAY_NAMES[days[-1]]}"
        else:
            label = ", ".join(_DAY_NAMES[d] for d in days)
        if slot.all_day or slot.start is None or slot.end is None:
            parts.append(f"{label} 24 h/24")
        else:
            parts.append(f"{label} {slot.start:%H:%M}–{slot.end:%H:%M}")
    text = " ; ".join(parts) or "Horaires non communiqués"
    if specialty.hours_text:
        text += f" ({specialty.hours_text})"
    return text
