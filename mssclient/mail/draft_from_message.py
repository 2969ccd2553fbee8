"""A message of the server's Drafts folder, turned back into a draft to edit. Qt-free.

Another client (a webmail, Thunderbird, another computer) left it there. What the
composer can write back is taken: the From address (to pick the identity), To, Cc, Bcc,
Subject, the text (the plain part when there is one, else the HTML converted to text),
every attachment (images shown inside the HTML become ordinary attachments),
In-Reply-To and References (a reply draft stays a reply) and a read-receipt request.

Saving the edited draft replaces the server copy, so a message that was not read in full
is refused (``UneditableDraftError``, with a French ``user_message``): a damaged
structure, a guessed charset, a cut text, a still encrypted body, attachments beyond the
sending limit. The raw bytes are never changed; the error keeps them for the caller.

A draft that was S/MIME-encrypted on the server (decrypted here with the user's key) is
marked ``was_encrypted``: its edited version is kept on this computer only, never put back
on the server in clear (see ``mssclient.mailstore.drafts``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mssclient.mail.addresses import Address, parse_address_header
from mssclient.mail.bodies import body_bytes
from mssclient.mail.compose import MAX_ATTACHMENT_TOTAL, Attachment, Draft
from mssclient.mail.errors import MailError
from mssclient.mail.html_text import html_to_text
from mssclient.mail.layout import body_layout
from mssclient.mail.mime_tree import MimeTree, build_tree
from mssclient.mail.parse import parse_full
from mssclient.mail.problems import PROBLEM_DESCRIPTIONS

#: Problems that lose nothing the composer writes back (the Date is rebuilt at saving).
HARMLESS_PROBLEMS = frozenset({"bad-date", "bare-cr-line-ends"})
#: S/MIME types of an encrypted body (RFC 8551 enveloped-data, RFC 5083 authEnveloped-data).
_ENCRYPTED_SMIME_TYPES = frozenset({"enveloped-data", "authenveloped-data"})
_PKCS7_TYPES = frozenset({"application/pkcs7-mime", "application/x-pkcs7-mime"})
#: In a display name, these need quotes to survive the composer's recipient lists.
_NAME_SPECIALS = frozenset(',;"<>@()[]:\\')

_KEPT = "Il reste inchangé dans le dossier Brouillons du serveur."


@dataclass
class EditableDraft:
    """What the composer opens. ``draft.identity`` is the From of the message, as written
    (an empty address when it had none): the caller picks the matching account."""

    draft: Draft
    #: The message had no plain text: the text is its HTML converted.
    text_from_html: bool = False
    #: The message had an HTML version (formatting): only the text is edited from now on.
    had_html: bool = False
    #: Images shown inside the HTML, now attached (so none is lost).
    inline_attached: int = 0
    #: The server's copy is S/MIME-encrypted: the edited draft must not go back in clear.
    was_encrypted: bool = False


class UneditableDraftError(MailError):
    """The message cannot become an editable draft without losing something."""

    user_message = f"Ce brouillon ne peut pas être modifié ici. {_KEPT}"

    def __init__(self, detail: str, *, user_message: str, raw: bytes, reason: str) -> None:
        super().__init__(detail, user_message=user_message)
        #: The message exactly as stored (never modified).
        self.raw = raw
        #: "encrypted", "malformed", "too-long" or "too-large".
        self.reason = reason


def address_line(values: Sequence[Address | str]) -> str:
    """Addresses as one composer line that reads back the same (names with a comma or a
    quote are quoted)."""
    return ", ".join(_address_text(value) for value in values)


def _address_text(value: Address | str) -> str:
    if isinstance(value, str):
        return value
    name, addr = value.name, value.addr
    if not name:
        return addr
    if any(char in _NAME_SPECIALS for char in name):
        name = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"{name} <{addr}>"


def is_encrypted(raw: bytes) -> bool:
    """Whether the message, as stored on the server, is S/MIME-encrypted (an opaque signed
    ``application/pkcs7-mime`` with ``smime-type=signed-data`` is not; one without any
    ``smime-type`` is taken as encrypted, to be safe)."""
    root = build_tree(bytes(raw)).root
    if root.content_type not in _PKCS7_TYPES:
        return False
    smime_type = root.params.get("smime-type", "").strip().lower()
    return not smime_type or smime_type in _ENCRYPTED_SMIME_TYPES


def draft_from_message(raw: bytes) -> EditableDraft:
    """The editable draft held in ``raw``; raises ``UneditableDraftError`` (French text)
    when editing it here could lose part of it. Decrypt first: ``raw`` must be the
    readable form of an S/MIME message."""
    raw = bytes(raw)
    tree = build_tree(raw)
    layout = body_layout(tree.root)
    if layout.smime == "encrypted":
        raise UneditableDraftError(
            "draft is still S/MIME encrypted",
            user_message=(
                "Ce brouillon est chiffré (S/MIME) et aucun de vos certificats présents sur "
                "cet ordinateur ne permet de le déchiffrer : il ne peut pas être modifié ici. "
                f"{_KEPT}"
            ),
            raw=raw,
            reason="encrypted",
        )
    full = parse_full(raw)
    bcc, bcc_problems = parse_address_header(tree.root.headers.raw("Bcc"))
    problems = [
        code
        for code in dict.fromkeys([*full.parse_problems, *bcc_problems])
        if ":" not in code and code not in HARMLESS_PROBLEMS
    ]
    if problems:
        raise _malformed(raw, problems)
    if full.text_truncated:
        raise UneditableDraftError(
            "draft text is longer than the reader reads",
            user_message=(
                "Le texte de ce brouillon est trop long pour être modifié ici sans en perdre "
                f"la fin. {_KEPT}"
            ),
            raw=raw,
            reason="too-long",
        )
    total = sum(info.size for info in full.attachments)
    if total > MAX_ATTACHMENT_TOTAL:
        raise UneditableDraftError(
            f"draft attachments total {total} bytes > {MAX_ATTACHMENT_TOTAL}",
            user_message=(
                "Les pièces jointes de ce brouillon dépassent la limite de "
                f"{MAX_ATTACHMENT_TOTAL // (1024 * 1024)} Mo par message : il ne peut pas "
                f"être modifié ici sans en perdre. {_KEPT}"
            ),
            raw=raw,
            reason="too-large",
        )

    attachments = []
    for info in full.attachments:
        data, codes = _part_bytes(tree, info.part_index)
        if codes:  # the reader never decodes attachments: damage shows only now
            raise _malformed(raw, codes)
        attachments.append(Attachment(info.filename, info.content_type, data))
    has_html = any(segment.html is not None for segment in layout.segments)
    from_html = any(s.html is not None and s.plain is None for s in layout.segments)
    text = full.text
    if not text.strip() and full.html:  # an empty plain alternative beside the real HTML
        text, from_html = html_to_text(full.html), True
    draft = Draft(
        identity=full.from_ or Address("", ""),
        to=list(full.to),
        cc=list(full.cc),
        bcc=list(bcc),
        subject=full.subject,
        text=text,
        attachments=attachments,
        in_reply_to=full.in_reply_to,
        references=list(full.references),
        request_read_receipt=bool(full.disposition_notification_to),
    )
    return EditableDraft(
        draft=draft,
        text_from_html=from_html,
        had_html=has_html,
        inline_attached=sum(1 for info in full.attachments if info.inline),
    )


def _part_bytes(tree: MimeTree, part_index: int) -> tuple[bytes, list[str]]:
    """The decoded content of one attachment and the problems met decoding it."""
    part = tree.part(part_index)
    if part is None:
        return b"", ["parser-failure"]
    if part.content_type == "message/rfc822":
        return tree.raw[part.body_start : part.body_end], []
    if part.children:
        return b"", ["parser-failure"]
    return body_bytes(tree.raw, part)


def _malformed(raw: bytes, problems: Sequence[str]) -> UneditableDraftError:
    details = " ; ".join(PROBLEM_DESCRIPTIONS.get(code, code) for code in problems)
    return UneditableDraftError(
        f"draft is malformed: {', '.join(problems)}",
        user_message=(
            "Ce brouillon est mal formé : le modifier ici risquerait d'en perdre une "
            f"partie, il n'est donc pas ouvert. {_KEPT} Vous pouvez l'afficher tel quel "
            f"(« Afficher la source »). Détail : {details}."
        ),
        raw=raw,
        reason="malformed",
    )
