"""Sample files for the upload tests (no tests here): good ones of every allowed type, and the
bad ones of the catalogue. Built in memory so every byte is visible here."""

import io
import struct
import zipfile

from PIL import Image
from PIL.PngImagePlugin import PngInfo

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
POLYGLOT_PDF_HTML = b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n"
SVG_WITH_SCRIPT = (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">'
                   b'<script>alert(1)</script></svg>')
SVG_NO_PROLOGUE = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
HTML = b"<!DOCTYPE html><html><body>hello</body></html>"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"This program cannot be run in DOS mode."
ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 57
SHELL = b"#!/bin/sh\nrm -rf /\n"
MP3_ID3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x64" + b"\x00" * 100
MP3_FRAME = b"\xff\xfb\x90\x64" + b"\x00" * 100
M4A = struct.pack(">I", 24) + b"ftypM4A " + b"\x00\x00\x00\x00" + b"M4A mp42" + b"\x00" * 40
MP4 = struct.pack(">I", 24) + b"ftypisom" + b"\x00\x00\x02\x00" + b"isomiso2" + b"\x00" * 40
OGG = b"OggS\x00\x02" + b"\x00" * 60
WAV = b"RIFF" + struct.pack("<I", 36) + b"WAVEfmt " + b"\x00" * 40
WEBM = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\xf2\x81\x04\x42\xf3\x81\x08\x42\x82\x84webm" + b"\x00" * 20
MKV = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x88matroska" + b"\x00" * 20
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def ole(*stream_names: str) -> bytes:
    """A compound file whose directory names `stream_names` (enough for sniffing)."""
    entries = b"".join(name.encode("utf-16-le").ljust(64, b"\x00") + b"\x00" * 64 for name in stream_names)
    return OLE + b"\x00" * 504 + entries


WORD_97 = ole("Root Entry", "WordDocument", "1Table")
WORD_97_WITH_MACROS = ole("Root Entry", "WordDocument", "1Table", "Macros", "VBA", "_VBA_PROJECT")
MSI = ole("Root Entry", "\u4840\u3f3f\u4577\u446c", "SummaryInformation")


def _zip(entries: dict, compression=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def _content_types(main: str, extra: str = "") -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/main.xml" ContentType="{main}"/>{extra}</Types>')


OOXML = "application/vnd.openxmlformats-officedocument."
DOCX = _zip({"[Content_Types].xml": _content_types(OOXML + "wordprocessingml.document.main+xml"),
             "word/document.xml": "<w:document/>"})
XLSX = _zip({"[Content_Types].xml": _content_types(OOXML + "spreadsheetml.sheet.main+xml"),
             "xl/workbook.xml": "<workbook/>"})
PPTX = _zip({"[Content_Types].xml": _content_types(OOXML + "presentationml.presentation.main+xml"),
             "ppt/presentation.xml": "<p/>"})
DOCM = _zip({"[Content_Types].xml": _content_types("application/vnd.ms-word.document.macroEnabled.main+xml",
                                                   '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'),
             "word/document.xml": "<w:document/>", "word/vbaProject.bin": b"\x00" * 10})
DOCX_WITH_VBA = _zip({"[Content_Types].xml": _content_types(OOXML + "wordprocessingml.document.main+xml"),
                      "word/document.xml": "<w:document/>", "word/vbaProject.bin": b"\x00" * 10})
ODT = _zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office:document/>"},
           compression=zipfile.ZIP_STORED)
ODT_WITH_MACROS = _zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<o/>",
                        "Basic/Standard/Module1.xml": "<script:module/>"}, compression=zipfile.ZIP_STORED)
PLAIN_ZIP = _zip({"readme.txt": "hello", "setup.exe": EXE})


def zip_bomb() -> bytes:
    """A "docx" whose one part expands from tens of KB to 50 MB."""
    return _zip({"[Content_Types].xml": _content_types(OOXML + "wordprocessingml.document.main+xml"),
                 "word/document.xml": b"\x00" * (50 * 1024 * 1024)})


def many_entries_zip(count: int = 5001) -> bytes:
    entries = {"[Content_Types].xml": _content_types(OOXML + "wordprocessingml.document.main+xml")}
    entries.update({f"word/p{i}.xml": "" for i in range(count)})
    return _zip(entries, compression=zipfile.ZIP_STORED)


GPS = {1: "N", 2: (30.0, 2.0, 40.5), 3: "E", 4: (31.0, 14.0, 10.0)}


def photo(fmt: str = "JPEG", *, orientation: int = 6, progressive: bool = False) -> bytes:
    """A small picture carrying GPS coordinates, the device and (PNG, WebP) XMP metadata."""
    image = Image.new("RGB", (40, 30), (200, 10, 10))
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F], exif[0x0110], exif[0xA431] = "PhoneMaker", "Phone X", "SERIAL-123456"
    exif.get_ifd(0x8825).update(GPS)
    options = {"exif": exif.tobytes()}
    if fmt == "JPEG":
        options["progressive"] = progressive
    if fmt == "PNG":
        info = PngInfo()
        info.add_text("XML:com.adobe.xmp", "<x:xmpmeta>exif:GPSLatitude=30,2.675N</x:xmpmeta>")
        info.add_text("Author", "Someone")
        options["pnginfo"] = info
    if fmt == "WEBP":
        options["xmp"] = b"<x:xmpmeta>exif:GPSLatitude=30,2.675N</x:xmpmeta>"
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def metadata_of(data: bytes) -> dict:
    """What Pillow finds in a picture: EXIF tags, GPS tags, and the other info keys."""
    image = Image.open(io.BytesIO(data))
    image.load()
    exif = image.getexif()
    return {"exif": dict(exif), "gps": dict(exif.get_ifd(0x8825)),
            "info": sorted(k for k in image.info if k not in ("jfif", "jfif_version", "jfif_unit", "jfif_density",
                                                               "dpi", "progressive", "progression", "loop",
                                                               "background", "timestamp", "duration")),
            "size": image.size}
