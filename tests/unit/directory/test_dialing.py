"""What the card says to dial, and the tel: URI the call button opens."""

from __future__ import annotations

import pytest

from mssclient.directory.dialing import (
    PhoneNumberError,
    call_target,
    dial_instructions,
    e164,
    national,
    tel_uri,
)
from mssclient.directory.models import HospitalDirectory, Specialty


def test_tel_uri_is_e164() -> None:
    assert tel_uri("03 21 00 00 00") == "tel:+33321000000"
    assert tel_uri("+33 3 21 00 00 00") == "tel:+33321000000"
    assert e164("0321000010") == "+33321000010"
    assert national("+33321000000") == "03 21 00 00 00"


@pytest.mark.parametrize("bad", ["", "abc", "12", "03 21 00 00 00 00 00 00 99", "+999 1"])
def test_bad_numbers_are_refused_in_french(bad: str) -> None:
    with pytest.raises(PhoneNumberError) as caught:
        tel_uri(bad)
    assert "numéro" in caught.value.user_message


def test_dial_instructions(demo_directory: HospitalDirectory) -> None:
    derm = demo_directory.specialty("dermatologie")
    nurses = demo_directory.specialty("ligne-infirmiere")
    assert derm is not None and nurses is not None
    assert dial_instructions(derm) == "Composez le 03 21 00 00 00 puis tapez 4"
    assert call_target(derm) == "tel:+33321000000"
    assert dial_instructions(nurses) == "Composez le 03 21 00 00 10"
    assert call_target(nurses) == "tel:+33321000010"


def test_service_without_number() -> None:
    empty = Specialty(id="x", name="Sans numéro")
    assert dial_instructions(empty) == "Aucun numéro n'est indiqué pour ce service."
    with pytest.raises(PhoneNumberError):
        call_target(empty)
