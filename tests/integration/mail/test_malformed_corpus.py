"""Malformed, hostile and huge messages are synced, kept raw and marked, never dropped."""

from __future__ import annotations

import pytest

from mssclient.mailstore import MailRepository, search

pytestmark = pytest.mark.integration


def _nested(depth: int) -> bytes:
    head = b"From: a@example.test\r\nSubject: nested\r\nMIME-Version: 1.0\r\n"
    opening = b"".join(
        b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (i, i)
        for i in range(depth)
    )
    closing = b"".join(b"\r\n--b%d--\r\n" % i for i in reversed(range(depth)))
    return head + opening + b"Content-Type: text/plain\r\n\r\nfond\r\n" + closing


def own_corpus() -> dict[str, bytes]:
    big = b"QUJD" * (50 * 1024 * 1024 // 4)  # 50 MB of base64 on the wire
    return {
        "broken-boundary": (
            b"From: a@example.test\r\nSubject: boundary\r\nMIME-Version: 1.0\r\n"
            b'Content-Type: multipart/mixed; boundary="never"\r\n\r\n--nevr\r\n'
            b"Content-Type: text/plain\r\n\r\nperdu\r\n--never\r\nContent-Type: text/plain\r\n"
        ),
        "invalid-charset": (
            b"From: a@example.test\r\nSubject: charset\r\nMIME-Version: 1.0\r\n"
            b'Content-Type: text/plain; charset="x-inconnu-666"\r\n\r\ncaf\xe9 \xff\xfe\r\n'
        ),
        "rfc2047-garbage": (
            b"From: =?utf-8?B?!!!pasdubase64?= <a@example.test>\r\n"
            b"Subject: =?unknown-charset?Q?=ZZ=?= =?utf-8?Q?d=C3=A9but?= =?utf-8?B?\r\n"
            b"\r\ncorps\r\n"
        ),
        "header-injection": (
            b"From: a@example.test\r\n"
            b"Subject: =?utf-8?Q?bonjour=0D=0ABcc:_pirate@example.test?=\r\n\r\nx\r\n"
        ),
        "no-headers-binary": b"\x00\x01\x02 ceci n'est pas un message \xff\r\n",
        "nested-10000": _nested(10_000),
        "huge-attachment": (
            b"From: a@example.test\r\nSubject: imagerie 50 Mo\r\nMIME-Version: 1.0\r\n"
            b'Content-Type: multipart/mixed; boundary="x"\r\n\r\n--x\r\n'
            b"Content-Type: text/plain\r\n\r\nvoir pj\r\n--x\r\n"
            b'Content-Type: application/octet-stream; name="irm.dcm"\r\n'
            b"Content-Transfer-Encoding: base64\r\n"
            b'Content-Disposition: attachment; filename="irm.dcm"\r\n\r\n'
            + b"\r\n".join(big[i : i + 76] for i in range(0, len(big), 76))
            + b"\r\n--x--\r\n"
        ),
    }


def corpus() -> dict[str, bytes]:
    """Ours plus the parser's own corpus (tests/unit/mail/corpus.py)."""
    from tests.unit.mail.corpus import CASES

    messages = own_corpus()
    for case in CASES:
        messages[f"parser-{case.name}"] = case.make()
    return messages


def test_malformed_corpus_is_synced_and_kept_raw(mail_env, make_store, make_sync):
    store = make_store("corpus")
    account, auth = mail_env.new_account(store, "corpus")
    messages = corpus()
    for raw in messages.values():
        mail_env.deliver(account.address, raw)
    engine = make_sync(store, account, auth)
    repo = MailRepository(store)
    engine.sync_folder("INBOX")
    inbox = repo.folder_by_name(account.id, "INBOX")
    rows = []
    cursor = None
    while True:
        page = repo.page(inbox.id, after=cursor, limit=50)
        if not page:
            break
        rows.extend(page)
        cursor = repo.cursor_after(page[-1])
    assert len(rows) == len(messages)
    stored = [repo.raw(r.id) for r in rows]

    # The server adds its trace headers in front and may turn bare LF/CR into CRLF; IMAP
    # cannot carry NUL in a plain literal (Dovecot stores it as 0x80). Beyond that, every
    # byte the server holds is what we stored.
    def normal(data: bytes) -> bytes:
        return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").replace(b"\x00", b"\x80")

    stored_normal = [normal(s) for s in stored if s is not None]
    for name, raw in messages.items():
        tail = normal(raw.split(b"\r\n\r\n", 1)[-1])[-2000:]
        assert any(tail in s for s in stored_normal), name
    by_subject = {r.subject: r for r in rows}
    assert by_subject["boundary"].is_malformed
    assert by_subject["imagerie 50 Mo"].has_attachments
    assert by_subject["imagerie 50 Mo"].size > 50 * 1024 * 1024
    # No header line came out of an encoded word.
    injected = [r for r in rows if "bonjour" in r.subject]
    assert injected and all("\n" not in r.subject and "\r" not in r.subject for r in injected)
    assert search(store, "pirate") == [] or all(
        "\n" not in h.row.subject for h in search(store, "pirate")
    )
