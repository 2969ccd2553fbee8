"""What reading an S/MIME message found, and what the reader banner says about it (French)."""

from __future__ import annotations

import enum


class Severity(enum.Enum):
    """How the reader banner should look."""

    NONE = "none"  # nothing to show (plain message)
    OK = "ok"  # green: valid signature, or decrypted
    WARNING = "warning"  # orange: content is readable, but who sent it is not established
    ERROR = "error"  # red: altered, unreadable, or not to be trusted


class SmimeStatus(enum.Enum):
    """The overall outcome of reading one message. Values are stable: store them."""

    NOT_SMIME = "not_smime"
    SIGNED_VALID = "signed_valid"
    DECRYPTED_UNSIGNED = "decrypted_unsigned"
    SIGNATURE_INVALID = "signature_invalid"
    SIGNER_UNKNOWN = "signer_unknown"
    SIGNER_UNTRUSTED = "signer_untrusted"
    SIGNER_ADDRESS_MISMATCH = "signer_address_mismatch"
    CERT_USAGE_INVALID = "cert_usage_invalid"
    CERT_EXPIRED = "cert_expired"
    CERT_REVOKED = "cert_revoked"  # reserved: no revocation checking yet
    DECRYPT_NO_KEY = "decrypt_no_key"
    MALFORMED = "malformed"
    UNSUPPORTED_ALGORITHM = "unsupported_algorithm"
    TOO_LARGE = "too_large"

    @property
    def severity(self) -> Severity:
        return _SEVERITY[self]

    @property
    def is_failure(self) -> bool:
        """True when the content could not be unwrapped at all (nothing but the raw input)."""
        return self in _UNREADABLE


_UNREADABLE = frozenset(
    {
        SmimeStatus.DECRYPT_NO_KEY,
        SmimeStatus.MALFORMED,
        SmimeStatus.UNSUPPORTED_ALGORITHM,
        SmimeStatus.TOO_LARGE,
    }
)

_SEVERITY: dict[SmimeStatus, Severity] = {
    SmimeStatus.NOT_SMIME: Severity.NONE,
    SmimeStatus.SIGNED_VALID: Severity.OK,
    SmimeStatus.DECRYPTED_UNSIGNED: Severity.OK,
    SmimeStatus.SIGNATURE_INVALID: Severity.ERROR,
    SmimeStatus.SIGNER_UNKNOWN: Severity.WARNING,
    SmimeStatus.SIGNER_UNTRUSTED: Severity.WARNING,
    SmimeStatus.SIGNER_ADDRESS_MISMATCH: Severity.ERROR,
    SmimeStatus.CERT_USAGE_INVALID: Severity.WARNING,
    SmimeStatus.CERT_EXPIRED: Severity.WARNING,
    SmimeStatus.CERT_REVOKED: Severity.ERROR,
    SmimeStatus.DECRYPT_NO_KEY: Severity.ERROR,
    SmimeStatus.MALFORMED: Severity.ERROR,
    SmimeStatus.UNSUPPORTED_ALGORITHM: Severity.ERROR,
    SmimeStatus.TOO_LARGE: Severity.ERROR,
}

#: When several layers disagree (an outer signature valid, an inner one invalid...), the
#: status that comes first in this list is the one reported.
STATUS_PRECEDENCE: tuple[SmimeStatus, ...] = (
    SmimeStatus.TOO_LARGE,
    SmimeStatus.MALFORMED,
    SmimeStatus.UNSUPPORTED_ALGORITHM,
    SmimeStatus.DECRYPT_NO_KEY,
    SmimeStatus.SIGNATURE_INVALID,
    SmimeStatus.CERT_REVOKED,
    SmimeStatus.SIGNER_ADDRESS_MISMATCH,
    SmimeStatus.SIGNER_UNKNOWN,
    SmimeStatus.SIGNER_UNTRUSTED,
    SmimeStatus.CERT_USAGE_INVALID,
    SmimeStatus.CERT_EXPIRED,
    SmimeStatus.SIGNED_VALID,
    SmimeStatus.DECRYPTED_UNSIGNED,
    SmimeStatus.NOT_SMIME,
)

_RAW_KEPT = " Le message d'origine reste disponible."

_MESSAGES: dict[SmimeStatus, str] = {
    SmimeStatus.NOT_SMIME: (
        "Ce message n'est ni signé ni chiffré : il n'a été protégé que pendant son transport."
    ),
    SmimeStatus.SIGNED_VALID: (
        "Signé par {signer} : signature valide, le contenu n'a pas été modifié."
    ),
    SmimeStatus.DECRYPTED_UNSIGNED: (
        "Message chiffré, déchiffré avec votre certificat. Il n'est pas signé : "
        "l'identité de l'expéditeur n'est pas garantie."
    ),
    SmimeStatus.SIGNATURE_INVALID: (
        "Signature invalide : le contenu a été modifié après la signature. "
        "Ne vous fiez pas à ce message."
    ),
    SmimeStatus.SIGNER_UNKNOWN: (
        "Signataire inconnu : le certificat qui a signé ce message n'est pas joint et "
        "n'est pas connu, la signature ne peut pas être vérifiée."
    ),
    SmimeStatus.SIGNER_UNTRUSTED: (
        "Signataire non reconnu : le certificat de {signer} n'a pas été émis par une "
        "autorité de confiance configurée (par exemple l'IGC-Santé)."
    ),
    SmimeStatus.SIGNER_ADDRESS_MISMATCH: (
        "Attention : le message est signé par {signer}, mais l'adresse de l'expéditeur "
        "({sender}) ne figure pas dans son certificat. Ne vous fiez pas à ce message."
    ),
    SmimeStatus.CERT_USAGE_INVALID: (
        "Le certificat de {signer} n'est pas prévu pour signer des courriels : "
        "la signature ne peut pas être considérée comme fiable."
    ),
    SmimeStatus.CERT_EXPIRED: (
        "Le certificat de {signer} a expiré ou n'est pas encore valide : "
        "la signature ne peut plus être considérée comme fiable."
    ),
    SmimeStatus.CERT_REVOKED: (
        "Le certificat de {signer} a été révoqué : ne vous fiez pas à ce message."
    ),
    SmimeStatus.DECRYPT_NO_KEY: (
        "Impossible de déchiffrer ce message : aucun de vos certificats ne correspond. "
        "Il a peut-être été chiffré pour un autre certificat ou une autre personne." + _RAW_KEPT
    ),
    SmimeStatus.MALFORMED: (
        "Ce message sécurisé est endommagé ou mal formé et ne peut pas être lu." + _RAW_KEPT
    ),
    SmimeStatus.UNSUPPORTED_ALGORITHM: (
        "Ce message utilise un algorithme de sécurité non pris en charge ({algorithm})." + _RAW_KEPT
    ),
    SmimeStatus.TOO_LARGE: (
        "Ce message sécurisé dépasse la taille maximale traitée ({limit})." + _RAW_KEPT
    ),
}


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"


def status_message(
    status: SmimeStatus,
    *,
    signer: str = "",
    sender: str = "",
    algorithm: str = "",
    limit: str = "",
) -> str:
    """The French banner text for a status, with the given details filled in."""
    values = _Blank(
        signer=signer or "un signataire inconnu",
        sender=sender or "inconnue",
        algorithm=algorithm or "inconnu",
        limit=limit or "?",
    )
    return _MESSAGES[status].format_map(values)


def worst(statuses: list[SmimeStatus]) -> SmimeStatus:
    """The status to report when several layers each produced one."""
    if not statuses:
        return SmimeStatus.NOT_SMIME
    return min(statuses, key=STATUS_PRECEDENCE.index)
