"""Writing tables to CSV and XLSX with bounded memory.

A table is a header row and an iterable of rows (lists of str, int, date, datetime or None);
rows are consumed one at a time and never collected. XLSX uses openpyxl's write-only mode, which
streams each row to a temporary file; CSV is UTF-8 with a byte-order mark, so that Excel reads
Arabic correctly, and CRLF line ends.

Spreadsheet formulas are never produced from data: a CSV cell that starts with = + - @ or a tab
is prefixed with an apostrophe (what Excel itself does to show such text), and an XLSX cell is
always typed as text (a citizen's narrative that starts with "=" stays text).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

BOM = "\ufeff"
XLSX_MAX_CELL = 32_767  # characters Excel keeps in one cell
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


@dataclass
class Table:
    title: str
    headers: list[str]
    rows: Iterable[list]
    widths: list[int] = field(default_factory=list)  # characters, per column (XLSX only)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def csv_cell(value) -> str:
    text = _text(value)
    if isinstance(value, str) and text.startswith(_FORMULA_START):
        return "'" + text
    return text


class _Line:
    """A file-like object whose write() returns what it was given (for streaming csv.writer)."""

    def write(self, value: str) -> str:
        return value


def csv_lines(table: Table, *, bom: bool = True) -> Iterator[str]:
    """The CSV text of `table`, one line at a time (the BOM first)."""
    writer = csv.writer(_Line())
    if bom:
        yield BOM
    yield writer.writerow(table.headers)
    for row in table.rows:
        yield writer.writerow([csv_cell(value) for value in row])


def csv_chunks(tables: list[Table], *, size: int = 64 * 1024) -> Iterator[bytes]:
    """UTF-8 bytes of one or more tables (several: each under its title, a blank line between),
    in chunks of about `size` bytes, for a streaming response or a file."""
    buffer: list[str] = []
    length = 0
    for index, table in enumerate(tables):
        if len(tables) > 1:
            prefix = ([] if index == 0 else ["\r\n"]) + [csv.writer(_Line()).writerow([csv_cell(table.title)])]
            if index == 0:
                prefix.insert(0, BOM)
            lines: Iterable[str] = [*prefix, *csv_lines(table, bom=False)]
        else:
            lines = csv_lines(table)
        for line in lines:
            buffer.append(line)
            length += len(line)
            if length >= size:
                yield "".join(buffer).encode("utf-8")
                buffer, length = [], 0
    if buffer:
        yield "".join(buffer).encode("utf-8")


def write_csv(path, tables: list[Table]) -> None:
    with open(path, "wb") as handle:
        for chunk in csv_chunks(tables):
            handle.write(chunk)


def sheet_name(title: str, used: set[str]) -> str:
    """A valid, unique worksheet name (at most 31 characters, none of []:*?/\\)."""
    base = _SHEET_NAME_BAD.sub(" ", title).strip()[:31] or "Sheet"
    name, number = base, 2
    while name.lower() in used:
        suffix = f" ({number})"
        name = base[: 31 - len(suffix)] + suffix
        number += 1
    used.add(name.lower())
    return name


def _xlsx_text(worksheet, text: str):
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if len(text) > XLSX_MAX_CELL:
        text = text[: XLSX_MAX_CELL - 1] + "…"
    if text.startswith("="):
        cell = WriteOnlyCell(worksheet, value=text)
        cell.data_type = "s"  # openpyxl would otherwise store it as a formula
        return cell
    return text


def _xlsx_value(worksheet, value):
    if isinstance(value, str):
        return _xlsx_text(worksheet, value)
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)  # Excel has no time zones; callers pass local time
    return value


def write_xlsx(path, tables: list[Table], *, rtl: bool) -> None:
    """One worksheet per table, right-to-left when `rtl`, headers bold and frozen."""
    workbook = Workbook(write_only=True)
    used: set[str] = set()
    for table in tables:
        worksheet = workbook.create_sheet(sheet_name(table.title, used))
        if rtl:
            worksheet.sheet_view.rightToLeft = True
        worksheet.freeze_panes = "A2"
        for index, width in enumerate(table.widths, start=1):
            worksheet.column_dimensions[get_column_letter(index)].width = width
        bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
        header = []
        for title in table.headers:
            cell = WriteOnlyCell(worksheet, value=ILLEGAL_CHARACTERS_RE.sub("", title))
            cell.data_type = "s"
            cell.font, cell.alignment = bold, wrap
            header.append(cell)
        worksheet.append(header)
        for row in table.rows:
            worksheet.append([_xlsx_value(worksheet, value) for value in row])
    workbook.save(path)
