"""Importing recommendations from a file: an export of OHCHR's Universal Human Rights Index
(UHRI, Excel), an export of IMPACT OSS, or Mizan's own columns, each as CSV or XLSX.

One file = one `RecommendationImport`, processed by `run_import` in two passes:

1. the check: every row is read (streamed: openpyxl's read-only mode, or csv), mapped to the
   values of `intake.clean_recommendation` and checked by it. A valid row goes into a scratch
   SQLite file on disk (its key, the hash of its mapped values, the values); a rejected row is
   listed with its column (the file's own heading) and the reason, in the language of the person
   who started the import. Nothing is written to the database in this pass. If any row is
   rejected, nothing is imported unless the import was asked to write the valid rows anyway.
2. the writing, in batches of BATCH rows, each batch one transaction (a long import never holds
   SQLite's write lock for long; portal complaints keep arriving meanwhile): a key met for the
   first time creates a recommendation, a key whose source row changed (another hash) updates it,
   a key with the same hash is left alone. A second import of the same file changes nothing.

Memory stays the same whatever the number of rows: rows are streamed, checked rows wait on disk,
and only the sources, theme mappings and categories (a few hundred at most) are kept in memory.

The index's data has no open licence: tests, benchmark and demo write their own files in its
format. Its quirks: headings spelt differently between exports ("Reccomending Body"); values
prefixed "- "; several values in one cell separated by line breaks; dates as Excel serial numbers;
SDG targets written "- 16.3 - Promote the rule of law…"; the UPR cycle follows from the session.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import json
import logging
import re
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from django.core.files.storage import default_storage
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext, pgettext_lazy
from openpyxl import load_workbook

from mizan.accounts.models import membership_of
from mizan.audit.models import record
from mizan.complaints.errors import NotAllowed
from mizan.complaints.models import Category
from mizan.core import bulk
from mizan.lib.arabic.analyse import detect_latin_language
from mizan.lib.digits import to_ascii_digits

from . import projections
from .access import can
from .intake import clean_recommendation, vulnerability_names
from .models import (
    Position,
    Recommendation,
    RecommendationImport,
    RecommendationType,
    Source,
    SourceKind,
    Status,
    StatusChange,
    ThemeMapping,
)

logger = logging.getLogger(__name__)

IMPORT_DIR = "imports"
BATCH = 500  # rows per transaction while writing
PROGRESS_EVERY = 1000  # rows between two progress saves while checking
MAX_ROWS = 200_000
MAX_LISTED = 1000  # rejected rows kept with their reasons (all are counted)
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024  # an .xlsx is a zip: refuse one that unpacks to more
SYSTEM_LABEL = "import"  # the audit's actor label of an import run by the command without --as

Format = RecommendationImport.Format
ImportStatus = RecommendationImport.Status


class FileRefused(Exception):
    """The file cannot be read as a table of recommendations; the message says what to do."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# --- loose matching -----------------------------------------------------------------------------------

@functools.lru_cache(maxsize=8192)  # the same bodies, positions and theme names on row after row
def fold(text) -> str:
    """The loose form of a heading or a name: lower case, "&" read as "and", the index's
    misspellings of "recommend" corrected, punctuation and underscores as single spaces."""
    text = to_ascii_digits(str(text)).casefold().replace("&", " and ").replace("’", "").replace("'", "")
    text = re.sub(r"rec+om+end", "recommend", text)
    return " ".join(re.findall(r"[^\W_]+", text))


_LOOSE_DROP = frozenset({"and", "or", "of", "the", "other", "in", "on", "to", "for", "a", "an", "with", "all"})


@functools.lru_cache(maxsize=8192)
def loose(text) -> str:
    """`fold` without the little words, so that "Torture and other cruel, inhuman and/or
    degrading treatment" and "Torture, cruel, inhuman or degrading treatment" match."""
    return " ".join(word for word in fold(text).split() if word not in _LOOSE_DROP)


# --- the columns of each format ------------------------------------------------------------------------

@dataclass(frozen=True)
class Column:
    key: str
    heading: object  # how the format's files spell it (Mizan's columns: translated)
    help: object = ""
    aliases: tuple[str, ...] = ()
    required: bool = False


UHRI_COLUMNS: tuple[Column, ...] = (
    Column("key", "OHCHR Annotation Id", gettext_lazy("The import key: a row with a known key updates its "
                                                       "recommendation."), ("annotation id", "ohchr id"), True),
    Column("text", "Text", gettext_lazy("The recommendation, in the language of the export."),
           ("annotation", "annotation text"), True),
    Column("body", "Recommending Body", gettext_lazy("Treaty body, special procedure or UPR: the source is found "
                                                     "or created from it, the document symbol and the UPR "
                                                     "session."), ("recommending bodies", "body", "mechanism"), True),
    Column("symbol", "Document Symbol", "", ("symbol",)),
    Column("themes", "Themes", gettext_lazy("Mapped to our themes by the table of theme names below."), ("theme",)),
    Column("affected", "Affected Persons", gettext_lazy("Women, children, persons with disabilities, older persons, "
                                                        "detainees, migrants and refugees become our groups; "
                                                        "others are kept as written."),
           ("affected person", "persons affected", "affected groups")),
    Column("sdgs", "Sdgs", gettext_lazy("SDG targets such as “- 16.3 - …”."), ("sdg", "sdg targets")),
    Column("published", "Document Publication Date", gettext_lazy("An Excel date or YYYY-MM-DD."),
           ("publication date", "document date")),
    Column("states", "UPR Recommending States", "", ("recommending states", "upr recommending state")),
    Column("position", "UPR Position", gettext_lazy("Supported or Noted."), ("position",)),
    Column("type", "Type", gettext_lazy("Recommendations, or Concerns-Observations."), ("annotation type",)),
    Column("session", "UPR Session", gettext_lazy("Gives the UPR cycle: sessions 1–12, 13–26, 27–40, 41–54…"),
           ("session",)),
    Column("countries", "Countries Concerned", gettext_lazy("Not imported."), ("country concerned", "countries")),
    Column("regions", "Regions Concerned", gettext_lazy("Not imported."), ()),
    Column("recommending_regions", "Recommending Regions", gettext_lazy("Not imported."), ()),
    Column("uhri_date", "Date of publication on UHRI", gettext_lazy("Used when the document's date is missing."),
           ("publication date on uhri", "date published on uhri")),
)

IMPACT_COLUMNS: tuple[Column, ...] = (
    Column("key", "Reference", gettext_lazy("The import key: a row with a known key updates its "
                                            "recommendation."), ("ref", "reference number"), True),
    Column("title", "Title", gettext_lazy("Title and description make the text."), ()),
    Column("description", "Description", "", ("recommendation",)),
    Column("response", "Government response", gettext_lazy("Kept as the response of the state."),
           ("government response text", "response", "response text")),
    Column("support", "Support", gettext_lazy("0 noted, 1 supported in part, 2 supported."),
           ("support level", "accepted", "supported")),
    Column("body", "Recommending body", gettext_lazy("Optional: the source is found or created from it."),
           ("body", "mechanism", "source")),
    Column("symbol", "Document symbol", "", ("symbol", "document")),
    Column("published", "Date", gettext_lazy("Optional: YYYY-MM-DD or an Excel date."), ("publication date",)),
    Column("themes", "Themes", gettext_lazy("Optional: mapped by the table of theme names below."),
           ("categories", "theme")),
)

