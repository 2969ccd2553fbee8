"""Building messages: MSSanté rules, round trips through our parser and the stdlib's,
header injection refused, Bcc kept out of the message, size limit."""

from __future__ import annotations

import email
from datetime import UTC, datetime
from email import policy

import pytest

from mssclient.mail import (
    MAX_ATTACHMENT_TOTAL,
    Address,
    Attachment,
    AttachmentsTooLargeError,
    Draft,
    HeaderInjectionError,
    InvalidAddressError,
    MissingSenderNameError,
    NoRecipientError,
    attachment_bytes,
    build_message,
    dsn_options,
    envelope_recipients,
    message_bytes,
    parse_full,
    parse_recipient_list,
    parse_summary,
)

ME = Address("Dr Hélène Géraud", "helene.geraud@medecin.mssante.fr")


def _draft(**changes: object) -> Draft:
    draft = Draft(
        identity=ME,
        to=["Équipe « Dermato » <dermato@chu-exemple.mssante.fr>"],
        cc=[Address("Paul Durand", "paul.durand@infirmier.mssante.fr")],
        bcc=["archives@medecin.mssante.fr"],
        subject="Résultats de Mme Zoé Noël — œdème",
        text="Bonjour,\nCi-joint le compte rendu.\nCordialement,\nDr Géraud",
        product_nil="NIL-TEST-0001",
    )
    for key, value in changes.items():
        setattr(draft, key, value)
    return draft


def test_round_trip_with_non_ascii_everywhere() -> None:
    pdf = b"%PDF-1.7\n" + bytes(range(256)) * 100
    draft = _draft(
        attachments=[Attachment("Compte rendu d'échographie.pdf", "application/pdf", pdf)]
    )
    raw = message_bytes(build_message(draft))
    assert raw.isascii()  # headers RFC 2047/2231-encoded, body quoted-printable/base64
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")

    summary = parse_summary(raw)
    assert summary.parse_problems == []
    assert summary.subject == "Résultats de Mme Zoé Noël — œdème"
    assert (summary.from_name, summary.from_addr) == ME
    assert summary.to == [Address("Équipe « Dermato »", "dermato@chu-exemple.mssante.fr")]
    assert summary.cc == [Address("Paul Durand", "paul.durand@infirmier.mssante.fr")]
    assert summary.attachment_names == ["Compte rendu d'échographie.pdf"]
    assert summary.index_text.startswith("Bonjour,\nCi-joint le compte rendu.")
    assert summary.mss_nil == "NIL-TEST-0001"
    assert summary.message_id.endswith("@medecin.mssante.fr>")

    full = parse_full(raw)
    [info] = full.attachments
    assert attachment_bytes(raw, info.part_index) == pdf
    assert full.text == "Bonjour,\nCi-joint le compte rendu.\nCordialement,\nDr Géraud"


def test_the_stdlib_reads_what_we_build() -> None:
    draft = _draft(html="<p>Bonjour <b>Docteur</b></p>")
    raw = message_bytes(build_message(draft))
    parsed = email.message_from_bytes(raw, policy=policy.default)
    assert parsed.defects == []
    assert parsed.get_content_type() == "multipart/alternative"
    assert str(parsed["Subject"]) == draft.subject
    assert parsed["From"].addresses[0].display_name == "Dr Hélène Géraud"
    plain = parsed.get_body(("plain",))
    assert plain is not None and plain.get_content_charset() == "utf-8"
    assert parsed["Date"].datetime.tzinfo is not None


def test_mssante_headers_and_no_bcc_in_message() -> None:
    draft = _draft(
        request_read_receipt=True,
        in_reply_to="<parent@x.fr>",
        references=["<root@x.fr>", "<parent@x.fr>"],
    )
    message = build_message(draft, now=datetime(2026, 11, 12, 13, 3, tzinfo=UTC))
    assert message["X-MSS-NIL"] == "NIL-TEST-0001"
    assert message["Disposition-Notification-To"] == "<helene.geraud@medecin.mssante.fr>"
    assert message["In-Reply-To"] == "<parent@x.fr>"
    assert message["References"] == "<root@x.fr> <parent@x.fr>"
    assert message["Bcc"] is None
    assert b"archives@" not in message_bytes(message)
    assert message["MIME-Version"] == "1.0"
    assert message.get_content_type() == "text/plain"
    assert message.get_content_charset() == "utf-8"
    assert envelope_recipients(draft) == [
        "dermato@chu-exemple.mssante.fr",
        "paul.durand@infirmier.mssante.fr",
        "archives@medecin.mssante.fr",
    ]


def test_message_id_is_kept_when_given() -> None:
    draft = _draft(message_id="<saved-draft@medecin.mssante.fr>")
    assert build_message(draft)["Message-ID"] == "<saved-draft@medecin.mssante.fr>"
    first, second = build_message(_draft()), build_message(_draft())
    assert first["Message-ID"] != second["Message-ID"]


