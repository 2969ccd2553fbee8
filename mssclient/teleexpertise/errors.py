"""Teleexpertise errors, each with a French message for the user."""

from __future__ import annotations

from mssclient.errors import MssError


class TeleexpertiseError(MssError):
    user_message = "La demande de téléexpertise ne peut pas être traitée."


class RequestIncompleteError(TeleexpertiseError):
    """A request lacks something mandatory before it may be sent (consent, question ...)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(
            "request incomplete: " + "; ".join(problems),
            user_message="La demande est incomplète : " + " ; ".join(problems),
        )
        self.problems = problems


class TransitionError(TeleexpertiseError):
    """A status change not allowed from this status or for this role."""


class PhotoError(TeleexpertiseError):
    """An image that cannot be cleaned (unknown format, damaged, too large)."""
