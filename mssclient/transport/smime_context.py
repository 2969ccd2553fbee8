"""What S/MIME needs to know about one account, read from the store. Qt-free.

An account's identity (certificate and private key for its address), the anchors its
correspondents' signatures must chain to, and the plan for one outgoing message.
Reading happens on the thread that owns the store; the crypto itself may run elsewhere.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509

from mssclient.errors import MssError
from mssclient.security.smime import (
    Identity,
    ProtectionPlan,
    TrustSettings,
    load_anchor_file,
    load_certificates,
    load_system_anchors,
    plan_protection,
)
from mssclient.security.smime.certificates import is_valid_at
from mssclient.security.smime.repository import CertificateRepository
from mssclient.security.tls import TrustAnchors, igc_sante_roots
from mssclient.store import Store
from mssclient.transport.accounts import Account

log = logging.getLogger(__name__)


def account_trust(account: Account) -> TrustSettings:
    """The anchors chosen for this account's S/MIME signatures (empty when unreadable:
    signatures then show as "not approved", never as valid)."""
    try:
        if account.smime_anchors is TrustAnchors.SYSTEM:
            anchors = load_system_anchors()
        elif account.smime_anchors is TrustAnchors.CA_FILE:
            anchors = load_anchor_file(Path(account.smime_ca_file)) if account.smime_ca_file else []
        else:
            anchors = []
            for pem in igc_sante_roots():
                anchors.extend(load_certificates(pem))
    except MssError as exc:
        log.warning("S/MIME anchors of %s unreadable: %s", account.address, exc)
        anchors = []
    return TrustSettings(anchors=tuple(anchors))


def signing_identity(
    repository: CertificateRepository, account: Account, now: dt.datetime | None = None
) -> Identity | None:
    """The identity that signs for this account: valid now, for its address, the one that
    lasts longest (identities come newest-ending first)."""
    now = now or dt.datetime.now(dt.UTC)
    for identity in repository.identities_for(account.address):
        if identity.can_sign and is_valid_at(identity.certificate, now):
            return identity
    return None


@dataclass(frozen=True)
class SendingPlan:
    """The plan for one message and the identity that carries it out."""

    plan: ProtectionPlan
    signer: Identity | None


def plan_for(
    store: Store, account: Account, recipients: Sequence[str], now: dt.datetime | None = None
) -> SendingPlan:
    """How a message from ``account`` to ``recipients`` (To, Cc and Bcc) would leave."""
    repository = CertificateRepository(store)
    signer = signing_identity(repository, account, now)
    sender_certificate = _own_encryption_certificate(repository, account, signer, now)
    plan = plan_protection(
        list(recipients),
        repository.certificates_for,
        signer=signer,
        sender_certificate=sender_certificate,
        require_encryption=account.smime_require_encryption,
        sign=account.smime_sign,
        now=now,
    )
    return SendingPlan(plan, signer)


def _own_encryption_certificate(
    repository: CertificateRepository,
    account: Account,
    signer: Identity | None,
    now: dt.datetime | None,
) -> x509.Certificate | None:
    """The sender's own certificate to encrypt the Sent copy to: an identity of the
    account's address that may decrypt (often the signing one)."""
    now = now or dt.datetime.now(dt.UTC)
    if signer is not None and signer.can_decrypt:
        return signer.certificate
    for identity in repository.identities_for(account.address):
        if identity.can_decrypt and is_valid_at(identity.certificate, now):
            return identity.certificate
    return None
