"""What S/MIME did to one teleexpertise mail, in words for the request's detail. Qt-free.

The verdict itself comes from the mail store (``mail_smime``, written when the sync or the
mail area opened the mail); this module only says it in French, the way the request's
detail and its PDF report show it.
"""

from __future__ import annotations

from dataclasses import dataclass

from mssclient.security.smime import SmimeStatus

#: Signed, but the signature says the content or its author cannot be trusted: such a mail
#: is not applied to a request (it stays readable, with its warning, in the mail area).
UNTRUSTWORTHY = frozenset(
    {
        SmimeStatus.SIGNATURE_INVALID,
        SmimeStatus.SIGNER_ADDRESS_MISMATCH,
        SmimeStatus.CERT_REVOKED,
    }
)

_VERDICT = {
    SmimeStatus.SIGNED_VALID: "signature valide",
    SmimeStatus.SIGNATURE_INVALID: "signature invalide : contenu modifié après signature",
    SmimeStatus.SIGNER_UNKNOWN: "signataire inconnu, signature non vérifiable",
    SmimeStatus.SIGNER_UNTRUSTED: "certificat non émis par une autorité de confiance",
    SmimeStatus.SIGNER_ADDRESS_MISMATCH: "le certificat ne porte pas l'adresse de l'expéditeur",
    SmimeStatus.CERT_USAGE_INVALID: "certificat non prévu pour signer des courriels",
    SmimeStatus.CERT_EXPIRED: "certificat expiré",
    SmimeStatus.CERT_REVOKED: "certificat révoqué",
}

UNDECRYPTABLE_TEXT = "illisible (chiffré pour une autre clé)"


@dataclass(frozen=True)
class MailProtection:
    """The stored S/MIME verdict of one mail (``NOT_SMIME``: neither signed nor encrypted)."""

    status: SmimeStatus
    signer: str = ""
    encrypted: bool = False

    @classmethod
    def of(cls, status: str, signer: str = "", encrypted: bool = False) -> MailProtection:
        try:
            known = SmimeStatus(status)
        except ValueError:
            known = SmimeStatus.MALFORMED
        return cls(known, signer, encrypted)

    @property
    def readable(self) -> bool:
        return not self.status.is_failure

    @property
    def signed(self) -> bool:
        return self.status in _VERDICT

    def describe(self) -> str:
        """E.g. "signé par Dr X <x@…> (signature valide), chiffré"."""
        if self.status is SmimeStatus.DECRYPT_NO_KEY:
            return UNDECRYPTABLE_TEXT
        if self.status.is_failure:
            return "illisible (message sécurisé endommagé ou non pris en charge)"
        if self.status is SmimeStatus.NOT_SMIME:
            return "ni signé ni chiffré"
        signature = "non signé"
        if self.signed:
            signature = f"signé par {self.signer or 'un signataire inconnu'} "
            signature += f"({_VERDICT[self.status]})"
        return signature + (", chiffré" if self.encrypted else ", non chiffré")
