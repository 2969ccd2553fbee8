"""Interoperability with `openssl cms`, both ways, including tampering and the algorithms
we refuse (3DES, RSA-OAEP, AES-GCM)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mssclient.security.smime import (
    SmimeStatus,
    encrypt_message,
    read_message,
    sign_and_encrypt_message,
    sign_message,
)
from tests.integration.smime.smime_tools import p7m_message, run
from tests.unit.smime.messages import clinical_message
from tests.unit.smime.pki import TestPki

pytestmark = pytest.mark.integration

ENTITY = (
    b'Content-Type: text/plain; charset="utf-8"\r\n'
    b"Content-Transfer-Encoding: quoted-printable\r\n\r\n"
    b"Compte rendu de consultation : l=C3=A9sion b=C3=A9nigne.\r\n"
    b"Contr=C3=B4le dans 6 mois.\r\n"
)


@pytest.fixture
def entity(tmp_path: Path) -> Path:
    path = tmp_path / "entity.txt"
    path.write_bytes(ENTITY)
    return path


def _envelope_args(pki: TestPki) -> list[str]:
    return ["-from", pki.email("nurse"), "-to", pki.email("gp"), "-subject", "interop"]


# -- openssl encrypts, we decrypt -------------------------------------------------------------


@pytest.mark.parametrize("cipher", ["-aes128", "-aes256"])
@pytest.mark.parametrize("form", ["DER", "SMIME", "SMIME-stream", "DER-stream"])
def test_openssl_encrypts_we_decrypt(
    openssl: str, pki: TestPki, entity: Path, tmp_path: Path, cipher: str, form: str
) -> None:
    out = tmp_path / "out"
    outform, _, stream = form.partition("-")
    argv: list[str | Path] = [openssl, "cms", "-encrypt", cipher, "-in", entity]
    argv += ["-outform", outform, "-out", out]
    if stream:
        argv.append("-stream")
    if outform == "SMIME":
        argv += _envelope_args(pki)
    run([*argv, pki.path("gp.cert.pem")])
    data = out.read_bytes()
    message = data if outform == "SMIME" else p7m_message(data)
    result = read_message(message, identities=[pki["gp"]], trust=pki.trust)
    assert result.status is SmimeStatus.DECRYPTED_UNSIGNED, result.detail
    assert result.algorithm == ("AES-128-CBC" if cipher == "-aes128" else "AES-256-CBC")
    assert result.content == ENTITY
    if outform == "SMIME":
        assert b"Subject: interop" in result.readable_message()


def test_openssl_signs_then_encrypts_we_read_both_layers(
    openssl: str, pki: TestPki, entity: Path, tmp_path: Path
) -> None:
    signed = tmp_path / "signed.eml"
    run(
        [
            openssl,
            "cms",
            "-sign",
            "-in",
            entity,
            "-out",
            signed,
            "-signer",
            pki.path("nurse.cert.pem"),
            "-inkey",
            pki.path("nurse.key.pem"),
            "-certfile",
            pki.path("intermediate.pem"),
        ]
    )
    encrypted = tmp_path / "encrypted.eml"
    run(
        [
            openssl,
            "cms",
            "-encrypt",
            "-aes256",
            "-in",
            signed,
            "-out",
            encrypted,
            *_envelope_args(pki),
            pki.path("gp.cert.pem"),
        ]
    )
    result = read_message(encrypted.read_bytes(), identities=[pki["gp"]], trust=pki.trust)
    assert result.status is SmimeStatus.SIGNED_VALID, result.detail
    assert result.layers == ("enveloped-data", "multipart/signed")
    assert result.content == ENTITY


# -- we encrypt or sign, openssl reads --------------------------------------------------------


def test_we_encrypt_openssl_decrypts_for_recipient_and_sender(
    openssl: str, pki: TestPki, tmp_path: Path
) -> None:
    message = clinical_message(pki.email("nurse"), [pki.email("gp")])
    wire = tmp_path / "wire.eml"
    wire.write_bytes(encrypt_message(message, [pki["gp"].certificate, pki["nurse"].certificate]))
    for role in ("gp", "nurse"):
        decrypted = run(
            [
                openssl,
                "cms",
                "-decrypt",
                "-in",
                wire,
                "-recip",
                pki.path(f"{role}.cert.pem"),
                "-inkey",
                pki.path(f"{role}.key.pem"),
            ]
        ).stdout
        assert decrypted.startswith(b"Content-Type: text/plain")
        assert b"compte rendu de la consultation" in decrypted
    refused = run(
        [
            openssl,
            "cms",
            "-decrypt",
            "-in",
            wire,
            "-recip",
            pki.path("dermatologist.cert.pem"),
            "-inkey",
            pki.path("dermatologist.key.pem"),
        ],
        check=False,
    )
    assert refused.returncode != 0


def test_our_encryption_uses_aes256_and_pkcs1v15(
    openssl: str, pki: TestPki, tmp_path: Path
) -> None:
    message = clinical_message(pki.email("nurse"), [pki.email("gp")])
    wire = tmp_path / "wire.eml"
    wire.write_bytes(encrypt_message(message, [pki["gp"].certificate]))
    printed = run([openssl, "cms", "-cmsout", "-print", "-in", wire]).stdout.decode()
    assert "aes-256-cbc" in printed
    assert "rsaEncryption" in printed


def test_we_sign_openssl_verifies(openssl: str, pki: TestPki, tmp_path: Path) -> None:
    message = clinical_message(pki.email("nurse"), [pki.email("gp")])
    wire = tmp_path / "signed.eml"
    wire.write_bytes(sign_message(message, pki["nurse"]))
    verified = run(
        [
            openssl,
            "cms",
            "-verify",
            "-in",
            wire,
            "-CAfile",
            pki.path("root.pem"),
            "-purpose",
            "smimesign",
        ]
    )
    assert b"Verification successful" in verified.stderr
    assert b"compte rendu de la consultation" in verified.stdout
    printed = run([openssl, "cms", "-cmsout", "-print", "-in", wire]).stdout.decode()
    assert "sha256" in printed and "messageDigest" in printed


def test_we_sign_and_encrypt_openssl_decrypts_and_verifies(
    openssl: str, pki: TestPki, tmp_path: Path
) -> None:
    message = clinical_message(pki.email("nurse"), [pki.email("gp")])
    wire = tmp_path / "wire.eml"
    wire.write_bytes(
        sign_and_encrypt_message(
            message, pki["nurse"], [pki["gp"].certificate, pki["nurse"].certificate]
        )
    )
    inner = tmp_path / "inner.eml"
    run(
        [
            openssl,
            "cms",
            "-decrypt",
            "-in",
            wire,
            "-out",
            inner,
            "-recip",
            pki.path("gp.cert.pem"),
            "-inkey",
            pki.path("gp.key.pem"),
        ]
    )
    verified = run([openssl, "cms", "-verify", "-in", inner, "-CAfile", pki.path("root.pem")])
    assert b"Verification successful" in verified.stderr


def test_tampering_with_our_signature_is_caught_by_openssl_and_us(
    openssl: str, pki: TestPki, tmp_path: Path
) -> None:
    message = clinical_message(pki.email("nurse"), [pki.email("gp")])
    tampered = sign_message(message, pki["nurse"]).replace(b"compte rendu", b"compte-rendu")
    wire = tmp_path / "tampered.eml"
    wire.write_bytes(tampered)
    rejected = run(
        [openssl, "cms", "-verify", "-in", wire, "-CAfile", pki.path("root.pem")], check=False
    )
    assert rejected.returncode != 0
    assert b"Verification successful" not in rejected.stderr
    assert read_message(tampered, trust=pki.trust).status is SmimeStatus.SIGNATURE_INVALID


# -- openssl signs, we verify -----------------------------------------------------------------


@pytest.mark.parametrize(
    "options",
    [
        [],
        ["-nodetach"],
        ["-md", "sha512"],
        ["-keyopt", "rsa_padding_mode:pss"],
        ["-noattr"],
        ["-stream"],
        ["-binary"],
        ["-crlfeol"],
    ],
    ids=["detached", "opaque", "sha512", "pss", "no-signed-attributes", "stream", "binary", "crlf"],
)
def test_openssl_signs_we_verify(
    openssl: str, pki: TestPki, entity: Path, tmp_path: Path, options: list[str]
) -> None:
    out = tmp_path / "signed.eml"
    signer: list[str | Path] = [
        "-signer",
        pki.path("gp.cert.pem"),
        "-inkey",
        pki.path("gp.key.pem"),
    ]
    if options[:1] == ["-keyopt"]:
        signer += options  # -keyopt applies to the signer just named
        options = []
    run(
        [
            openssl,
            "cms",
            "-sign",
            "-in",
            entity,
            "-out",
            out,
            *options,
            *signer,
            "-certfile",
            pki.path("intermediate.pem"),
            "-from",
            pki.email("gp"),
            "-to",
            pki.email("nurse"),
            "-subject",
            "interop",
        ]
    )
    result = read_message(out.read_bytes(), trust=pki.trust)
    assert result.status is SmimeStatus.SIGNED_VALID, result.detail
    assert result.signer is not None and result.signer.emails == (pki.email("gp"),)
    assert result.content is not None
    assert b"l=C3=A9sion b=C3=A9nigne" in result.content


def test_openssl_sha1_signature_is_refused(
    openssl: str, pki: TestPki, entity: Path, tmp_path: Path
) -> None:
    out = tmp_path / "signed.eml"
    run(
        [
            openssl,
            "cms",
            "-sign",
            "-md",
            "sha1",
            "-in",
            entity,
            "-out",
            out,
            "-signer",
            pki.path("gp.cert.pem"),
            "-inkey",
            pki.path("gp.key.pem"),
            "-from",
            pki.email("gp"),
        ]
    )
    result = read_message(out.read_bytes(), trust=pki.trust)
    assert result.status is SmimeStatus.UNSUPPORTED_ALGORITHM
    assert "SHA-1" in result.user_message


def test_openssl_signature_without_certificates(
    openssl: str, pki: TestPki, entity: Path, tmp_path: Path
) -> None:
    out = tmp_path / "signed.eml"
    run(
        [
            openssl,
            "cms",
            "-sign",
            "-nocerts",
            "-in",
            entity,
            "-out",
            out,
            "-signer",
            pki.path("gp.cert.pem"),
            "-inkey",
            pki.path("gp.key.pem"),
            "-from",
            pki.email("gp"),
        ]
    )
    assert read_message(out.read_bytes(), trust=pki.trust).status is SmimeStatus.SIGNER_UNKNOWN


def test_tampering_with_an_openssl_signature_is_caught(
    openssl: str, pki: TestPki, entity: Path, tmp_path: Path
) -> None:
    out = tmp_path / "signed.eml"
    run(
        [
            openssl,
            "cms",
            "-sign",
            "-in",
            entity,
            "-out",
            out,
            "-signer",
            pki.path("gp.cert.pem"),
            "-inkey",
            pki.path("gp.key.pem"),
            "-certfile",
            pki.path("intermediate.pem"),
            "-from",
            pki.email("gp"),
        ]
    )
    tampered = out.read_bytes().replace(b"6 mois", b"9 mois")
    assert tampered != out.read_bytes()
    tampered_path = tmp_path / "tampered.eml"
    tampered_path.write_bytes(tampered)
    rejected = run(
        [openssl, "cms", "-verify", "-in", tampered_path, "-CAfile", pki.path("root.pem")],
        check=False,
    )
    assert rejected.returncode != 0
    assert read_message(tampered, trust=pki.trust).status is SmimeStatus.SIGNATURE_INVALID


def test_openssl_signer_from_unknown_ca(
    openssl: str, pki: TestPki, entity: Path, tmp_path: Path
) -> None:
    out = tmp_path / "signed.eml"
    run(
        [
            openssl,
            "cms",
            "-sign",
            "-in",
            entity,
            "-out",
            out,
            "-signer",
            pki.path("unknown_ca.cert.pem"),
            "-inkey",
            pki.path("unknown_ca.key.pem"),
            "-from",
            pki.email("unknown_ca"),
        ]
    )
    assert read_message(out.read_bytes(), trust=pki.trust).status is SmimeStatus.SIGNER_UNTRUSTED


# -- what we refuse, and messages for somebody else -------------------------------------------


@pytest.mark.parametrize(
    ("options", "name"),
    [
        (["-des3"], "3DES"),
        (["-aes-256-gcm"], "AES-256-GCM"),
        (["-aes-128-gcm"], "AES-128-GCM"),
        (["-aes256", "-keyopt", "rsa_padding_mode:oaep"], "RSA-OAEP"),
    ],
    ids=["3des", "aes256-gcm", "aes128-gcm", "rsa-oaep"],
)
def test_unsupported_algorithms_get_a_clear_status(
    openssl: str, pki: TestPki, entity: Path, tmp_path: Path, options: list[str], name: str
) -> None:
    out = tmp_path / "out.der"
    cipher = [o for o in options if o not in ("-keyopt", "rsa_padding_mode:oaep")]
    keyopt = [o for o in options if o in ("-keyopt", "rsa_padding_mode:oaep")]
    run(
        [
            openssl,
            "cms",
            "-encrypt",
            *cipher,
            "-in",
            entity,
            "-outform",
            "DER",
            "-out",
            out,
            "-recip",
            pki.path("gp.cert.pem"),
            *keyopt,
        ]
    )
    result = read_message(p7m_message(out.read_bytes()), identities=[pki["gp"]], trust=pki.trust)
    assert result.status is SmimeStatus.UNSUPPORTED_ALGORITHM, result.detail
    assert name in result.user_message
    assert result.content is None


def test_openssl_message_for_somebody_else(
    openssl: str, pki: TestPki, entity: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.eml"
    run(
        [
            openssl,
            "cms",
            "-encrypt",
            "-aes256",
            "-in",
            entity,
            "-out",
            out,
            pki.path("dermatologist.cert.pem"),
        ]
    )
    result = read_message(out.read_bytes(), identities=[pki["gp"], pki["nurse"]], trust=pki.trust)
    assert result.status is SmimeStatus.DECRYPT_NO_KEY


def test_openssl_truncated_message(
    openssl: str, pki: TestPki, entity: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.eml"
    run(
        [openssl, "cms", "-encrypt", "-aes256", "-in", entity, "-out", out, pki.path("gp.cert.pem")]
    )
    data = out.read_bytes()
    result = read_message(data[: len(data) * 2 // 3], identities=[pki["gp"]], trust=pki.trust)
    assert result.status is SmimeStatus.MALFORMED
