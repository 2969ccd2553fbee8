"""Malformed, hostile and huge messages, generated in code (nothing big is committed).

Each case is a name, a function producing the raw bytes, and the problem codes the parser
must record for it (a subset: it may record more).
"""

from __future__ import annotations

import base64
import os
from collections.abc import Callable
from dataclasses import dataclass

CRLF = b"\r\n"


def _headers(**extra: str) -> bytes:
    base = {
        "From": "Dr Anne Martin <anne.martin@medecin.mssante.fr>",
        "To": "Paul Durand <paul.durand@infirmier.mssante.fr>",
        "Subject": "Test",
        "Date": "Thu, 12 Nov 2026 14:03:00 +0100",
        "Message-ID": "<corpus@medecin.mssante.fr>",
        "MIME-Version": "1.0",
    }
    base.update({key.replace("_", "-"): value for key, value in extra.items()})
    return b"".join(f"{k}: {v}".encode() + CRLF for k, v in base.items())


def broken_boundary() -> bytes:
    return (
        _headers(Content_Type='multipart/mixed; boundary="declared"')
        + CRLF
        + b"--other\r\nContent-Type: text/plain\r\n\r\nTexte visible\r\n--other--\r\n"
    )


def missing_closing_boundary() -> bytes:
    return (
        _headers(Content_Type='multipart/mixed; boundary="b1"')
        + CRLF
        + b"--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nD\xc3\xa9but du texte\r\n"
        + b"--b1\r\nContent-Type: application/pdf; name=cr.pdf\r\n"
        + b"Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\nJVBE"
    )


def missing_boundary_parameter() -> bytes:
    return _headers(Content_Type="multipart/mixed") + CRLF + b"--x\r\n\r\nbody\r\n--x--\r\n"


def unknown_charset() -> bytes:
    return (
        _headers(Content_Type='text/plain; charset="x-no-such-charset"')
        + CRLF
        + b"R\xe9sultat normal\r\n"
    )


def non_text_codec_charset() -> bytes:
    # "zlib" is a Python codec but not a text encoding: it must never be used to decode.
    payload = base64.b64encode(b"x\x9c\xcbH\xcd\xc9\xc9\x07\x00\x06,\x02\x15")
    return (
        _headers(Content_Type="text/plain; charset=zlib", Content_Transfer_Encoding="base64")
        + CRLF
        + payload
        + CRLF
    )


def deep_nesting(levels: int = 10_000) -> bytes:
    opening = b"".join(
        b"--n%d\r\nContent-Type: multipart/mixed; boundary=n%d\r\n\r\n" % (i, i + 1)
        for i in range(levels)
    )
    closing = b"".join(b"\r\n--n%d--" % i for i in reversed(range(levels)))
    return (
        _headers(Content_Type="multipart/mixed; boundary=n0")
        + CRLF
        + opening
        + b"--n%d\r\nContent-Type: text/plain\r\n\r\nau fond\r\n--n%d--" % (levels, levels)
        + closing
        + CRLF
    )


def deep_message_nesting(levels: int = 10_000) -> bytes:
    inner = b"Subject: fond\r\n\r\ntexte\r\n"
    wrapper = b"Content-Type: message/rfc822\r\n\r\n"
    return _headers(Content_Type="message/rfc822") + CRLF + wrapper * levels + inner


