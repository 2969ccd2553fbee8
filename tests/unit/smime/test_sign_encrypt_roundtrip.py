"""Our own messages read back by our own reader: signing, encryption, both, and the bytes
that must survive (non-ASCII text, binary attachments, line-ending damage)."""

from __future__ import annotations

import email.policy
from email.parser import BytesParser

import pytest
from cryptography.hazmat.primitives.serialization import pkcs7

from mssclient.security.smime import (
    Severity,
    SmimeBuildError,
    SmimeStatus,
    encrypt_message,
    read_message,
    sign_and_encrypt_message,
    sign_message,
)
from mssclient.security.smime.build import enveloped_entity
from mssclient.security.smime.mime import decode_body, parse_headers, split_header_body
from tests.unit.smime.messages import clinical_message
from tests.unit.smime.pki import TestPki

PDF = b"%PDF-1.7\n" + bytes(range(256)) * 40


def _parse(data: bytes) -> email.message.EmailMessage:
    parsed = BytesParser(policy=email.policy.default).parsebytes(data)
    assert isinstance(parsed, email.message.EmailMessage)
    return parsed


def _body_and_attachment(readable: bytes) -> tuple[str, bytes | None]:
    message = _parse(readable)
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    attachments = list(message.iter_attachments())
    data = attachments[0].get_content() if attachments else None
    return body.get_content().replace("\r\n", "\n"), data


def test_signed_message_verifies(pki: TestPki) -> None:
    message = clinical_message(pki.email("nurse"), [pki.email("gp")], attachment=PDF)
    wire = sign_message(message, pki["nurse"])
    result = read_message(wire, trust=pki.trust)
    assert result.status is SmimeStatus.SIGNED_VALID, result.detail
    assert result.severity is Severity.OK
    assert result.signed and not result.encrypted
    assert result.signer is not None
    assert result.signer.emails == (pki.email("nurse"),)
    assert result.signer.name == "Claire Infirmière"
    assert result.signer.chain[-1] == pki.root
    assert "Claire Infirmière" in result.user_message
    assert result.layers == ("multipart/signed",)
    body, attachment = _body_and_attachment(result.readable_message())
    assert "compte rendu" in body
    assert attachment == PDF
    assert result.raw == wire


def test_signed_message_keeps_envelope_headers_outside(pki: TestPki) -> None:
    wire = sign_message(clinical_message(pki.email("nurse"), [pki.email("gp")]), pki["nurse"])
    top = _parse(wire)
    assert top.get_content_type() == "multipart/signed"
    assert top.get_param("micalg") == "sha-256"
    assert top.get_param("protocol") == "application/pkcs7-signature"
    assert str(top["Subject"]) == "Avis dermatologique – lésion pigmentée"
    assert all(line.isascii() for line in wire.split(b"\r\n"))
    assert b"\n" not in wire.replace(b"\r\n", b"")


def test_raw_bytes_input_is_accepted(pki: TestPki) -> None:
    raw = clinical_message(pki.email("nurse"), [pki.email("gp")]).as_bytes()
    result = read_message(sign_message(raw, pki["nurse"]), trust=pki.trust)
    assert result.status is SmimeStatus.SIGNED_VALID, result.detail


def test_encrypted_only_message_decrypts_for_each_recipient_and_sender(pki: TestPki) -> None:
    message = clinical_message(
        pki.email("nurse"), [pki.email("gp"), pki.email("dermatologist")], attachment=PDF
    )
    recipients = [pki[r].certificate for r in ("gp", "dermatologist", "nurse")]
    wire = encrypt_message(message, recipients)
    assert b"compte rendu" not in wire
    for reader in ("gp", "dermatologist", "nurse"):
        result = read_message(wire, identities=[pki[reader]], trust=pki.trust)
        assert result.status is SmimeStatus.DECRYPTED_UNSIGNED, result.detail
        assert result.encrypted and result.decrypted and not result.signed
        assert result.algorithm == "AES-256-CBC"
        assert "pas signé" in result.user_message
        body, attachment = _body_and_attachment(result.readable_message())
        assert "compte rendu" in body and attachment == PDF