# Headings with a context of their own: "Text" here is the name of a column.
MIZAN_COLUMNS: tuple[Column, ...] = (
    Column("key", pgettext_lazy("import column", "Key"), gettext_lazy("The import key (also “reference”): a row with a known key "
                                                    "updates its recommendation."), ("reference", "external key"),
           True),
    Column("text", pgettext_lazy("import column", "Text"), gettext_lazy("The recommendation in its original language."), (), True),
    Column("language", pgettext_lazy("import column", "Language"), gettext_lazy("ar, en, fr… Empty: guessed from the text.")),
    Column("text_ar", pgettext_lazy("import column", "Arabic translation")),
    Column("text_en", pgettext_lazy("import column", "English translation")),
    Column("text_fr", pgettext_lazy("import column", "French translation")),
    Column("source", pgettext_lazy("import column", "Source"), gettext_lazy("Its title: a source of the same kind and title is "
                                                          "used, or created."), ("source title",), True),
    Column("source_kind", pgettext_lazy("import column", "Kind of source"), gettext_lazy("conference, treaty_body, upr, "
                                                                       "special_procedure, nhri_report, "
                                                                       "monitoring_visit, complaints_pattern or "
                                                                       "other (or its name). Empty: other.")),
    Column("body", pgettext_lazy("import column", "Issuing body")),
    Column("symbol", pgettext_lazy("import column", "Document symbol")),
    Column("paragraph", pgettext_lazy("import column", "Paragraph")),
    Column("date", pgettext_lazy("import column", "Date"), gettext_lazy("YYYY-MM-DD or an Excel date.")),
    Column("upr_session", pgettext_lazy("import column", "UPR session"), gettext_lazy("A number; the cycle follows from it.")),
    Column("themes", pgettext_lazy("import column", "Themes"), gettext_lazy("Our codes or names, or theme names of the index, "
                                                          "one a line or separated by “;”.")),
    Column("affected_groups", pgettext_lazy("import column", "Affected groups")),
    Column("sdg_targets", pgettext_lazy("import column", "SDG targets"), gettext_lazy("Such as 16.3; 5.2")),
    Column("recommending_states", pgettext_lazy("import column", "Recommending states")),
    Column("position", pgettext_lazy("import column", "Position of the state"), gettext_lazy("supported, partially_supported, noted "
                                                                           "or not_decided (or its name).")),
    Column("type", pgettext_lazy("import column", "Type"), gettext_lazy("recommendation or concern. Empty: recommendation.")),
    Column("status", pgettext_lazy("import column", "Status"), gettext_lazy("For a new recommendation only; afterwards its status "
                                                          "is kept in Mizan.")),
    Column("due_on", pgettext_lazy("import column", "Due"), gettext_lazy("YYYY-MM-DD.")),
    Column("response", pgettext_lazy("import column", "Response of the state")),
)

COLUMNS = {Format.UHRI: UHRI_COLUMNS, Format.IMPACT: IMPACT_COLUMNS, Format.CSV: MIZAN_COLUMNS}

# Which column a problem found by `intake.clean_recommendation` belongs to, per format.
_FIELD_COLUMN = {
    Format.UHRI: {"text": "text", "symbol": "symbol", "issued_on": "published", "affected_groups": "affected",
                  "sdg_targets": "sdgs", "position": "position", "type": "type", "language": "text"},
    Format.IMPACT: {"text": "description", "symbol": "symbol", "issued_on": "published", "position": "support",
                    "response": "response", "language": "description"},
    Format.CSV: {"issued_on": "date"},
}


def header_aliases(fmt: str) -> dict[str, str]:
    """Folded heading -> column key: the heading, its aliases, the key, and (Mizan's columns) the
    heading in every language."""
    aliases: dict[str, str] = {}
    for column in COLUMNS[fmt]:
        for name in (str(column.heading), column.key, *column.aliases):
            aliases.setdefault(fold(name), column.key)
        if fmt == Format.CSV:
            for language in ("ar", "en", "fr"):
                with translation.override(language):
                    aliases.setdefault(fold(str(column.heading)), column.key)
    return aliases


# --- reading the file, streamed -------------------------------------------------------------------------

def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\x00", "").strip()


def sniff(name: str, head: bytes) -> str:
    """"xlsx" or "csv" from the first bytes of the file; FileRefused for anything else."""
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileRefused(_("Files from Excel 97-2003 (.xls) cannot be read. In Excel, save the file as "
                            "“Excel Workbook (.xlsx)” or “CSV UTF-8”, then upload it again."))
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if Path(name or "").suffix.lower() not in (".csv", ".txt", "") or b"\x00" in head:
        raise FileRefused(_("This file is not a CSV or .xlsx spreadsheet. Choose a CSV (UTF-8) or "
                            "Excel (.xlsx) file."))
    return "csv"


