"""Read receipts (RFC 8098): detection and the structure of the MDN we send."""

from __future__ import annotations

import email
from email import policy
from email.message import EmailMessage

import pytest

from mssclient.mail import (
    Address,
    NoReadReceiptRequestedError,
    build_mdn,
    message_bytes,
    parse_full,
    wants_read_receipt,
)
from tests.unit.mail.samples import HTML_ONLY, THREAD_REPLY

ANNE = Address("Dr Anne Martin", "anne.martin@medecin.mssante.fr")


def test_wants_read_receipt() -> None:
    assert wants_read_receipt(THREAD_REPLY) == "paul.durand@infirmier.mssante.fr"
    assert wants_read_receipt(HTML_ONLY) is None
    assert wants_read_receipt(b"Disposition-Notification-To: pas une adresse\r\n\r\n") is None
    assert wants_read_receipt(b"") is None


def test_mdn_structure() -> None:
    raw_original = b"Original-Recipient: rfc822;anne.martin@medecin.mssante.fr\r\n" + THREAD_REPLY
    mdn = build_mdn(raw_original, ANNE, product_nil="NIL-1")
    raw = message_bytes(mdn)
    parsed = email.message_from_bytes(raw, policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    assert parsed.get_content_type() == "multipart/report"
    assert parsed.get_param("report-type") == "disposition-notification"
    assert str(parsed["To"]) == "paul.durand@infirmier.mssante.fr"
    assert parsed["From"].addresses[0].addr_spec == ANNE.addr
    assert parsed["X-MSS-NIL"] == "NIL-1"
    assert parsed["In-Reply-To"] == "<reply-2@infirmier.mssante.fr>"
    assert str(parsed["Subject"]).startswith("Accusé de lecture : Re: XDM/1.0/DDM+Suivi")

    human, notification = list(parsed.iter_parts())
    assert human.get_content_type() == "text/plain"
    text = human.get_content()
    assert "a été affiché par Dr Anne Martin" in text

    assert notification.get_content_type() == "message/disposition-notification"
    fields = raw.split(b"Content-Type: message/disposition-notification", 1)[1].decode()
    assert f"Final-Recipient: rfc822; {ANNE.addr}" in fields
    assert "Original-Recipient: rfc822;anne.martin@medecin.mssante.fr" in fields
    assert "Original-Message-ID: <reply-2@infirmier.mssante.fr>" in fields
    assert "Disposition: manual-action/MDN-sent-manually; displayed" in fields
    assert "Reporting-UA: medecin.mssante.fr; MSSClient" in fields


def test_our_parser_reads_the_mdn() -> None:
    raw = message_bytes(build_mdn(THREAD_REPLY, ANNE))
    message = parse_full(raw)
    assert message.parse_problems == []
    assert message.in_reply_to == "<reply-2@infirmier.mssante.fr>"
    assert [a.content_type for a in message.attachments] == ["message/disposition-notification"]


def test_mdn_refused_when_not_requested() -> None:
    with pytest.raises(NoReadReceiptRequestedError):
        build_mdn(HTML_ONLY, ANNE)
