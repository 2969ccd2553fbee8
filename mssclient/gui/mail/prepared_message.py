"""What the reader needs from raw bytes, computed off the GUI thread (Qt-free)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field

from mssclient.mail import FullMessage, attachment_bytes, parse_full, wants_read_receipt
from mssclient.mail.subjects import strip_mssante_subject_prefix
from mssclient.mailstore import SmimeRecord

#: Inline (cid:) images resolved for the HTML view; more or bigger ones stay unshown.
MAX_INLINE_IMAGES = 20
MAX_INLINE_IMAGE_BYTES = 5 * 1024 * 1024


@dataclass
class PreparedMessage:
    message_id: int
    raw: bytes
    full: FullMessage
    subject: str
    inline_images: dict[str, bytes] = field(default_factory=dict)
    receipt_to: str | None = None
    #: What opening a signed or encrypted message found (None: a plain message).
    smime: SmimeRecord | None = None


def prepare_message(
    message_id: int,
    raw: bytes,
    readable: bytes | None = None,
    smime: SmimeRecord | None = None,
) -> PreparedMessage:
    """Parse for display; never raises on bad input (the parser records problems).

    ``raw`` is the message as received (what "Show source" shows); ``readable`` its
    decrypted and unwrapped form when it was signed or encrypted.
    """
    shown = readable if readable is not None else raw
    full = parse_full(shown)
    subject = strip_mssante_subject_prefix(full.display_subject or full.subject)
    inline: dict[str, bytes] = {}
    if full.html is not None:
        for info in full.attachments:
            if len(inline) >= MAX_INLINE_IMAGES:
                break
            if info.content_id and info.content_type.startswith("image/"):
                if info.size > MAX_INLINE_IMAGE_BYTES:
                    continue
                with contextlib.suppress(Exception):  # a broken image is just not shown
                    inline[info.content_id] = attachment_bytes(shown, info.part_index)
    try:
        receipt_to = wants_read_receipt(raw)
    except Exception:
        receipt_to = None
    return PreparedMessage(message_id, raw, full, subject, inline, receipt_to, smime)
