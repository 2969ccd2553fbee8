"""The parser's pieces: encoded words, charsets, parameters, MIME splitting, file names,
HTML conversion and sanitising."""

from __future__ import annotations

import pytest

from mssclient.mail import parse_full, parse_summary
from mssclient.mail.charsets import decode_text, text_codec
from mssclient.mail.encoded_words import decode_encoded_words, lenient_b64decode
from mssclient.mail.filenames import sanitize_filename
from mssclient.mail.html_text import html_to_text, sanitize_html
from mssclient.mail.mime_tree import build_tree
from mssclient.mail.params import content_type, decoded_param, split_value


@pytest.mark.parametrize(
    ("value", "text", "problems"),
    [
        ("plain", "plain", []),
        ("=?UTF-8?B?w6k=?= =?UTF-8?B?w6k=?= x", "éé x", []),
        ("=?utf-8?q?caf=C3?= =?utf-8?q?=A9?=", "café", []),  # split multi-byte character
        ("a =?iso-8859-1?q?R=E9sum=E9?= b", "a Résumé b", []),
        ("=?utf-8*fr?q?Fran=C3=A7ais?=", "Français", []),  # RFC 2231 language tag
        ("=?utf-8?q?=ZZ?=", "=ZZ", ["bad-encoded-word"]),
        ("=?x-nope?q?abc?=", "abc", ["bad-charset"]),
        ("=?zlib?b?eJzLSM3JyQcABiwCFQ==?=", None, ["bad-charset"]),
        ("=?utf-8?b?!!!?=", "", ["bad-encoded-word"]),
        ("=?utf-8?q?unterminated", "=?utf-8?q?unterminated", []),
    ],
)
def test_encoded_words(value: str, text: str | None, problems: list[str]) -> None:
    decoded, found = decode_encoded_words(value)
    if text is not None:
        assert decoded == text
    assert found == problems


def test_lenient_base64() -> None:
    assert lenient_b64decode(b"aGVs\r\nbG8=\r\n") == (b"hello", False)
    assert lenient_b64decode(b"aGVsbG8") == (b"hello", False)  # missing padding tolerated
    assert lenient_b64decode(b"aGVs#bG8=")[1] is True
    assert lenient_b64decode(b"")[0] == b""


def test_charsets() -> None:
    assert text_codec("UTF-8") == "utf-8"
    assert text_codec("zlib") is None and text_codec("base64") is None
    assert text_codec("idna") is None and text_codec("rot13") is None
    assert text_codec("x-unknown") is None
    assert text_codec("gb2312") == "gb18030"
    assert decode_text("été".encode("cp1252"), "us-ascii") == ("été", False)
    assert decode_text("été".encode(), "iso-8859-1") == ("été", False)
    assert decode_text("€".encode("cp1252"), "iso-8859-1") == ("€", False)
    assert decode_text(b"abc", "no-such") == ("abc", True)
    assert decode_text("Привет".encode("koi8-r"), "koi8-r") == ("Привет", False)


def test_parameters() -> None:
    main, params = split_value('multipart/mixed; boundary="a;b=c"; charset=utf-8')
    assert main == "multipart/mixed"
    assert params == {"boundary": "a;b=c", "charset": "utf-8"}
    assert content_type("TEXT/HTML; charset=x") == ("text/html", {"charset": "x"}, False)
    assert content_type("garbage")[0] == "text/plain" and content_type("garbage")[2]
    assert content_type(None, "message/rfc822")[0] == "message/rfc822"
    sections = {"filename*0*": "utf-8''r%C3%A9s", "filename*1": "ultat.pdf"}
    assert decoded_param(sections, "filename") == ("résultat.pdf", False)
    assert decoded_param({"name": "=?utf-8?q?r=C3=A9sultat.pdf?="}, "name")[0] == "résultat.pdf"
    assert decoded_param({"filename*": "iso-8859-1'fr'r%E9sum%E9.txt"}, "filename")[0] == (
        "résumé.txt"
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("rapport.pdf", "rapport.pdf"),
        ("../../etc/passwd", "_.._etc_passwd"),
        ("C:\\Windows\\evil.exe", "C__Windows_evil.exe"),
        ("facture\u202efdp.exe", "facture fdp.exe"),
        ("a\x00b\r\nc.txt", "a b c.txt"),
        (".bashrc", "bashrc"),
        ("CON.txt", "_CON.txt"),
        ("...", "fallback"),
        (None, "fallback"),
        ("x" * 300 + ".pdf", "x" * 146 + ".pdf"),
    ],
)
def test_sanitize_filename(name: str | None, expected: str) -> None:
    assert sanitize_filename(name, "fallback") == expected


def test_lf_only_message_with_preamble_epilogue_and_padding() -> None:
    raw = (
        b"Subject: lf\nContent-Type: multipart/mixed; boundary=zz\n\npreamble\n"
        b"--zz \t\nContent-Type: text/plain\n\nun\n--zz\n\ndeux\n--zz--\nepilogue\n"
    )
    tree = build_tree(raw)
    assert tree.problems == []
    assert len(tree.root.children) == 2
    summary = parse_summary(raw)
    assert summary.index_text == "un\n\ndeux"


def test_boundary_prefix_is_not_a_delimiter() -> None:
    raw = (
        b"Content-Type: multipart/mixed; boundary=ab\r\n\r\n--ab\r\n\r\n--abc not me\r\n--ab--\r\n"
    )
    assert parse_summary(raw).index_text == "--abc not me"


def test_digest_parts_default_to_messages() -> None:
    raw = (
        b"Content-Type: multipart/digest; boundary=d\r\n\r\n--d\r\n\r\n"
        b"Subject: inner one\r\n\r\nbody\r\n--d--\r\n"
    )
    message = parse_full(raw)
    assert [a.filename for a in message.attachments] == ["inner one.eml"]


def test_html_to_text() -> None:
    markup = "<p>Bonjour&nbsp;<b>Dr</b> X</p><ul><li>un</li><li>deux</li></ul><style>a{}</style>"
    assert html_to_text(markup) == "Bonjour Dr X\n\nun\ndeux"


def test_sanitize_html_allows_only_known_inline_images() -> None:
    markup = (
        '<img src="cid:a@b"><img src="CID:other@b"><img src="data:image/png;base64,AA">'
        '<img src="https://x/y.png"><svg><image href="https://x"/></svg>'
        '<a href="https://ok.example" onclick="x()">lien</a><p style="color:red">t</p>'
    )
    clean = sanitize_html(markup, ["<a@b>"])
    assert '<img src="cid:a@b">' in clean
    assert "other@b" not in clean and "data:" not in clean and "https://x" not in clean
    assert "onclick" not in clean and "style" not in clean and "<svg" not in clean
    assert 'href="https://ok.example"' in clean
