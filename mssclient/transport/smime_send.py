"""S/MIME on the way out: every message leaving through the outbox passes here. Qt-free.

The outbox calls ``protect_outgoing`` once per message, just before its first submission,
and keeps the result: retries and the Sent copy use the very same bytes. The plan comes
from ``smime_context.plan_for``: signed when the account's address has an identity,
encrypted (to every recipient and to the sender) when every recipient has a certificate,
refused when the account requires encryption and somebody lacks one.
"""

from __future__ import annotations

from collections.abc import Sequence

from mssclient.errors import MssError
from mssclient.security.smime import (
    Identity,
    Protection,
    ProtectionPlan,
    SmimeBuildError,
    encrypt_message,
    is_smime,
    sign_and_encrypt_message,
    sign_message,
)
from mssclient.store import Store
from mssclient.transport.accounts import Account
from mssclient.transport.smime_context import plan_for

#: Recorded for a message that arrived in the outbox already signed or encrypted.
ALREADY_PROTECTED = "already_protected"


class EncryptionRequiredError(MssError):
    """The account requires encryption and some recipients have no usable certificate."""

    user_message = (
        "Envoi refusé : ce compte exige le chiffrement de bout en bout et certains "
        "destinataires n'ont pas de certificat."
    )

    def __init__(self, missing: Sequence[str]) -> None:
        self.missing = tuple(missing)
        names = ", ".join(self.missing)
        super().__init__(
            f"encryption required, no certificate for: {names}",
            user_message=(
                "Envoi refusé : ce compte exige le chiffrement de bout en bout, or ces "
                f"destinataires n'ont pas de certificat utilisable : {names}. Importez leurs "
                "certificats (Paramètres > Certificats) ou retirez-les des destinataires."
            ),
        )


def apply_plan(raw: bytes, plan: ProtectionPlan, signer: Identity | None) -> bytes:
    """The wire bytes for ``raw`` under ``plan`` (raises ``SmimeBuildError``)."""
    if plan.protection is Protection.REFUSED:
        raise EncryptionRequiredError([m.label for m in plan.missing])
    try:
        if plan.sign and plan.encrypt:
            assert signer is not None
            return sign_and_encrypt_message(raw, signer, plan.encrypt_to)
        if plan.encrypt:
            return encrypt_message(raw, plan.encrypt_to)
        if plan.sign:
            assert signer is not None
            return sign_message(raw, signer)
    except SmimeBuildError:
        raise
    except (ValueError, TypeError) as exc:  # cryptography's refusals
        raise SmimeBuildError(f"S/MIME protection failed: {exc}") from exc
    return raw


def protect_outgoing(
    store: Store, account: Account, raw: bytes, recipients: Sequence[str]
) -> tuple[bytes, str]:
    """Sign and/or encrypt one outgoing message for this account's policy; returns the
    wire bytes and what was done (a ``Protection`` value, or ``ALREADY_PROTECTED``).

    A message already signed or encrypted (by its author) is left as it is.
    """
    if is_smime(raw):
        return raw, ALREADY_PROTECTED
    sending = plan_for(store, account, recipients)
    return apply_plan(raw, sending.plan, sending.signer), sending.plan.protection.value
