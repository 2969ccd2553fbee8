"""Who signed, and may we believe it: chain, dates, usage, e-mail EKU, address."""

from __future__ import annotations

import base64
import datetime as dt

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.serialization import Encoding, pkcs7

from mssclient.security.smime import (
    Severity,
    SmimeStatus,
    TrustSettings,
    build_chain,
    read_message,
    sign_message,
)
from tests.unit.smime.messages import clinical_message
from tests.unit.smime.pki import DAY, NOW, TestPki

ENTITY = b'Content-Type: text/plain; charset="us-ascii"\r\n\r\nResultats normaux.\r\n'


def _signed_by(pki: TestPki, role: str, sender: str | None = None) -> bytes:
    sender = sender or pki.email(role)
    return sign_message(clinical_message(sender, [pki.email("gp")]), pki[role])


def test_signer_from_an_unknown_ca_is_untrusted(pki: TestPki) -> None:
    result = read_message(_signed_by(pki, "unknown_ca"), trust=pki.trust)
    assert result.status is SmimeStatus.SIGNER_UNTRUSTED
    assert result.severity is Severity.WARNING
    assert result.signer is not None and result.signer.name == "Inconnu Hors IGC"
    assert "autorité de confiance" in result.user_message
    assert result.content is not None  # the text is still shown, under a warning
    assert result.collectable_certificates == ()


def test_no_anchor_configured_means_untrusted(pki: TestPki) -> None:
    result = read_message(_signed_by(pki, "nurse"), trust=TrustSettings())
    assert result.status is SmimeStatus.SIGNER_UNTRUSTED


def test_anchor_can_be_the_intermediate(pki: TestPki) -> None:
    trust = TrustSettings(anchors=(pki.intermediate,))
    assert read_message(_signed_by(pki, "nurse"), trust=trust).status is SmimeStatus.SIGNED_VALID


def test_expired_signer_certificate(pki: TestPki) -> None:
    result = read_message(_signed_by(pki, "expired"), trust=pki.trust)
    assert result.status is SmimeStatus.CERT_EXPIRED, result.detail
    assert "expiré" in result.user_message
    assert result.signer is not None and result.signer.name == "Dr Ancien Expiré"


def test_message_read_after_the_signer_certificate_expired(pki: TestPki) -> None:
    wire = _signed_by(pki, "nurse")
    later = pki["nurse"].certificate.not_valid_after_utc + 30 * DAY
    assert read_message(wire, trust=pki.trust, now=later).status is SmimeStatus.CERT_EXPIRED


def test_message_read_before_the_certificate_was_valid(pki: TestPki) -> None:
    wire = _signed_by(pki, "nurse")
    before = pki["nurse"].certificate.not_valid_before_utc - DAY
    result = read_message(wire, trust=pki.trust, now=before)
    assert result.status in (SmimeStatus.SIGNER_UNTRUSTED, SmimeStatus.CERT_EXPIRED)


def test_certificate_without_email_protection_eku(pki: TestPki) -> None:
    data = clinical_message(pki.email("no_eku"), [pki.email("gp")])
    # sign_message checks our own usage too; build the signature the way another client would
    signed = pkcs7.PKCS7SignatureBuilder().set_data(ENTITY)
    signed = signed.add_signer(
        pki["no_eku"].certificate, pki["no_eku"].private_key, hashes.SHA256()
    )
    smime = signed.add_certificate(pki.intermediate).sign(
        Encoding.SMIME, [pkcs7.PKCS7Options.DetachedSignature]
    )
    wire = f"From: {data['From']}\r\n".encode() + smime
    result = read_message(wire, trust=pki.trust)
    assert result.status is SmimeStatus.CERT_USAGE_INVALID, result.detail
    assert "prévu pour signer" in result.user_message


def test_signer_address_must_match_from(pki: TestPki) -> None:
    wire = _signed_by(pki, "nurse", sender="usurpateur@test.mssante.fr")
    result = read_message(wire, trust=pki.trust)
    assert result.status is SmimeStatus.SIGNER_ADDRESS_MISMATCH
    assert result.severity is Severity.ERROR
    assert "usurpateur@test.mssante.fr" in result.user_message
    assert result.collectable_certificates == ()


def test_from_with_display_name_and_case_matches(pki: TestPki) -> None:
    sender = f'"Claire I." <{pki.email("nurse").upper()}>'
    wire = _signed_by(pki, "nurse", sender=sender)
    assert read_message(wire, trust=pki.trust).status is SmimeStatus.SIGNED_VALID


def test_explicit_sender_overrides_from(pki: TestPki) -> None:
    wire = _signed_by(pki, "nurse")
    result = read_message(wire, trust=pki.trust, sender="autre@test.mssante.fr")
    assert result.status is SmimeStatus.SIGNER_ADDRESS_MISMATCH


