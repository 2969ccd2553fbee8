"""S/MIME (RFC 8551) for MSSanté mail: sign, encrypt, decrypt, verify, certificates.

Qt-free. Building a message returns wire bytes; reading one returns a
``SmimeReadResult`` whose ``status`` drives the reader banner and which always keeps the
raw input. See each module for details:

- ``build``: ``sign_message``, ``encrypt_message``, ``sign_and_encrypt_message``
- ``reader``: ``read_message`` (decrypt + verify, any nesting), ``is_smime``
- ``identity``: ``import_pkcs12``, ``export_pkcs12``, ``Identity``, ``StoredIdentity``
- ``certificates``: ``load_certificates``, ``describe_certificate`` and usage checks
- ``trust``: ``TrustSettings``, ``load_system_anchors``, ``load_anchor_file``
- ``policy``: ``plan_protection`` (sign / encrypt / transport only / refused)
"""

from __future__ import annotations

from mssclient.security.smime.build import (
    encrypt_message,
    sign_and_encrypt_message,
    sign_message,
)
from mssclient.security.smime.certificates import (
    CertificateInfo,
    certificate_der,
    certificate_display_name,
    certificate_emails,
    certificate_from_der,
    describe_certificate,
    encryption_usage_problem,
    fingerprint_sha256,
    load_certificate_file,
    load_certificates,
    signing_usage_problem,
)
from mssclient.security.smime.errors import (
    CertificateImportError,
    ExportPassphraseRequiredError,
    IncompleteIdentityError,
    SmimeBuildError,
    SmimeError,
    UnsupportedKeyError,
    WrongPkcs12PassphraseError,
)
from mssclient.security.smime.identity import (
    Identity,
    StoredIdentity,
    export_pkcs12,
    import_pkcs12,
)
from mssclient.security.smime.policy import (
    MissingCertificate,
    MissingReason,
    Protection,
    ProtectionPlan,
    plan_protection,
)
from mssclient.security.smime.reader import (
    DEFAULT_MAX_BYTES,
    ReadLimits,
    is_smime,
    read_message,
    sender_address,
)
from mssclient.security.smime.result import SignatureCheck, SignerIdentity, SmimeReadResult
from mssclient.security.smime.status import Severity, SmimeStatus, status_message
from mssclient.security.smime.trust import (
    TrustSettings,
    build_chain,
    load_anchor_file,
    load_system_anchors,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "CertificateImportError",
    "CertificateInfo",
    "ExportPassphraseRequiredError",
    "Identity",
    "IncompleteIdentityError",
    "MissingCertificate",
    "MissingReason",
    "Protection",
    "ProtectionPlan",
    "ReadLimits",
    "Severity",
    "SignatureCheck",
    "SignerIdentity",
    "SmimeBuildError",
    "SmimeError",
    "SmimeReadResult",
    "SmimeStatus",
    "StoredIdentity",
    "TrustSettings",
    "UnsupportedKeyError",
    "WrongPkcs12PassphraseError",
    "build_chain",
    "certificate_der",
    "certificate_display_name",
    "certificate_emails",
    "certificate_from_der",
    "describe_certificate",
    "encrypt_message",
    "encryption_usage_problem",
    "export_pkcs12",
    "fingerprint_sha256",
    "import_pkcs12",
    "is_smime",
    "load_anchor_file",
    "load_certificate_file",
    "load_certificates",
    "load_system_anchors",
    "plan_protection",
    "read_message",
    "sender_address",
    "sign_and_encrypt_message",
    "sign_message",
    "signing_usage_problem",
    "status_message",
]
