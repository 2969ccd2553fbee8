"""Drafts that answer or pass on a received message, with French quoting conventions."""

from __future__ import annotations

from datetime import datetime

from mssclient.mail.addresses import Address
from mssclient.mail.compose import Attachment, Draft
from mssclient.mail.models import FullMessage
from mssclient.mail.parse import attachment_bytes, parse_full
from mssclient.mail.subjects import forward_subject, reply_subject

#: References kept in a reply: the thread root plus the most recent ancestors.
MAX_REFERENCES = 20


def quote_header(author: Address | None, date: datetime | None) -> str:
    """ "Le 12/11/2026 à 14:03, Dr X a écrit :" (local time of this computer)."""
    who = author.label if author else "Un correspondant"
    if date is None:
        return f"{who} a écrit :"
    local = date.astimezone()
    return f"Le {local:%d/%m/%Y} à {local:%H:%M}, {who} a écrit :"


def quote_text(text: str) -> str:
    """Prefix every line with "> " (">" before an already quoted line)."""
    lines = text.rstrip("\n").split("\n") if text.strip() else []
    return "\n".join((">" + line) if line.startswith(">") else ("> " + line) if line else ">"
                     for line in lines)  # fmt: skip


def reply_draft(
    original_raw: bytes, identity: Address, reply_all: bool, product_nil: str = ""
) -> Draft:
    """A reply (or reply to all) to ``original_raw``, quoted and threaded."""
    original = parse_full(original_raw)
    me = identity.addr.lower()
    sent_by_me = original.from_ is not None and original.from_.addr.lower() == me
    if sent_by_me:  # answering from the Sent folder: write to the same people again
        primary = list(original.to)
    else:
        primary = list(original.reply_to) or ([original.from_] if original.from_ else [])
    to = _unique(primary, exclude={me} if not sent_by_me else set())
    cc: list[Address] = []
    if reply_all:
        taken = {a.addr.lower() for a in to} | {me}
        to = to + _unique([] if sent_by_me else original.to, exclude=taken)
        taken |= {a.addr.lower() for a in to}
        cc = _unique(original.cc, exclude=taken)
    quoted = quote_header(original.from_, original.date) + "\n" + quote_text(original.text)
    return Draft(
        identity=identity,
        to=list(to),
        cc=list(cc),
        subject=reply_subject(original.subject),
        text="\n\n" + quoted + "\n",
        in_reply_to=original.message_id,
        references=_thread_references(original),
        product_nil=product_nil,
    )


def forward_draft(original_raw: bytes, identity: Address, product_nil: str = "") -> Draft:
    """A forward of ``original_raw``: its text inline and its attachments attached again."""
    original = parse_full(original_raw)
    header = ["-------- Message transféré --------"]
    if original.subject:
        header.append(f"Objet : {original.subject}")
    if original.date is not None:
        local = original.date.astimezone()
        header.append(f"Date : {local:%d/%m/%Y %H:%M}")
    if original.from_ is not None:
        header.append(f"De : {original.from_}")
    if original.to:
        header.append("À : " + ", ".join(str(a) for a in original.to))
    if original.cc:
        header.append("Cc : " + ", ".join(str(a) for a in original.cc))
    attachments = [
        Attachment(
            info.filename, info.content_type, attachment_bytes(original_raw, info.part_index)
        )
        for info in original.attachments
        if not info.inline
    ]
    return Draft(
        identity=identity,
        subject=forward_subject(original.subject),
        text="\n\n" + "\n".join(header) + "\n\n" + original.text.rstrip("\n") + "\n",
        attachments=attachments,
        references=_thread_references(original),
        product_nil=product_nil,
    )


def _thread_references(original: FullMessage) -> list[str]:
    chain = list(original.references)
    if not chain and original.in_reply_to:
        chain = [original.in_reply_to]
    if original.message_id and original.message_id not in chain:
        chain.append(original.message_id)
    if len(chain) > MAX_REFERENCES:
        chain = chain[:1] + chain[-(MAX_REFERENCES - 1) :]
    return chain


def _unique(addresses: list[Address], exclude: set[str]) -> list[Address]:
    seen = set(exclude)
    result: list[Address] = []
    for address in addresses:
        key = address.addr.lower()
        if key and key not in seen:
            seen.add(key)
            result.append(address)
    return result
