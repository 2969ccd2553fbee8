"""Importing identities (PKCS#12) and correspondents' certificates (PEM/DER/PKCS#7)."""

from __future__ import annotations

import datetime as dt

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import (
    BestAvailableEncryption,
    Encoding,
    pkcs7,
    pkcs12,
)

from mssclient.security.smime import (
    CertificateImportError,
    ExportPassphraseRequiredError,
    Identity,
    IncompleteIdentityError,
    StoredIdentity,
    UnsupportedKeyError,
    WrongPkcs12PassphraseError,
    certificate_der,
    certificate_emails,
    certificate_from_der,
    describe_certificate,
    encryption_usage_problem,
    export_pkcs12,
    import_pkcs12,
    load_certificate_file,
    load_certificates,
    signing_usage_problem,
)
from tests.unit.smime.pki import DAY, NOW, TestPki, make_user, pem


def _p12(identity: Identity, passphrase: bytes) -> bytes:
    return pkcs12.serialize_key_and_certificates(
        b"test",
        identity.private_key,
        identity.certificate,
        list(identity.chain),
        BestAvailableEncryption(passphrase),
    )


def test_import_pkcs12(pki: TestPki) -> None:
    identity = import_pkcs12(_p12(pki["nurse"], b"s3cret-\xc3\xa9"), "s3cret-é")
    assert identity.certificate == pki["nurse"].certificate
    assert identity.chain == (pki.intermediate,)
    assert identity.emails == (pki.email("nurse"),)
    assert identity.can_sign and identity.can_decrypt
    assert "BEGIN" not in repr(identity) and "private" not in repr(identity).lower()


def test_wrong_pkcs12_passphrase(pki: TestPki) -> None:
    with pytest.raises(WrongPkcs12PassphraseError) as caught:
        import_pkcs12(_p12(pki["nurse"], b"right"), "wrong")
    assert "Mot de passe incorrect" in caught.value.user_message


@pytest.mark.parametrize(
    "data", [b"", b"garbage" * 100, b"0\x82\x01\x00" + b"\x00" * 256, b"\xff" * (2 * 1024 * 1024)]
)
def test_garbage_is_not_a_wrong_passphrase(data: bytes) -> None:
    with pytest.raises(CertificateImportError) as caught:
        import_pkcs12(data, "whatever")
    assert not isinstance(caught.value, WrongPkcs12PassphraseError)
    assert "fichier" in caught.value.user_message


def test_pkcs12_without_a_key(pki: TestPki) -> None:
    data = pkcs12.serialize_key_and_certificates(
        b"cert only", None, pki["nurse"].certificate, None, BestAvailableEncryption(b"pw")
    )
    with pytest.raises(IncompleteIdentityError):
        import_pkcs12(data, "pw")


def test_pkcs12_with_an_ec_key(pki: TestPki) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    cert = pki["nurse"].certificate
    data = pkcs12.serialize_key_and_certificates(
        b"ec", key, None, [cert], BestAvailableEncryption(b"pw")
    )
    with pytest.raises(CertificateImportError):
        import_pkcs12(data, "pw")


def test_key_that_does_not_match_the_certificate(pki: TestPki) -> None:
    # cryptography refuses to write such a PKCS#12; the same check guards stored identities
    stored = StoredIdentity(
        certificate_der(pki["nurse"].certificate), pki["gp"].to_stored().private_key_pkcs8_der
    )
    with pytest.raises(IncompleteIdentityError):
        Identity.from_stored(stored)


def test_unsupported_key_error_is_a_certificate_import_error() -> None:
    assert issubclass(UnsupportedKeyError, CertificateImportError)
    assert "RSA" in UnsupportedKeyError().user_message


def test_export_needs_a_new_passphrase_and_round_trips(pki: TestPki) -> None:
    with pytest.raises(ExportPassphraseRequiredError):
        export_pkcs12(pki["gp"], "")
    data = export_pkcs12(pki["gp"], "nouveau mot de passe")
    again = import_pkcs12(data, "nouveau mot de passe")
    assert again.certificate == pki["gp"].certificate
    assert again.chain == pki["gp"].chain
    with pytest.raises(WrongPkcs12PassphraseError):
        import_pkcs12(data, "")


def test_stored_identity_round_trip(pki: TestPki) -> None:
    stored = pki["dermatologist"].to_stored()
    assert isinstance(stored.private_key_pkcs8_der, bytes)
    assert stored.certificate_der == certificate_der(pki["dermatologist"].certificate)
    again = Identity.from_stored(stored)
    assert again.certificate == pki["dermatologist"].certificate
    assert again.chain == (pki.intermediate,)
    with pytest.raises(CertificateImportError):
        Identity.from_stored(StoredIdentity(stored.certificate_der, b"broken"))