def test_sign_then_encrypt(pki: TestPki) -> None:
    message = clinical_message(pki.email("gp"), [pki.email("dermatologist")], attachment=PDF)
    wire = sign_and_encrypt_message(
        message, pki["gp"], [pki["dermatologist"].certificate, pki["gp"].certificate]
    )
    top = _parse(wire)
    assert top.get_content_type() == "application/pkcs7-mime"
    assert top.get_param("smime-type") == "enveloped-data"
    result = read_message(wire, identities=[pki["dermatologist"]], trust=pki.trust)
    assert result.status is SmimeStatus.SIGNED_VALID, result.detail
    assert result.layers == ("enveloped-data", "multipart/signed")
    assert result.encrypted and result.decrypted and result.signed
    assert "chiffré de bout en bout" in result.user_message
    body, attachment = _body_and_attachment(result.readable_message())
    assert "compte rendu" in body and attachment == PDF
    assert result.collectable_certificates == (pki["gp"].certificate,)


def test_the_right_key_is_picked_among_several(pki: TestPki) -> None:
    message = clinical_message(pki.email("gp"), [pki.email("dermatologist")])
    wire = encrypt_message(message, [pki["dermatologist"].certificate])
    result = read_message(
        wire, identities=[pki["nurse"], pki["gp"], pki["dermatologist"]], trust=pki.trust
    )
    assert result.status is SmimeStatus.DECRYPTED_UNSIGNED


@pytest.mark.parametrize(
    "body",
    [
        "Accents : é à ç ô œ – « guillemets » €\n",
        "From the lab: results attached\nFrom here on, all fine\n",
        "trailing spaces   \nand\ttabs\t\n",
        "x" * 3000 + "\n",
        "no final newline",
    ],
    ids=["non-ascii", "from-lines", "trailing-space", "long-line", "no-newline"],
)
def test_body_survives_signing_exactly(pki: TestPki, body: str) -> None:
    message = clinical_message(pki.email("nurse"), [pki.email("gp")], body=body)
    wire = sign_message(message, pki["nurse"])
    assert all(len(line) <= 998 for line in wire.split(b"\r\n"))
    assert all(not line.startswith(b"From ") for line in wire.split(b"\r\n")[8:])
    result = read_message(wire, trust=pki.trust)
    assert result.status is SmimeStatus.SIGNED_VALID, result.detail
    text, _ = _body_and_attachment(result.readable_message())
    assert text.rstrip("\n") == body.rstrip("\n")


@pytest.mark.parametrize("damage", ["lf-only", "mixed"])
def test_line_ending_damage_does_not_break_the_signature(pki: TestPki, damage: str) -> None:
    wire = sign_message(clinical_message(pki.email("nurse"), [pki.email("gp")]), pki["nurse"])
    if damage == "lf-only":
        stored = wire.replace(b"\r\n", b"\n")
    else:
        lines = wire.split(b"\r\n")
        stored = b"".join(line + (b"\n" if i % 2 else b"\r\n") for i, line in enumerate(lines))
    result = read_message(stored, trust=pki.trust)
    assert result.status is SmimeStatus.SIGNED_VALID, result.detail


def test_tampered_signed_content_is_detected_and_kept(pki: TestPki) -> None:
    wire = sign_message(clinical_message(pki.email("nurse"), [pki.email("gp")]), pki["nurse"])
    tampered = wire.replace(b"compte rendu", b"compte-rendu")
    assert tampered != wire
    result = read_message(tampered, trust=pki.trust)
    assert result.status is SmimeStatus.SIGNATURE_INVALID
    assert result.severity is Severity.ERROR
    assert "modifié" in result.user_message
    assert result.raw == tampered
    assert result.content is not None and b"compte-rendu" in result.content
    assert result.collectable_certificates == ()


def test_tampered_header_inside_signed_part_is_detected(pki: TestPki) -> None:
    wire = sign_message(clinical_message(pki.email("nurse"), [pki.email("gp")]), pki["nurse"])
    tampered = wire.replace(b'charset="utf-8"', b'charset="latin-1"', 1)
    assert tampered != wire
    assert read_message(tampered, trust=pki.trust).status is SmimeStatus.SIGNATURE_INVALID


def test_swapped_signature_is_detected(pki: TestPki) -> None:
    first = sign_message(clinical_message(pki.email("nurse"), [pki.email("gp")]), pki["nurse"])
    other = clinical_message(pki.email("nurse"), [pki.email("gp")], body="Autre texte.\n")
    second = sign_message(other, pki["nurse"])
    signature_of_second = second[second.index(b"Content-Type: application/pkcs7-signature") :]
    forged = first[: first.index(b"Content-Type: application/pkcs7-signature")]
    boundary_first = _parse(first).get_param("boundary")
    boundary_second = _parse(second).get_param("boundary")
    assert isinstance(boundary_first, str) and isinstance(boundary_second, str)
    forged += signature_of_second.replace(boundary_second.encode(), boundary_first.encode())
    assert read_message(forged, trust=pki.trust).status is SmimeStatus.SIGNATURE_INVALID


