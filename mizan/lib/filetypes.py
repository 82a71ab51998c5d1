"""Decide a file's type from its content (magic bytes), never from its name. No Django.

Only the allow-listed types are accepted. Everything else is refused, with a reason the faces
turn into a clear message: executables, SVG / HTML / XML (script in a page of ours), archives
that are not office documents or that would expand enormously (zip bombs), office documents
with macros, files that are one allowed type and also a web page (polyglots), empty files.
"""

from __future__ import annotations

import re
import struct
import zipfile
from dataclasses import dataclass
from io import BytesIO

ALLOWED = {
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/webp": ".webp",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": ".pptx",
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/vnd.oasis.opendocument.spreadsheet": ".ods",
    "application/vnd.oasis.opendocument.presentation": ".odp",
    "application/msword": ".doc",
    "audio/mpeg": ".mp3",
    "audio/ogg": ".ogg",
    "audio/wav": ".wav",
    "audio/mp4": ".m4a",
    "video/mp4": ".mp4",
    "video/webm": ".webm",
}

# Why a file is refused (the faces word each one for people).
EMPTY, EXECUTABLE, MARKUP, MACROS, ARCHIVE, UNKNOWN = "empty", "executable", "markup", "macros", "archive", "unknown"

EXECUTABLE_SIGNATURES = (
    b"MZ",                  # Windows PE (.exe, .dll, .scr), also what .com/.pif can be
    b"\x7fELF",             # Linux
    b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf", b"\xce\xfa\xed\xfe", b"\xcf\xfa\xed\xfe",  # Mach-O
    b"\xca\xfe\xba\xbe",    # Mach-O universal / Java class
    b"#!",                  # scripts
    b"\x00asm",             # WebAssembly
    b"dex\n",               # Android
)
# A web page or script anywhere in the first KB: a browser sniffing it would run it, whatever
# else the file also is.
_MARKUP = re.compile(rb"<\s*(?:!doctype\s+html|html|script|svg|body|iframe|object|embed)[\s>/]", re.I)
# A file that is XML from its first byte (SVG often is; office parts inside a zip are not).
_XML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<\?xml[\s?]", re.I)
POLYGLOT_WINDOW = 1024

# Office documents are zip archives: bounded so that checking one cannot exhaust the server.
MAX_ZIP_ENTRIES = 5000
MAX_ZIP_UNCOMPRESSED = 200 * 1024 * 1024
MAX_ZIP_RATIO = 100  # uncompressed / compressed, for entries over 1 MB
MAX_PART_READ = 1024 * 1024

_OOXML_MAIN = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml":
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml":
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml":
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
_ODF = {"application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
        "application/vnd.oasis.opendocument.presentation"}
_MP4_AUDIO_BRANDS = {b"M4A ", b"M4B ", b"M4P "}
_MP4_BRANDS = {b"isom", b"iso2", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"dash", b"MSNV",
               b"qt  ", b"3gp4", b"3gp5", b"3gp6", b"3g2a", b"M4V ", b"f4v ", b"mmp4", *_MP4_AUDIO_BRANDS}


@dataclass(frozen=True)
class Verdict:
    """The allowed type of a file, or why it is refused (`content_type` is then None)."""

    content_type: str | None
    refusal: str = ""

    @property
    def accepted(self) -> bool:
        return self.content_type is not None


def refused(reason: str) -> Verdict:
    return Verdict(None, reason)


def inspect(data: bytes) -> Verdict:
    """The allowed type of `data`, or the reason it is refused. Never raises."""
    if not data:
        return refused(EMPTY)
    head = data[:64]
    if head.startswith(EXECUTABLE_SIGNATURES):
        return refused(EXECUTABLE)
    if _XML_START.match(data[:POLYGLOT_WINDOW]) or _MARKUP.search(data[:POLYGLOT_WINDOW]):
        return refused(MARKUP)
    try:
        return _by_signature(head, data)
    except Exception:  # noqa: BLE001 - a malformed file is refused, whatever the parser thought of it
        return refused(UNKNOWN)


