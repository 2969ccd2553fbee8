"""Helpers for the S/MIME interop tests: run the real tools, wrap DER as a message."""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from mssclient.security.smime.mime import (
    decode_body,
    param_of,
    parse_headers,
    split_header_body,
    split_multipart_signed,
)

TIMEOUT = 60

ENVELOPE = (
    b"From: claire.infirmiere@test.mssante.fr\r\n"
    b"To: paul.generaliste@test.mssante.fr\r\n"
    b"Subject: interop\r\n"
)


def require(tool: str) -> str:
    """The tool's path; skip (naming it) when it is not installed."""
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} is not installed (apt-get install {tool})")
    return path


def run(
    argv: Sequence[str | Path],
    *,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
    check: bool = True,
) -> subprocess.CompletedProcess[bytes]:
    result = subprocess.run(
        [str(arg) for arg in argv],
        input=stdin,
        capture_output=True,
        timeout=TIMEOUT,
        env=env,
        check=False,
    )
    if check and result.returncode != 0:
        raise AssertionError(
            f"{argv[0]} failed ({result.returncode}): {result.stderr.decode(errors='replace')}"
        )
    return result


def p7m_message(der: bytes, smime_type: str = "enveloped-data", sender: bytes = b"") -> bytes:
    """A whole message carrying a DER CMS blob as application/pkcs7-mime."""
    headers = (b"From: " + sender + b"\r\n" + ENVELOPE.split(b"\r\n", 1)[1]) if sender else ENVELOPE
    return (
        headers
        + b"MIME-Version: 1.0\r\n"
        + b"Content-Type: application/pkcs7-mime; smime-type="
        + smime_type.encode()
        + b'; name="smime.p7m"\r\n'
        + b"Content-Transfer-Encoding: base64\r\n\r\n"
        + base64.encodebytes(der).replace(b"\n", b"\r\n")
    )


def cms_der_of(message: bytes) -> bytes:
    """The DER body of a whole application/pkcs7-mime message."""
    header_block, body = split_header_body(message)
    return decode_body(parse_headers(header_block), body)


def detached_parts(message: bytes) -> tuple[bytes, bytes]:
    """(signed content exactly as sent, signature DER) of a multipart/signed message."""
    header_block, body = split_header_body(message)
    headers = parse_headers(header_block)
    boundary = param_of(headers, "boundary")
    assert boundary
    parts = split_multipart_signed(body, boundary)
    assert parts is not None
    signature_headers, signature_body = split_header_body(parts.signature_entity)
    return parts.content, decode_body(parse_headers(signature_headers), signature_body)


@dataclass
class Gpgsm:
    """A gpgsm with its own home: the test root trusted, CRL and policy checks off."""

    binary: str
    home: Path

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "GNUPGHOME": str(self.home), "LC_ALL": "C"}

    def __call__(
        self, *args: str | Path, stdin: bytes | None = None, check: bool = True
    ) -> subprocess.CompletedProcess[bytes]:
        return run([self.binary, "--batch", "--yes", *args], stdin=stdin, env=self.env, check=check)
