"""Identities and correspondents' certificates in the encrypted store."""

from __future__ import annotations

import datetime as dt

from mssclient.security.smime.policy import Protection, plan_protection
from mssclient.security.smime.repository import CertificateRepository
from mssclient.store import Store
from tests.unit.smime.pki import TestPki


def test_identity_round_trip_keeps_the_private_key_inside_the_store(temp_store: Store, pki):
    repo = CertificateRepository(temp_store)
    nurse = pki["nurse"]
    repo.add_identity(nurse)
    repo.add_identity(nurse)  # importing twice keeps one
    [again] = repo.identities_for(pki.email("nurse").upper())
    assert again.fingerprint == nurse.fingerprint
    assert again.private_key.private_numbers() == nurse.private_key.private_numbers()
    assert len(again.chain) == len(nurse.chain)
    assert temp_store.audit.count("smime.identity.import") == 2


def test_raw_store_file_does_not_hold_the_key_in_clear(temp_store: Store, pki):
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
    )

    CertificateRepository(temp_store).add_identity(pki["gp"])
    temp_store.checkpoint()
    der = pki["gp"].private_key.private_bytes(Encoding.DER, PrivateFormat.PKCS8, NoEncryption())
    assert der[40:80] not in temp_store.path.read_bytes()


def test_collected_certificates_serve_as_lookup_for_the_sending_plan(temp_store: Store, pki):
    repo = CertificateRepository(temp_store)
    repo.add_identity(pki["nurse"])
    assert repo.collect([pki["dermatologist"].certificate, *pki["dermatologist"].chain]) == 2
    assert repo.collect([pki["dermatologist"].certificate]) == 0
    plan = plan_protection(
        [pki.email("dermatologist")],
        repo.certificates_for,
        signer=repo.identities()[0],
    )
    assert plan.protection is Protection.SIGNED_AND_ENCRYPTED
    plan = plan_protection(
        [pki.email("gp")],
        repo.certificates_for,
        signer=repo.identities()[0],
        require_encryption=True,
    )
    assert plan.protection is Protection.REFUSED
    assert [m.address for m in plan.missing] == [pki.email("gp")]


def test_entries_and_expiry_warning(temp_store: Store, pki: TestPki):
    repo = CertificateRepository(temp_store)
    repo.add_identity(pki["nurse"])
    repo.add_certificate(pki["gp"].certificate)
    entries = {e.source: e for e in repo.entries()}
    assert set(entries) == {"identity", "imported"}
    assert pki.email("gp") in entries["imported"].emails
    end = pki["gp"].certificate.not_valid_after_utc
    assert [e.fingerprint for e in repo.expiring(end - dt.timedelta(days=10))] != []
    assert "imported" in {e.source for e in repo.expiring(end - dt.timedelta(days=10))}
    assert repo.expiring(end - dt.timedelta(days=400)) == []
