"""Decide, before sending, how a message will be protected, and say why in French.

The composer calls ``plan_protection`` with the recipients and a certificate lookup
(the correspondents repository); the plan says whether to sign, whether to encrypt (every
recipient, plus the sender, has a usable certificate), or, under the account's "require
encryption" policy, that sending is refused and which recipients lack a certificate.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from cryptography import x509

from mssclient.security.smime.certificates import (
    certificate_emails,
    encryption_usage_problem,
    is_valid_at,
)
from mssclient.security.smime.identity import Identity

CertificateLookup = Callable[[str], Iterable[x509.Certificate]]


class Protection(enum.Enum):
    SIGNED_AND_ENCRYPTED = "signed_and_encrypted"
    ENCRYPTED = "encrypted"
    SIGNED = "signed"
    TRANSPORT_ONLY = "transport_only"
    REFUSED = "refused"  # "require encryption" and a recipient has no certificate


class MissingReason(enum.Enum):
    NO_CERTIFICATE = "no_certificate"
    EXPIRED = "expired"
    UNUSABLE = "unusable"  # wrong key usage, key type or size


_REASON_FR = {
    MissingReason.NO_CERTIFICATE: "aucun certificat connu",
    MissingReason.EXPIRED: "certificat expiré",
    MissingReason.UNUSABLE: "certificat inutilisable pour le chiffrement",
}


@dataclass(frozen=True)
class MissingCertificate:
    address: str
    reason: MissingReason

    @property
    def label(self) -> str:
        return f"{self.address} ({_REASON_FR[self.reason]})"


@dataclass(frozen=True)
class ProtectionPlan:
    protection: Protection
    sign: bool
    encrypt: bool
    #: certificate chosen for each recipient (lower-cased address)
    recipient_certificates: dict[str, x509.Certificate] = field(default_factory=dict)
    #: every certificate to encrypt to, the sender's own included
    encrypt_to: tuple[x509.Certificate, ...] = ()
    missing: tuple[MissingCertificate, ...] = ()
    explanation: str = ""  # French, for the composer

    @property
    def allowed(self) -> bool:
        return self.protection is not Protection.REFUSED


def best_encryption_certificate(
    candidates: Iterable[x509.Certificate], address: str, now: dt.datetime
) -> tuple[x509.Certificate | None, MissingReason]:
    """The usable certificate for ``address`` that lasts longest, or why there is none."""
    address = address.strip().lower()
    usable: list[x509.Certificate] = []
    reason = MissingReason.NO_CERTIFICATE
    for cert in candidates:
        if address not in certificate_emails(cert):
            continue
        if not is_valid_at(cert, now):
            reason = MissingReason.EXPIRED if reason is MissingReason.NO_CERTIFICATE else reason
            continue
        if encryption_usage_problem(cert) is not None:
            reason = MissingReason.UNUSABLE
            continue
        usable.append(cert)
    if not usable:
        return None, reason
    return max(usable, key=lambda c: c.not_valid_after_utc), reason


def plan_protection(
    recipients: Sequence[str],
    lookup: CertificateLookup,
    *,
    signer: Identity | None,
    sender_certificate: x509.Certificate | None = None,
    require_encryption: bool = False,
    sign: bool = True,
    now: dt.datetime | None = None,
) -> ProtectionPlan:
    """How to send to ``recipients`` (To, Cc and Bcc addresses).

    ``signer``: the identity used to sign (None: the user has none). ``sender_certificate``:
    the sender's own encryption certificate (defaults to the signer's), always added so the
    Sent copy stays readable. ``sign=False`` lets the user turn signing off.
    """
    now = now or dt.datetime.now(dt.UTC)
    will_sign = bool(
        sign and signer is not None and signer.can_sign and is_valid_at(signer.certificate, now)
    )
    own = sender_certificate or (signer.certificate if signer is not None else None)
    own_usable = own is not None and is_valid_at(own, now) and encryption_usage_problem(own) is None

    chosen: dict[str, x509.Certificate] = {}
    missing: list[MissingCertificate] = []
    seen: set[str] = set()
    for recipient in recipients:
        address = recipient.strip().lower()
        if not address or address in seen:
            continue
        seen.add(address)
        try:
            candidates = list(lookup(address))
        except Exception:  # a failing lookup must not block composing: treat as unknown
            candidates = []
        cert, reason = best_encryption_certificate(candidates, address, now)
        if cert is None:
            missing.append(MissingCertificate(address, reason))
        else:
            chosen[address] = cert

    can_encrypt = bool(seen) and not missing and own_usable
    if can_encrypt:
        assert own is not None
        encrypt_to = (*chosen.values(), own)
        protection = Protection.SIGNED_AND_ENCRYPTED if will_sign else Protection.ENCRYPTED
    elif require_encryption:
        encrypt_to = ()
        protection = Protection.REFUSED
    else:
        encrypt_to = ()
        protection = Protection.SIGNED if will_sign else Protection.TRANSPORT_ONLY
    return ProtectionPlan(
        protection=protection,
        sign=will_sign and protection is not Protection.REFUSED,
        encrypt=can_encrypt,
        recipient_certificates=chosen,
        encrypt_to=encrypt_to,
        missing=tuple(missing),
        explanation=_explain(protection, missing, own_usable, bool(seen)),
    )


def _explain(
    protection: Protection,
    missing: list[MissingCertificate],
    own_usable: bool,
    has_recipients: bool,
) -> str:
    if protection is Protection.SIGNED_AND_ENCRYPTED:
        return (
            "Le message sera signé et chiffré de bout en bout : seuls vos destinataires "
            "et vous pourrez le lire."
        )
    if protection is Protection.ENCRYPTED:
        return (
            "Le message sera chiffré de bout en bout : seuls vos destinataires et vous pourrez "
            "le lire. Il ne sera pas signé (signature désactivée ou pas de certificat de "
            "signature utilisable)."
        )
    reasons: list[str] = []
    remedies: list[str] = []
    if not own_usable:
        reasons.append("vous n'avez pas de certificat de chiffrement utilisable")
        remedies.append("importez votre certificat (fichier .p12 / .pfx)")
    if missing:
        names = ", ".join(m.label for m in missing)
        reasons.append(f"certains destinataires n'ont pas de certificat : {names}")
        remedies.append("importez leurs certificats ou retirez ces destinataires")
    if not has_recipients:
        reasons.append("le message n'a aucun destinataire")
    why = " ; ".join(reasons)
    if protection is Protection.REFUSED:
        todo = " ; ".join(remedies)
        return f"Envoi refusé : ce compte exige le chiffrement, or {why}." + (
            f" Pour l'envoyer, {todo}." if todo else ""
        )
    if protection is Protection.SIGNED:
        return (
            f"Le message sera signé mais pas chiffré ({why}) : son contenu ne sera protégé "
            "que pendant son transport entre serveurs MSSanté."
        )
    return (
        f"Le message ne sera ni signé ni chiffré ({why}) : il ne sera protégé que pendant "
        "son transport entre serveurs MSSanté."
    )
