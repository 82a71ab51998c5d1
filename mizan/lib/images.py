"""Removing metadata from pictures (JPEG, PNG, WebP) without re-encoding them. No Django.

A photo taken with a phone carries where it was taken (GPS), the device and its serial number,
the owner's name, editing history (EXIF, XMP, IPTC): enough to identify the person who took the
picture of a wound or of a cell. These are removed; only what is needed to show the picture as
taken is kept (the pixel data, colour profile, and for JPEG the orientation, rewritten alone).
Anything after the end of the picture (a second file appended to it) is dropped too.

Lossless and idempotent: stripping a stripped picture changes nothing. Raises ValueError when
the file is not a well-formed picture of its type.
"""

from __future__ import annotations

import struct

# JPEG: APP0 (JFIF), APP2 (ICC colour profile, only when it says so) and APP14 (Adobe colour
# transform) are kept; every other APPn (APP1 = EXIF and XMP, APP13 = IPTC …) and comments go.
_KEEP_APP = {0xE0: (b"JFIF\x00", b"JFXX\x00"), 0xE2: (b"ICC_PROFILE\x00",), 0xEE: (b"Adobe",)}
_STANDALONE = {0x01, *range(0xD0, 0xD8)}
# Segments with a length that describe the image (SOFn, DHT, DAC, SOS, DQT, DNL, DRI, DHP, EXP).
# Any other marker byte (0x02-0xBF, 0xF0-0xFD) is not JPEG: such a file is damaged, and a
# segment under it could carry metadata that no viewer shows but anyone can read.
_STRUCTURE = set(range(0xC0, 0xE0)) - _STANDALONE - {0xD8, 0xD9}
_EXIF_ORIENTATION = 0x0112
# PNG: what decoding and showing needs (APNG's frames included); text chunks (where XMP lives),
# eXIf, tIME and private chunks go.
_PNG_KEEP = {b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"sBIT",
             b"pHYs", b"bKGD", b"acTL", b"fcTL", b"fdAT", b"cICP", b"mDCV", b"cLLI"}
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# WebP: image data, alpha, animation and colour profile; EXIF and XMP go.
_WEBP_KEEP = {b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF", b"ICCP"}
_VP8X_EXIF, _VP8X_XMP = 0x08, 0x04


def strip_metadata(data: bytes, content_type: str) -> bytes:
    """`data` without its metadata when it is a picture; other types are returned unchanged."""
    if content_type == "image/jpeg":
        return _jpeg(data)
    if content_type == "image/png":
        return _png(data)
    if content_type == "image/webp":
        return _webp(data)
    return data


# --- JPEG ---------------------------------------------------------------------------------------

def _jpeg(data: bytes) -> bytes:
    if not data.startswith(b"\xff\xd8"):
        raise ValueError("not a JPEG")
    out = bytearray(b"\xff\xd8")
    orientation = None
    pos, size = 2, len(data)
    while True:
        if pos + 2 > size:
            raise ValueError("JPEG ends before its image data")
        if data[pos] != 0xFF:
            raise ValueError("JPEG marker expected")
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in _STANDALONE:
            out += data[pos:pos + 2]
            pos += 2
            continue
        if marker == 0xD9:
            raise ValueError("JPEG without image data")
        if pos + 4 > size:
            raise ValueError("JPEG segment cut short")
        length = struct.unpack(">H", data[pos + 2:pos + 4])[0]
        end = pos + 2 + length
        if length < 2 or end > size:
            raise ValueError("JPEG segment cut short")
        body = data[pos + 4:end]
        if marker not in _STRUCTURE and not (0xE0 <= marker <= 0xEF) and marker != 0xFE:
            raise ValueError("JPEG with an unknown marker")
        if marker == 0xE1 and body.startswith(b"Exif\x00\x00") and orientation is None:
            orientation = _exif_orientation(body[6:])
        keep = (not (0xE0 <= marker <= 0xEF) and marker != 0xFE) or (
            marker in _KEEP_APP and body.startswith(_KEEP_APP[marker]))
        if marker == 0xDA:  # start of scan: the entropy-coded data follows
            out += data[pos:end]
            pos = _scan_end(data, end)
            if data[pos + 1] == 0xD9:
                out += data[end:pos + 2]
                return _with_orientation(bytes(out), orientation)
            out += data[end:pos]
            continue
        if keep:
            out += data[pos:end]
        pos = end


def _with_orientation(jpeg: bytes, orientation: int | None) -> bytes:
    """`jpeg` with an EXIF segment holding only `orientation`, after SOI (and JFIF when first)."""
    if orientation in (None, 1):
        return jpeg
    at = 2
    if jpeg[2:4] == b"\xff\xe0":
        at = 4 + struct.unpack(">H", jpeg[4:6])[0]
    return jpeg[:at] + _orientation_segment(orientation) + jpeg[at:]


def _scan_end(data: bytes, pos: int) -> int:
    """Position of the first marker after entropy-coded data starting at `pos`."""
    size = len(data)
    while True:
        pos = data.find(b"\xff", pos)
        if pos < 0 or pos + 1 >= size:
            raise ValueError("JPEG ends inside its image data")
        following = data[pos + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
            pos += 1
            continue
        return pos


def _exif_orientation(tiff: bytes) -> int | None:
    """The orientation tag of IFD0 of an EXIF block, or None."""
    if len(tiff) < 8 or tiff[:2] not in (b"II", b"MM"):
        return None
    order = "<" if tiff[:2] == b"II" else ">"
    offset = struct.unpack(order + "I", tiff[4:8])[0]
    if offset + 2 > len(tiff):
        return None
    count = struct.unpack(order + "H", tiff[offset:offset + 2])[0]
    for i in range(count):
        entry = tiff[offset + 2 + 12 * i: offset + 14 + 12 * i]
        if len(entry) < 12:
            return None
        tag, kind = struct.unpack(order + "HH", entry[:4])
        if tag == _EXIF_ORIENTATION and kind == 3:
            value = struct.unpack(order + "H", entry[8:10])[0]
            return value if 1 <= value <= 8 else None
    return None


def _orientation_segment(orientation: int) -> bytes:
    """An APP1 EXIF segment holding the orientation and nothing else."""
    tiff = b"MM\x00\x2a" + struct.pack(">I", 8) + struct.pack(">H", 1)
    tiff += struct.pack(">HHIHH", _EXIF_ORIENTATION, 3, 1, orientation, 0) + struct.pack(">I", 0)
    body = b"Exif\x00\x00" + tiff
    return b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body


# --- PNG ----------------------------------------------------------------------------------------

def _png(data: bytes) -> bytes:
    if not data.startswith(_PNG_SIGNATURE):
        raise ValueError("not a PNG")
    out = bytearray(_PNG_SIGNATURE)
    pos = len(_PNG_SIGNATURE)
    while pos + 12 <= len(data):
        length = struct.unpack(">I", data[pos:pos + 4])[0]
        kind = data[pos + 4:pos + 8]
        end = pos + 12 + length
        if end > len(data):
            raise ValueError("PNG chunk cut short")
        if kind in _PNG_KEEP:
            out += data[pos:end]
        if kind == b"IEND":
            return bytes(out)
        pos = end
    raise ValueError("PNG without its end")


# --- WebP ---------------------------------------------------------------------------------------

def _webp(data: bytes) -> bytes:
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        raise ValueError("not a WebP")
    riff_end = min(len(data), 8 + struct.unpack("<I", data[4:8])[0])
    chunks = []
    pos = 12
    while pos + 8 <= riff_end:
        kind = data[pos:pos + 4]
        length = struct.unpack("<I", data[pos + 4:pos + 8])[0]
        end = pos + 8 + length + (length & 1)
        if pos + 8 + length > riff_end:
            raise ValueError("WebP chunk cut short")
        if kind in _WEBP_KEEP:
            chunk = bytearray(data[pos:min(end, riff_end)])
            if len(chunk) < end - pos:
                chunk += b"\x00"
            if kind == b"VP8X" and length >= 1:
                chunk[8] &= ~(_VP8X_EXIF | _VP8X_XMP) & 0xFF
            chunks.append(bytes(chunk))
        pos = end
    if not any(c[:4] in (b"VP8 ", b"VP8L", b"ANMF") for c in chunks):
        raise ValueError("WebP without image data")
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body