@pytest.mark.parametrize("form", ["pem", "pem-bundle", "der", "p7b-der", "p7b-pem", "crlf-pem"])
def test_load_certificates(pki: TestPki, form: str) -> None:
    gp, inter = pki["gp"].certificate, pki.intermediate
    data = {
        "pem": pem(gp),
        "pem-bundle": b"some text before\n" + pem(gp) + b"\n" + pem(inter),
        "der": certificate_der(gp),
        "p7b-der": pkcs7.serialize_certificates([gp, inter], Encoding.DER),
        "p7b-pem": pkcs7.serialize_certificates([gp, inter], Encoding.PEM),
        "crlf-pem": pem(gp).replace(b"\n", b"\r\n"),
    }[form]
    certs = load_certificates(data)
    assert gp in certs
    assert len(certs) == (1 if form in ("pem", "der", "crlf-pem") else 2)


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n", b"hello", b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"],
)
def test_load_certificates_rejects_garbage(data: bytes) -> None:
    with pytest.raises(CertificateImportError) as caught:
        load_certificates(data)
    assert ".pem" in caught.value.user_message


def test_load_certificate_file(pki: TestPki, tmp_path: object) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    path = tmp_path / "gp.cer"
    path.write_bytes(certificate_der(pki["gp"].certificate))
    assert load_certificate_file(path) == [pki["gp"].certificate]
    with pytest.raises(CertificateImportError) as caught:
        load_certificate_file(tmp_path / "missing.pem")
    assert "ne peut pas être lu" in caught.value.user_message


def test_der_ending_with_a_whitespace_byte_is_not_damaged(pki: TestPki) -> None:
    """DER is binary: stripping "whitespace" would cut a signature that ends in 0x0a."""
    issuer = (pki.intermediate, pki["gp"].private_key)
    for _ in range(2000):  # about one certificate in 40 ends with such a byte
        cert = make_user("Fin", "fin@test.fr", pki["gp"].private_key, issuer)
        der = certificate_der(cert)
        if der[-1:].isspace():
            break
    else:
        pytest.fail("no certificate ending in a whitespace byte was produced")
    assert load_certificates(der) == [cert]


def test_der_round_trip(pki: TestPki) -> None:
    der = certificate_der(pki["nurse"].certificate)
    assert certificate_from_der(der) == pki["nurse"].certificate
    with pytest.raises(CertificateImportError):
        certificate_from_der(b"nope")


def test_describe_certificate_and_expiry_warning(pki: TestPki) -> None:
    info = describe_certificate(pki["nurse"].certificate)
    assert info.display_name == "Claire Infirmière"
    assert info.emails == (pki.email("nurse"),)
    assert info.can_sign and info.can_encrypt and not info.is_ca
    assert len(info.fingerprint_sha256) == 64
    assert not info.expires_soon(NOW)
    assert info.expires_soon(info.not_after - 10 * DAY)
    assert not info.expires_soon(info.not_after + DAY)
    assert info.is_expired(info.not_after + DAY)
    assert describe_certificate(pki.root).is_ca


def test_usage_checks(pki: TestPki) -> None:
    assert signing_usage_problem(pki["dept_encrypt"].certificate)
    assert signing_usage_problem(pki["dept_sign"].certificate) is None
    assert encryption_usage_problem(pki["dept_sign"].certificate)
    assert encryption_usage_problem(pki["dept_encrypt"].certificate) is None
    assert signing_usage_problem(pki["no_eku"].certificate)
    assert encryption_usage_problem(pki["no_eku"].certificate)


def test_emails_from_san_and_subject(pki: TestPki) -> None:
    assert certificate_emails(pki["gp"].certificate) == (pki.email("gp"),)
    key = ec.generate_private_key(ec.SECP256R1())
    assert key  # EC certificates are readable, just not usable for our encryption
    cert = make_user(
        "Mixed Case",
        "Mixed.Case@Test.Fr",
        pki["gp"].private_key,
        (pki.intermediate, pki["gp"].private_key),
        not_after=NOW + dt.timedelta(days=1),
    )
    assert certificate_emails(cert) == ("mixed.case@test.fr",)
    assert cert.signature_hash_algorithm is not None
    assert isinstance(cert.signature_hash_algorithm, hashes.SHA256)
