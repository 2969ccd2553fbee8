"""The copy of a draft put in the server's Drafts folder: plain MIME. Qt-free.

It is never signed nor encrypted: it is the user's own unfinished text, for a webmail or
another computer to show, and the local encrypted draft stays the reference. Unlike a
message to send, a draft may have no recipient yet, and it keeps its Bcc (whoever
finishes it must see them).
"""

from __future__ import annotations

from dataclasses import replace

from mssclient.mail import Draft
from mssclient.mail.addresses import checked_address
from mssclient.mail.compose import build_message, header_address, message_bytes


def draft_bytes(draft: Draft) -> bytes:
    """Raises ``MailError`` (French ``user_message``) for a bad address or header."""
    no_recipient = not (draft.to or draft.cc or draft.bcc)
    # The builder insists on a recipient: lend it the sender's, then take it back.
    message = build_message(replace(draft, to=[draft.identity]) if no_recipient else draft)
    if no_recipient:
        del message["To"]
    bcc = [header_address(checked_address(value)) for value in draft.bcc]
    if bcc:
        message["Bcc"] = bcc
    return message_bytes(message)