def test_signing_refuses_a_certificate_not_meant_for_signing(pki: TestPki) -> None:
    with pytest.raises(SmimeBuildError) as caught:
        sign_message(clinical_message("a@b.fr", ["c@d.fr"]), pki["dept_encrypt"])
    assert "n'a pas été envoyé" in caught.value.user_message


def test_encrypting_refuses_a_certificate_not_meant_for_encryption(pki: TestPki) -> None:
    with pytest.raises(SmimeBuildError):
        encrypt_message(clinical_message("a@b.fr", ["c@d.fr"]), [pki["dept_sign"].certificate])
    with pytest.raises(SmimeBuildError):
        encrypt_message(clinical_message("a@b.fr", ["c@d.fr"]), [])


def test_plain_message_is_not_smime(pki: TestPki) -> None:
    raw = clinical_message(pki.email("nurse"), [pki.email("gp")]).as_bytes()
    result = read_message(raw, identities=[pki["gp"]], trust=pki.trust)
    assert result.status is SmimeStatus.NOT_SMIME
    assert result.severity is Severity.NONE
    assert result.content is None
    assert result.readable_message() == raw
    assert "transport" in result.user_message


def test_protected_headers_inside_win_over_outer_copies(pki: TestPki) -> None:
    inner = (
        b'Content-Type: text/plain; charset="us-ascii"; protected-headers="v1"\r\n'
        b"Subject: Vrai sujet\r\n\r\nTexte.\r\n"
    )
    outer = b"From: " + pki.email("nurse").encode() + b"\r\nSubject: ...\r\n"
    wire = outer + b"MIME-Version: 1.0\r\n" + enveloped_entity(inner, [pki["gp"].certificate])
    result = read_message(wire, identities=[pki["gp"]], trust=pki.trust)
    readable = _parse(result.readable_message())
    assert readable.get_all("Subject") == ["Vrai sujet"]
    assert readable["From"] == pki.email("nurse")


def test_is_smime_and_sender_address(pki: TestPki) -> None:
    from mssclient.security.smime import is_smime, sender_address

    message = clinical_message(f"Claire <{pki.email('nurse')}>", [pki.email("gp")])
    plain = message.as_bytes()
    signed = sign_message(message, pki["nurse"])
    encrypted = encrypt_message(message, [pki["gp"].certificate])
    assert not is_smime(plain) and is_smime(signed) and is_smime(encrypted)
    assert not is_smime(b"\x00garbage")
    # The byte pre-test is case-blind and only rules out; a word in a subject is not enough.
    shouting = signed.replace(b"multipart/signed", b"MULTIPART/SIGNED", 1)
    assert b"MULTIPART/SIGNED" in shouting and is_smime(shouting)
    assert not is_smime(b"Subject: signed p7m pkcs7\r\nContent-Type: text/plain\r\n\r\nx")
    attached = b'Content-Type: application/octet-stream; name="smime.p7m"\r\n\r\nAAAA'
    assert is_smime(attached)
    assert sender_address(signed) == pki.email("nurse")
    assert sender_address(b"Subject: none\r\n\r\n") is None
    assert sender_address(b"From: a@b.fr, c@d.fr\r\n\r\n") is None


def test_wrapping_an_already_signed_message_keeps_its_bytes(pki: TestPki) -> None:
    signed = sign_message(clinical_message(pki.email("nurse"), [pki.email("gp")]), pki["nurse"])
    wrapped = encrypt_message(signed, [pki["gp"].certificate])
    result = read_message(wrapped, identities=[pki["gp"]], trust=pki.trust)
    assert result.status is SmimeStatus.SIGNED_VALID, result.detail
    assert result.layers == ("enveloped-data", "multipart/signed")
    assert b"Subject:" in result.readable_message()
    # the encrypted entity is the signed one, byte for byte (not regenerated)
    header_block, body = split_header_body(wrapped)
    der = decode_body(parse_headers(header_block), body)
    inner = pkcs7.pkcs7_decrypt_der(der, pki["gp"].certificate, pki["gp"].private_key, [])
    assert inner.endswith(split_header_body(signed)[1])
