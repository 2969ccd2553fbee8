"""Open a received message: decrypt, verify, and say what was found. Never raises.

``read_message`` peels the layers one by one (enveloped-data, multipart/signed, opaque
signed-data, in any nesting up to a depth limit) and returns a ``SmimeReadResult`` that
always keeps the raw input.
"""

from __future__ import annotations

import datetime as dt
import email.utils
from collections.abc import Sequence
from dataclasses import dataclass, field
from email.message import Message

from asn1crypto import cms as asn1_cms
from cryptography import x509

from mssclient.security.smime.cms_signature import verify_signed_data
from mssclient.security.smime.decrypt import Decryption, decrypt_enveloped
from mssclient.security.smime.identity import Identity
from mssclient.security.smime.mime import (
    content_type_of,
    decode_body,
    filename_of,
    param_of,
    parse_headers,
    split_header_body,
    split_multipart_signed,
)
from mssclient.security.smime.result import SignatureCheck, SmimeReadResult
from mssclient.security.smime.signature_check import evaluate_signature
from mssclient.security.smime.status import SmimeStatus, worst
from mssclient.security.smime.trust import TrustSettings

DEFAULT_MAX_BYTES = 50 * 1024 * 1024

_PKCS7_MIME = frozenset({"application/pkcs7-mime", "application/x-pkcs7-mime"})
_PKCS7_SIGNATURE = frozenset({"application/pkcs7-signature", "application/x-pkcs7-signature"})


@dataclass(frozen=True)
class ReadLimits:
    """Bounds on the work done for one message."""

    max_bytes: int = DEFAULT_MAX_BYTES  # the raw message
    max_depth: int = 4  # nested protection layers


@dataclass
class _Walk:
    """What has been found so far while peeling layers."""

    layers: list[str] = field(default_factory=list)
    signatures: list[SignatureCheck] = field(default_factory=list)
    encrypted: bool = False
    decrypted: bool = False
    algorithm: str = ""
    failure: SmimeStatus | None = None
    detail: str = ""


class _Stop(Exception):
    def __init__(self, status: SmimeStatus, detail: str, algorithm: str = "") -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.algorithm = algorithm


def sender_address(raw: bytes) -> str | None:
    """The address in the message's From header (lower-cased), or None."""
    try:
        header_block, _ = split_header_body(raw)
        value = parse_headers(header_block).get("from")
        if value is None:
            return None
        addresses = email.utils.getaddresses([str(value)])
        found = [addr for _, addr in addresses if addr]
        return found[0].strip().lower() if len(found) == 1 else None
    except Exception:  # a From header too broken to parse means: sender unknown
        return None


#: Every S/MIME top level names one of these in its header block ("application/pkcs7-mime",
#: "multipart/signed", "smime.p7m"); the sync tests each fetched message, and most are
#: plain: a byte search spares them the ``email`` header parser (about 1 ms each).
_SMIME_MARKERS = (b"pkcs7", b"signed", b"p7m")


def is_smime(raw: bytes) -> bool:
    """Cheap test on the top-level headers: is this message signed or encrypted?"""
    try:
        header_block, _ = split_header_body(raw)
        lowered = header_block.lower()
        if not any(marker in lowered for marker in _SMIME_MARKERS):
            return False
        headers = parse_headers(header_block)
        kind = content_type_of(headers)
    except Exception:  # unparseable headers are not S/MIME
        return False
    return kind in _PKCS7_MIME or kind == "multipart/signed" or _is_p7m_attachment(headers)


def _is_p7m_attachment(headers: Message) -> bool:
    return content_type_of(headers) == "application/octet-stream" and filename_of(headers).endswith(
        ".p7m"
    )


def read_message(
    raw: bytes,
    *,
    identities: Sequence[Identity] = (),
    trust: TrustSettings | None = None,
    known_certificates: Sequence[x509.Certificate] = (),
    sender: str | None = None,
    now: dt.datetime | None = None,
    limits: ReadLimits | None = None,
) -> SmimeReadResult:
    """Decrypt and verify ``raw`` (a whole message as received).

    ``identities``: the user's keys for decryption. ``trust``: the account's anchors.
    ``known_certificates``: correspondents' certificates, used when a signature does not
    carry its signer's. ``sender``: the address to match against the signer (default:
    the From header). Plain messages come back as ``NOT_SMIME``.
    """
    limits = limits or ReadLimits()
    trust = trust or TrustSettings()
    now = now or dt.datetime.now(dt.UTC)
    if sender is None:
        sender = sender_address(raw[: 256 * 1024])
    if len(raw) > limits.max_bytes:
        return SmimeReadResult(
            SmimeStatus.TOO_LARGE,
            raw=raw,
            sender=sender,
            size_limit=limits.max_bytes,
            detail=f"{len(raw)} bytes > {limits.max_bytes}",
        )
    walk = _Walk()
    content: bytes | None = None
    try:
        content = _peel(raw, walk, 0, identities, trust, known_certificates, sender, now, limits)
    except _Stop as stop:
        walk.failure = stop.status
        walk.detail = stop.detail
        if stop.algorithm:
            walk.algorithm = stop.algorithm
    except RecursionError:
        walk.failure = SmimeStatus.MALFORMED
        walk.detail = "structure nested too deeply"
    except Exception as exc:  # the reader must never crash on hostile input
        walk.failure = SmimeStatus.MALFORMED
        walk.detail = f"unexpected error: {exc!r}"
    return _result(raw, walk, content, sender, limits)


