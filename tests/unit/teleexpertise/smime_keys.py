"""S/MIME identities for the sandbox workstations: certificates issued at test time by the
test PKI of tests/unit/smime/pki.py (a root, an e-mail intermediate), for the sandbox's
demo addresses; every account of a workstation trusts that root for signatures."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import rsa

from mssclient.security.smime import Identity
from mssclient.security.smime.repository import CertificateRepository
from mssclient.security.tls import TrustAnchors
from mssclient.store import Store
from mssclient.transport.accounts import load_accounts, save_account
from tests.unit.smime.pki import NOW, _key, make_ca, make_user, pem


class SandboxPki:
    """A root and an intermediate; identities for any address, each with its own key."""

    def __init__(self, folder: Path) -> None:
        root_key, self._issuer_key = _key("te-root"), _key("te-intermediate")
        self.root = make_ca("Teleexpertise Test Root", root_key)
        self._issuer = make_ca(
            "Teleexpertise Test Personnes", self._issuer_key, (self.root, root_key), True
        )
        folder.mkdir(parents=True, exist_ok=True)
        self.root_file = folder / "root.pem"
        self.root_file.write_bytes(pem(self.root))

    def identity(self, name: str, address: str, *, key: str = "", days: int = 700) -> Identity:
        private: rsa.RSAPrivateKey = _key(key or f"te-{address}")
        certificate = make_user(
            name,
            address,
            private,
            (self._issuer, self._issuer_key),
            not_after=NOW + dt.timedelta(days=days),
        )
        return Identity(certificate, private, (self._issuer,))

    def equip(
        self, store: Store, identities: list[Identity], correspondents: list[Identity]
    ) -> None:
        """My identities (certificate and private key), the correspondents' certificates,
        and this PKI's root as the anchor for every account's S/MIME signatures."""
        repository = CertificateRepository(store)
        for identity in identities:
            repository.add_identity(identity)
        for other in correspondents:
            repository.add_certificate(other.certificate)
        for account in load_accounts(store):
            save_account(
                store,
                replace(
                    account,
                    smime_anchors=TrustAnchors.CA_FILE,
                    smime_ca_file=str(self.root_file),
                ),
            )
