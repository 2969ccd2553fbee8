from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image, PngImagePlugin

from mssclient.teleexpertise.errors import PhotoError
from mssclient.teleexpertise.photos import clean_photo

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def _jpeg_with_gps(size: tuple[int, int] = (400, 300), orientation: int = 1) -> bytes:
    image = Image.new("RGB", size, (200, 80, 60))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Model X"  # Model
    exif[ORIENTATION] = orientation
    exif.get_ifd(GPS_IFD).update(
        {
            1: "N",  # GPSLatitudeRef
            2: (48.0, 51.0, 24.0),  # GPSLatitude
            3: "E",
            4: (2.0, 21.0, 7.0),
        }
    )
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def test_the_test_photo_really_has_gps() -> None:
    with Image.open(io.BytesIO(_jpeg_with_gps())) as image:
        gps = image.getexif().get_ifd(GPS_IFD)
    assert gps[1] == "N" and len(gps) == 4


def test_gps_and_all_exif_are_removed() -> None:
    clean = clean_photo(_jpeg_with_gps())
    assert clean.media_type == "image/jpeg"
    assert (clean.width, clean.height) == (400, 300)
    with Image.open(io.BytesIO(clean.data)) as image:
        assert image.format == "JPEG"
        assert len(image.getexif()) == 0
        assert image.getexif().get_ifd(GPS_IFD) == {}
        assert "exif" not in image.info
    assert b"Exif\x00\x00" not in clean.data
    assert b"PhoneMaker" not in clean.data


def test_orientation_is_applied_before_dropping_it() -> None:
    clean = clean_photo(_jpeg_with_gps((400, 300), orientation=6))  # rotated 90°
    assert (clean.width, clean.height) == (300, 400)


def test_downscale_keeps_the_aspect_ratio() -> None:
    clean = clean_photo(_jpeg_with_gps((2000, 1000)), max_side=800)
    assert (clean.width, clean.height) == (800, 400)
    untouched = clean_photo(_jpeg_with_gps((400, 300)), max_side=800)
    assert (untouched.width, untouched.height) == (400, 300)


def test_png_text_chunks_are_removed() -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "Domicile de Mme Martin, 3 rue X")
    out = io.BytesIO()
    Image.new("RGBA", (50, 40), (1, 2, 3, 128)).save(out, "PNG", pnginfo=info)
    clean = clean_photo(out.getvalue())
    assert clean.media_type == "image/png"
    assert b"Domicile" not in clean.data
    with Image.open(io.BytesIO(clean.data)) as image:
        assert image.mode == "RGBA" and image.getpixel((0, 0)) == (1, 2, 3, 128)


def _png_header_only(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"", "illisible"),
        (b"not an image at all", "illisible"),
        (_jpeg_with_gps()[:200], "illisible"),
        (_png_header_only(10_000, 7_000), "trop de pixels"),
        (_png_header_only(100_000, 100_000), "trop de pixels"),
    ],
)
def test_bad_images_get_french_errors(data: bytes, fragment: str) -> None:
    with pytest.raises(PhotoError) as info:
        clean_photo(data)
    assert fragment in info.value.user_message


def test_unsupported_format() -> None:
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, "BMP")
    with pytest.raises(PhotoError) as info:
        clean_photo(out.getvalue())
    assert "JPEG, PNG ou WebP" in info.value.user_message


def test_prepare_attachment_cleans_photos_and_keeps_pdfs() -> None:
    from mssclient.teleexpertise.attachments import prepare_attachment

    taken: set[str] = set()
    photo = prepare_attachment(
        "C:\\Photos\\IMG_0001.JPEG", _jpeg_with_gps((1600, 1200)), max_side=800, taken=taken
    )
    assert photo.ref.filename == "IMG_0001.jpg" and photo.ref.media_type == "image/jpeg"
    assert b"Exif" not in photo.data and photo.ref.size == len(photo.data)
    with Image.open(io.BytesIO(photo.data)) as image:
        assert image.size == (800, 600)
    pdf = prepare_attachment("ordonnance.pdf", b"%PDF-1.7\n...", taken=taken)
    assert (pdf.ref.media_type, pdf.data) == ("application/pdf", b"%PDF-1.7\n...")
    assert len(pdf.ref.sha256) == 64
    with pytest.raises(PhotoError) as info:
        prepare_attachment("virus.pdf", b"MZ\x90\x00 not a pdf")
    assert "photos (JPEG, PNG, WebP) et les PDF" in info.value.user_message
