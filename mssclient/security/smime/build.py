"""Sign and encrypt outgoing mail: detached multipart/signed (SHA-256) and
application/pkcs7-mime enveloped-data (AES-256-CBC, RSA PKCS#1 v1.5 key transport).

The protected body is canonical (CRLF) and 7-bit clean before it is signed, so no mail
server on the way can alter the signed bytes. The result is the complete message as bytes:
send those bytes unchanged (``smtplib`` ``sendmail``/``send_message`` with the bytes), do
not re-parse and re-generate them, or the signature breaks.
"""

from __future__ import annotations

import base64
import copy
import email.policy
import quopri
import secrets
from collections.abc import Sequence
from email.message import EmailMessage, Message

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import algorithms
from cryptography.hazmat.primitives.serialization import Encoding, pkcs7

from mssclient.security.smime.certificates import (
    encryption_usage_problem,
    fingerprint_sha256,
    signing_usage_problem,
)
from mssclient.security.smime.errors import SmimeBuildError
from mssclient.security.smime.identity import Identity
from mssclient.security.smime.mime import (
    content_header_block,
    content_type_of,
    outer_header_block,
    parse_headers,
    parse_message,
    split_header_body,
)

_WIRE = email.policy.SMTP.clone(cte_type="7bit")
_MAX_LINE = 998


def _is_content_header(name: str) -> bool:
    lowered = name.lower()
    return lowered.startswith("content-") or lowered == "mime-version"


def _as_message(message: EmailMessage | bytes) -> EmailMessage:
    if isinstance(message, bytes | bytearray):
        return parse_message(bytes(message))
    return copy.deepcopy(message)


def _outer_headers(message: EmailMessage) -> bytes:
    """Envelope headers (From, To, Subject...) folded for the wire, CRLF-terminated."""
    folded = [
        _WIRE.fold_binary(name, value)
        for name, value in message.items()
        if not _is_content_header(name)
    ]
    return b"".join(folded)


def _needs_reencoding(data: bytes) -> bool:
    for line in data.replace(b"\r\n", b"\n").split(b"\n"):
        if (
            len(line) > _MAX_LINE
            or line.startswith(b"From ")
            or line.endswith((b" ", b"\t"))
            or b"\r" in line
            or not line.isascii()
        ):
            return True
    return False


def _qp_text(data: bytes) -> str:
    encoded = quopri.encodestring(data.replace(b"\r\n", b"\n"), quotetabs=False)
    lines = [
        b"=46" + line[1:] if line.startswith(b"From ") else line for line in encoded.split(b"\n")
    ]
    return b"\n".join(lines).decode("ascii")


def _make_leaf_7bit(part: Message) -> None:
    encoding = str(part.get("content-transfer-encoding", "7bit")).strip().lower()
    if encoding in ("base64", "quoted-printable"):
        return
    if part.get_content_maintype() == "text" and isinstance(part, EmailMessage):
        text = part.get_content()
        charset = part.get_content_charset() or "utf-8"
        try:
            data = text.encode(charset)
        except (LookupError, UnicodeEncodeError):
            charset = "utf-8"
            data = text.encode(charset)
        if not _needs_reencoding(data):
            return
        part.set_param("charset", charset)
        payload = _qp_text(data)
        new_encoding = "quoted-printable"
    else:
        raw = part.get_payload(decode=True)
        data = raw if isinstance(raw, bytes) else b""
        if not _needs_reencoding(data):
            return
        payload = base64.encodebytes(data).decode("ascii")
        new_encoding = "base64"
    del part["Content-Transfer-Encoding"]
    part.set_payload(payload)
    part["Content-Transfer-Encoding"] = new_encoding


def _inner_entity(message: EmailMessage) -> bytes:
    """The MIME entity to protect: Content-* headers and body, 7-bit clean, CRLF."""
    inner = copy.deepcopy(message)
    for name in {name.lower() for name in inner}:
        if not _is_content_header(name) or name == "mime-version":
            del inner[name]
    if "content-type" not in inner:
        inner["Content-Type"] = 'text/plain; charset="utf-8"'
    for part in inner.walk():
        if not part.is_multipart():
            _make_leaf_7bit(part)
    return inner.as_bytes(policy=_WIRE)


def _base64_lines(data: bytes) -> bytes:
    return base64.encodebytes(data).replace(b"\n", b"\r\n")


def _new_boundary(entity: bytes) -> str:
    while True:
        boundary = f"----=_smime_{secrets.token_hex(12)}"
        if boundary.encode("ascii") not in entity:
            return boundary


