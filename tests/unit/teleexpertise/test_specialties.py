from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from mssclient.directory.bundle import parse_bundle
from mssclient.paths import resources_dir
from mssclient.teleexpertise.specialties import (
    teleexpertise_specialties,
    teleexpertise_specialty,
    urgent_guard_fr,
)


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    teleexpertise_mailbox: str = ""
    answer_delay_hours: int | None = None
    menu_key: str = ""
    single_number: str = ""


def test_specialty_seam() -> None:
    derm = teleexpertise_specialty(Entry("dermatologie", "Dermatologie", "d@chu.fr", 72, "4"))
    assert derm is not None
    assert (derm.mailbox, derm.expected_delay, derm.template_id) == (
        "d@chu.fr",
        timedelta(hours=72),
        "wound",
    )
    cardio = teleexpertise_specialty(Entry("cardiologie", "Cardiologie", "c@chu.fr"))
    assert cardio is not None
    assert cardio.expected_delay == timedelta(hours=48) and cardio.template_id == "generic"
    assert teleexpertise_specialty(Entry("urgences", "Urgences")) is None


def test_urgent_guard_names_the_number_and_key() -> None:
    entry = Entry("dermatologie", "Dermatologie", menu_key="4")
    text = urgent_guard_fr(entry, "03 21 00 00 00")
    assert text == (
        "Urgent ? N'utilisez pas la téléexpertise : appelez le numéro unique "
        "03 21 00 00 00, touche 4 (Dermatologie)."
    )


def test_demo_hospital_directory() -> None:
    raw = (resources_dir() / "demo" / "hospital-directory.fhir.json").read_bytes()
    directory = parse_bundle(raw)
    specialties = teleexpertise_specialties(directory.specialties)
    assert specialties, "the demo directory lists teleexpertise mailboxes"
    assert all(s.mailbox and s.expected_delay > timedelta(0) for s in specialties)
    labels = [s.label for s in specialties]
    assert labels == sorted(labels, key=str.casefold)
