"""A throwaway test PKI, generated with `cryptography` at test time (nothing expires in the
repository). Shape modelled on IGC-Santé: a root, an intermediate restricted to e-mail
protection, and end-entity certificates for health professionals.

Used by tests/unit/smime and tests/integration/smime (which also need the PEM files).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from mssclient.security.smime import Identity, TrustSettings

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)
DAY = dt.timedelta(days=1)

# One key per role is enough and keeps the session fast; 2048 bits is the minimum allowed.
_KEYS: dict[str, rsa.RSAPrivateKey] = {}


def _key(label: str) -> rsa.RSAPrivateKey:
    if label not in _KEYS:
        _KEYS[label] = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return _KEYS[label]


def _name(common_name: str, email: str | None = None) -> x509.Name:
    attributes = [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "FR"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "MSSClient Test PKI"),
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
    ]
    if email:
        attributes.append(x509.NameAttribute(NameOID.EMAIL_ADDRESS, email))
    return x509.Name(attributes)


def _usage(*, sign: bool = False, encrypt: bool = False, ca: bool = False) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=sign,
        content_commitment=sign,
        key_encipherment=encrypt,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


def make_ca(
    common_name: str,
    key: rsa.RSAPrivateKey,
    issuer: tuple[x509.Certificate, rsa.RSAPrivateKey] | None = None,
    email_only: bool = False,
) -> x509.Certificate:
    subject = _name(common_name)
    issuer_name = issuer[0].subject if issuer else subject
    signing_key = issuer[1] if issuer else key
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - 30 * DAY)
        .not_valid_after(NOW + 3650 * DAY)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(_usage(ca=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    )
    if issuer:
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer[1].public_key()),
            critical=False,
        )
    if email_only:
        builder = builder.add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False
        )
    return builder.sign(signing_key, hashes.SHA256())


def make_user(
    common_name: str,
    email: str,
    key: rsa.RSAPrivateKey,
    issuer: tuple[x509.Certificate, rsa.RSAPrivateKey],
    *,
    not_before: dt.datetime | None = None,
    not_after: dt.datetime | None = None,
    eku: list[x509.ObjectIdentifier] | None = None,
    sign: bool = True,
    encrypt: bool = True,
) -> x509.Certificate:
    ekus = eku if eku is not None else [ExtendedKeyUsageOID.EMAIL_PROTECTION]
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name, email))
        .issuer_name(issuer[0].subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before or NOW - 10 * DAY)
        .not_valid_after(not_after or NOW + 700 * DAY)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_usage(sign=sign, encrypt=encrypt), critical=True)
        .add_extension(x509.SubjectAlternativeName([x509.RFC822Name(email)]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer[1].public_key()),
            critical=False,
        )
        .add_extension(x509.ExtendedKeyUsage(ekus), critical=False)
    )
    return builder.sign(issuer[1], hashes.SHA256())


@dataclass
class TestPki:
    """Every certificate and identity the S/MIME tests use."""

    root: x509.Certificate
    intermediate: x509.Certificate
    other_root: x509.Certificate
    identities: dict[str, Identity] = field(default_factory=dict)
    directory: Path | None = None

    __test__ = False  # not a test class, whatever pytest thinks of its name

    @property
    def trust(self) -> TrustSettings:
        return TrustSettings(anchors=(self.root,))

    def __getitem__(self, name: str) -> Identity:
        return self.identities[name]

    def email(self, name: str) -> str:
        return USERS[name][1]

    def path(self, name: str) -> Path:
        """A PEM file written by ``write_files``: '<user>.cert.pem', 'root.pem'..."""
        assert self.directory is not None
        return self.directory / name


#: role -> (display name, address)
USERS: dict[str, tuple[str, str]] = {
    "nurse": ("Claire Infirmière", "claire.infirmiere@test.mssante.fr"),
    "gp": ("Dr Paul Généraliste", "paul.generaliste@test.mssante.fr"),
    "dermatologist": ("Dr Anne Dermato", "anne.dermato@hopital.test.mssante.fr"),
    "expired": ("Dr Ancien Expiré", "ancien.expire@test.mssante.fr"),
    "no_eku": ("Serveur Sans Messagerie", "serveur@test.mssante.fr"),
    "unknown_ca": ("Inconnu Hors IGC", "inconnu@ailleurs.test"),
    "dept_sign": ("Service Dermatologie", "dermatologie@hopital.test.mssante.fr"),
    "dept_encrypt": ("Service Dermatologie", "dermatologie@hopital.test.mssante.fr"),
}


def build_pki() -> TestPki:
    root_key, inter_key, other_key = _key("root"), _key("intermediate"), _key("other-root")
    root = make_ca("MSSClient Test Root CA", root_key)
    intermediate = make_ca(
        "MSSClient Test Personnes CA", inter_key, issuer=(root, root_key), email_only=True
    )
    other_root = make_ca("Unknown Test Root CA", other_key)
    issuer = (intermediate, inter_key)
    pki = TestPki(root=root, intermediate=intermediate, other_root=other_root)

    def add(
        role: str,
        cert: x509.Certificate,
        key: rsa.RSAPrivateKey,
        chain: tuple[x509.Certificate, ...],
    ) -> None:
        pki.identities[role] = Identity(certificate=cert, private_key=key, chain=chain)

    for role in ("nurse", "gp", "dermatologist"):
        name, email = USERS[role]
        add(role, make_user(name, email, _key(role), issuer), _key(role), (intermediate,))
    name, email = USERS["expired"]
    add(
        "expired",
        make_user(
            name,
            email,
            _key("expired"),
            issuer,
            not_before=NOW - 400 * DAY,
            not_after=NOW - 5 * DAY,
        ),
        _key("expired"),
        (intermediate,),
    )
    name, email = USERS["no_eku"]
    add(
        "no_eku",
        make_user(name, email, _key("no_eku"), issuer, eku=[ExtendedKeyUsageOID.CLIENT_AUTH]),
        _key("no_eku"),
        (intermediate,),
    )
    name, email = USERS["unknown_ca"]
    add(
        "unknown_ca",
        make_user(name, email, _key("unknown_ca"), (other_root, other_key)),
        _key("unknown_ca"),
        (other_root,),
    )
    name, email = USERS["dept_sign"]
    add(
        "dept_sign",
        make_user(name, email, _key("dept_sign"), issuer, encrypt=False),
        _key("dept_sign"),
        (intermediate,),
    )
    add(
        "dept_encrypt",
        make_user(name, email, _key("dept_encrypt"), issuer, sign=False),
        _key("dept_encrypt"),
        (intermediate,),
    )
    return pki


def pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def write_files(pki: TestPki, directory: Path) -> None:
    """PEM files for command-line peers: root.pem, intermediate.pem, chain.pem (both),
    <role>.cert.pem and <role>.key.pem (unencrypted PKCS#8) for each identity."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "root.pem").write_bytes(pem(pki.root))
    (directory / "intermediate.pem").write_bytes(pem(pki.intermediate))
    (directory / "chain.pem").write_bytes(pem(pki.intermediate) + pem(pki.root))
    for role, identity in pki.identities.items():
        (directory / f"{role}.cert.pem").write_bytes(pem(identity.certificate))
        (directory / f"{role}.key.pem").write_bytes(
            identity.private_key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
    pki.directory = directory
