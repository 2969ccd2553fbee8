"""What to dial: "Composez le 03 21 00 00 00 puis tapez 4", and the matching ``tel:`` URI.

The voice-menu key is kept apart from the URI: RFC 3966 (which obsoletes RFC 2806) dropped
RFC 2806's ``;postd=`` post-dial parameter, and desktop softphones handle it unevenly, so
the card shows the key and the user types it when the menu answers.
"""

from __future__ import annotations

import phonenumbers

from mssclient.directory.errors import DirectoryError
from mssclient.directory.models import Specialty

DEFAULT_REGION = "FR"


class PhoneNumberError(DirectoryError):
    user_message = "Ce numéro de téléphone n'est pas valide."


def _parse(number: str) -> phonenumbers.PhoneNumber:
    try:
        parsed = phonenumbers.parse(number, DEFAULT_REGION)
    except phonenumbers.NumberParseException as exc:
        raise PhoneNumberError(
            f"unparsable number {number!r}: {exc}",
            user_message=f"Le numéro « {number[:40]} » n'est pas un numéro de téléphone.",
        ) from None
    if not phonenumbers.is_possible_number(parsed):
        raise PhoneNumberError(
            f"impossible number {number!r}",
            user_message=f"Le numéro « {number[:40]} » n'est pas un numéro possible.",
        )
    return parsed


def e164(number: str) -> str:
    return phonenumbers.format_number(_parse(number), phonenumbers.PhoneNumberFormat.E164)


def tel_uri(number: str) -> str:
    """``tel:+33321000000`` (RFC 3966 global number, no visual separators)."""
    return "tel:" + e164(number)


def national(number: str) -> str:
    """ "03 21 00 00 00" for a French number; international format otherwise."""
    parsed = _parse(number)
    fmt = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if parsed.country_code == 33
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(parsed, fmt)


def dial_instructions(specialty: Specialty) -> str:
    """The sentence shown on the card (French)."""
    number = specialty.single_number or (
        specialty.direct_lines[0] if specialty.direct_lines else ""
    )
    if not number:
        return "Aucun numéro n'est indiqué pour ce service."
    try:
        shown = national(number)
    except PhoneNumberError:
        shown = number
    if specialty.menu_key and specialty.single_number:
        return f"Composez le {shown} puis tapez {specialty.menu_key}"
    return f"Composez le {shown}"


def call_target(specialty: Specialty) -> str:
    """The ``tel:`` URI the Appeler button opens (the single number, else a direct line)."""
    number = specialty.single_number or (
        specialty.direct_lines[0] if specialty.direct_lines else ""
    )
    if not number:
        raise PhoneNumberError(
            f"no number for {specialty.id}",
            user_message="Aucun numéro n'est indiqué pour ce service.",
        )
    return tel_uri(number)
