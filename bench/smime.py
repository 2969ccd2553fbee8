"""S/MIME timings: sign+encrypt and decrypt+verify for a 20 KB and a 5 MB message.

Run: .venv/bin/python bench/smime.py   (prints figures, asserts nothing)
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import statistics
import sys
import time
from collections.abc import Callable
from email.message import EmailMessage

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from mssclient.security.smime import (
    Identity,
    SmimeStatus,
    TrustSettings,
    read_message,
    sign_and_encrypt_message,
)

NOW = dt.datetime.now(dt.UTC)


def _cert(
    name: str,
    email: str | None,
    key: rsa.RSAPrivateKey,
    issuer: tuple[x509.Name, rsa.RSAPrivateKey] | None,
) -> x509.Certificate:
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer[0] if issuer else subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - dt.timedelta(days=1))
        .not_valid_after(NOW + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=issuer is None, path_length=None), critical=True)
    )
    if issuer is None:
        builder = builder.add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        ).add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    else:
        builder = (
            builder.add_extension(
                x509.SubjectAlternativeName([x509.RFC822Name(email or "")]), critical=False
            )
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer[1].public_key()),
                critical=False,
            )
            .add_extension(
                x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False
            )
        )
    return builder.sign(issuer[1] if issuer else key, hashes.SHA256())


def _timed(fn: Callable[[], object], rounds: int) -> tuple[float, object]:
    samples = []
    result: object = None
    for _ in range(rounds):
        started = time.perf_counter()
        result = fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples), result


def main() -> None:
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca = _cert("Bench Root", None, ca_key, None)
    people = {}
    for role in ("sender", "recipient"):
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        email = f"{role}@bench.mssante.fr"
        people[role] = (Identity(_cert(role, email, key, (ca.subject, ca_key)), key), email)
    sender, sender_email = people["sender"]
    recipient, recipient_email = people["recipient"]
    trust = TrustSettings(anchors=(ca,))

    print(
        "S/MIME bench (RSA-2048, SHA-256, AES-256-CBC; median of runs; "
        f"Python {sys.version.split()[0]})"
    )
    for label, size, rounds in (("20 KB", 20 * 1024, 20), ("5 MB", 5 * 1024 * 1024, 5)):
        message = EmailMessage()
        message["From"] = sender_email
        message["To"] = recipient_email
        message["Subject"] = f"bench {label}"
        message.set_content("Compte rendu joint.\n")
        message.add_attachment(
            os.urandom(size), maintype="application", subtype="pdf", filename="cr.pdf"
        )
        build = functools.partial(
            sign_and_encrypt_message, message, sender, [recipient.certificate, sender.certificate]
        )
        build_time, wire = _timed(build, rounds)
        assert isinstance(wire, bytes)
        read = functools.partial(read_message, wire, identities=[recipient], trust=trust)
        read_time, result = _timed(read, rounds)
        assert getattr(result, "status", None) is SmimeStatus.SIGNED_VALID
        print(
            f"  {label:>5} attachment ({len(wire) / 1024:8.0f} KiB on the wire): "
            f"sign+encrypt {build_time * 1000:8.1f} ms   decrypt+verify {read_time * 1000:8.1f} ms"
        )


if __name__ == "__main__":
    main()
