"""Decrypt CMS EnvelopedData with the user's identities.

The structure is inspected with ``asn1crypto`` first, so that a message for somebody else,
or one using an algorithm ``cryptography`` cannot decrypt (3DES, RSA-OAEP, AES-GCM), gets
its own clear status instead of a generic error. Decryption itself is ``cryptography``'s
``pkcs7_decrypt_der`` (AES-128/256-CBC, RSA PKCS#1 v1.5).
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from asn1crypto import cms as asn1_cms
from asn1crypto import x509 as asn1_x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.serialization import Encoding, pkcs7

from mssclient.security.smime.identity import Identity

_SUPPORTED_CONTENT = {"aes128_cbc": "AES-128-CBC", "aes256_cbc": "AES-256-CBC"}

#: Friendly names for the banner when an algorithm is not supported.
_ALGORITHM_NAMES = {
    "tripledes_3key": "3DES",
    "des": "DES",
    "rc2": "RC2",
    "rc4": "RC4",
    "aes192_cbc": "AES-192-CBC",
    "aes128_gcm": "AES-128-GCM",
    "aes192_gcm": "AES-192-GCM",
    "aes256_gcm": "AES-256-GCM",
    "rsaes_oaep": "RSA-OAEP",
}


class Decryption(enum.Enum):
    OK = "ok"
    NO_KEY = "no_key"
    UNSUPPORTED = "unsupported"
    MALFORMED = "malformed"


@dataclass(frozen=True)
class DecryptOutcome:
    outcome: Decryption
    content: bytes | None = None
    algorithm: str = ""  # human name of the algorithm involved
    detail: str = ""
    identity: Identity | None = None


def _friendly(name: object) -> str:
    text = str(name)
    return _ALGORITHM_NAMES.get(text, _SUPPORTED_CONTENT.get(text, text))


#: A message for a whole mailing list can have many recipients; this is far above that.
MAX_RECIPIENT_INFOS = 2000


def _rid_matches(rid: asn1_cms.RecipientIdentifier, cert: asn1_x509.Certificate) -> bool:
    if rid.name == "issuer_and_serial_number":
        wanted = rid.chosen
        return bool(
            cert.serial_number == wanted["serial_number"].native and cert.issuer == wanted["issuer"]
        )
    if rid.name == "subject_key_identifier":
        ski = cert.key_identifier
        return ski is not None and ski == rid.chosen.native
    return False


def decrypt_enveloped(
    der: bytes, content_info: asn1_cms.ContentInfo, identities: Sequence[Identity]
) -> DecryptOutcome:
    """Decrypt an EnvelopedData (``der`` and its parsed form). Never raises."""
    try:
        return _decrypt(der, content_info, identities)
    except Exception as exc:  # asn1crypto and the decryptor raise assorted errors on damage
        return DecryptOutcome(Decryption.MALFORMED, detail=f"damaged EnvelopedData: {exc!r}")


def _decrypt(
    der: bytes, content_info: asn1_cms.ContentInfo, identities: Sequence[Identity]
) -> DecryptOutcome:
    kind = content_info["content_type"].native
    if kind == "authenticated_enveloped_data":
        algorithm = content_info["content"]["auth_encrypted_content_info"][
            "content_encryption_algorithm"
        ]["algorithm"].native
        return DecryptOutcome(
            Decryption.UNSUPPORTED,
            algorithm=_friendly(algorithm),
            detail=f"AuthEnvelopedData ({algorithm}) is not supported",
        )
    if kind != "enveloped_data":
        return DecryptOutcome(Decryption.MALFORMED, detail=f"not an EnvelopedData: {kind}")
    enveloped = content_info["content"]
    content_algorithm = enveloped["encrypted_content_info"]["content_encryption_algorithm"][
        "algorithm"
    ].native
    ours = [
        (identity, asn1_x509.Certificate.load(identity.certificate.public_bytes(Encoding.DER)))
        for identity in identities
    ]
    recipient_kinds: list[str] = []
    match: tuple[Identity, str] | None = None
    for recipient in enveloped["recipient_infos"]:
        if len(recipient_kinds) >= MAX_RECIPIENT_INFOS:
            return DecryptOutcome(Decryption.MALFORMED, detail="too many RecipientInfos")
        recipient_kinds.append(recipient.name)
        if recipient.name != "ktri":
            continue
        info = recipient.chosen
        for identity, parsed in ours:
            if _rid_matches(info["rid"], parsed):
                match = (identity, str(info["key_encryption_algorithm"]["algorithm"].native))
                break
        if match is not None:
            break
    if match is None:
        return DecryptOutcome(
            Decryption.NO_KEY,
            detail=f"no recipient matches our {len(identities)} identities "
            f"(recipients: {dict(Counter(recipient_kinds)) or 'none'})",
        )
    identity, key_algorithm = match
    if key_algorithm != "rsaes_pkcs1v15":
        return DecryptOutcome(
            Decryption.UNSUPPORTED,
            algorithm=_friendly(key_algorithm),
            detail=f"key transport {key_algorithm} is not supported",
        )
    if content_algorithm not in _SUPPORTED_CONTENT:
        return DecryptOutcome(
            Decryption.UNSUPPORTED,
            algorithm=_friendly(content_algorithm),
            detail=f"content encryption {content_algorithm} is not supported",
        )
    if enveloped["encrypted_content_info"]["encrypted_content"].native is None:
        return DecryptOutcome(Decryption.MALFORMED, detail="no encrypted content")
    try:
        content = _decrypt_der(der, content_info, identity)
    except UnsupportedAlgorithm as exc:
        return DecryptOutcome(
            Decryption.UNSUPPORTED, algorithm=_friendly(content_algorithm), detail=str(exc)
        )
    except ValueError as exc:
        return DecryptOutcome(Decryption.MALFORMED, detail=f"decryption failed: {exc}")
    return DecryptOutcome(
        Decryption.OK,
        content=content,
        algorithm=_SUPPORTED_CONTENT[content_algorithm],
        identity=identity,
    )


def _decrypt_der(der: bytes, content_info: asn1_cms.ContentInfo, identity: Identity) -> bytes:
    """``pkcs7_decrypt_der`` wants DER; streaming encoders (OpenSSL -stream, NSS) produce
    indefinite-length BER, which is re-encoded as DER and tried again."""
    try:
        return pkcs7.pkcs7_decrypt_der(der, identity.certificate, identity.private_key, [])
    except ValueError:
        normalised = content_info.dump(force=True)
        if normalised == der:
            raise
    return pkcs7.pkcs7_decrypt_der(normalised, identity.certificate, identity.private_key, [])
