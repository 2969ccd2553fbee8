"""Turn files the user picked into attachments fit to send: clean photos, checked PDFs."""

from __future__ import annotations

from pathlib import PurePath

from mssclient.teleexpertise.errors import PhotoError, TeleexpertiseError
from mssclient.teleexpertise.mail_draft import outgoing_attachment
from mssclient.teleexpertise.mail_parts import OutgoingAttachment
from mssclient.teleexpertise.photos import clean_photo

MAX_PDF_BYTES = 15 * 1024 * 1024
_IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"RIFF")
_EXTENSION = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}


def prepare_attachment(
    filename: str,
    data: bytes,
    *,
    max_side: int | None = None,
    taken: set[str] | None = None,
) -> OutgoingAttachment:
    """A photo without metadata (optionally downscaled) or a PDF; anything else refused.

    The kind is read from the bytes, not from the file name.
    """
    if data.startswith(b"%PDF-"):
        if len(data) > MAX_PDF_BYTES:
            raise TeleexpertiseError(
                f"pdf of {len(data)} bytes",
                user_message="Le PDF est trop volumineux (15 Mo au plus).",
            )
        return outgoing_attachment(filename, "application/pdf", data, taken=taken)
    if data.startswith(_IMAGE_MAGIC):
        photo = clean_photo(data, max_side=max_side)
        stem = PurePath(filename.replace("\\", "/")).stem or "photo"
        return outgoing_attachment(
            stem + _EXTENSION[photo.media_type], photo.media_type, photo.data, taken=taken
        )
    raise PhotoError(
        "unsupported attachment",
        user_message="Seules les photos (JPEG, PNG, WebP) et les PDF peuvent être joints.",
    )