def _result(
    raw: bytes, walk: _Walk, content: bytes | None, sender: str | None, limits: ReadLimits
) -> SmimeReadResult:
    statuses = [check.status for check in walk.signatures]
    if walk.failure is not None:
        statuses.append(walk.failure)
    if not statuses:
        statuses.append(SmimeStatus.DECRYPTED_UNSIGNED if walk.decrypted else SmimeStatus.NOT_SMIME)
    status = worst(statuses)
    reported = next((c for c in walk.signatures if c.status is status), None)
    if reported is None and walk.signatures:
        reported = walk.signatures[-1]
    if status is SmimeStatus.NOT_SMIME:
        content = None
    detail = walk.detail or (reported.detail if reported else "")
    algorithm = walk.algorithm
    if status is SmimeStatus.UNSUPPORTED_ALGORITHM and reported and reported.algorithm:
        algorithm = reported.algorithm
    return SmimeReadResult(
        status=status,
        raw=raw,
        content=None if status.is_failure else content,
        encrypted=walk.encrypted,
        decrypted=walk.decrypted,
        signed=bool(walk.signatures),
        signer=reported.signer if reported else None,
        sender=sender,
        layers=tuple(walk.layers),
        algorithm=algorithm,
        detail=detail,
        signatures=tuple(walk.signatures),
        size_limit=limits.max_bytes,
    )


def _load_cms(der: bytes) -> asn1_cms.ContentInfo:
    if not der:
        raise _Stop(SmimeStatus.MALFORMED, "empty CMS body")
    try:
        info = asn1_cms.ContentInfo.load(der)
        _ = info["content_type"].native
        _ = info["content"]  # parse the next level now: damage shows here
    except Exception as exc:  # asn1crypto raises assorted errors on garbage
        raise _Stop(SmimeStatus.MALFORMED, f"not a CMS structure: {exc!r}") from None
    return info


def _peel(
    entity: bytes,
    walk: _Walk,
    depth: int,
    identities: Sequence[Identity],
    trust: TrustSettings,
    known: Sequence[x509.Certificate],
    sender: str | None,
    now: dt.datetime,
    limits: ReadLimits,
) -> bytes:
    """Open one layer of ``entity`` and recurse into what it protects. Returns the
    innermost entity."""
    header_block, body = split_header_body(entity)
    try:
        headers = parse_headers(header_block)
        kind = content_type_of(headers)
    except Exception as exc:  # header parsing of hostile input
        if depth == 0:
            return entity
        raise _Stop(SmimeStatus.MALFORMED, f"unreadable headers: {exc!r}") from None
    is_signed_multipart = kind == "multipart/signed"
    is_cms = kind in _PKCS7_MIME or _is_p7m_attachment(headers)
    if not (is_signed_multipart or is_cms):
        return entity
    if depth >= limits.max_depth:
        raise _Stop(SmimeStatus.MALFORMED, f"more than {limits.max_depth} nested layers")

    def deeper(inner: bytes) -> bytes:
        return _peel(inner, walk, depth + 1, identities, trust, known, sender, now, limits)

    if is_signed_multipart:
        walk.layers.append("multipart/signed")
        boundary = param_of(headers, "boundary")
        protocol = (param_of(headers, "protocol") or "").lower()
        if protocol not in _PKCS7_SIGNATURE:
            raise _Stop(
                SmimeStatus.UNSUPPORTED_ALGORITHM,
                f"multipart/signed protocol {protocol!r}",
                algorithm=protocol or "multipart/signed",
            )
        parts = split_multipart_signed(body, boundary) if boundary else None
        if parts is None:
            raise _Stop(SmimeStatus.MALFORMED, "multipart/signed structure broken")
        sig_headers_block, sig_body = split_header_body(parts.signature_entity)
        sig_headers = parse_headers(sig_headers_block)
        try:
            signature_der = decode_body(sig_headers, sig_body)
        except ValueError as exc:
            raise _Stop(SmimeStatus.MALFORMED, f"signature part undecodable: {exc}") from None
        info = _load_cms(signature_der)
        math = verify_signed_data(info, parts.content, known)
        walk.signatures.append(evaluate_signature(math, sender=sender, trust=trust, now=now))
        signed = math.content if math.content is not None else parts.content
        return deeper(signed)

    try:
        der = decode_body(headers, body)
    except ValueError as exc:
        raise _Stop(SmimeStatus.MALFORMED, f"CMS body undecodable: {exc}") from None
    info = _load_cms(der)
    cms_type = info["content_type"].native
    if cms_type in ("enveloped_data", "authenticated_enveloped_data"):
        walk.layers.append(str(cms_type).replace("_", "-"))
        walk.encrypted = True
        outcome = decrypt_enveloped(der, info, identities)
        if outcome.outcome is Decryption.NO_KEY:
            raise _Stop(SmimeStatus.DECRYPT_NO_KEY, outcome.detail)
        if outcome.outcome is Decryption.UNSUPPORTED:
            raise _Stop(SmimeStatus.UNSUPPORTED_ALGORITHM, outcome.detail, outcome.algorithm)
        if outcome.outcome is not Decryption.OK or outcome.content is None:
            raise _Stop(SmimeStatus.MALFORMED, outcome.detail)
        walk.decrypted = True
        walk.algorithm = outcome.algorithm
        return deeper(outcome.content)
    if cms_type == "signed_data":
        walk.layers.append("signed-data")
        math = verify_signed_data(info, None, known)
        walk.signatures.append(evaluate_signature(math, sender=sender, trust=trust, now=now))
        if math.content is None:
            raise _Stop(SmimeStatus.MALFORMED, math.detail or "no signed content")
        return deeper(math.content)
    if cms_type == "compressed_data":
        raise _Stop(SmimeStatus.UNSUPPORTED_ALGORITHM, "compressed-data", algorithm="compression")
    raise _Stop(SmimeStatus.MALFORMED, f"unexpected CMS content type {cms_type}")
