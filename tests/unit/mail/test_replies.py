"""Reply, reply-all and forward: recipients, French quoting, threading headers,
subject prefixes that never double."""

from __future__ import annotations

from datetime import datetime

import pytest

from mssclient.mail import (
    Address,
    Draft,
    build_message,
    forward_draft,
    message_bytes,
    parse_summary,
    reply_draft,
)
from mssclient.mail.subjects import forward_subject, reply_subject, strip_mssante_subject_prefix
from tests.unit.mail.samples import PDF, THREAD_REPLY

ANNE = Address("Dr Anne Martin", "anne.martin@medecin.mssante.fr")


def _expected_quote_header() -> str:
    original = parse_summary(THREAD_REPLY).date
    assert original is not None
    local = original.astimezone()
    return f"Le {local:%d/%m/%Y} à {local:%H:%M}, Paul Durand (IDE) a écrit :"


def test_reply_goes_to_reply_to_with_french_quote() -> None:
    draft = reply_draft(THREAD_REPLY, ANNE, reply_all=False, product_nil="NIL-1")
    assert draft.to == [Address("Cabinet infirmier", "cabinet@infirmier.mssante.fr")]
    assert draft.cc == []
    assert draft.subject == "Re : Suivi de plaie DUPONT Hélène 01/02/1950"
    assert draft.in_reply_to == "<reply-2@infirmier.mssante.fr>"
    assert draft.references == ["<root-1@medecin.mssante.fr>", "<reply-2@infirmier.mssante.fr>"]
    assert _expected_quote_header() + "\n> Bonjour Docteur," in draft.text
    assert ">> Pouvez-vous m'envoyer une photo ?" in draft.text
    assert draft.product_nil == "NIL-1"


def test_quote_header_format() -> None:
    from mssclient.mail.replies import quote_header

    when = datetime(2026, 11, 12, 14, 3).astimezone()
    assert quote_header(Address("Dr X", "x@y.fr"), when) == "Le 12/11/2026 à 14:03, Dr X a écrit :"
    assert quote_header(Address("", "x@y.fr"), None) == "x@y.fr a écrit :"


def test_reply_all_excludes_myself_and_duplicates() -> None:
    draft = reply_draft(THREAD_REPLY, ANNE, reply_all=True)
    assert [a.addr for a in draft.to] == [
        "cabinet@infirmier.mssante.fr",
        "dermato@chu-exemple.mssante.fr",
    ]
    assert [a.addr for a in draft.cc] == [
        "secretariat@medecin.mssante.fr",
        "paul.durand@infirmier.mssante.fr",
    ]


def test_reply_threads_through_build_and_parse() -> None:
    draft = reply_draft(THREAD_REPLY, ANNE, reply_all=True, product_nil="NIL-1")
    raw = message_bytes(build_message(draft))
    summary = parse_summary(raw)
    assert summary.in_reply_to == "<reply-2@infirmier.mssante.fr>"
    assert summary.references[0] == "<root-1@medecin.mssante.fr>"
    # A second reply in the same thread keeps the root and never doubles the prefix.
    again = reply_draft(raw, Address("Paul Durand", "paul.durand@infirmier.mssante.fr"), False)
    assert again.subject == "Re : Suivi de plaie DUPONT Hélène 01/02/1950"
    assert again.references == [
        "<root-1@medecin.mssante.fr>",
        "<reply-2@infirmier.mssante.fr>",
        summary.message_id,
    ]
    assert again.to == [ANNE]


def test_reply_from_sent_folder_addresses_the_original_recipients() -> None:
    sent = Draft(identity=ANNE, to=["paul.durand@infirmier.mssante.fr"], subject="Bonjour")
    raw = message_bytes(build_message(sent))
    draft = reply_draft(raw, ANNE, reply_all=False)
    assert [a.addr for a in draft.to] == ["paul.durand@infirmier.mssante.fr"]


def test_forward_keeps_attachments_and_quotes_headers() -> None:
    draft = forward_draft(THREAD_REPLY, ANNE, product_nil="NIL-1")
    assert draft.subject.startswith("Tr : Re: XDM/1.0/DDM+Suivi de plaie")
    assert draft.to == []
    assert "-------- Message transféré --------" in draft.text
    assert "De : Paul Durand (IDE) <paul.durand@infirmier.mssante.fr>" in draft.text
    assert "La plaie évolue bien" in draft.text
    names = [a.filename for a in draft.attachments]
    assert names == ["compte rendu résultats.pdf", "_.._etc_passwd", "facture fdp.exe"]
    assert draft.attachments[0].data == PDF
    assert draft.references[-1] == "<reply-2@infirmier.mssante.fr>"
    draft.to = [Address("Dermatologie", "dermato@chu-exemple.mssante.fr")]
    summary = parse_summary(message_bytes(build_message(draft)))
    assert summary.attachment_names == names


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Bilan", "Re : Bilan"),
        ("Re: Bilan", "Re : Bilan"),
        ("RE : Re: Bilan", "Re : Bilan"),
        ("Re[2]: Bilan", "Re : Bilan"),
        ("Réf : Bilan", "Re : Bilan"),
        ("AW: Bilan", "Re : Bilan"),
        ("Tr : Bilan", "Re : Tr : Bilan"),
        (
            "XDM/1.0/DDM+CR consultation DUPONT Jean 01/02/1950",
            "Re : CR consultation DUPONT Jean 01/02/1950",
        ),
        ("", "Re : "),
    ],
)
def test_reply_subject(subject: str, expected: str) -> None:
    assert reply_subject(subject) == expected


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Bilan", "Tr : Bilan"),
        ("TR: Bilan", "Tr : Bilan"),
        ("Fwd: Tr : Bilan", "Tr : Bilan"),
        ("Re : Bilan", "Tr : Re : Bilan"),
    ],
)
def test_forward_subject(subject: str, expected: str) -> None:
    assert forward_subject(subject) == expected


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("XDM/1.0/DDM+CR DUPONT Jean 01/02/1950", "CR DUPONT Jean 01/02/1950"),
        ("Re: XDM/1.0/DDM+CR DUPONT Jean", "Re: CR DUPONT Jean"),
        ("xdm/1.0/ddm+ CR", "CR"),
        ("Sujet XDM/1.0/DDM+ au milieu", "Sujet XDM/1.0/DDM+ au milieu"),
        ("Bilan", "Bilan"),
    ],
)
def test_strip_mssante_subject_prefix(subject: str, expected: str) -> None:
    assert strip_mssante_subject_prefix(subject) == expected