def test_signature_without_certificates_needs_a_known_one(pki: TestPki) -> None:
    builder = pkcs7.PKCS7SignatureBuilder().set_data(ENTITY)
    builder = builder.add_signer(pki["gp"].certificate, pki["gp"].private_key, hashes.SHA256())
    smime = builder.sign(
        Encoding.SMIME, [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.NoCerts]
    )
    wire = f"From: {pki.email('gp')}\r\n".encode() + smime
    unknown = read_message(wire, trust=pki.trust)
    assert unknown.status is SmimeStatus.SIGNER_UNKNOWN
    assert "inconnu" in unknown.user_message
    trust = TrustSettings(anchors=(pki.root,), intermediates=(pki.intermediate,))
    known = read_message(wire, trust=trust, known_certificates=[pki["gp"].certificate])
    assert known.status is SmimeStatus.SIGNED_VALID, known.detail


def test_opaque_signed_data(pki: TestPki) -> None:
    builder = pkcs7.PKCS7SignatureBuilder().set_data(ENTITY)
    builder = builder.add_signer(pki["gp"].certificate, pki["gp"].private_key, hashes.SHA512())
    der = builder.add_certificate(pki.intermediate).sign(Encoding.DER, [])
    wire = (
        f"From: {pki.email('gp')}\r\nSubject: opaque\r\n"
        "Content-Type: application/pkcs7-mime; smime-type=signed-data; name=smime.p7m\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n"
    ).encode() + base64.encodebytes(der)
    result = read_message(wire, trust=pki.trust)
    assert result.status is SmimeStatus.SIGNED_VALID, result.detail
    assert result.layers == ("signed-data",)
    assert result.content is not None and b"Resultats normaux" in result.content
    assert b"Subject: opaque" in result.readable_message()


def test_pss_signature(pki: TestPki) -> None:
    from cryptography.hazmat.primitives.asymmetric import padding

    builder = pkcs7.PKCS7SignatureBuilder().set_data(ENTITY)
    builder = builder.add_signer(
        pki["gp"].certificate,
        pki["gp"].private_key,
        hashes.SHA256(),
        rsa_padding=padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32),
    )
    smime = builder.add_certificate(pki.intermediate).sign(
        Encoding.SMIME, [pkcs7.PKCS7Options.DetachedSignature]
    )
    wire = f"From: {pki.email('gp')}\r\n".encode() + smime
    result = read_message(wire, trust=pki.trust)
    assert result.status is SmimeStatus.SIGNED_VALID, result.detail


def test_separate_encryption_certificate_is_collected(pki: TestPki) -> None:
    message = clinical_message(pki.email("dept_sign"), [pki.email("gp")])
    wire = sign_message(
        message, pki["dept_sign"], extra_certificates=[pki["dept_encrypt"].certificate]
    )
    result = read_message(wire, trust=pki.trust)
    assert result.status is SmimeStatus.SIGNED_VALID, result.detail
    assert set(result.collectable_certificates) == {
        pki["dept_sign"].certificate,
        pki["dept_encrypt"].certificate,
    }


def test_unrelated_certificates_in_a_signature_are_not_collected(pki: TestPki) -> None:
    message = clinical_message(pki.email("nurse"), [pki.email("gp")])
    wire = sign_message(message, pki["nurse"], extra_certificates=[pki["gp"].certificate])
    result = read_message(wire, trust=pki.trust)
    assert result.collectable_certificates == (pki["nurse"].certificate,)


def test_build_chain_reports_the_chain_and_failures(pki: TestPki) -> None:
    ok = build_chain(pki["nurse"].certificate, [pki.intermediate], pki.trust, NOW)
    assert ok.trusted and ok.chain[-1] == pki.root
    missing_intermediate = build_chain(pki["nurse"].certificate, [], pki.trust, NOW)
    assert not missing_intermediate.trusted and missing_intermediate.detail
    later = build_chain(
        pki["nurse"].certificate, [pki.intermediate], pki.trust, NOW + dt.timedelta(days=5000)
    )
    assert not later.trusted


def test_anchor_sources(pki: TestPki, tmp_path: object) -> None:
    from pathlib import Path

    from cryptography import x509

    from mssclient.security.smime import load_anchor_file, load_system_anchors

    assert isinstance(tmp_path, Path)
    bundle = tmp_path / "custom-ca.pem"
    bundle.write_bytes(pki.path("chain.pem").read_bytes())
    anchors = load_anchor_file(bundle)
    assert anchors == [pki.intermediate, pki.root]
    system = load_system_anchors()
    assert all(isinstance(cert, x509.Certificate) for cert in system)
    trust = TrustSettings().with_anchors(anchors)
    assert read_message(_signed_by(pki, "nurse"), trust=trust).status is SmimeStatus.SIGNED_VALID
    # the system store alone does not trust the test PKI
    untrusted = read_message(_signed_by(pki, "nurse"), trust=TrustSettings(anchors=tuple(system)))
    assert untrusted.status is SmimeStatus.SIGNER_UNTRUSTED
