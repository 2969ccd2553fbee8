"""Every status has a French banner; precedence between layers is explicit."""

from __future__ import annotations

import pytest

from mssclient.security.smime import Severity, SmimeStatus, status_message
from mssclient.security.smime.status import STATUS_PRECEDENCE, worst


@pytest.mark.parametrize("status", list(SmimeStatus))
def test_every_status_has_a_french_message(status: SmimeStatus) -> None:
    text = status_message(status, signer="Dr X", sender="x@y.fr", algorithm="3DES", limit="50 Mo")
    assert text and "{" not in text and "}" not in text
    assert isinstance(status.severity, Severity)
    bare = status_message(status)
    assert "{" not in bare


def test_precedence_covers_every_status() -> None:
    assert set(STATUS_PRECEDENCE) == set(SmimeStatus)
    assert worst([SmimeStatus.SIGNED_VALID, SmimeStatus.SIGNATURE_INVALID]) is (
        SmimeStatus.SIGNATURE_INVALID
    )
    assert worst([]) is SmimeStatus.NOT_SMIME


def test_failures_are_the_unreadable_ones() -> None:
    assert {s for s in SmimeStatus if s.is_failure} == {
        SmimeStatus.DECRYPT_NO_KEY,
        SmimeStatus.MALFORMED,
        SmimeStatus.UNSUPPORTED_ALGORITHM,
        SmimeStatus.TOO_LARGE,
    }
