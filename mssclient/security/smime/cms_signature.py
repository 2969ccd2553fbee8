"""The cryptographic half of verifying a CMS SignedData (RFC 5652 5.4 and 5.6).

``asn1crypto`` parses the structure; ``cryptography`` hashes and checks the signature.
This module answers "do these bytes carry a correct signature by this certificate?";
whether that certificate is to be trusted is ``signature_check``'s job.
"""

from __future__ import annotations

import datetime as dt
import enum
import hmac
from collections.abc import Sequence
from dataclasses import dataclass

from asn1crypto import cms as asn1_cms
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import Encoding

from mssclient.security.smime.certificates import load_der_certificate
from mssclient.security.smime.mime import to_crlf

_HASHES: dict[str, type[hashes.HashAlgorithm]] = {
    "sha224": hashes.SHA224,
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
}

#: Digest algorithms refused on purpose (RFC 8551 2.1: no MD5, no SHA-1 for new trust).
_REFUSED_HASHES = frozenset({"md5", "sha1", "md2", "md4"})


_DIGEST_NAMES = {"md5": "MD5", "sha1": "SHA-1", "md2": "MD2", "md4": "MD4"}


class Math(enum.Enum):
    """What the cryptographic check found."""

    VALID = "valid"
    INVALID = "invalid"  # digest or signature mismatch: content altered
    SIGNER_NOT_FOUND = "signer_not_found"  # no certificate for the signer
    UNSUPPORTED = "unsupported"
    MALFORMED = "malformed"


@dataclass(frozen=True)
class SignatureMath:
    """Outcome for one SignedData (all its SignerInfos must be valid)."""

    outcome: Math
    detail: str = ""
    signer_certificate: x509.Certificate | None = None
    certificates: tuple[x509.Certificate, ...] = ()  # every certificate carried
    signing_time: dt.datetime | None = None
    content: bytes | None = None  # the encapsulated content (opaque signing)
    algorithm: str = ""


#: Bounds on what one signature may carry: far above real use, low enough that a hostile
#: message cannot make verification crawl.
MAX_CERTIFICATES = 64
MAX_SIGNER_INFOS = 8


@dataclass(frozen=True)
class _Candidate:
    """A certificate that may be the signer's, with what SignerIdentifiers refer to."""

    certificate: x509.Certificate
    issuer: asn1_x509.Name
    serial: int
    key_identifier: bytes | None


def _candidate(cert: x509.Certificate) -> _Candidate | None:
    try:
        parsed = asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER))
        issuer = parsed.issuer
        serial = int(parsed.serial_number)
    except Exception:  # a certificate asn1crypto cannot read cannot be the signer's
        return None
    try:
        ski: bytes | None = cert.extensions.get_extension_for_class(
            x509.SubjectKeyIdentifier
        ).value.digest
    except (x509.ExtensionNotFound, ValueError):
        ski = None
    return _Candidate(cert, issuer, serial, ski)


def _embedded_certificates(signed_data: asn1_cms.SignedData) -> list[x509.Certificate]:
    found: list[x509.Certificate] = []
    certificates = signed_data["certificates"]
    if certificates.native is None:
        return found
    for choice in certificates:
        if len(found) >= MAX_CERTIFICATES:
            raise ValueError(f"more than {MAX_CERTIFICATES} certificates")
        if choice.name != "certificate":
            continue
        try:
            found.append(load_der_certificate(choice.chosen.dump()))
        except ValueError:
            continue  # an unparseable extra certificate is not the signer's problem
    return found


def _matches(sid: asn1_cms.SignerIdentifier, candidate: _Candidate) -> bool:
    if sid.name == "issuer_and_serial_number":
        wanted = sid.chosen
        return bool(
            candidate.serial == wanted["serial_number"].native
            and candidate.issuer == wanted["issuer"]
        )
    if sid.name == "subject_key_identifier":
        if candidate.key_identifier is None:
            return False
        return hmac.compare_digest(candidate.key_identifier, bytes(sid.chosen.native))
    return False


