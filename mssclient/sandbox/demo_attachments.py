"""Small, valid attachments for the demo conversations, generated (no binary in the repo).

A PNG "photo" (a reddish oval on a skin-coloured background, standing for a wound picture)
and a one-page PDF letter, both built byte by byte with the standard library.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence


def wound_photo_png(width: int = 96, height: int = 72) -> bytes:
    """An RGB PNG: skin tone, a darker red oval in the middle, a pinkish rim around it."""
    skin, rim, wound = (231, 190, 160), (214, 140, 130), (150, 40, 45)
    cx, cy = width / 2, height / 2
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter type "none" for this scanline
        for x in range(width):
            d = ((x - cx) / (width * 0.28)) ** 2 + ((y - cy) / (height * 0.24)) ** 2
            colour = wound if d < 0.6 else rim if d < 1.0 else skin
            rows.extend(colour)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + _png_chunk(b"IEND", b"")
    )


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def letter_pdf(title: str, lines: Sequence[str]) -> bytes:
    """A one-page PDF in Helvetica; text is encoded in WinAnsi so French accents show."""
    text_ops = ["BT", "/F1 14 Tf", "56 780 Td", f"({_pdf_text(title)}) Tj", "/F1 11 Tf"]
    for line in lines:
        text_ops += ["0 -18 Td", f"({_pdf_text(line)}) Tj"]
    text_ops.append("ET")
    content = "\n".join(text_ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref_at,
    )
    return bytes(out)


def _pdf_text(text: str) -> str:
    """Escape a string for a PDF literal; characters outside Latin-1 become '?'."""
    safe = text.encode("cp1252", "replace").decode("latin-1")
    return safe.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
