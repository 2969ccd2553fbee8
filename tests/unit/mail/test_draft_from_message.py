"""A message of the server's Drafts folder (written by another client) back into a draft to
edit: the fields the composer writes back, and refusals that keep the message intact."""

from __future__ import annotations

import base64

import pytest

from mssclient.mail import Address, Attachment, Draft, build_message, message_bytes
from mssclient.mail import draft_from_message as module
from mssclient.mail import parse as parse_module
from mssclient.mail.addresses import parse_recipient_list
from mssclient.mail.draft_from_message import (
    UneditableDraftError,
    address_line,
    draft_from_message,
)

PDF = b"%PDF-1.4\n" + bytes(range(256)) * 8
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(200))

# As Thunderbird saves a plain-text draft (format=flowed, its own X-Mozilla headers).
THUNDERBIRD_PLAIN = (
    b"From: Claire Martin <claire.martin@infirmiers.test.mssante.fr>\r\n"
    b"X-Mozilla-Draft-Info: internal/draft; vcard=0; receipt=0; DSN=0; uuencode=0\r\n"
    b"Message-ID: <0b1c2d3e-draft@infirmiers.test.mssante.fr>\r\n"
    b"Date: Mon, 2 Nov 2026 09:30:00 +0100\r\n"
    b"MIME-Version: 1.0\r\n"
    b"User-Agent: Mozilla Thunderbird\r\n"
    b"To: Dr Paul Bernard <dr.paul.bernard@medecins.test.mssante.fr>\r\n"
    b"Cc: secretariat@ch-exemple.test.mssante.fr\r\n"
    b"Bcc: archives@infirmiers.test.mssante.fr\r\n"
    b"Subject: Suivi pansement\r\n"
    b"Content-Type: text/plain; charset=UTF-8; format=flowed\r\n"
    b"Content-Transfer-Encoding: 8bit\r\n"
    b"\r\n"
    b"Bonjour,\r\n"
    b"\r\n"
    b"La plaie \xc3\xa9volue bien.\r\n"
)

WEBMAIL_ALTERNATIVE = (
    b"From: claire.martin@infirmiers.test.mssante.fr\r\n"
    b"To: dr.paul.bernard@medecins.test.mssante.fr\r\n"
    b"Subject: Compte rendu\r\n"
    b"MIME-Version: 1.0\r\n"
    b'Content-Type: multipart/alternative; boundary="alt"\r\n'
    b"\r\n"
    b"--alt\r\n"
    b"Content-Type: text/plain; charset=iso-8859-1\r\n"
    b"Content-Transfer-Encoding: quoted-printable\r\n"
    b"\r\n"
    b"Texte brut pr=E9f=E9r=E9.\r\n"
    b"--alt\r\n"
    b"Content-Type: text/html; charset=utf-8\r\n"
    b"\r\n"
    b"<p>Version <b>HTML</b></p>\r\n"
    b"--alt--\r\n"
)

HTML_ONLY = (
    b"From: claire.martin@infirmiers.test.mssante.fr\r\n"
    b"Subject: Mise en forme\r\n"
    b"MIME-Version: 1.0\r\n"
    b"Content-Type: text/html; charset=utf-8\r\n"
    b"\r\n"
    b"<html><body><p>Premier paragraphe</p><script>alert('x')</script>"
    b"<p>Second&nbsp;paragraphe \xc3\xa0 garder</p></body></html>\r\n"
)

EMPTY_PLAIN_BESIDE_HTML = (
    b"From: claire.martin@infirmiers.test.mssante.fr\r\n"
    b"Subject: Webmail\r\n"
    b"MIME-Version: 1.0\r\n"
    b'Content-Type: multipart/alternative; boundary="alt"\r\n'
    b"\r\n"
    b"--alt\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n"
    b"\r\n"
    b"\r\n"
    b"--alt\r\n"
    b"Content-Type: text/html; charset=utf-8\r\n"
    b"\r\n"
    b"<div>Le vrai texte</div>\r\n"
    b"--alt--\r\n"
)


def _b64(data: bytes) -> bytes:
    encoded = base64.b64encode(data)
    return b"\r\n".join(encoded[i : i + 76] for i in range(0, len(encoded), 76))


WITH_ATTACHMENTS = (
    b"From: Claire Martin <claire.martin@infirmiers.test.mssante.fr>\r\n"
    b"To: dr.paul.bernard@medecins.test.mssante.fr\r\n"
    b"Subject: Photos de la plaie\r\n"
    b"MIME-Version: 1.0\r\n"
    b'Content-Type: multipart/mixed; boundary="mixed"\r\n'
    b"\r\n"
    b"--mixed\r\n"
    b'Content-Type: multipart/related; boundary="rel"\r\n'
    b"\r\n"
    b"--rel\r\n"
    b"Content-Type: text/html; charset=utf-8\r\n"
    b"\r\n"
    b'<p>Voir la photo :</p><img src="cid:photo@local">\r\n'
    b"--rel\r\n"
    b"Content-Type: image/png\r\n"
    b"Content-ID: <photo@local>\r\n"
    b"Content-Transfer-Encoding: base64\r\n"
    b"\r\n" + _b64(PNG) + b"\r\n"
    b"--rel--\r\n"
    b"--mixed\r\n"
    b"Content-Type: application/pdf\r\n"
    b"Content-Disposition: attachment; filename*=UTF-8''compte-rendu%20op%C3%A9ratoire.pdf\r\n"
    b"Content-Transfer-Encoding: base64\r\n"
    b"\r\n" + _b64(PDF) + b"\r\n"
    b"--mixed--\r\n"
)

