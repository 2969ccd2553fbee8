"""Errors about a patient's identity, with a French message for the user."""

from __future__ import annotations

from mssclient.errors import MssError


class PatientIdentityError(MssError):
    """An INS or an identity trait was rejected; ``user_message`` says which and why."""

    user_message = "L'identité du patient est invalide."

    def __init__(self, user_message: str, *, field: str = "") -> None:
        super().__init__(f"invalid patient identity field {field!r}", user_message=user_message)
        #: Which input was wrong ("matricule", "oid", "birth_name", ...), for the form.
        self.field = field