def _xlsx_rows(handle) -> Iterator[tuple[int, list]]:
    try:
        with zipfile.ZipFile(handle) as archive:
            if sum(member.file_size for member in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise FileRefused(_("The Excel file is too large once unpacked. Split it into smaller files."))
        handle.seek(0)
        workbook = load_workbook(handle, read_only=True, data_only=True)
    except FileRefused:
        raise
    except Exception:  # openpyxl raises many kinds for a damaged or foreign file
        raise FileRefused(_("The Excel file could not be read. Open it in Excel or LibreOffice, save it again "
                            "as .xlsx, then upload it again.")) from None
    try:
        if not workbook.worksheets:
            raise FileRefused(_("The file is empty."))
        for number, row in enumerate(workbook.worksheets[0].iter_rows(values_only=True), start=1):
            yield number, list(row)
    except FileRefused:
        raise
    except Exception:
        raise FileRefused(_("The Excel file could not be read. Open it in Excel or LibreOffice, save it again "
                            "as .xlsx, then upload it again.")) from None
    finally:
        workbook.close()


def _csv_rows(handle) -> Iterator[tuple[int, list]]:
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
    try:
        first = text.readline()
        delimiter = max((",", ";", "\t"), key=first.count)  # French Excel writes ";"
        text.seek(0)
        reader = csv.reader(text, delimiter=delimiter)
        number = 0
        for number, cells in enumerate(reader, start=1):  # noqa: B007 - the number is read after a failure
            yield number, cells
    except UnicodeDecodeError:
        raise FileRefused(_("The file is not in UTF-8. In Excel, choose “Save as” then “CSV UTF-8 (comma "
                            "delimited)”; in LibreOffice, choose the character set “Unicode (UTF-8)”.")) from None
    except csv.Error:
        raise FileRefused(_("The CSV file could not be read near line %(line)s (a quote left open, or a "
                            "value that is too long).") % {"line": number + 1}) from None
    finally:
        if not handle.closed:
            text.detach()  # the file is its opener's to close


def read_table(handle, name: str, fmt: str) -> tuple[dict[str, str], Iterator[tuple[int, dict]]]:
    """({column key: heading as written in the file}, iterator of (row number, {key: raw cell})).

    Headings are matched loosely; for UHRI and IMPACT exports, columns we do not know are left
    out (exports differ), for Mizan's columns they are refused (a typo would lose a value)."""
    head = handle.read(8)
    handle.seek(0)
    if not head.strip(b"\xef\xbb\xbf \t\r\n"):
        raise FileRefused(_("The file is empty."))
    handle = getattr(handle, "file", handle)  # a storage's File: the file object it wraps
    lines = _xlsx_rows(handle) if sniff(name, head) == "xlsx" else _csv_rows(handle)
    aliases = header_aliases(fmt)
    keys: list[str] = []
    try:
        for _number, cells in lines:
            texts = [_cell_text(c) for c in cells]
            if any(texts):
                keys = _match_headings(texts, aliases, fmt)
                break
        else:
            raise FileRefused(_("The file is empty."))
    except FileRefused:
        lines.close()  # while the file is still open
        raise
    headings = {key: texts[index] for index, key in enumerate(keys) if key}

    def rows():
        for number, cells in lines:
            if not any(c not in (None, "") and _cell_text(c) for c in cells):
                continue  # a blank row is no recommendation
            yield number, {key: cells[index] if index < len(cells) else None
                           for index, key in enumerate(keys) if key}

    return headings, rows()


def detect_format(handle, name: str) -> str:
    """The format whose column names the file's first row holds: an OHCHR annotation id makes
    an index export, a reference with a title or a description an IMPACT OSS export, anything
    else Mizan's columns."""
    head = handle.read(8)
    handle.seek(0)
    if not head.strip(b"\xef\xbb\xbf \t\r\n"):
        raise FileRefused(_("The file is empty."))
    lines = _xlsx_rows(handle) if sniff(name, head) == "xlsx" else _csv_rows(handle)
    headings: set[str] = set()
    for _number, cells in lines:
        headings = {fold(_cell_text(c)) for c in cells} - {""}
        if headings:
            break
    lines.close()
    handle.seek(0)
    if headings & {"ohchr annotation id", "annotation id", "ohchr id"}:
        return Format.UHRI
    if headings & {"reference", "ref"} and headings & {"title", "description"} and "text" not in headings:
        return Format.IMPACT
    return Format.CSV


def _match_headings(texts: list[str], aliases: dict[str, str], fmt: str) -> list[str]:
    keys, unknown, seen = [], [], set()
    for text in texts:
        key = aliases.get(fold(text), "") if text else ""
        if text and not key:
            unknown.append(text)
        elif key in seen:
            raise FileRefused(_("The column “%(column)s” appears twice in the first row.") % {"column": text[:60]})
        seen.add(key)
        keys.append(key)
    if unknown and fmt == Format.CSV:
        raise FileRefused(ngettext(
            "This column is not one of Mizan's: %(columns)s. Rename it as listed on the import page, or delete it.",
            "These columns are not Mizan's: %(columns)s. Rename them as listed on the import page, or delete them.",
            len(unknown)) % {"columns": ", ".join(f"“{u[:40]}”" for u in unknown[:10])})
    for column in COLUMNS[fmt]:
        if column.required and column.key not in seen:
            raise FileRefused(_("The column “%(column)s” is missing from the first row. Check that the format "
                                "chosen matches the file.") % {"column": column.heading})
    if fmt == Format.IMPACT and not seen & {"title", "description"}:
        raise FileRefused(_("The column “%(column)s” is missing from the first row. Check that the format "
                            "chosen matches the file.") % {"column": "Description"})
    return keys


# --- values as the index writes them ------------------------------------------------------------------

_PREFIX = re.compile(r"^\s*[-–•·*]\s*")
_SPLIT = re.compile(r"[\r\n]+")
_LIST_SPLIT = re.compile(r"[\r\n;|]+")
EXCEL_EPOCH = date(1899, 12, 30)


def values_of(cell, *, separators=_SPLIT) -> list[str]:
    """The values of one cell: one a line, each without the index's "- " prefix, in order, once."""
    out: list[str] = []
    for line in separators.split(_cell_text(cell)):
        value = _PREFIX.sub("", line).strip()
        if value and value not in out:
            out.append(value)
    return out


def single(cell) -> str:
    values = values_of(cell)
    return values[0] if values else ""


class BadValue(ValueError):
    pass


def parse_date(cell) -> date | None:
    """A date from an Excel serial number (a number, or its digits), a date cell, YYYY-MM-DD
    (with or without a time) or DD/MM/YYYY. BadValue otherwise."""
    if cell in (None, ""):
        return None
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    text = to_ascii_digits(single(cell)) if not isinstance(cell, int | float) else str(cell)
    if not text:
        return None
    try:
        if re.fullmatch(r"\d{1,6}(\.\d+)?", text):
            serial = float(text)
            if not 1 <= serial <= 2958465:
                raise BadValue(text)
            return EXCEL_EPOCH + timedelta(days=int(serial))
        match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?", text)
        if match:
            return date(int(match[1]), int(match[2]), int(match[3]))
        match = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", text)
        if match:
            return date(int(match[3]), int(match[2]), int(match[1]))
    except (ValueError, OverflowError):
        raise BadValue(text) from None
    raise BadValue(text)


def upr_cycle(session: int) -> int:
    """The UPR cycle of a session: sessions 1–12 were the first cycle, then 14 sessions a cycle
    (13–26, 27–40, 41–54, …)."""
    return 1 if session <= 12 else 2 + (session - 13) // 14


def parse_session(cell) -> int | None:
    text = to_ascii_digits(single(cell))
    if not text:
        return None
    match = re.search(r"\d+", text)
    if match is None or not 1 <= int(match[0]) <= 200:
        raise BadValue(text)
    return int(match[0])


def _choices_map(choices, extra: dict[str, str]) -> dict[str, str]:
    """Folded value -> code: the codes, their labels in each language, and `extra`."""
    mapping = {fold(k): v for k, v in extra.items()}
    for language in ("ar", "en", "fr"):
        with translation.override(language):
            for code, label in choices:
                mapping.setdefault(fold(str(label)), code)
    for code, _label in choices:
        mapping[fold(code)] = code
    return mapping


POSITION_WORDS = {
    "supported": Position.SUPPORTED, "accepted": Position.SUPPORTED, "support": Position.SUPPORTED,
    "2": Position.SUPPORTED, "noted": Position.NOTED, "not supported": Position.NOTED, "0": Position.NOTED,
    "1": Position.PARTIALLY, "partially supported": Position.PARTIALLY, "supported in part": Position.PARTIALLY,
    "partially accepted": Position.PARTIALLY, "in part": Position.PARTIALLY,
}
TYPE_WORDS = {
    "recommendations": RecommendationType.RECOMMENDATION, "recommendation": RecommendationType.RECOMMENDATION,
    "concerns observations": RecommendationType.CONCERN, "concerns and observations": RecommendationType.CONCERN,
    "concerns": RecommendationType.CONCERN, "concern": RecommendationType.CONCERN,
    "observations": RecommendationType.CONCERN, "observation": RecommendationType.CONCERN,
}
# Groups of persons as the index names them -> our vulnerability codes (complaints.Vulnerability).
GROUP_WORDS = {
    "women": ["woman"], "women and girls": ["woman"], "girls": ["woman", "child"], "children": ["child"],
    "juveniles": ["child"], "child": ["child"], "persons with disabilities": ["disability"],
    "persons with disability": ["disability"], "disabled persons": ["disability"],
    "older persons": ["older_person"], "older people": ["older_person"], "elderly": ["older_person"],
    "persons deprived of their liberty": ["detainee"], "persons deprived of liberty": ["detainee"],
    "detainees": ["detainee"], "prisoners": ["detainee"], "persons in detention": ["detainee"],
    "migrants": ["migrant"], "migrant workers": ["migrant"], "refugees": ["migrant"],
    "asylum seekers": ["migrant"], "refugees and asylum seekers": ["migrant"],
}

# The UN treaty bodies by their English name or acronym: (English, Arabic, French) names.
TREATY_BODIES = {
    "committee against torture": ("Committee against Torture", "لجنة مناهضة التعذيب", "Comité contre la torture"),
    "human rights committee": ("Human Rights Committee", "اللجنة المعنية بحقوق الإنسان",
                               "Comité des droits de l'homme"),
    "committee on economic social and cultural rights": (
        "Committee on Economic, Social and Cultural Rights", "اللجنة المعنية بالحقوق الاقتصادية والاجتماعية والثقافية",
        "Comité des droits économiques, sociaux et culturels"),
    "committee on the elimination of discrimination against women": (
        "Committee on the Elimination of Discrimination against Women", "اللجنة المعنية بالقضاء على التمييز ضد المرأة",
        "Comité pour l'élimination de la discrimination à l'égard des femmes"),
    "committee on the elimination of racial discrimination": (
        "Committee on the Elimination of Racial Discrimination", "لجنة القضاء على التمييز العنصري",
        "Comité pour l'élimination de la discrimination raciale"),
    "committee on the rights of the child": ("Committee on the Rights of the Child", "لجنة حقوق الطفل",
                                             "Comité des droits de l'enfant"),
    "committee on the rights of persons with disabilities": (
        "Committee on the Rights of Persons with Disabilities", "اللجنة المعنية بحقوق الأشخاص ذوي الإعاقة",
        "Comité des droits des personnes handicapées"),
    "committee on migrant workers": (
        "Committee on Migrant Workers", "اللجنة المعنية بحماية حقوق جميع العمال المهاجرين وأفراد أسرهم",
        "Comité des travailleurs migrants"),
    "committee on enforced disappearances": ("Committee on Enforced Disappearances",
                                             "اللجنة المعنية بحالات الاختفاء القسري", "Comité des disparitions forcées"),
    "subcommittee on prevention of torture": ("Subcommittee on Prevention of Torture", "اللجنة الفرعية لمنع التعذيب",
                                              "Sous-comité pour la prévention de la torture"),
}
_ACRONYMS = {"cat": "committee against torture", "ccpr": "human rights committee",
             "cescr": "committee on economic social and cultural rights",
             "cedaw": "committee on the elimination of discrimination against women",
             "cerd": "committee on the elimination of racial discrimination", "crc": "committee on the rights of the child",
             "crpd": "committee on the rights of persons with disabilities", "cmw": "committee on migrant workers",
             "ced": "committee on enforced disappearances", "spt": "subcommittee on prevention of torture"}
UPR_NAMES = ("Universal Periodic Review", "الاستعراض الدوري الشامل", "Examen périodique universel")


def body_kind(body: str) -> str:
    """The kind of source a recommending body makes (UPR, treaty body, special procedure)."""
    folded = fold(body)
    if folded in ("upr", "universal periodic review") or folded.startswith("upr ") or "periodic review" in folded:
        return SourceKind.UPR
    if any(word in folded for word in ("special rapporteur", "working group", "independent expert",
                                       "special procedure")):
        return SourceKind.SPECIAL_PROCEDURE
    if "committee" in folded or folded in _ACRONYMS:
        return SourceKind.TREATY_BODY
    return SourceKind.OTHER


_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")


def guess_language(text: str) -> str:
    """"ar" when Arabic letters outnumber Latin ones, else "fr" or "en" from the words."""
    sample = text[:2000]
    if len(_ARABIC_LETTER.findall(sample)) > len(_LATIN_LETTER.findall(sample)):
        return "ar"
    words = re.findall(r"[a-zàâçéèêëîïôûùüÿœ]+", sample.lower())
    return detect_latin_language(words, sample) or "en"


# --- theme mappings -------------------------------------------------------------------------------------

# Theme names of the Universal Human Rights Index -> codes of our rights taxonomy. Created for an
# organisation on its first import; then edited on the desk or in the admin.
DEFAULT_THEME_MAPPING: dict[str, tuple[str, ...]] = {
    "Torture and other cruel, inhuman or degrading treatment": ("torture",),
    "Torture and other cruel, inhuman and/or degrading treatment or punishment": ("torture",),
    "Prohibition of torture and cruel, inhuman or degrading treatment": ("torture",),
    "Liberty and security of the person": ("arbitrary_detention",),
    "Arbitrary arrest and detention": ("arbitrary_detention",),
    "Enforced disappearances": ("disappearance",),
    "Conditions of detention": ("detention_conditions",),
    "Administration of justice and fair trial": ("due_process",),
    "Access to justice and remedy": ("due_process",),
    "Right to an effective remedy": ("due_process",),
    "Juvenile justice": ("children", "due_process"),
    "Excessive use of force": ("excessive_force",),
    "Use of force": ("excessive_force",),
    "Law enforcement": ("police_conduct",),
    "Police and security forces": ("police_conduct",),
    "Right to life": ("right_to_life",),
    "Extrajudicial, summary or arbitrary executions": ("right_to_life",),
    "Death penalty": ("right_to_life",),
    "Equality and non-discrimination": ("discrimination",),
    "Racial discrimination": ("discrimination",),
    "Right to privacy": ("privacy",),
    "Freedom of movement": ("movement",),
    "Freedom of opinion and expression": ("expression_assembly",),
    "Freedom of peaceful assembly": ("expression_assembly",),
    "Freedom of association": ("expression_assembly",),
    "Human rights defenders": ("expression_assembly",),
    "Women's rights": ("women",),
    "Gender-based violence": ("women",),
    "Violence against women": ("women",),
    "Discrimination against women": ("women", "discrimination"),
    "Rights of the child": ("children",),
    "Children's rights": ("children",),
    "Violence against children": ("children",),
    "Persons with disabilities": ("disability",),
    "Older persons": ("older_persons",),
    "Migrants": ("migrants_trafficking",),
    "Refugees and asylum-seekers": ("migrants_trafficking",),
    "Trafficking in persons": ("migrants_trafficking",),
    "Human trafficking": ("migrants_trafficking",),
    "Right to property": ("property",),
}


def normalised_theme_name(name: str) -> str:
    """How a ThemeMapping keeps a name: lower case, single spaces."""
    return " ".join(str(name).casefold().split())[:200]


def seed_theme_mappings(*, actor, organisation) -> int:
    """Give `organisation` the default mapping of the index's theme names (first import).

    Side effects: ThemeMapping rows; audit `followup.theme_mapping.seed` (count)."""
    check_actor(actor, organisation)
    categories = dict(Category.objects.filter(is_active=True).values_list("code", "pk"))
    rows = [ThemeMapping(organisation=organisation, name=normalised_theme_name(name), category_id=categories[code])
            for name, codes in DEFAULT_THEME_MAPPING.items() for code in codes if code in categories]
    with transaction.atomic():
        ThemeMapping.objects.bulk_create(rows, ignore_conflicts=True)
        _audit(organisation, actor, "followup.theme_mapping.seed", None, rows=len(rows))
    return len(rows)


def add_theme_mapping(*, actor, organisation, name: str, category: Category) -> ThemeMapping:
    """Map a theme name of the index to one of our categories.

    Side effects: a ThemeMapping (none when it exists); audit `followup.theme_mapping.add`."""
    check_actor(actor, organisation, system=False)
    with transaction.atomic():
        mapping, created = ThemeMapping.objects.get_or_create(
            organisation=organisation, name=normalised_theme_name(name), category=category)
        if created:
            _audit(organisation, actor, "followup.theme_mapping.add", mapping, category=category.code)
    return mapping


def remove_theme_mapping(*, actor, mapping: ThemeMapping) -> None:
    """Side effects: the ThemeMapping deleted; audit `followup.theme_mapping.remove`."""
    check_actor(actor, mapping.organisation, system=False)
    with transaction.atomic():
        _audit(mapping.organisation, actor, "followup.theme_mapping.remove", mapping, category=mapping.category.code)
        mapping.delete()


class Lookups:
    """What the rows of one file are matched against, loaded once: theme mappings, categories,
    our groups, sources met so far."""

    def __init__(self, organisation):
        self.organisation = organisation
        self.categories = {c.code: c for c in Category.objects.filter(is_active=True)}
        self.category_names: dict[str, str] = {}
        for category in self.categories.values():
            for name in (category.code, category.label_ar, category.label_en, category.label_fr):
                if name:
                    self.category_names.setdefault(fold(name), category.code)
        self.mapping: dict[str, list[str]] = {}
        for name, code in ThemeMapping.objects.filter(organisation=organisation).values_list("name", "category__code"):
            self.mapping.setdefault(loose(name), []).append(code)
        self.groups = {fold(k): [v] for k, v in vulnerability_names().items()}
        self.groups.update({fold(k): v for k, v in GROUP_WORDS.items()})
        self.positions = _choices_map(Position.choices, POSITION_WORDS)
        self.types = _choices_map(RecommendationType.choices, TYPE_WORDS)
        self.statuses = _choices_map(Status.choices, {})
        self.kinds = _choices_map(SourceKind.choices, {})
        self.sources: dict[tuple, Source | None] = {}

    def index_themes(self, names: list[str], unmapped: list[str]) -> list[str]:
        codes: list[str] = []
        for name in names:
            found = self.mapping.get(loose(name))
            if found is None:
                unmapped.append(name)
            codes.extend(code for code in found or () if code not in codes and code in self.categories)
        return codes

    def group_codes(self, names: list[str]) -> list[str]:
        out: list[str] = []
        for name in names:
            for value in self.groups.get(fold(name), [name]):
                if value not in out:
                    out.append(value)
        return out


# --- one row -> the values of a recommendation -------------------------------------------------------

@dataclass
class MappedRow:
    number: int
    key: str = ""
    raw: dict = field(default_factory=dict)  # for intake.clean_recommendation
    source: dict = field(default_factory=dict)  # how its source is found or created
    themes: list[str] = field(default_factory=list)  # category codes
    errors: list[tuple[str, str]] = field(default_factory=list)  # (column key, message)
    unmapped: list[str] = field(default_factory=list)


def _source_spec(kind: str, body: str, symbol: str, session: int | None, when: date | None) -> dict:
    """How a row's source is found, and created when it is met for the first time: a UPR
    session; a treaty body's or special procedure's document (body + symbol). Its titles are
    (English, Arabic, French)."""
    if kind == SourceKind.UPR:
        titles = list(UPR_NAMES)
        if session:
            cycle = upr_cycle(session)
            titles = [f"Universal Periodic Review, cycle {cycle}, session {session}",
                      f"الاستعراض الدوري الشامل، الجولة {cycle}، الدورة {session}",
                      f"Examen périodique universel, cycle {cycle}, session {session}"]
        return {"kind": kind, "body": UPR_NAMES[0], "symbol": "", "session": session,
                "cycle": upr_cycle(session) if session else None, "titles": titles,
                "first_symbol": symbol, "date": when.isoformat() if when else None}
    folded = fold(body)
    names = TREATY_BODIES.get(_ACRONYMS.get(folded, folded))
    english = names[0] if names else body[:250]
    titles = [english, names[1] if names else english, names[2] if names else english]
    if symbol:
        titles = [f"{t} — {symbol}"[:300] for t in titles]
    return {"kind": kind, "body": english, "symbol": symbol, "session": None, "cycle": None,
            "titles": [titles[0], titles[1], titles[2]], "date": when.isoformat() if when else None}


def _spec_key(spec: dict) -> tuple:
    if spec["kind"] == SourceKind.UPR:
        return (spec["kind"], spec["session"])
    if spec.get("title"):
        return (spec["kind"], spec["title"], spec["body"], spec["session"])
    return (spec["kind"], spec["body"], spec["symbol"])


def map_uhri(number: int, cells: dict, lookups: Lookups) -> MappedRow:
    row = MappedRow(number=number, key=single(cells.get("key"))[:120])
    text = _cell_text(cells.get("text"))
    body = single(cells.get("body"))
    symbol = single(cells.get("symbol"))[:120]
    kind = body_kind(body)
    if not body:
        row.errors.append(("body", _("This field is required.")))
    when = _date(row, cells, "published") or _date(row, cells, "uhri_date")
    session = None
    try:
        session = parse_session(cells.get("session"))
    except BadValue as exc:
        row.errors.append(("session", _with_value(_("Write a UPR session as a number, such as 43."), exc)))
    if kind == SourceKind.UPR and session is None and not row.errors:
        row.errors.append(("session", _("A UPR recommendation needs its session.")))
    row.source = _source_spec(kind, body, symbol, session, when)
    row.raw = {"text": text, "language": guess_language(text), "symbol": symbol, "issued_on": when,
               "affected_groups": lookups.group_codes(values_of(cells.get("affected"))),
               "sdg_targets": values_of(cells.get("sdgs")),
               "recommending_states": values_of(cells.get("states")),
               "position": _choice(row, cells, "position", lookups.positions, Position.NOT_DECIDED),
               "type": _choice(row, cells, "type", lookups.types, RecommendationType.RECOMMENDATION)}
    row.themes = lookups.index_themes(values_of(cells.get("themes")), row.unmapped)
    return row


def map_impact(number: int, cells: dict, lookups: Lookups) -> MappedRow:
    row = MappedRow(number=number, key=single(cells.get("key"))[:120])
    title, description = _cell_text(cells.get("title")), _cell_text(cells.get("description"))
    text = description if not title or description.startswith(title) else (
        f"{title}\n{description}" if description else title)
    body = single(cells.get("body")) or "IMPACT OSS"
    symbol = single(cells.get("symbol"))[:120]
    when = _date(row, cells, "published")
    row.source = _source_spec(body_kind(body), body, symbol, None, when)
    row.raw = {"text": text, "language": guess_language(text), "symbol": symbol, "issued_on": when,
               "response": _cell_text(cells.get("response")),
               "position": _choice(row, cells, "support", lookups.positions, Position.NOT_DECIDED)}
    row.themes = lookups.index_themes(values_of(cells.get("themes"), separators=_LIST_SPLIT), row.unmapped)
    return row


def map_mizan(number: int, cells: dict, lookups: Lookups) -> MappedRow:
    row = MappedRow(number=number, key=single(cells.get("key"))[:120])
    text = _cell_text(cells.get("text"))
    title = single(cells.get("source"))[:300]
    kind = _choice(row, cells, "source_kind", lookups.kinds, SourceKind.OTHER)
    session = None
    try:
        session = parse_session(cells.get("upr_session"))
    except BadValue as exc:
        row.errors.append(("upr_session", _with_value(_("Write a UPR session as a number, such as 43."), exc)))
    if not title:
        row.errors.append(("source", _("This field is required.")))
    when = _date(row, cells, "date")
    body = single(cells.get("body"))[:300]
    row.source = {"kind": kind, "body": body, "symbol": "", "session": session,
                  "cycle": upr_cycle(session) if session else None, "title": title, "titles": ["", title, ""],
                  "date": when.isoformat() if when else None}
    status = _choice(row, cells, "status", lookups.statuses, "")
    language = _cell_text(cells.get("language")).lower()
    row.raw = {"text": text, "language": language or guess_language(text),
               "symbol": single(cells.get("symbol")), "paragraph": single(cells.get("paragraph")),
               "issued_on": when, "affected_groups": lookups.group_codes(values_of(cells.get("affected_groups"),
                                                                                   separators=_LIST_SPLIT)),
               "sdg_targets": values_of(cells.get("sdg_targets"), separators=_LIST_SPLIT),
               "recommending_states": values_of(cells.get("recommending_states"), separators=_LIST_SPLIT),
               "position": _choice(row, cells, "position", lookups.positions, Position.NOT_DECIDED),
               "type": _choice(row, cells, "type", lookups.types, RecommendationType.RECOMMENDATION),
               "due_on": _date(row, cells, "due_on"), "response": _cell_text(cells.get("response"))}
    for name in ("text_ar", "text_en", "text_fr"):
        row.raw[name] = _cell_text(cells.get(name))
    if status:
        row.raw["status"] = status
    for name in values_of(cells.get("themes"), separators=_LIST_SPLIT):
        code = lookups.category_names.get(fold(name))
        codes = [code] if code else lookups.mapping.get(loose(name))
        if not codes:
            row.errors.append(("themes", _with_value(_("Choose themes from the list."), name[:60])))
        row.themes.extend(c for c in codes or () if c not in row.themes)
    return row


MAPPERS = {Format.UHRI: map_uhri, Format.IMPACT: map_impact, Format.CSV: map_mizan}


def _with_value(reason: str, value) -> str:
    """A rejection reason with the cell's value, quoted as the reader's language quotes («…» in
    Arabic, « … » in French)."""
    return pgettext("import rejection: a reason, then the cell's value", "%(reason)s (“%(value)s”)") % {
        "reason": reason, "value": value}


def _date(row: MappedRow, cells: dict, key: str) -> date | None:
    try:
        return parse_date(cells.get(key))
    except BadValue as exc:
        row.errors.append((key, _with_value(_("Write a date as YYYY-MM-DD, or keep Excel's date."), str(exc)[:40])))
        return None


def _choice(row: MappedRow, cells: dict, key: str, mapping: dict[str, str], default: str) -> str:
    text = single(cells.get(key))
    if not text:
        return default
    code = mapping.get(fold(text))
    if code is None:
        row.errors.append((key, _with_value(_("Choose a value from the list."), text[:40])))
        return default
    return code


@dataclass
class CheckedRow:
    number: int
    key: str
    hash: str
    source: dict
    fields: dict  # JSON-ready cleaned values (dates as YYYY-MM-DD)
    themes: list[str]


_DATE_FIELDS = ("issued_on", "due_on")


def check_row(fmt: str, number: int, cells: dict, lookups: Lookups) -> tuple[CheckedRow | None, MappedRow]:
    """Map one row and check it as a recommendation typed on the desk is checked."""
    row = MAPPERS[fmt](number, cells, lookups)
    if not row.key:
        row.errors.append(("key", _("Each row needs its own key in this column.")))
    cleaned, errors = clean_recommendation(lookups.organisation, row.raw, partial=True)
    columns = _FIELD_COLUMN[fmt]
    for name, message in errors.items():
        row.errors.append((columns.get(name, name), str(message)))
    if row.errors:
        return None, row
    fields = {name: value.isoformat() if name in _DATE_FIELDS and value else value
              for name, value in cleaned.items()}
    payload = {"source": list(_spec_key(row.source)), "fields": fields, "themes": sorted(row.themes)}
    digest = hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()
    return CheckedRow(number, row.key, digest, row.source, fields, row.themes), row


# --- who may import -----------------------------------------------------------------------------------

def may_import(user) -> bool:
    return can(user, "edit_recommendations")


def check_actor(actor, organisation, *, system: bool = True) -> None:
    """The actor must be allowed to change the recommendations of `organisation`; None is the
    system (the command run by the operator without --as) where `system` allows it."""
    if actor is None and system:
        return
    member = membership_of(actor)
    if member is None or member.organisation_id != organisation.pk or not may_import(actor):
        raise NotAllowed(_("You are not allowed to do this."))


def _audit(organisation, actor, action: str, target, **data) -> None:
    record(action=action, organisation=organisation, actor=actor,
           actor_label="staff" if actor is not None else SYSTEM_LABEL, target=target, data=data)


# --- writing -----------------------------------------------------------------------------------------------

def _find_source(organisation, spec: dict) -> Source | None:
    found = Source.objects.filter(organisation=organisation, kind=spec["kind"])
    if spec["kind"] == SourceKind.UPR:
        found = found.filter(upr_session=spec["session"])
    elif spec.get("title"):
        title = spec["title"]
        found = found.filter(Q(title_ar=title) | Q(title_en=title) | Q(title_fr=title))
        if spec["body"]:  # a column left empty matches a source recorded with its body
            found = found.filter(body=spec["body"])
        if spec["session"]:
            found = found.filter(upr_session=spec["session"])
    else:
        found = found.filter(body=spec["body"], symbol=spec["symbol"])
    return found.order_by("pk").first()


def _source_for(actor, organisation, spec: dict, cache: dict, created: list) -> Source:
    key = _spec_key(spec)
    source = cache.get(key)
    if source is None:
        source = _find_source(organisation, spec)
        if source is None:
            title_en, title_ar, title_fr = spec["titles"]
            source = Source.objects.create(
                organisation=organisation, kind=spec["kind"], title_ar=title_ar[:300], title_en=title_en[:300],
                title_fr=title_fr[:300], body=spec["body"][:300], symbol=(spec["symbol"] or spec.get("first_symbol")
                                                                           or "")[:120],
                date=date.fromisoformat(spec["date"]) if spec["date"] else None, upr_cycle=spec["cycle"],
                upr_session=spec["session"])
            _audit(organisation, actor, "followup.source.create", source, kind=spec["kind"])
            created.append(key)
        cache[key] = source
    return source


def _values(row: CheckedRow) -> dict:
    return {name: date.fromisoformat(value) if name in _DATE_FIELDS and value else value
            for name, value in row.fields.items()}


def write_batch(*, actor, run: RecommendationImport, rows: list[CheckedRow], lookups: Lookups) -> tuple[int, int, int]:
    """Write one batch of checked rows in one transaction: create the recommendations whose key
    is new, update those whose source row changed, leave the others. Returns (created, updated,
    unchanged).

    Side effects: sources created when first met (audit `followup.source.create`); new
    recommendations with their themes and the first row of their status history, audit
    `followup.recommendation.import` (the batch's ids); each updated one: its version, audit
    `followup.recommendation.change` (names of the fields changed); the run's progress and
    counts; projections ("imported")."""
    organisation = run.organisation
    check_actor(actor, organisation)
    existing = {key: (pk, digest) for key, pk, digest in Recommendation.objects.filter(
        organisation=organisation, external_key__in=[r.key for r in rows]).values_list("external_key", "pk",
                                                                                     "import_hash")}
    new = [r for r in rows if r.key not in existing]
    changed = [(existing[r.key][0], r) for r in rows if r.key in existing and existing[r.key][1] != r.hash]
    made_sources: list[tuple] = []
    try:
        with transaction.atomic():
            created_ids = _create(actor, organisation, run, new, lookups, made_sources)
            updated_ids = [pk for pk, row in changed if _update(actor, organisation, pk, row, lookups, made_sources)]
            unchanged = len(rows) - len(created_ids) - len(updated_ids)
            RecommendationImport.objects.filter(pk=run.pk).update(
                progress=models.F("progress") + len(rows), created_count=models.F("created_count") + len(created_ids),
                updated_count=models.F("updated_count") + len(updated_ids),
                unchanged_count=models.F("unchanged_count") + unchanged)
            if created_ids or updated_ids:
                projections.after_change(projections.Change(
                    organisation.pk, recommendations=tuple(created_ids + updated_ids), what="imported",
                    extra={"import": run.pk}))
    except Exception:
        for key in made_sources:  # rolled back with the batch
            lookups.sources.pop(key, None)
        raise
    return len(created_ids), len(updated_ids), unchanged


def _create(actor, organisation, run, rows: list[CheckedRow], lookups: Lookups, made_sources) -> list[int]:
    if not rows:
        return []
    now = timezone.now()
    recommendations = []
    for row in rows:
        values = _values(row)
        status = values.pop("status", None) or Status.NOT_STARTED
        recommendations.append(Recommendation(
            organisation=organisation, source=_source_for(actor, organisation, row.source, lookups.sources,
                                                          made_sources),
            status=status, status_changed_at=now, external_key=row.key, import_hash=row.hash, created_by=actor,
            created_at=now, **values))
    bulk.insert(recommendations)
    through = Recommendation.themes.through
    bulk.insert([through(recommendation_id=rec.pk, category_id=lookups.categories[code].pk)
                 for rec, row in zip(recommendations, rows, strict=True) for code in row.themes])
    bulk.insert([StatusChange(recommendation=rec, organisation=organisation, from_status="", to_status=rec.status,
                              at=now, by=actor) for rec in recommendations])
    ids = [rec.pk for rec in recommendations]
    _audit(organisation, actor, "followup.recommendation.import", run, recommendations=ids)
    return ids


def _update(actor, organisation, pk: int, row: CheckedRow, lookups: Lookups, made_sources) -> bool:
    """Apply an edited source row to its recommendation (not its status: that is kept in Mizan)."""
    locked = Recommendation.objects.select_for_update(of=("self",)).get(pk=pk)
    values = _values(row)
    values.pop("status", None)
    source = _source_for(actor, organisation, row.source, lookups.sources, made_sources)
    changed = [name for name, value in values.items() if getattr(locked, name) != value]
    if locked.source_id != source.pk:
        locked.source = source
        changed.append("source")
    for name in changed:
        setattr(locked, name, values[name])
    if set(locked.themes.values_list("code", flat=True)) != set(row.themes):
        locked.themes.set([lookups.categories[code] for code in row.themes])
        changed.append("themes")
    locked.import_hash = row.hash
    if not changed:  # the same values written differently in the file: nothing to tell
        locked.save(update_fields=["import_hash"])
        return False
    locked.version = models.F("version") + 1
    locked.save(update_fields=[*[n for n in changed if n != "themes"], "import_hash", "version", "updated_at"])
    _audit(organisation, actor, "followup.recommendation.change", locked, fields=sorted(changed), imported=True)
    return True


# --- the run ---------------------------------------------------------------------------------------------

class _Store:
    """Checked rows waiting on disk between the two passes (a scratch SQLite file), so that memory
    does not grow with the file and the file is read once."""

    def __init__(self, directory: str):
        self.db = sqlite3.connect(str(Path(directory) / "rows.sqlite3"))
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute("CREATE TABLE rows (number INTEGER PRIMARY KEY, key TEXT UNIQUE, payload TEXT)")
        self.count = 0

    def add(self, row: CheckedRow) -> int | None:
        """Keep `row`; the number of the earlier row with the same key, if any."""
        payload = json.dumps([row.hash, row.source, row.fields, row.themes], ensure_ascii=False)
        try:
            self.db.execute("INSERT INTO rows VALUES (?, ?, ?)", (row.number, row.key, payload))
        except sqlite3.IntegrityError:
            return self.db.execute("SELECT number FROM rows WHERE key = ?", (row.key,)).fetchone()[0]
        self.count += 1
        return None

    def batches(self, size: int) -> Iterator[list[CheckedRow]]:
        last = 0
        while True:
            found = self.db.execute("SELECT number, key, payload FROM rows WHERE number > ? ORDER BY number LIMIT ?",
                                    (last, size)).fetchall()
            if not found:
                return
            batch = []
            for number, key, payload in found:
                digest, source, fields, themes = json.loads(payload)
                batch.append(CheckedRow(number, key, digest, source, fields, themes))
            last = found[-1][0]
            yield batch

    def close(self) -> None:
        self.db.close()


@dataclass
class Outcome:
    rows: int = 0
    rejected: list[dict] = field(default_factory=list)  # the first MAX_LISTED
    rejected_count: int = 0
    unmapped: dict[str, int] = field(default_factory=dict)


def _check_file(run: RecommendationImport, handle, name: str, lookups: Lookups, store: _Store) -> Outcome:
    headings, rows = read_table(handle, name, run.format)
    outcome = Outcome()
    for number, cells in rows:
        outcome.rows += 1
        if outcome.rows > MAX_ROWS:
            raise FileRefused(_("The file has more than %(max)s rows. Split it into smaller files.") % {
                "max": MAX_ROWS})
        checked, mapped = check_row(run.format, number, cells, lookups)
        errors = mapped.errors
        if checked is not None:
            earlier = store.add(checked)
            if earlier is not None:
                errors = [("key", _("The same key is on row %(row)s. Each recommendation needs its own.") % {
                    "row": earlier})]
        for theme in (name[:200] for name in mapped.unmapped):
            if theme in outcome.unmapped or len(outcome.unmapped) < MAX_LISTED:
                outcome.unmapped[theme] = outcome.unmapped.get(theme, 0) + 1
        if errors:
            outcome.rejected_count += 1
            if len(outcome.rejected) < MAX_LISTED:
                outcome.rejected.append({"row": number, "errors": [
                    {"column": str(headings.get(key) or key), "message": message} for key, message in errors]})
        if outcome.rows % PROGRESS_EVERY == 0:
            with transaction.atomic():
                RecommendationImport.objects.filter(pk=run.pk).update(progress=outcome.rows)
    if not outcome.rows:
        raise FileRefused(_("The file has column names but no recommendation below them."))
    return outcome


def _open(run: RecommendationImport, path: str | None):
    if path is not None:
        return open(path, "rb")  # noqa: SIM115 - closed by the caller's with
    return default_storage.open(f"{IMPORT_DIR}/{run.stored_name}", "rb")


def run_import(import_id: int, *, path: str | None = None) -> str:
    """Check, then write, the file of a pending import (the task; the command passes the path of
    its file, the desk's uploads are kept in storage until done). Idempotent: an import that is
    not pending is left alone, and rows already imported are unchanged the second time.

    Side effects: on first use, the default theme mappings; audit `followup.import.check`
    (counts); when the file may go ahead, `write_batch` for each batch (see there); the run's
    status, counts, rejected rows and unmapped theme names; audit `followup.import.complete`;
    the stored file deleted."""
    with transaction.atomic():
        claimed = RecommendationImport.objects.filter(pk=import_id, status=ImportStatus.PENDING).update(
            status=ImportStatus.RUNNING, progress=0)
    if not claimed:
        return "not pending"
    run = RecommendationImport.objects.select_related("organisation", "requested_by").get(pk=import_id)
    actor = run.requested_by
    outcome = Outcome()
    counts = [0, 0, 0]
    try:
        with translation.override(run.language), tempfile.TemporaryDirectory(prefix="mizan-import-") as scratch:
            check_actor(actor, run.organisation)
            if not ThemeMapping.objects.filter(organisation=run.organisation).exists() and not \
                    RecommendationImport.objects.filter(organisation=run.organisation).exclude(pk=run.pk).exists():
                seed_theme_mappings(actor=actor, organisation=run.organisation)
            lookups = Lookups(run.organisation)
            store = _Store(scratch)
            try:
                with _open(run, path) as handle:
                    outcome = _check_file(run, handle, run.original_name, lookups, store)
                go = bool(store.count) and (run.import_valid or not outcome.rejected_count)
                with transaction.atomic():
                    RecommendationImport.objects.filter(pk=run.pk).update(
                        total_rows=outcome.rows, progress=outcome.rejected_count, rejected=outcome.rejected,
                        rejected_count=outcome.rejected_count, unmapped_themes=outcome.unmapped)
                    _audit(run.organisation, actor, "followup.import.check", run, rows=outcome.rows,
                           valid=store.count, rejected=outcome.rejected_count, format=run.format,
                           import_valid=run.import_valid)
                if go:
                    for batch in store.batches(BATCH):
                        for index, count in enumerate(write_batch(actor=actor, run=run, rows=batch,
                                                                  lookups=lookups)):
                            counts[index] += count
            finally:
                store.close()
    except Exception as exc:
        if isinstance(exc, NotAllowed):
            message = _("The person who started this import may no longer change recommendations.")
        elif isinstance(exc, FileRefused):
            message = exc.message
        else:
            logger.exception("followup import %s failed", import_id)
            with translation.override(run.language):
                message = _("The import stopped because of an error. The rows already written are kept; import "
                            "the same file again to write the rest (nothing is written twice).")
        _finish(run, ImportStatus.FAILED, outcome, counts, error=str(message))
        return "failed"
    status = ImportStatus.REJECTED if outcome.rejected_count and not go else ImportStatus.DONE
    _finish(run, status, outcome, counts)
    return status


def _finish(run: RecommendationImport, status: str, outcome: Outcome, counts: list[int], error: str = "") -> None:
    with transaction.atomic():
        RecommendationImport.objects.filter(pk=run.pk).update(
            status=status, progress=outcome.rows, total_rows=outcome.rows, rejected=outcome.rejected,
            rejected_count=outcome.rejected_count, unmapped_themes=outcome.unmapped, error=error,
            finished_at=timezone.now(), stored_name="")
        _audit(run.organisation, run.requested_by, "followup.import.complete", run, status=status,
               created=counts[0], updated=counts[1], unchanged=counts[2], rejected=outcome.rejected_count)
    if run.stored_name:
        default_storage.delete(f"{IMPORT_DIR}/{run.stored_name}")


def sweep_imports(*, now=None, stale_hours: int = 6) -> int:
    """Fail imports left running or waiting for `stale_hours` (a worker that died), and delete
    their stored files. Returns how many were closed."""
    now = now or timezone.now()
    closed = 0
    for run in RecommendationImport.objects.filter(status__in=[ImportStatus.PENDING, ImportStatus.RUNNING],
                                                   created_at__lt=now - timedelta(hours=stale_hours)):
        with translation.override(run.language):
            message = _("The import was interrupted. Import the same file again to write the rest (nothing is "
                        "written twice).")
        with transaction.atomic():
            updated = RecommendationImport.objects.filter(pk=run.pk, status=run.status).update(
                status=ImportStatus.FAILED, error=message, finished_at=now, stored_name="")
        if updated and run.stored_name:
            default_storage.delete(f"{IMPORT_DIR}/{run.stored_name}")
        closed += updated
    return closed


def summary(run: RecommendationImport) -> dict:
    """What the command prints."""
    return {"created": run.created_count, "updated": run.updated_count, "unchanged": run.unchanged_count,
            "rejected": run.rejected_count, "status": run.status, "rejected_rows": run.rejected,
            "unmapped_themes": run.unmapped_themes, **({"error": run.error} if run.error else {})}