def _attribute(attrs: asn1_cms.CMSAttributes, name: str) -> list[object] | None:
    values: list[object] | None = None
    for attr in attrs:
        if attr["type"].native == name:
            if values is not None:
                raise ValueError(f"attribute {name} present twice")
            values = list(attr["values"])
    return values


def _signed_attrs_der(signer_info: asn1_cms.SignerInfo) -> bytes:
    """The signed attributes as the signer signed them: the original bytes, re-tagged as
    a SET OF (RFC 5652 5.4)."""
    encoded: bytes = signer_info["signed_attrs"].dump()
    return b"\x31" + encoded[1:]


def _verify_raw(
    cert: x509.Certificate,
    signer_info: asn1_cms.SignerInfo,
    digest_name: str,
    signed_bytes: bytes,
) -> None:
    """Raise InvalidSignature, or _Unsupported, when the signature does not check out."""
    signature = bytes(signer_info["signature"].native)
    algorithm = signer_info["signature_algorithm"]
    kind = algorithm.signature_algo
    hash_cls = _HASHES[digest_name]
    key = cert.public_key()
    if kind == "rsassa_pkcs1v15" and isinstance(key, rsa.RSAPublicKey):
        key.verify(signature, signed_bytes, padding.PKCS1v15(), hash_cls())
    elif kind == "rsassa_pss" and isinstance(key, rsa.RSAPublicKey):
        params = algorithm["parameters"]
        pss_hash = params["hash_algorithm"]["algorithm"].native
        mgf = params["mask_gen_algorithm"]
        mgf_hash = mgf["parameters"]["algorithm"].native
        if mgf["algorithm"].native != "mgf1" or pss_hash not in _HASHES or mgf_hash not in _HASHES:
            raise _Unsupported(f"RSASSA-PSS with {pss_hash}/{mgf_hash}", "RSASSA-PSS")
        key.verify(
            signature,
            signed_bytes,
            padding.PSS(
                mgf=padding.MGF1(_HASHES[mgf_hash]()), salt_length=params["salt_length"].native
            ),
            _HASHES[pss_hash](),
        )
    elif kind == "ecdsa" and isinstance(key, ec.EllipticCurvePublicKey):
        key.verify(signature, signed_bytes, ec.ECDSA(hash_cls()))
    else:
        raise _Unsupported(f"signature algorithm {kind} with key {type(key).__name__}", str(kind))


class _Unsupported(Exception):
    def __init__(self, detail: str, name: str = "") -> None:
        super().__init__(detail)
        self.name = name or detail


def _digest(name: str, data: bytes) -> bytes:
    hasher = hashes.Hash(_HASHES[name]())
    hasher.update(data)
    return hasher.finalize()


def verify_signed_data(
    content_info: asn1_cms.ContentInfo,
    detached_content: bytes | None,
    known_certificates: Sequence[x509.Certificate] = (),
) -> SignatureMath:
    """Check every SignerInfo of a SignedData.

    ``detached_content``: the signed bytes for a detached signature (multipart/signed);
    None for opaque signed-data, whose content is taken from inside the structure. Bytes
    are tried as received first, then with canonical CRLF line endings, because stored
    messages sometimes lost their CRs. Never raises.
    """
    try:
        return _verify(content_info, detached_content, known_certificates)
    except _Unsupported as exc:
        return SignatureMath(Math.UNSUPPORTED, detail=str(exc), algorithm=exc.name)
    except Exception as exc:  # asn1crypto raises assorted errors on damaged input
        return SignatureMath(Math.MALFORMED, detail=f"damaged SignedData: {exc!r}")