def huge_attachment(size: int = 50 * 1024 * 1024) -> bytes:
    data = base64.encodebytes(os.urandom(size * 3 // 4)).replace(b"\n", CRLF)
    return (
        _headers(Content_Type='multipart/mixed; boundary="big"')
        + CRLF
        + b"--big\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        + b"Voir la pi\xc3\xa8ce jointe.\r\n"
        + b"--big\r\nContent-Type: application/octet-stream; name=imagerie.dcm\r\n"
        + b"Content-Disposition: attachment; filename=imagerie.dcm\r\n"
        + b"Content-Transfer-Encoding: base64\r\n\r\n"
        + data
        + b"--big--\r\n"
    )


def header_injection() -> bytes:
    # Encoded words that decode to line breaks must not create new header lines.
    return (
        b"From: =?utf-8?q?Evil=0D=0ABcc:_victim@example.org?= <evil@example.org>\r\n"
        b"Subject: =?utf-8?q?Bonjour=0D=0AX-Injected:_yes?=\r\n"
        b"To: a@example.org\r\n\r\ncorps\r\n"
    )


def rfc2047_garbage() -> bytes:
    overlong = "=?utf-8?q?" + "=C3=A9" * 2000 + "?="
    return (
        b"From: =?x-unknown?q?Dr_X?= <x@example.org>\r\n"
        b"Subject: =?utf-8?q?=ZZ?= =?utf-8?b?####?= =?utf-8?q?unterminated\r\n"
        + f"X-Long: {overlong}\r\n".encode()
        + b"To: =?utf-8?B?w6k?= <a@example.org>\r\n\r\ncorps\r\n"
    )


def nul_bytes() -> bytes:
    return (
        b"From: a@example.org\r\nSubject: nul\x00byte\r\nContent-Type: text/plain\r\n\r\n"
        b"avant\x00apr\xc3\xa8s\r\n"
    )


def latin1_headers() -> bytes:
    return (
        b"From: Fran\xe7ois H\xe9bert <fh@example.org>\r\nSubject: R\xe9sultat d'analyse\r\n"
        b"To: a@example.org\r\n\r\ncorps\r\n"
    )


def no_headers() -> bytes:
    return b"Ceci est un texte sans en-t\xc3\xaate.\r\nDeuxi\xc3\xa8me ligne.\r\n"


def empty_message() -> bytes:
    return b""


def base64_garbage() -> bytes:
    return (
        _headers(Content_Type='multipart/mixed; boundary="g"')
        + CRLF
        + b"--g\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n"
        + b"\r\n%%%%Qm9uam91cg==!!@@\r\n"
        + b"--g\r\nContent-Type: image/png; name=a.png\r\nContent-Transfer-Encoding: base64\r\n"
        + b"\r\n*** not base64 at all ***\r\n--g--\r\n"
    )


def huge_header_line(size: int = 5 * 1024 * 1024) -> bytes:
    return (
        b"From: a@example.org\r\nSubject: " + b"A" * size + b"\r\nTo: b@example.org\r\n\r\nok\r\n"
    )


def many_headers(count: int = 100_000) -> bytes:
    return b"From: a@example.org\r\n" + b"X-Filler: 1\r\n" * count + b"\r\nbody\r\n"


def many_parts(count: int = 100_000) -> bytes:
    part = b"--p\r\nContent-Type: text/plain\r\n\r\nx\r\n"
    return _headers(Content_Type="multipart/mixed; boundary=p") + CRLF + part * count + b"--p--\r\n"


def fake_delimiter_flood(count: int = 200_000) -> bytes:
    return (
        _headers(Content_Type="multipart/mixed; boundary=f")
        + CRLF
        + b"--f\r\n\r\ntext\r\n"
        + b"--fake line\r\n" * count
        + b"--f--\r\n"
    )


def unknown_transfer_encoding() -> bytes:
    return _headers(Content_Transfer_Encoding="x-uuencode-ish") + CRLF + b"begin 644 x\r\n"


def bad_date_and_addresses() -> bytes:
    return (
        b'From: <<<@@@>>> ,,, "unterminated\r\nDate: le 31 f\xc3\xa9vrier\r\n'
        b'To: ;;;;\r\nCc: "a" <b@c\r\n\r\ncorps\r\n'
    )


def deep_html() -> bytes:
    markup = b"<div>" * 50_000 + b"fond" + b"</div>" * 50_000
    return _headers(Content_Type="text/html; charset=utf-8") + CRLF + markup + CRLF


def bare_cr_line_ends() -> bytes:
    return b"From: a@example.org\rSubject: vieux Mac\r\rcorps\r"


def invalid_content_type() -> bytes:
    return _headers(Content_Type='garbage; boundary="b"; name="unterminated') + CRLF + b"body\r\n"


def huge_text_part() -> bytes:
    line = b"ligne de texte tr=C3=A8s longue =\r\n"
    return (
        _headers(Content_Type="text/plain; charset=utf-8")
        + b"Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        + line * 1_000_000
    )


def huge_html_part() -> bytes:
    return (
        _headers(Content_Type="text/html; charset=utf-8")
        + CRLF
        + b"<p>paragraphe <b>gras</b> <img src='https://x.example/p.gif'></p>\n" * 150_000
    )


def long_header_name() -> bytes:
    return b"X" * 2_000_000 + b"\r\nSubject: apr\xc3\xa8s\r\n\r\ncorps\r\n"


def leading_continuation() -> bytes:
    return b" continuation sans champ\r\nSubject: ok\r\n\r\ncorps\r\n"


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[], bytes]
    expected: frozenset[str]


CASES = [
    Case("broken_boundary", broken_boundary, frozenset({"broken-boundary"})),
    Case("missing_closing_boundary", missing_closing_boundary, frozenset({"missing-end-boundary"})),
    Case("missing_boundary_parameter", missing_boundary_parameter, frozenset({"missing-boundary"})),
    Case("unknown_charset", unknown_charset, frozenset({"bad-charset"})),
    Case("non_text_codec_charset", non_text_codec_charset, frozenset({"bad-charset"})),
    Case("deep_nesting", deep_nesting, frozenset({"too-deep"})),
    Case("deep_message_nesting", deep_message_nesting, frozenset()),
    Case("header_injection", header_injection, frozenset()),
    Case("rfc2047_garbage", rfc2047_garbage, frozenset({"bad-encoded-word", "bad-charset"})),
    Case("nul_bytes", nul_bytes, frozenset({"nul-bytes"})),
    Case("latin1_headers", latin1_headers, frozenset({"8bit-header"})),
    Case("no_headers", no_headers, frozenset({"no-headers"})),
    Case("empty_message", empty_message, frozenset({"empty-message"})),
    Case("base64_garbage", base64_garbage, frozenset({"bad-base64"})),
    Case("huge_header_line", huge_header_line, frozenset({"header-too-long"})),
    Case("many_headers", many_headers, frozenset({"too-many-headers"})),
    Case("many_parts", many_parts, frozenset({"too-many-parts"})),
    Case("fake_delimiter_flood", fake_delimiter_flood, frozenset({"too-many-parts"})),
    Case(
        "unknown_transfer_encoding", unknown_transfer_encoding, frozenset({"bad-transfer-encoding"})
    ),
    Case("bad_date_and_addresses", bad_date_and_addresses, frozenset({"bad-date"})),
    Case("deep_html", deep_html, frozenset()),
    Case("bare_cr_line_ends", bare_cr_line_ends, frozenset()),
    Case("huge_text_part", huge_text_part, frozenset()),
    Case("huge_html_part", huge_html_part, frozenset()),
    Case("long_header_name", long_header_name, frozenset({"no-headers"})),
    Case("leading_continuation", leading_continuation, frozenset({"bad-header-line"})),
    Case("invalid_content_type", invalid_content_type, frozenset({"bad-content-type"})),
]