def sniff(head: bytes, whole: bytes | None = None) -> str | None:
    """The allow-listed MIME type of a file, or None when it is not allowed."""
    return inspect(whole if whole is not None else head).content_type


def _by_signature(head: bytes, data: bytes) -> Verdict:
    if head.startswith(b"%PDF-"):
        return Verdict("application/pdf")
    if head.startswith(b"\xff\xd8\xff"):
        return Verdict("image/jpeg")
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Verdict("image/png")
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return Verdict("image/webp")
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return Verdict("audio/wav")
    if head.startswith(b"OggS"):
        return Verdict("audio/ogg")
    if head.startswith(b"ID3") or (len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE6 in (0xE2, 0xE4, 0xE6)):
        return Verdict("audio/mpeg")  # ID3 tag, or an MPEG audio frame header (sync + layer III/II/I)
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand not in _MP4_BRANDS:
            return refused(UNKNOWN)
        return Verdict("audio/mp4" if brand in _MP4_AUDIO_BRANDS else "video/mp4")
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return Verdict("video/webm") if b"\x42\x82\x84webm" in head else refused(UNKNOWN)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return _word_97(data)
    if head.startswith(b"PK\x03\x04"):
        return _office_archive(data)
    return refused(UNKNOWN)


def _word_97(data: bytes) -> Verdict:
    """A Word 97-2003 document (OLE compound file), not another compound file (an .msi installer,
    a spreadsheet); refused when it carries a macro project."""
    # Directory entries hold names in UTF-16 padded with NULs; the padding tells a stream name
    # from the same word in the document's text.
    if _entry_name("WordDocument") not in data:
        return refused(UNKNOWN)
    if any(_entry_name(name) in data for name in ("_VBA_PROJECT", "Macros", "VBA", "_VBA_PROJECT_CUR")):
        return refused(MACROS)
    return Verdict("application/msword")


def _entry_name(name: str) -> bytes:
    return name.encode("utf-16-le") + b"\x00\x00"


def _office_archive(data: bytes) -> Verdict:
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ZIP_ENTRIES:
                return refused(ARCHIVE)
            total = 0
            for entry in entries:
                total += entry.file_size
                if entry.file_size > 1024 * 1024 and entry.file_size > MAX_ZIP_RATIO * max(entry.compress_size, 1):
                    return refused(ARCHIVE)
            if total > MAX_ZIP_UNCOMPRESSED:
                return refused(ARCHIVE)
            names = {entry.filename for entry in entries}
            lowered = {name.lower() for name in names}
            if "mimetype" in names:
                mimetype = _read_part(archive, "mimetype").decode("ascii", "replace").strip()
                if mimetype in _ODF:
                    if any(n.startswith(("basic/", "scripts/")) for n in lowered):
                        return refused(MACROS)
                    return Verdict(mimetype)
            if "[Content_Types].xml" in names:
                types = _read_part(archive, "[Content_Types].xml").decode("utf-8", "replace")
                if "macroEnabled" in types or "vbaProject" in types or any(n.endswith("vbaproject.bin") for n in lowered):
                    return refused(MACROS)
                for main, content_type in _OOXML_MAIN.items():
                    if f'ContentType="{main}"' in types:
                        return Verdict(content_type)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, NotImplementedError, RuntimeError,
            EOFError, struct.error):
        return refused(UNKNOWN)
    return refused(ARCHIVE)


def _read_part(archive: zipfile.ZipFile, name: str) -> bytes:
    with archive.open(name) as part:
        return part.read(MAX_PART_READ)


def with_extension(name: str, content_type: str) -> str:
    """`name` ending with the extension of its real type, so a download cannot be opened as an
    executable ("photo.exe" that is a JPEG becomes "photo.exe.jpg")."""
    extension = ALLOWED[content_type]
    equivalent = {".jpg": (".jpg", ".jpeg"), ".doc": (".doc",), ".mp4": (".mp4", ".m4v")}.get(extension, (extension,))
    return name if name.lower().endswith(equivalent) else name + extension
