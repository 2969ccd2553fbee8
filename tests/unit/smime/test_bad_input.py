"""Hostile and broken input: every case gets a clear status, never an exception, never a
hang, and the raw message is always kept. (Wrong algorithms produced by OpenSSL are in
tests/integration/smime.)"""

from __future__ import annotations

import base64
import random
import time

import pytest

from mssclient.security.smime import (
    DEFAULT_MAX_BYTES,
    ReadLimits,
    SmimeReadResult,
    SmimeStatus,
    encrypt_message,
    read_message,
    sign_and_encrypt_message,
    sign_message,
)
from tests.unit.smime.messages import clinical_message
from tests.unit.smime.pki import TestPki

HEADERS = b"From: claire.infirmiere@test.mssante.fr\r\nTo: paul.generaliste@test.mssante.fr\r\n"
P7M = (
    b"Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\r\n"
    b"Content-Transfer-Encoding: base64\r\n\r\n"
)


def _read(pki: TestPki, raw: bytes, **kwargs: object) -> SmimeReadResult:
    result = read_message(raw, identities=[pki["gp"]], trust=pki.trust, **kwargs)  # type: ignore[arg-type]
    assert result.raw == raw  # whatever happened, nothing is lost
    assert result.user_message
    return result


def _encrypted(pki: TestPki) -> bytes:
    message = clinical_message(pki.email("nurse"), [pki.email("gp")])
    return sign_and_encrypt_message(
        message, pki["nurse"], [pki["gp"].certificate, pki["nurse"].certificate]
    )


def test_garbage_cms_body(pki: TestPki) -> None:
    garbage = random.Random(1).randbytes(3000)
    result = _read(pki, HEADERS + P7M + base64.encodebytes(garbage))
    assert result.status is SmimeStatus.MALFORMED
    assert result.content is None
    assert "endommagé" in result.user_message
    assert "reste disponible" in result.user_message


def test_invalid_base64(pki: TestPki) -> None:
    assert _read(pki, HEADERS + P7M + b"!!!! not base64 at all ~~~~\r\n").status in (
        SmimeStatus.MALFORMED,
    )


def test_empty_cms_body(pki: TestPki) -> None:
    assert _read(pki, HEADERS + P7M).status is SmimeStatus.MALFORMED


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9, 0.97])
def test_truncated_encrypted_message(pki: TestPki, fraction: float) -> None:
    wire = _encrypted(pki)
    body_start = wire.index(b"\r\n\r\n") + 4
    cut = body_start + int((len(wire) - body_start) * fraction)
    result = _read(pki, wire[:cut])
    assert result.status is SmimeStatus.MALFORMED, result.detail
    assert result.content is None


@pytest.mark.parametrize("marker", [b"Content-Type: application/pkcs7-signature", b"MII"])
def test_truncated_signed_message(pki: TestPki, marker: bytes) -> None:
    wire = sign_message(clinical_message(pki.email("nurse"), [pki.email("gp")]), pki["nurse"])
    cut = wire.index(marker) + 60
    result = _read(pki, wire[:cut])
    assert result.status is SmimeStatus.MALFORMED, result.detail


def test_signed_message_cut_before_the_signature_part(pki: TestPki) -> None:
    wire = sign_message(clinical_message(pki.email("nurse"), [pki.email("gp")]), pki["nurse"])
    cut = wire.index(b"Bonjour")
    assert _read(pki, wire[:cut]).status is SmimeStatus.MALFORMED


def test_wrong_recipient(pki: TestPki) -> None:
    message = clinical_message(pki.email("nurse"), [pki.email("dermatologist")])
    wire = encrypt_message(message, [pki["dermatologist"].certificate])
    result = _read(pki, wire)
    assert result.status is SmimeStatus.DECRYPT_NO_KEY
    assert result.encrypted and not result.decrypted
    assert result.content is None
    assert result.readable_message() == wire
    assert "aucun de vos certificats" in result.user_message


def test_no_identity_at_all(pki: TestPki) -> None:
    result = read_message(_encrypted(pki), trust=pki.trust)
    assert result.status is SmimeStatus.DECRYPT_NO_KEY


