"""The hospital directory as the application sees it, independent of FHIR."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time


@dataclass(frozen=True)
class TimeSlot:
    """Weekly opening (or on-call) hours. ``days`` are ISO weekdays: 1 = Monday."""

    days: frozenset[int]
    start: time | None = None  # None with all_day
    end: time | None = None  # exclusive; time(0, 0) or None with all_day
    all_day: bool = False

    def covers(self, weekday: int, moment: time) -> bool:
        """True when ``moment`` on ISO ``weekday`` falls in this slot.

        A slot that ends before it starts (18:30-08:30) runs past midnight and belongs to
        the day it starts on: Monday 02:00 is covered by Sunday's night slot.
        """
        if self.all_day or self.start is None or self.end is None:
            return weekday in self.days
        if self.start < self.end:
            return weekday in self.days and self.start <= moment < self.end
        yesterday = (weekday - 2) % 7 + 1
        return (weekday in self.days and moment >= self.start) or (
            yesterday in self.days and moment < self.end
        )


@dataclass(frozen=True)
class Closure:
    """A period when the service is closed (``notAvailable``), dates inclusive."""

    description: str
    start: date
    end: date


@dataclass(frozen=True)
class OnCall:
    """A senior doctor on call for a specialty (PractitionerRole)."""

    name: str
    role: str = ""
    phone: str = ""
    slots: tuple[TimeSlot, ...] = ()
    period_start: date | None = None
    period_end: date | None = None

    def on_duty_day(self, day: date) -> bool:
        if self.period_start and day < self.period_start:
            return False
        if self.period_end and day > self.period_end:
            return False
        if not self.slots:
            return True
        return any(day.isoweekday() in slot.days for slot in self.slots)


@dataclass(frozen=True)
class Specialty:
    """One HealthcareService: a specialty reachable through the single number."""

    id: str
    name: str
    menu_key: str = ""
    single_number: str = ""
    direct_lines: tuple[str, ...] = ()
    hours: tuple[TimeSlot, ...] = ()
    hours_text: str = ""
    closures: tuple[Closure, ...] = ()
    closed_on_public_holidays: bool = True
    teleexpertise_mailbox: str = ""
    answer_delay_hours: int | None = None
    booking_url: str = ""
    keywords: tuple[str, ...] = ()
    on_call: tuple[OnCall, ...] = ()
    audience: str = "medecin"  # "medecin" (GPs) or "infirmier" (the nurses' line)
    comment: str = ""

    @property
    def is_nurses_line(self) -> bool:
        return self.audience == "infirmier"


@dataclass(frozen=True)
class HospitalDirectory:
    organization_name: str
    single_number: str
    specialties: tuple[Specialty, ...]
    organization_mailbox_domain: str = ""
    last_updated: str = ""
    warnings: tuple[str, ...] = field(default=())

    def specialty(self, specialty_id: str) -> Specialty | None:
        return next((s for s in self.specialties if s.id == specialty_id), None)
