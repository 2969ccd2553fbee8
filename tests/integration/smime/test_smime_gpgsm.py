"""Interoperability with `gpgsm` (GnuPG's S/MIME tool, built on libksba/libgcrypt: a peer
independent of OpenSSL). gpgsm encrypts, we decrypt; we sign, gpgsm verifies; and with the
nurse's key imported: gpgsm signs, we verify; we encrypt, gpgsm decrypts."""

from __future__ import annotations

import base64
import subprocess
from pathlib import Path

import pytest

from mssclient.security.smime import (
    SmimeStatus,
    encrypt_message,
    read_message,
    sign_and_encrypt_message,
    sign_message,
)
from tests.integration.smime.smime_tools import (
    Gpgsm,
    cms_der_of,
    detached_parts,
    p7m_message,
    require,
    run,
)
from tests.unit.smime.messages import clinical_message
from tests.unit.smime.pki import TestPki

pytestmark = pytest.mark.integration

ENTITY = b'Content-Type: text/plain; charset="us-ascii"\r\n\r\nAvis demande par gpgsm.\r\n'
PASSPHRASE = "gpgsm-test"


@pytest.fixture(scope="module")
def nurse_key_in_gpgsm(gpgsm: Gpgsm, pki: TestPki, tmp_path_factory: pytest.TempPathFactory) -> str:
    """Import the nurse's key. gpgsm 2.2 reads only legacy (3DES) PKCS#12, so OpenSSL
    writes that one; gpgsm 2.2's PKCS#12 parser also fails on about one file in ten
    ("encryptedData error at outer.outer.seq"), depending on the random salt, so a fresh
    file is tried a few times."""
    openssl = require("openssl")
    folder = tmp_path_factory.mktemp("p12")
    errors: list[str] = []
    for attempt in range(5):
        p12 = folder / f"nurse-{attempt}.p12"
        run(
            [
                openssl,
                "pkcs12",
                "-export",
                "-in",
                pki.path("nurse.cert.pem"),
                "-inkey",
                pki.path("nurse.key.pem"),
                "-passout",
                f"pass:{PASSPHRASE}",
                "-keypbe",
                "PBE-SHA1-3DES",
                "-certpbe",
                "PBE-SHA1-3DES",
                "-macalg",
                "sha1",
                "-out",
                p12,
            ]
        )
        imported = gpgsm(
            "--pinentry-mode",
            "loopback",
            "--passphrase-fd",
            "0",
            "--import",
            p12,
            stdin=(PASSPHRASE + "\n").encode() * 3,
            check=False,
        )
        if imported.returncode == 0:
            break
        errors.append(imported.stderr.decode(errors="replace")[-300:])
    else:
        raise AssertionError("gpgsm could not import the key: " + " | ".join(errors))
    return pki.email("nurse")


@pytest.mark.parametrize("cipher", [None, "AES256"])
def test_gpgsm_encrypts_we_decrypt(
    gpgsm: Gpgsm, pki: TestPki, tmp_path: Path, cipher: str | None
) -> None:
    source = tmp_path / "entity.txt"
    source.write_bytes(ENTITY)
    out = tmp_path / "out.p7m"
    options = ["--cipher-algo", cipher] if cipher else []
    gpgsm(
        *options,
        "-r",
        pki.email("gp"),
        "-r",
        pki.email("nurse"),
        "--output",
        out,
        "--encrypt",
        source,
    )
    for role in ("gp", "nurse"):
        result = read_message(
            p7m_message(out.read_bytes()), identities=[pki[role]], trust=pki.trust
        )
        assert result.status is SmimeStatus.DECRYPTED_UNSIGNED, result.detail
        assert result.content == ENTITY
        assert result.algorithm.startswith("AES-")
    wrong = read_message(p7m_message(out.read_bytes()), identities=[pki["dermatologist"]])
    assert wrong.status is SmimeStatus.DECRYPT_NO_KEY


def test_we_sign_gpgsm_verifies(gpgsm: Gpgsm, pki: TestPki, tmp_path: Path) -> None:
    message = clinical_message(pki.email("gp"), [pki.email("nurse")])
    content, signature = detached_parts(sign_message(message, pki["gp"]))
    (tmp_path / "content").write_bytes(content)
    (tmp_path / "signature.p7s").write_bytes(signature)
    verified = gpgsm("--verify", tmp_path / "signature.p7s", tmp_path / "content")
    assert b"Good signature" in verified.stderr
    assert pki.email("gp").encode() in verified.stderr


def test_gpgsm_rejects_our_signature_over_tampered_content(
    gpgsm: Gpgsm, pki: TestPki, tmp_path: Path
) -> None:
    message = clinical_message(pki.email("gp"), [pki.email("nurse")])
    content, signature = detached_parts(sign_message(message, pki["gp"]))
    (tmp_path / "content").write_bytes(content.replace(b"Bonjour", b"Bonsoir"))
    (tmp_path / "signature.p7s").write_bytes(signature)
    rejected = gpgsm("--verify", tmp_path / "signature.p7s", tmp_path / "content", check=False)
    assert rejected.returncode != 0
    assert b"invalid signature" in rejected.stderr or b"BAD signature" in rejected.stderr