NON_ASCII_REPLY = (
    b"From: =?utf-8?q?Claire_Martin_=28IDE=29?= <claire.martin@infirmiers.test.mssante.fr>\r\n"
    b'To: "Martin, Anne" <anne.martin@medecin.mssante.fr>,\r\n'
    b" =?iso-8859-1?q?Service_de_dermatologie?= <dermato@chu-exemple.mssante.fr>\r\n"
    b"Cc: =?utf-8?b?w4lsb2TDqWUgUsOpbXk=?= <elodie.remy@ch-exemple.test.mssante.fr>\r\n"
    b"Subject: =?utf-8?q?Re=3A_R=C3=A9sultats_=E2=80=94_Mme_H=C3=A9l=C3=A8ne_Dupont?=\r\n"
    b"In-Reply-To: <root-1@medecin.mssante.fr>\r\n"
    b"References: <root-0@medecin.mssante.fr> <root-1@medecin.mssante.fr>\r\n"
    b"Disposition-Notification-To: claire.martin@infirmiers.test.mssante.fr\r\n"
    b"Date: not a date at all\r\n"
    b"MIME-Version: 1.0\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n"
    b"\r\n"
    b"R\xc3\xa9ponse en cours.\r\n"
)


def test_a_plain_draft_gives_every_field_back():
    editable = draft_from_message(THUNDERBIRD_PLAIN)
    draft = editable.draft
    assert draft.identity == Address("Claire Martin", "claire.martin@infirmiers.test.mssante.fr")
    assert draft.to == [Address("Dr Paul Bernard", "dr.paul.bernard@medecins.test.mssante.fr")]
    assert draft.cc == [Address("", "secretariat@ch-exemple.test.mssante.fr")]
    assert draft.bcc == [Address("", "archives@infirmiers.test.mssante.fr")], "a draft keeps Bcc"
    assert draft.subject == "Suivi pansement"
    assert draft.text == "Bonjour,\n\nLa plaie évolue bien."
    assert draft.attachments == []
    assert (draft.in_reply_to, draft.references) == ("", [])
    assert not draft.request_read_receipt
    assert not editable.had_html and not editable.text_from_html


def test_the_plain_alternative_is_preferred_to_the_html_one():
    editable = draft_from_message(WEBMAIL_ALTERNATIVE)
    assert editable.draft.text == "Texte brut préféré."
    assert editable.had_html and not editable.text_from_html


def test_html_alone_is_converted_to_sanitized_text():
    editable = draft_from_message(HTML_ONLY)
    assert editable.draft.text == "Premier paragraphe\n\nSecond paragraphe à garder"
    assert "alert" not in editable.draft.text and "<" not in editable.draft.text
    assert editable.had_html and editable.text_from_html


def test_an_empty_plain_alternative_does_not_hide_the_html_text():
    editable = draft_from_message(EMPTY_PLAIN_BESIDE_HTML)
    assert editable.draft.text == "Le vrai texte"
    assert editable.text_from_html


def test_attachments_and_inline_images_come_back_byte_for_byte():
    editable = draft_from_message(WITH_ATTACHMENTS)
    attachments = editable.draft.attachments
    by_type = {a.content_type: a for a in attachments}
    assert by_type["application/pdf"] == Attachment(
        "compte-rendu opératoire.pdf", "application/pdf", PDF
    )
    assert by_type["image/png"].data == PNG, "an image of the HTML is attached, not lost"
    assert editable.inline_attached == 1
    assert editable.draft.text == "Voir la photo :"


def test_non_ascii_headers_and_threading_are_kept():
    editable = draft_from_message(NON_ASCII_REPLY)
    draft = editable.draft
    me = "claire.martin@infirmiers.test.mssante.fr"
    assert draft.identity == Address("Claire Martin (IDE)", me)
    assert draft.subject == "Re: Résultats — Mme Hélène Dupont"
    assert draft.to == [
        Address("Martin, Anne", "anne.martin@medecin.mssante.fr"),
        Address("Service de dermatologie", "dermato@chu-exemple.mssante.fr"),
    ]
    assert draft.cc == [Address("Élodée Rémy", "elodie.remy@ch-exemple.test.mssante.fr")]
    assert draft.in_reply_to == "<root-1@medecin.mssante.fr>"
    assert draft.references == ["<root-0@medecin.mssante.fr>", "<root-1@medecin.mssante.fr>"]
    assert draft.request_read_receipt
    assert draft.text == "Réponse en cours."  # an unreadable Date loses nothing