def test_oversized_message_is_refused_before_any_work(pki: TestPki) -> None:
    wire = _encrypted(pki)
    result = _read(pki, wire, limits=ReadLimits(max_bytes=len(wire) - 1))
    assert result.status is SmimeStatus.TOO_LARGE
    assert "Ko" in result.user_message


def test_default_limit_is_50_mb(pki: TestPki) -> None:
    assert DEFAULT_MAX_BYTES == 50 * 1024 * 1024
    huge = HEADERS + P7M + b"A" * (DEFAULT_MAX_BYTES + 1)
    started = time.monotonic()
    result = _read(pki, huge)
    assert result.status is SmimeStatus.TOO_LARGE
    assert "50 Mo" in result.user_message
    assert time.monotonic() - started < 2


def test_too_many_nested_layers(pki: TestPki) -> None:
    wire = clinical_message(pki.email("nurse"), [pki.email("gp")]).as_bytes()
    for _ in range(6):
        wire = encrypt_message(wire, [pki["gp"].certificate])
    result = _read(pki, wire)
    assert result.status is SmimeStatus.MALFORMED
    assert "nested" in result.detail


def test_a_few_nested_layers_are_fine(pki: TestPki) -> None:
    wire = sign_message(clinical_message(pki.email("nurse"), [pki.email("gp")]), pki["nurse"])
    wire = encrypt_message(wire, [pki["gp"].certificate])
    wire = sign_message(wire, pki["nurse"])  # triple wrapping (RFC 8551 3.7)
    result = _read(pki, wire)
    assert result.status is SmimeStatus.SIGNED_VALID, result.detail
    assert result.layers == ("multipart/signed", "enveloped-data", "multipart/signed")


def test_deeply_nested_asn1_does_not_crash_or_hang(pki: TestPki) -> None:
    hostile = b"\x30\x80" * 200_000
    started = time.monotonic()
    result = _read(pki, HEADERS + P7M + base64.encodebytes(hostile))
    assert result.status is SmimeStatus.MALFORMED
    assert time.monotonic() - started < 10


def test_huge_declared_length_does_not_allocate(pki: TestPki) -> None:
    hostile = b"\x30\x84\x7f\xff\xff\xff\x06\x09" + b"\x00" * 50
    assert _read(pki, HEADERS + P7M + base64.encodebytes(hostile)).status is (SmimeStatus.MALFORMED)


@pytest.mark.parametrize(
    "content_type",
    [
        b'multipart/signed; protocol="application/pkcs7-signature"',  # no boundary
        b'multipart/signed; protocol="application/pkcs7-signature"; boundary="nowhere"',
    ],
)
def test_broken_multipart_signed(pki: TestPki, content_type: bytes) -> None:
    raw = HEADERS + b"Content-Type: " + content_type + b"\r\n\r\nhello\r\n"
    assert _read(pki, raw).status is SmimeStatus.MALFORMED


def test_pgp_signed_message_is_reported_unsupported(pki: TestPki) -> None:
    raw = (
        HEADERS
        + b'Content-Type: multipart/signed; protocol="application/pgp-signature"; '
        + b'micalg=pgp-sha256; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n'
        + b"hi\r\n--b\r\nContent-Type: application/pgp-signature\r\n\r\nsig\r\n--b--\r\n"
    )
    result = _read(pki, raw)
    assert result.status is SmimeStatus.UNSUPPORTED_ALGORITHM
    assert "application/pgp-signature" in result.user_message


def test_signature_part_that_is_not_cms(pki: TestPki) -> None:
    wire = sign_message(clinical_message(pki.email("nurse"), [pki.email("gp")]), pki["nurse"])
    start = wire.index(b"MII")
    end = (
        wire.index(b"\r\n\r\n--", start)
        if b"\r\n\r\n--" in wire[start:]
        else wire.rindex(b"\r\n--")
    )
    broken = (
        wire[:start] + base64.encodebytes(b"not a signature").replace(b"\n", b"\r\n") + wire[end:]
    )
    assert _read(pki, broken).status is SmimeStatus.MALFORMED