def signed_entity(
    entity: bytes, signer: Identity, extra_certificates: Sequence[x509.Certificate] = ()
) -> bytes:
    """A multipart/signed entity around ``entity`` (already canonical and 7-bit)."""
    problem = signing_usage_problem(signer.certificate)
    if problem:
        raise SmimeBuildError(f"signing certificate unusable: {problem}")
    builder = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(entity)
        .add_signer(signer.certificate, signer.private_key, hashes.SHA256())
    )
    seen = {fingerprint_sha256(signer.certificate)}
    for cert in (*signer.chain, *extra_certificates):
        if fingerprint_sha256(cert) not in seen:
            seen.add(fingerprint_sha256(cert))
            builder = builder.add_certificate(cert)
    signature = builder.sign(
        Encoding.DER, [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary]
    )
    boundary = _new_boundary(entity)
    return b"".join(
        [
            b'Content-Type: multipart/signed; protocol="application/pkcs7-signature";\r\n',
            b' micalg=sha-256; boundary="' + boundary.encode("ascii") + b'"\r\n',
            b"\r\n",
            b"This is an S/MIME signed message.\r\n",
            b"\r\n--" + boundary.encode("ascii") + b"\r\n",
            entity,
            b"\r\n--" + boundary.encode("ascii") + b"\r\n",
            b'Content-Type: application/pkcs7-signature; name="smime.p7s"\r\n',
            b"Content-Transfer-Encoding: base64\r\n",
            b'Content-Disposition: attachment; filename="smime.p7s"\r\n',
            b"Content-Description: S/MIME Cryptographic Signature\r\n",
            b"\r\n",
            _base64_lines(signature),
            b"\r\n--" + boundary.encode("ascii") + b"--\r\n",
        ]
    )


def _unique_recipients(recipients: Sequence[x509.Certificate]) -> list[x509.Certificate]:
    unique: dict[str, x509.Certificate] = {}
    for cert in recipients:
        unique.setdefault(fingerprint_sha256(cert), cert)
    return list(unique.values())


def enveloped_entity(entity: bytes, recipients: Sequence[x509.Certificate]) -> bytes:
    """An application/pkcs7-mime enveloped-data entity (AES-256-CBC) for ``recipients``."""
    unique = _unique_recipients(recipients)
    if not unique:
        raise SmimeBuildError("no recipient certificate to encrypt to")
    builder = pkcs7.PKCS7EnvelopeBuilder().set_data(entity)
    for cert in unique:
        problem = encryption_usage_problem(cert)
        if problem:
            raise SmimeBuildError(
                f"recipient certificate {cert.subject.rfc4514_string()} unusable: {problem}"
            )
        builder = builder.add_recipient(cert)
    builder = builder.set_content_encryption_algorithm(algorithms.AES256)
    der = builder.encrypt(Encoding.DER, [pkcs7.PKCS7Options.Binary])
    return b"".join(
        [
            b"Content-Type: application/pkcs7-mime; smime-type=enveloped-data;\r\n",
            b' name="smime.p7m"\r\n',
            b"Content-Transfer-Encoding: base64\r\n",
            b'Content-Disposition: attachment; filename="smime.p7m"\r\n',
            b"Content-Description: S/MIME Encrypted Message\r\n",
            b"\r\n",
            _base64_lines(der),
        ]
    )


_ALREADY_PROTECTED = frozenset(
    {
        "multipart/signed",
        "application/pkcs7-mime",
        "application/x-pkcs7-mime",
    }
)


def _split(message: EmailMessage | bytes) -> tuple[bytes, bytes]:
    """(outer envelope headers, entity to protect). A message that is already signed or
    encrypted (triple wrapping) is taken byte for byte: re-generating it would break the
    inner signature."""
    if isinstance(message, bytes | bytearray):
        raw = bytes(message)
        header_block, body = split_header_body(raw)
        if content_type_of(parse_headers(header_block)) in _ALREADY_PROTECTED:
            return outer_header_block(raw), content_header_block(raw) + b"\r\n" + body
    parsed = _as_message(message)
    return _outer_headers(parsed), _inner_entity(parsed)


def _wrap(outer_headers: bytes, entity: bytes) -> bytes:
    return outer_headers + b"MIME-Version: 1.0\r\n" + entity


def sign_message(
    message: EmailMessage | bytes,
    signer: Identity,
    *,
    extra_certificates: Sequence[x509.Certificate] = (),
) -> bytes:
    """The whole message, signed (detached multipart/signed, SHA-256), as wire bytes.

    ``extra_certificates``: more certificates to attach, e.g. the sender's separate
    encryption certificate so that correspondents can collect it.
    """
    outer, entity = _split(message)
    return _wrap(outer, signed_entity(entity, signer, extra_certificates))


def encrypt_message(message: EmailMessage | bytes, recipients: Sequence[x509.Certificate]) -> bytes:
    """The whole message, encrypted to ``recipients`` (include the sender's own
    certificate so the Sent copy stays readable), as wire bytes."""
    outer, entity = _split(message)
    return _wrap(outer, enveloped_entity(entity, recipients))


def sign_and_encrypt_message(
    message: EmailMessage | bytes,
    signer: Identity,
    recipients: Sequence[x509.Certificate],
    *,
    extra_certificates: Sequence[x509.Certificate] = (),
) -> bytes:
    """Sign, then encrypt the signed entity (RFC 8551 order), as wire bytes."""
    outer, entity = _split(message)
    signed = signed_entity(entity, signer, extra_certificates)
    return _wrap(outer, enveloped_entity(signed, recipients))
