"""Parsing well-formed messages: headers, threading, MSSanté headers, body choice,
sanitised HTML, attachments."""

from __future__ import annotations

import pickle
from datetime import UTC, datetime, timedelta, timezone

import pytest

from mssclient.mail import (
    Address,
    AttachmentNotFoundError,
    attachment_bytes,
    parse_full,
    parse_summary,
)
from tests.unit.mail.samples import HTML_ONLY, PDF, SIGNED, THREAD_REPLY


def test_summary_headers_and_threading() -> None:
    summary = parse_summary(THREAD_REPLY)
    assert summary.message_id == "<reply-2@infirmier.mssante.fr>"
    assert summary.in_reply_to == "<root-1@medecin.mssante.fr>"
    assert summary.references == ["<root-1@medecin.mssante.fr>"]
    assert summary.subject == "Re: XDM/1.0/DDM+Suivi de plaie DUPONT Hélène 01/02/1950"
    assert summary.display_subject == "Re: Suivi de plaie DUPONT Hélène 01/02/1950"
    assert (summary.from_name, summary.from_addr) == (
        "Paul Durand (IDE)",
        "paul.durand@infirmier.mssante.fr",
    )
    assert summary.to == [
        Address("Martin, Anne", "anne.martin@medecin.mssante.fr"),
        Address("Service de dermatologie", "dermato@chu-exemple.mssante.fr"),
    ]
    assert [a.addr for a in summary.cc] == [
        "secretariat@medecin.mssante.fr",
        "paul.durand@infirmier.mssante.fr",
    ]
    assert summary.date == datetime(2026, 11, 12, 13, 3, tzinfo=UTC)
    assert summary.date is not None and summary.date.utcoffset() == timedelta(hours=1)
    assert summary.size == len(THREAD_REPLY)
    assert summary.parse_problems == [] and not summary.is_malformed


def test_summary_mssante_headers() -> None:
    summary = parse_summary(THREAD_REPLY)
    assert summary.mss_nil == "NIL-AUTRE-0042"
    assert summary.mss_ins == "O"
    assert summary.mss_codecda == "11490-0"
    assert summary.mss_headers == {
        "X-MSS-NIL": "NIL-AUTRE-0042",
        "X-MSS-INS": "O",
        "X-MSS-CODECDA": "11490-0",
    }
    assert summary.disposition_notification_to == "paul.durand@infirmier.mssante.fr"


def test_summary_prefers_plain_text_and_lists_attachments() -> None:
    summary = parse_summary(THREAD_REPLY)
    assert summary.index_text.startswith("Bonjour Docteur,\nLa plaie évolue bien, photo jointe.")
    assert "<p>" not in summary.index_text
    assert summary.snippet == "Bonjour Docteur, La plaie évolue bien, photo jointe."
    assert summary.has_attachments
    # The inline image of the HTML alternative is not an attachment.
    assert summary.attachment_names == [
        "compte rendu résultats.pdf",
        "_.._etc_passwd",
        "facture fdp.exe",
    ]
    assert "compte rendu résultats.pdf" in summary.index_text


def test_summary_of_html_only_message_is_converted_text() -> None:
    summary = parse_summary(HTML_ONLY)
    assert summary.index_text == "Rendez-vous le 20 novembre.\n\nPrévoir l'ordonnance."
    assert "titre" not in summary.index_text and "var x" not in summary.index_text
    assert summary.date == datetime(2026, 11, 13, 9, 0, tzinfo=UTC)  # "-0000" read as UTC
    assert not summary.has_attachments


def test_summary_of_signed_message() -> None:
    summary = parse_summary(SIGNED)
    assert summary.smime == "signed"
    assert summary.subject == "Signé"  # raw UTF-8 header (RFC 6532) is not a problem
    assert summary.index_text == "Texte signé."
    assert not summary.has_attachments
    assert summary.parse_problems == []