@pytest.mark.parametrize("raw", [b"", b"\x00\xff" * 100, b"no headers at all", b"\r\n\r\n"])
def test_non_messages_are_not_smime(pki: TestPki, raw: bytes) -> None:
    assert _read(pki, raw).status is SmimeStatus.NOT_SMIME


def test_p7m_attachment_typed_octet_stream_is_recognised(pki: TestPki) -> None:
    wire = _encrypted(pki)
    relabelled = wire.replace(
        b"application/pkcs7-mime; smime-type=enveloped-data;", b"application/octet-stream;"
    )
    assert relabelled != wire
    assert _read(pki, relabelled).status is SmimeStatus.SIGNED_VALID


def test_random_corruption_never_escapes(pki: TestPki) -> None:
    """A small fuzz: flip, drop and insert bytes anywhere in a signed+encrypted message."""
    wire = _encrypted(pki)
    signed = sign_message(clinical_message(pki.email("nurse"), [pki.email("gp")]), pki["nurse"])
    rng = random.Random(20240604)
    started = time.monotonic()
    seen: set[SmimeStatus] = set()
    for i in range(300):
        data = bytearray(wire if i % 2 else signed)
        for _ in range(rng.randint(1, 4)):
            position = rng.randrange(len(data))
            action = rng.choice(("flip", "drop", "insert"))
            if action == "flip":
                data[position] ^= 1 << rng.randrange(8)
            elif action == "drop":
                del data[position : position + rng.randint(1, 40)]
            else:
                data[position:position] = rng.randbytes(rng.randint(1, 40))
        seen.add(_read(pki, bytes(data)).status)
    assert time.monotonic() - started < 60
    assert SmimeStatus.MALFORMED in seen or SmimeStatus.SIGNATURE_INVALID in seen


def test_large_garbage_body_is_quick(pki: TestPki) -> None:
    garbage = random.Random(5).randbytes(5 * 1024 * 1024)
    started = time.monotonic()
    assert _read(pki, HEADERS + P7M + base64.encodebytes(garbage)).status is (SmimeStatus.MALFORMED)
    assert time.monotonic() - started < 10


def test_many_delimiter_lookalikes_are_quick(pki: TestPki) -> None:
    wire = sign_message(clinical_message(pki.email("nurse"), [pki.email("gp")]), pki["nurse"])
    boundary = wire.split(b'boundary="', 1)[1].split(b'"', 1)[0]
    noise = (b"x--" + boundary + b"x\r\n") * 100_000
    body_at = wire.index(b"Bonjour")
    flooded = wire[:body_at] + noise + wire[body_at:]
    started = time.monotonic()
    assert _read(pki, flooded).status is SmimeStatus.SIGNATURE_INVALID
    assert time.monotonic() - started < 10


def test_signature_carrying_too_many_certificates(pki: TestPki) -> None:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.serialization import Encoding, pkcs7

    entity = b"Content-Type: text/plain\r\n\r\nhello\r\n"
    builder = pkcs7.PKCS7SignatureBuilder().set_data(entity)
    builder = builder.add_signer(pki["gp"].certificate, pki["gp"].private_key, hashes.SHA256())
    for _ in range(70):
        builder = builder.add_certificate(pki.intermediate)
    smime = builder.sign(Encoding.SMIME, [pkcs7.PKCS7Options.DetachedSignature])
    result = _read(pki, f"From: {pki.email('gp')}\r\n".encode() + smime)
    assert result.status is SmimeStatus.MALFORMED


def test_duplicate_recipients_are_encrypted_once(pki: TestPki) -> None:
    from asn1crypto import cms

    from mssclient.security.smime.mime import decode_body, parse_headers, split_header_body

    others = [pki[r].certificate for r in ("nurse", "dermatologist", "dept_encrypt")] * 10
    message = clinical_message(pki.email("nurse"), [pki.email("gp")])
    wire = encrypt_message(message, [*others, pki["gp"].certificate])
    header_block, body = split_header_body(wire)
    info = cms.ContentInfo.load(decode_body(parse_headers(header_block), body))
    assert len(info["content"]["recipient_infos"]) == 4
    assert _read(pki, wire).status is SmimeStatus.DECRYPTED_UNSIGNED
