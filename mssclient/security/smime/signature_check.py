"""Turn a correct-or-not signature into a reader status: chain to a trust anchor, validity
dates, key usage, e-mail protection EKU, and the signer's address against the sender's."""

from __future__ import annotations

import datetime as dt

from cryptography import x509

from mssclient.security.smime.certificates import (
    certificate_emails,
    encryption_usage_problem,
    fingerprint_sha256,
    is_ca,
    signing_usage_problem,
)
from mssclient.security.smime.cms_signature import Math, SignatureMath
from mssclient.security.smime.result import SignatureCheck, SignerIdentity
from mssclient.security.smime.status import SmimeStatus
from mssclient.security.smime.trust import ChainResult, TrustSettings, build_chain

_ONE_SECOND = dt.timedelta(seconds=1)


def evaluate_signature(
    math: SignatureMath,
    *,
    sender: str | None,
    trust: TrustSettings,
    now: dt.datetime,
) -> SignatureCheck:
    """The status of one signature layer. Never raises."""
    if math.outcome is Math.MALFORMED:
        return SignatureCheck(SmimeStatus.MALFORMED, detail=math.detail)
    if math.outcome is Math.UNSUPPORTED:
        return SignatureCheck(
            SmimeStatus.UNSUPPORTED_ALGORITHM, detail=math.detail, algorithm=math.algorithm
        )
    if math.outcome is Math.SIGNER_NOT_FOUND or math.signer_certificate is None:
        return SignatureCheck(SmimeStatus.SIGNER_UNKNOWN, detail=math.detail)
    cert = math.signer_certificate
    signer = SignerIdentity.from_certificate(cert, signing_time=math.signing_time)
    if math.outcome is Math.INVALID:
        return SignatureCheck(SmimeStatus.SIGNATURE_INVALID, signer=signer, detail=math.detail)

    problem = signing_usage_problem(cert)
    if problem:
        return SignatureCheck(SmimeStatus.CERT_USAGE_INVALID, signer=signer, detail=problem)

    others = [c for c in math.certificates if fingerprint_sha256(c) != fingerprint_sha256(cert)]
    chain = build_chain(cert, others, trust, now)
    if not chain.trusted:
        earlier = _trusted_earlier(cert, others, trust, now, math.signing_time)
        if earlier is not None:
            signer = SignerIdentity.from_certificate(cert, earlier.chain, math.signing_time)
            return SignatureCheck(
                SmimeStatus.CERT_EXPIRED,
                signer=signer,
                detail=f"chain valid at {earlier.checked_at} but not now: {chain.detail}",
            )
        return SignatureCheck(SmimeStatus.SIGNER_UNTRUSTED, signer=signer, detail=chain.detail)
    signer = SignerIdentity.from_certificate(cert, chain.chain, math.signing_time)

    address = (sender or "").strip().lower()
    if not address or address not in signer.emails:
        return SignatureCheck(
            SmimeStatus.SIGNER_ADDRESS_MISMATCH,
            signer=signer,
            detail=f"sender {address or '(none)'} not in certificate {signer.emails}",
        )
    return SignatureCheck(
        SmimeStatus.SIGNED_VALID,
        signer=signer,
        collectable=(cert, *_encryption_companions(cert, others, trust, now)),
    )


def _trusted_earlier(
    cert: x509.Certificate,
    others: list[x509.Certificate],
    trust: TrustSettings,
    now: dt.datetime,
    signing_time: dt.datetime | None,
) -> ChainResult | None:
    """A chain that was valid when the message was signed, or at the end of the leaf's
    life: the certificate is expired, not untrusted."""
    moments: list[dt.datetime] = []
    if signing_time is not None and signing_time < now:
        moments.append(signing_time)
    if cert.not_valid_after_utc < now:
        moments.append(cert.not_valid_after_utc - _ONE_SECOND)
    for moment in moments:
        result = build_chain(cert, others, trust, moment)
        if result.trusted:
            return result
    return None


def _encryption_companions(
    signer: x509.Certificate,
    others: list[x509.Certificate],
    trust: TrustSettings,
    now: dt.datetime,
) -> list[x509.Certificate]:
    """Other end-entity certificates in the signature for the same address, fit for
    encryption and trusted (IGC-Santé issues separate signing and encryption certificates)."""
    addresses = set(certificate_emails(signer))
    found: list[x509.Certificate] = []
    for cert in others:
        if is_ca(cert) or addresses.isdisjoint(certificate_emails(cert)):
            continue
        if encryption_usage_problem(cert) is None and build_chain(cert, others, trust, now).trusted:
            found.append(cert)
    return found
