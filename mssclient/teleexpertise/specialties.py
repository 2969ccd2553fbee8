"""Which specialties take teleexpertise, read from the hospital directory.

Typed against a Protocol, not the directory's classes, so that this module only needs the
few attributes it reads (``mssclient.directory.models.Specialty`` has them).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from typing import Protocol

from mssclient.teleexpertise.model import Specialty

#: Used when the directory gives no expected delay (DOMAIN.md: answers within 24-48 h).
DEFAULT_EXPECTED_DELAY = timedelta(hours=48)

_WOUND_WORDS = ("dermato", "plaie", "cicatris")


class DirectorySpecialty(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def teleexpertise_mailbox(self) -> str: ...
    @property
    def answer_delay_hours(self) -> int | None: ...
    @property
    def menu_key(self) -> str: ...
    @property
    def single_number(self) -> str: ...


def template_id_for(specialty_id: str, name: str) -> str:
    text = f"{specialty_id} {name}".casefold()
    return "wound" if any(word in text for word in _WOUND_WORDS) else "generic"


def teleexpertise_specialty(entry: DirectorySpecialty) -> Specialty | None:
    """The request's view of a directory specialty; None when it takes no teleexpertise."""
    if not entry.teleexpertise_mailbox:
        return None
    hours = entry.answer_delay_hours
    delay = timedelta(hours=hours) if hours and hours > 0 else DEFAULT_EXPECTED_DELAY
    return Specialty(
        entry.id,
        entry.name,
        entry.teleexpertise_mailbox,
        delay,
        template_id_for(entry.id, entry.name),
    )


def teleexpertise_specialties(entries: Iterable[DirectorySpecialty]) -> list[Specialty]:
    found = [s for s in (teleexpertise_specialty(e) for e in entries) if s is not None]
    return sorted(found, key=lambda s: s.label.casefold())


def urgent_guard_fr(entry: DirectorySpecialty, hospital_single_number: str = "") -> str:
    """The warning shown on the request form: urgent cases go through the single number."""
    number = entry.single_number or hospital_single_number or "le numéro unique de l'hôpital"
    key = f", touche {entry.menu_key}" if entry.menu_key else ""
    return (
        "Urgent ? N'utilisez pas la téléexpertise : appelez le numéro unique "
        f"{number}{key} ({entry.name})."
    )