def test_the_recipient_line_reads_back_the_same_addresses():
    addresses = [
        Address("Martin, Anne", "anne.martin@medecin.mssante.fr"),
        Address('Dr "Paulo" Bernard', "dr.paul.bernard@medecins.test.mssante.fr"),
        Address("Élodie Rémy", "elodie.remy@ch-exemple.test.mssante.fr"),
        Address("", "secretariat@ch-exemple.test.mssante.fr"),
    ]
    line = address_line(addresses)
    assert line.startswith('"Martin, Anne" <anne.martin@medecin.mssante.fr>, ')
    assert parse_recipient_list(line) == addresses


def test_a_draft_built_here_reads_back_as_it_was_written():
    written = Draft(
        identity=Address("Claire Martin", "claire.martin@infirmiers.test.mssante.fr"),
        to=[Address("Dr Paul Bernard", "dr.paul.bernard@medecins.test.mssante.fr")],
        subject="Ordonnance à renouveler",
        text="Bonjour,\n\nligne avec espace final \nfin.\n",
        attachments=[Attachment("ordonnance.pdf", "application/pdf", PDF)],
        in_reply_to="<a@x.test>",
        references=["<a@x.test>"],
        request_read_receipt=True,
    )
    draft = draft_from_message(message_bytes(build_message(written))).draft
    assert (draft.identity, draft.to, draft.subject) == (
        written.identity,
        written.to,
        written.subject,
    )
    assert draft.text == "Bonjour,\n\nligne avec espace final \nfin."
    assert draft.attachments == written.attachments
    assert (draft.in_reply_to, draft.references) == ("<a@x.test>", ["<a@x.test>"])
    assert draft.request_read_receipt


@pytest.mark.parametrize(
    ("raw", "detail"),
    [
        (
            b"From: a@x.test\r\nSubject: coupe\r\nContent-Type: multipart/mixed; "
            b'boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\ndebut du texte\r\n',
            "délimiteur de fin absent",
        ),
        (
            b"From: a@x.test\r\nSubject: pj\r\nContent-Type: multipart/mixed; "
            b'boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\ntexte\r\n--b\r\n'
            b"Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            b"JVBERi0x#%%%\r\n--b--\r\n",
            "base64",
        ),
        (
            b"From: a@x.test\r\nSubject: texte\r\nContent-Type: text/plain; charset=x-inconnu\r\n"
            b"\r\ncaf\xe9\r\n",
            "jeu de caractères",
        ),
        (b"", "le message est vide"),
    ],
)
def test_a_malformed_message_is_refused_in_french_and_kept_unchanged(raw: bytes, detail: str):
    with pytest.raises(UneditableDraftError) as caught:
        draft_from_message(raw)
    error = caught.value
    assert error.reason == "malformed"
    assert error.raw == raw, "the message itself is kept, untouched"
    assert "mal formé" in error.user_message and detail in error.user_message
    assert "inchangé dans le dossier Brouillons du serveur" in error.user_message


def test_an_encrypted_draft_is_refused_with_its_reason():
    raw = (
        b"From: claire.martin@infirmiers.test.mssante.fr\r\nSubject: chiffre\r\n"
        b"MIME-Version: 1.0\r\n"
        b'Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name="smime.p7m"\r\n'
        b"Content-Transfer-Encoding: base64\r\n\r\n" + _b64(b"\x30\x80" + bytes(300)) + b"\r\n"
    )
    with pytest.raises(UneditableDraftError) as caught:
        draft_from_message(raw)
    assert caught.value.reason == "encrypted"
    assert "chiffré" in caught.value.user_message
    assert caught.value.raw == raw


def test_attachments_beyond_the_sending_limit_are_refused(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(module, "MAX_ATTACHMENT_TOTAL", len(PDF) // 2)
    with pytest.raises(UneditableDraftError) as caught:
        draft_from_message(WITH_ATTACHMENTS)
    assert caught.value.reason == "too-large"
    assert "pièces jointes" in caught.value.user_message


def test_a_text_longer_than_what_is_read_is_refused(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(parse_module, "READER_TEXT_LIMIT", 10)
    with pytest.raises(UneditableDraftError) as caught:
        draft_from_message(THUNDERBIRD_PLAIN)
    assert caught.value.reason == "too-long"
    assert "trop long" in caught.value.user_message


@pytest.mark.parametrize(
    ("content_type", "encrypted"),
    [
        ('application/pkcs7-mime; smime-type=enveloped-data; name="smime.p7m"', True),
        ("application/pkcs7-mime; smime-type=authEnveloped-data", True),
        ("application/x-pkcs7-mime; name=smime.p7m", True),  # no smime-type: taken as encrypted
        ('application/pkcs7-mime; smime-type="signed-data"', False),  # opaque signed only
        ('multipart/signed; protocol="application/pkcs7-signature"; boundary=b', False),
        ("text/plain; charset=utf-8", False),
    ],
)
def test_an_encrypted_server_copy_is_recognised(content_type: str, encrypted: bool) -> None:
    from mssclient.mail.draft_from_message import is_encrypted

    raw = f"Subject: x\r\nContent-Type: {content_type}\r\n\r\nMIAGCSqGSIb3\r\n".encode()
    assert is_encrypted(raw) is encrypted
