"""What the composer is told before sending: sign, encrypt, transport only, or refused."""

from __future__ import annotations

from collections.abc import Iterable

from cryptography import x509

from mssclient.security.smime import Protection, plan_protection
from mssclient.security.smime.policy import CertificateLookup, MissingReason
from tests.unit.smime.pki import DAY, NOW, TestPki


def _lookup(pki: TestPki, *roles: str) -> CertificateLookup:
    directory = {pki.email(role): [pki[role].certificate] for role in roles}

    def lookup(address: str) -> Iterable[x509.Certificate]:
        return directory.get(address, [])

    return lookup


def test_everyone_has_a_certificate(pki: TestPki) -> None:
    plan = plan_protection(
        [pki.email("gp"), pki.email("dermatologist").upper()],
        _lookup(pki, "gp", "dermatologist"),
        signer=pki["nurse"],
    )
    assert plan.protection is Protection.SIGNED_AND_ENCRYPTED
    assert plan.sign and plan.encrypt and plan.allowed
    assert pki["nurse"].certificate in plan.encrypt_to  # the Sent copy stays readable
    assert set(plan.encrypt_to) == {pki[r].certificate for r in ("gp", "dermatologist", "nurse")}
    assert "signé et chiffré" in plan.explanation


def test_a_recipient_without_certificate_means_signed_only(pki: TestPki) -> None:
    plan = plan_protection(
        [pki.email("gp"), "secretariat@cabinet.test"],
        _lookup(pki, "gp"),
        signer=pki["nurse"],
    )
    assert plan.protection is Protection.SIGNED
    assert plan.sign and not plan.encrypt and plan.allowed
    assert [m.address for m in plan.missing] == ["secretariat@cabinet.test"]
    assert "secretariat@cabinet.test" in plan.explanation
    assert "transport" in plan.explanation


def test_require_encryption_refuses_and_names_the_recipients(pki: TestPki) -> None:
    plan = plan_protection(
        [pki.email("gp"), "secretariat@cabinet.test", pki.email("expired")],
        _lookup(pki, "gp", "expired"),
        signer=pki["nurse"],
        require_encryption=True,
    )
    assert plan.protection is Protection.REFUSED
    assert not plan.allowed and not plan.sign and not plan.encrypt
    reasons = {m.address: m.reason for m in plan.missing}
    assert reasons == {
        "secretariat@cabinet.test": MissingReason.NO_CERTIFICATE,
        pki.email("expired"): MissingReason.EXPIRED,
    }
    assert "Envoi refusé" in plan.explanation
    assert "secretariat@cabinet.test (aucun certificat connu)" in plan.explanation
    assert "certificat expiré" in plan.explanation


def test_no_identity_means_transport_only(pki: TestPki) -> None:
    plan = plan_protection(["x@y.fr"], _lookup(pki), signer=None)
    assert plan.protection is Protection.TRANSPORT_ONLY
    assert "ni signé ni chiffré" in plan.explanation


def test_encrypt_without_signing_when_user_turns_signing_off(pki: TestPki) -> None:
    plan = plan_protection(
        [pki.email("gp")],
        _lookup(pki, "gp"),
        signer=pki["nurse"],
        sign=False,
    )
    assert plan.protection is Protection.ENCRYPTED and not plan.sign and plan.encrypt


def test_separate_sender_encryption_certificate(pki: TestPki) -> None:
    plan = plan_protection(
        [pki.email("gp")],
        _lookup(pki, "gp"),
        signer=pki["dept_sign"],
        sender_certificate=pki["dept_encrypt"].certificate,
    )
    assert plan.protection is Protection.SIGNED_AND_ENCRYPTED
    assert pki["dept_encrypt"].certificate in plan.encrypt_to


def test_sender_without_encryption_certificate_cannot_encrypt(pki: TestPki) -> None:
    plan = plan_protection(
        [pki.email("gp")],
        _lookup(pki, "gp"),
        signer=pki["dept_sign"],  # signing-only certificate, no encryption one given
        require_encryption=True,
    )
    assert plan.protection is Protection.REFUSED
    assert "vous n'avez pas de certificat de chiffrement" in plan.explanation
    assert "importez votre certificat" in plan.explanation


def test_best_certificate_is_the_longest_lasting_valid_one(pki: TestPki) -> None:
    def lookup(address: str) -> list[x509.Certificate]:
        return [pki["expired"].certificate, pki["gp"].certificate, pki["dept_sign"].certificate]

    plan = plan_protection([pki.email("gp")], lookup, signer=pki["nurse"], now=NOW + DAY)
    assert plan.recipient_certificates == {pki.email("gp"): pki["gp"].certificate}


def test_failing_lookup_is_treated_as_unknown(pki: TestPki) -> None:
    def lookup(address: str) -> list[x509.Certificate]:
        raise RuntimeError("directory down")

    plan = plan_protection([pki.email("gp")], lookup, signer=pki["nurse"])
    assert plan.protection is Protection.SIGNED
    assert plan.missing[0].reason is MissingReason.NO_CERTIFICATE


def test_no_recipient(pki: TestPki) -> None:
    plan = plan_protection([], _lookup(pki), signer=pki["nurse"])
    assert not plan.encrypt