def test_summary_is_picklable_for_process_pools() -> None:
    summary = parse_summary(THREAD_REPLY)
    assert pickle.loads(pickle.dumps(summary)) == summary  # noqa: S301 (our own bytes)


def test_index_text_is_capped() -> None:
    body = ("mot " * 100_000).encode()
    raw = b"Subject: long\r\nContent-Type: text/plain\r\n\r\n" + body
    summary = parse_summary(raw)
    assert summary.index_text_truncated
    assert len(summary.index_text) <= 200_000
    assert summary.parse_problems == []


def test_full_headers_and_text() -> None:
    message = parse_full(THREAD_REPLY)
    assert message.from_ == Address("Paul Durand (IDE)", "paul.durand@infirmier.mssante.fr")
    assert message.reply_to == [Address("Cabinet infirmier", "cabinet@infirmier.mssante.fr")]
    assert message.text == (
        "Bonjour Docteur,\nLa plaie évolue bien, photo jointe.\n> Pouvez-vous m'envoyer une photo ?"
    )
    assert ("X-MSS-INS", "O") in message.headers
    assert message.date == datetime(2026, 11, 12, 14, 3, tzinfo=timezone(timedelta(hours=1)))
    assert message.problem_description == ""


def test_full_html_is_sanitised() -> None:
    message = parse_full(THREAD_REPLY)
    html = message.html
    assert html is not None
    assert "Bonjour Docteur" in html and "cellule" in html
    lowered = html.lower()
    for forbidden in (
        "tracker.example",
        "evil.example",
        "<script",
        "onload",
        "javascript:",
        "<iframe",
        "<form",
        "<input",
        "<object",
        "<style",
        "style=",
        "url(",
        "<link",
        "background",
        "not-attached",
    ):
        assert forbidden not in lowered, forbidden
    assert '<img src="cid:photo-1@infirmier">' in html
    assert 'href="https://annuaire.sante.fr"' in html


def test_full_attachments_and_inline_parts() -> None:
    message = parse_full(THREAD_REPLY)
    listed = [(a.filename, a.content_type, a.inline) for a in message.attachments]
    assert listed == [
        ("compte rendu résultats.pdf", "application/pdf", False),
        ("_.._etc_passwd", "application/octet-stream", False),
        ("facture fdp.exe", "application/octet-stream", False),
        ("piece-jointe-5.png", "image/png", True),
    ]
    pdf = message.attachments[0]
    assert pdf.size == len(PDF)
    assert attachment_bytes(THREAD_REPLY, pdf.part_index) == PDF
    image = message.inline_parts["photo-1@infirmier"]
    assert attachment_bytes(THREAD_REPLY, image) == b"\x89PNG fake image"


def test_html_only_message_gives_text_and_html() -> None:
    message = parse_full(HTML_ONLY)
    assert message.text == "Rendez-vous le 20 novembre.\n\nPrévoir l'ordonnance."
    assert message.html is not None and "<script" not in message.html


@pytest.mark.parametrize("index", [-1, 0, 1, 999])
def test_attachment_bytes_refuses_non_leaf_parts(index: int) -> None:
    with pytest.raises(AttachmentNotFoundError) as caught:
        attachment_bytes(THREAD_REPLY, index)
    assert caught.value.user_message.startswith("Cette pièce jointe")


def test_malformed_message_gets_a_french_banner() -> None:
    raw = b"Subject: x\r\nContent-Type: multipart/mixed; boundary=a\r\n\r\n--b\r\n\r\ntexte\r\n"
    message = parse_full(raw)
    assert message.is_malformed
    assert message.problem_description.startswith(
        "Ce message est mal formé : il est affiché tel quel, l'original est conservé."
    )


def test_summary_runs_in_a_worker_process() -> None:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")  # what a frozen app on any OS can use
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        summaries = list(pool.map(parse_summary, [THREAD_REPLY, HTML_ONLY, b""]))
    assert summaries == [parse_summary(THREAD_REPLY), parse_summary(HTML_ONLY), parse_summary(b"")]
