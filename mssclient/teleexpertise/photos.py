"""Clean photos before they leave the workstation: no EXIF/GPS/XMP, optional downscale.

The pixels are copied into a fresh image (after applying the EXIF orientation, so the
photo still looks upright), which carries no metadata at all, then re-encoded.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from mssclient.teleexpertise.errors import PhotoError

MAX_INPUT_BYTES = 40 * 1024 * 1024
MAX_PIXELS = 60_000_000  # a 60-megapixel phone photo is the largest we expect
_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


@dataclass(frozen=True)
class CleanPhoto:
    data: bytes
    media_type: str
    width: int
    height: int


def clean_photo(data: bytes, *, max_side: int | None = None, quality: int = 88) -> CleanPhoto:
    """The photo without metadata, its longest side at most ``max_side`` pixels if given."""
    if len(data) > MAX_INPUT_BYTES:
        raise PhotoError(
            f"photo of {len(data)} bytes refused",
            user_message="La photo est trop volumineuse (40 Mo au plus).",
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as source:
                kind = source.format or ""
                if kind not in _FORMATS:
                    raise PhotoError(
                        f"unsupported image format {kind!r}",
                        user_message="Format de photo non pris en charge (JPEG, PNG ou WebP).",
                    )
                if source.width * source.height > MAX_PIXELS:
                    raise PhotoError(
                        "image too large in pixels",
                        user_message="La photo a trop de pixels pour être envoyée.",
                    )
                upright = ImageOps.exif_transpose(source)
                if max_side is not None and max(upright.size) > max_side:
                    upright.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
                mode = "RGB" if kind == "JPEG" and upright.mode not in ("RGB", "L") else None
                pixels = upright.convert(mode) if mode else upright
                fresh = Image.new(pixels.mode, pixels.size)
                fresh.paste(pixels)
                if pixels.mode == "P" and (palette := pixels.getpalette()) is not None:
                    fresh.putpalette(palette)
    except PhotoError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PhotoError(
            "decompression bomb", user_message="La photo a trop de pixels pour être envoyée."
        ) from None
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise PhotoError(
            f"unreadable image: {exc}",
            user_message="La photo est illisible ou endommagée.",
        ) from None
    out = io.BytesIO()
    if kind == "JPEG":
        fresh.save(out, "JPEG", quality=quality, optimize=True)
    else:
        fresh.save(out, kind)
    return CleanPhoto(out.getvalue(), _FORMATS[kind], fresh.width, fresh.height)