def _verify(
    content_info: asn1_cms.ContentInfo,
    detached_content: bytes | None,
    known_certificates: Sequence[x509.Certificate],
) -> SignatureMath:
    if content_info["content_type"].native != "signed_data":
        return SignatureMath(Math.MALFORMED, detail="not a SignedData")
    signed_data: asn1_cms.SignedData = content_info["content"]
    encap = signed_data["encap_content_info"]
    content_type = encap["content_type"].native
    embedded = encap["content"]
    if detached_content is None:
        if embedded.native is None:
            return SignatureMath(Math.MALFORMED, detail="opaque signature without content")
        inner = embedded.native
        if not isinstance(inner, bytes):
            inner = embedded.contents
        candidates = [bytes(inner)]
    else:
        candidates = [detached_content]
        canonical = to_crlf(detached_content)
        if canonical != detached_content:
            candidates.append(canonical)
    carried = _embedded_certificates(signed_data)
    pool = [c for c in map(_candidate, [*carried, *known_certificates]) if c is not None]
    signer_infos = list(signed_data["signer_infos"])
    if len(signer_infos) > MAX_SIGNER_INFOS:
        return SignatureMath(Math.MALFORMED, detail=f"{len(signer_infos)} SignerInfos")
    if not signer_infos:
        return SignatureMath(Math.MALFORMED, detail="no SignerInfo", certificates=tuple(carried))
    opaque = candidates[0] if detached_content is None else None
    first: SignatureMath | None = None
    for signer_info in signer_infos:
        outcome = _verify_one(signer_info, content_type, candidates, pool)
        outcome = SignatureMath(
            outcome.outcome,
            detail=outcome.detail,
            signer_certificate=outcome.signer_certificate,
            certificates=tuple(carried),
            signing_time=outcome.signing_time,
            content=outcome.content if outcome.content is not None else opaque,
            algorithm=outcome.algorithm,
        )
        if outcome.outcome is not Math.VALID:
            return outcome
        if first is None:
            first = outcome
    assert first is not None
    return first


def _verify_one(
    signer_info: asn1_cms.SignerInfo,
    content_type: str,
    candidates: list[bytes],
    pool: list[_Candidate],
) -> SignatureMath:
    digest_name = signer_info["digest_algorithm"]["algorithm"].native
    if digest_name in _REFUSED_HASHES or digest_name not in _HASHES:
        raise _Unsupported(f"digest {digest_name}", _DIGEST_NAMES.get(digest_name, digest_name))
    sid = signer_info["sid"]
    signer = next((c.certificate for c in pool if _matches(sid, c)), None)
    if signer is None:
        return SignatureMath(Math.SIGNER_NOT_FOUND, detail="signer certificate not found")
    signed_attrs = signer_info["signed_attrs"]
    signing_time: dt.datetime | None = None
    if signed_attrs.native is None:
        for content in candidates:
            try:
                _verify_raw(signer, signer_info, digest_name, content)
            except InvalidSignature:
                continue
            return SignatureMath(Math.VALID, signer_certificate=signer, content=content)
        return SignatureMath(Math.INVALID, detail="signature mismatch", signer_certificate=signer)
    content_types = _attribute(signed_attrs, "content_type")
    digests = _attribute(signed_attrs, "message_digest")
    if content_types is None or digests is None or len(content_types) != 1 or len(digests) != 1:
        return SignatureMath(Math.MALFORMED, detail="signed attributes incomplete")
    if getattr(content_types[0], "native", None) != content_type:
        return SignatureMath(
            Math.INVALID, detail="content-type attribute mismatch", signer_certificate=signer
        )
    times = _attribute(signed_attrs, "signing_time")
    if times:
        value = getattr(times[0], "native", None)
        if isinstance(value, dt.datetime):
            signing_time = value.astimezone(dt.UTC)
    expected = getattr(digests[0], "native", None)
    if not isinstance(expected, bytes):
        return SignatureMath(Math.MALFORMED, detail="message-digest attribute unreadable")
    matched = next(
        (c for c in candidates if hmac.compare_digest(_digest(digest_name, c), expected)), None
    )
    if matched is None:
        return SignatureMath(
            Math.INVALID,
            detail="message digest mismatch: content altered",
            signer_certificate=signer,
            signing_time=signing_time,
        )
    try:
        _verify_raw(signer, signer_info, digest_name, _signed_attrs_der(signer_info))
    except InvalidSignature:
        return SignatureMath(
            Math.INVALID,
            detail="signature over signed attributes does not verify",
            signer_certificate=signer,
            signing_time=signing_time,
        )
    except (UnsupportedAlgorithm, ValueError, TypeError) as exc:
        raise _Unsupported(f"signature check failed: {exc}") from None
    return SignatureMath(
        Math.VALID, signer_certificate=signer, signing_time=signing_time, content=matched
    )