@pytest.mark.parametrize("mode", ["--detach-sign", "--sign"])
def test_gpgsm_signs_we_verify(
    gpgsm: Gpgsm, nurse_key_in_gpgsm: str, pki: TestPki, tmp_path: Path, mode: str
) -> None:
    source = tmp_path / "entity.txt"
    source.write_bytes(ENTITY)
    out = tmp_path / "out.p7s"
    gpgsm(
        "--pinentry-mode",
        "loopback",
        "--passphrase-fd",
        "0",
        "-u",
        nurse_key_in_gpgsm,
        "--include-certs",
        "-1",
        "--output",
        out,
        mode,
        source,
        stdin=(PASSPHRASE + "\n").encode() * 3,
    )
    der = out.read_bytes()
    sender = pki.email("nurse").encode()
    if mode == "--sign":
        message = p7m_message(der, smime_type="signed-data", sender=sender)
    else:
        message = _multipart_signed(sender, ENTITY, der)
    result = read_message(message, trust=pki.trust)
    assert result.status is SmimeStatus.SIGNED_VALID, result.detail
    assert result.content == ENTITY


def test_we_sign_and_encrypt_gpgsm_decrypts_and_verifies(
    gpgsm: Gpgsm, nurse_key_in_gpgsm: str, pki: TestPki, tmp_path: Path
) -> None:
    message = clinical_message(pki.email("gp"), [pki.email("nurse")])
    wire = sign_and_encrypt_message(
        message, pki["gp"], [pki["nurse"].certificate, pki["gp"].certificate]
    )
    (tmp_path / "wire.p7m").write_bytes(cms_der_of(wire))
    # gpgsm tries the recipients in order; when the GP's entry (public certificate known,
    # no secret key here) comes first it logs "No secret key" and exits 2 even though it
    # then decrypts with the nurse's entry. Judge by the output, not the exit code.
    done = gpgsm(
        "--pinentry-mode",
        "loopback",
        "--passphrase-fd",
        "0",
        "--decrypt",
        tmp_path / "wire.p7m",
        stdin=(PASSPHRASE + "\n").encode() * 3,
        check=False,
    )
    assert done.returncode in (0, 2), done.stderr
    assert done.stdout.startswith(b"Content-Type: multipart/signed"), done.stderr
    content, signature = detached_parts(done.stdout)
    (tmp_path / "content").write_bytes(content)
    (tmp_path / "signature.p7s").write_bytes(signature)
    verified = gpgsm("--verify", tmp_path / "signature.p7s", tmp_path / "content")
    assert b"Good signature" in verified.stderr


def test_we_encrypt_gpgsm_decrypts(
    gpgsm: Gpgsm, nurse_key_in_gpgsm: str, pki: TestPki, tmp_path: Path
) -> None:
    message = clinical_message(pki.email("gp"), [pki.email("nurse")])
    wire = encrypt_message(message, [pki["nurse"].certificate])
    (tmp_path / "wire.p7m").write_bytes(cms_der_of(wire))
    decrypted = gpgsm(
        "--pinentry-mode",
        "loopback",
        "--passphrase-fd",
        "0",
        "--decrypt",
        tmp_path / "wire.p7m",
        stdin=(PASSPHRASE + "\n").encode() * 3,
    ).stdout
    assert b"compte rendu de la consultation" in decrypted


def _multipart_signed(sender: bytes, content: bytes, signature_der: bytes) -> bytes:
    boundary = b"gpgsm-boundary-1"
    return b"".join(
        [
            b"From: " + sender + b"\r\nSubject: gpgsm\r\nMIME-Version: 1.0\r\n",
            b'Content-Type: multipart/signed; protocol="application/pkcs7-signature"; '
            b'micalg=sha-256; boundary="' + boundary + b'"\r\n\r\n',
            b"--" + boundary + b"\r\n" + content + b"\r\n--" + boundary + b"\r\n",
            b"Content-Type: application/pkcs7-signature\r\n",
            b"Content-Transfer-Encoding: base64\r\n\r\n",
            base64.encodebytes(signature_der).replace(b"\n", b"\r\n"),
            b"--" + boundary + b"--\r\n",
        ]
    )


def test_gpgsm_agent_runs_in_our_home_only(gpgsm: Gpgsm) -> None:
    """The fixture's teardown kills the agent of this home; make sure there is one to kill
    and that it is ours (GNUPGHOME points at the throwaway directory)."""
    listed = subprocess.run(
        ["gpgconf", "--list-dirs", "homedir"],
        env=gpgsm.env,
        capture_output=True,
        timeout=30,
        check=False,
    )
    assert Path(listed.stdout.decode().strip()) == gpgsm.home