def test_attachments_make_multipart_mixed() -> None:
    draft = _draft(
        html="<p>x</p>",
        attachments=[Attachment("a.pdf", "application/pdf", b"1"), Attachment("b", "", b"2")],
    )
    message = build_message(draft)
    assert message.get_content_type() == "multipart/mixed"
    parts = [part.get_content_type() for part in message.iter_parts()]
    assert parts == ["multipart/alternative", "application/pdf", "application/octet-stream"]


@pytest.mark.parametrize(
    "changes",
    [
        {"subject": "Bonjour\r\nBcc: victim@example.org"},
        {"subject": "Bonjour\nX-Evil: 1"},
        {"subject": "Bonjour\u2028suite"},
        {"identity": Address("Dr X\r\nBcc: a@b.fr", "x@medecin.mssante.fr")},
        {"to": ["x@example.org\r\nBcc: victim@example.org"]},
        {"to": [Address("Nom\nBcc: v@x.fr", "x@example.org")]},
        {"cc": [Address("", "x@example.org\nBcc: v@x.fr")]},
        {"in_reply_to": "<a@b>\r\nBcc: v@x.fr"},
        {"references": ["<a@b>", "<c@d>\nX: y"]},
        {"product_nil": "NIL\r\nBcc: v@x.fr"},
    ],
)
def test_header_injection_is_refused(changes: dict[str, object]) -> None:
    with pytest.raises(HeaderInjectionError) as caught:
        build_message(_draft(**changes))
    assert "retour à la ligne" in caught.value.user_message


@pytest.mark.parametrize("name", ["", "   ", "helene.geraud@medecin.mssante.fr", "---"])
def test_meaningless_sender_name_is_refused(name: str) -> None:
    with pytest.raises(MissingSenderNameError) as caught:
        build_message(_draft(identity=Address(name, ME.addr)))
    assert "nom de l'expéditeur" in caught.value.user_message


@pytest.mark.parametrize(
    "recipient", ["pas une adresse", "a@b", "é@exemple.fr", "a@@b.fr", "a b@c.fr", ""]
)
def test_invalid_recipient_is_refused(recipient: str) -> None:
    with pytest.raises(InvalidAddressError):
        build_message(_draft(to=[recipient]))


def test_no_recipient_is_refused() -> None:
    with pytest.raises(NoRecipientError):
        build_message(_draft(to=[], cc=[], bcc=[]))


def test_bcc_only_is_allowed() -> None:
    message = build_message(_draft(to=[], cc=[]))
    assert message["To"] is None
    assert envelope_recipients(_draft(to=[], cc=[])) == ["archives@medecin.mssante.fr"]


def test_attachment_size_limit() -> None:
    small = Attachment("a.bin", "application/octet-stream", b"x" * (MAX_ATTACHMENT_TOTAL // 2))
    build_message(_draft(attachments=[small, small]))  # exactly at the limit: accepted
    with pytest.raises(AttachmentsTooLargeError) as caught:
        build_message(_draft(attachments=[small, small, Attachment("b", "", b"x")]))
    assert "20,0 Mo" in caught.value.user_message


def test_attachment_filename_is_sanitised() -> None:
    draft = _draft(attachments=[Attachment("../../.bashrc", "text/plain", b"x")])
    raw = message_bytes(build_message(draft))
    assert parse_summary(raw).attachment_names == ["_.._.bashrc"]


def test_dsn_is_an_smtp_option() -> None:
    assert dsn_options(_draft()) == ([], [])
    mail, rcpt = dsn_options(_draft(request_dsn=True), envelope_id="<id+1@x.fr>")
    assert mail == ["RET=HDRS", "ENVID=<id+2B1@x.fr>"]
    assert rcpt == ["NOTIFY=SUCCESS,FAILURE,DELAY"]


def test_fallback_product_header_is_never_missing() -> None:
    assert build_message(_draft(product_nil=""))["X-MSS-NIL"]


def test_recipient_field_parsing() -> None:
    assert parse_recipient_list('"Martin, Anne" <a@b.fr>; c@d.fr, Dr X <x@y.fr>') == [
        Address("Martin, Anne", "a@b.fr"),
        Address("", "c@d.fr"),
        Address("Dr X", "x@y.fr"),
    ]
    with pytest.raises(InvalidAddressError):
        parse_recipient_list("a@b.fr, pas-une-adresse")


def test_display_names_with_specials_round_trip() -> None:
    draft = _draft(
        identity=Address('Dr "Zoé" Noël, PH', "zoe.noel@chu-exemple.mssante.fr"),
        to=[Address("Martin, Anne (IDE)", "a@b.fr"), Address("Éric <chef>", "e@b.fr")],
        cc=[],
    )
    summary = parse_summary(message_bytes(build_message(draft)))
    assert summary.parse_problems == []
    assert summary.from_name == 'Dr "Zoé" Noël, PH'
    assert summary.to == [Address("Martin, Anne (IDE)", "a@b.fr"), Address("Éric <chef>", "e@b.fr")]
