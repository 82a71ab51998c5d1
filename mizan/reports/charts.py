"""Server-drawn bar charts with their table: one `Section` per chart, rendered by
`reports/_section.html` (the dashboard) and the public statistics page.

A chart row is an HTML label, a small SVG bar and the number in HTML: text never sits inside the
SVG, so Arabic shapes and digits are the page's own and the row reads right to left in Arabic.
Bars start at the line's start side (the right in right-to-left pages). Every number of the
table can carry a link (to the desk queue) or not (analysts, the public page), and the whole table
is also given as tab-separated text for the "copy" button (pastes into a spreadsheet).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import get_language_bidi


@dataclass(frozen=True)
class Segment:
    x: float  # SVG user units, 0..100
    width: float
    css: str  # the fill, from the stylesheet


@dataclass
class ChartRow:
    label: str
    segments: list[Segment]
    value: str  # the number shown beside the bar, already formatted
    second: list[Segment] | None = None  # a thinner comparison bar below (previous year)
    second_value: str = ""


@dataclass(frozen=True)
class Cell:
    value: int | None  # None: not counted in this table
    url: str | None = None
    text: str | None = None  # shown instead of the number (e.g. "fewer than 5")
    title: str = ""
    suppressed: bool = False  # hidden by small-cell suppression (public page)


@dataclass
class TableRow:
    label: str
    cells: list[Cell]
    user_text: bool = False  # labels typed by the organisation (places): dir="auto"


@dataclass
class Section:
    id: str
    title: str
    caption: str
    label_column: str  # heading of the first column (what each row is)
    columns: list[str]
    rows: list[TableRow]
    chart: list[ChartRow] = field(default_factory=list)
    legend: list[tuple[str, str]] = field(default_factory=list)  # (css class, label)
    note: str = ""
    chart_note: str = ""
    footer: TableRow | None = None
    wide: bool = False  # a table with many columns: below its chart rather than beside it

    def tsv(self) -> str:
        """The table as tab-separated text with plain digits (for spreadsheets)."""
        def clean(text) -> str:
            return " ".join(str(text).split())

        lines = ["\t".join(clean(c) for c in [self.label_column, *self.columns])]
        for row in [*self.rows, *([self.footer] if self.footer else [])]:
            lines.append("\t".join([clean(row.label), *[
                clean(cell.text if cell.text is not None else ("" if cell.value is None else cell.value))
                for cell in row.cells]]))
        return "\n".join(lines)


def _scale(values) -> float:
    top = max([v for v in values if v], default=0)
    return 100.0 / top if top else 0.0


def segments(parts: list[tuple[int, str]], scale: float) -> list[Segment]:
    """Stacked segments (value, css) from the start side, `scale` units per count."""
    rtl = get_language_bidi()
    result, start = [], 0.0
    for value, css in parts:
        width = round(value * scale, 3)
        if width > 0:
            x = 100.0 - start - width if rtl else start
            result.append(Segment(x=round(max(x, 0.0), 3), width=width, css=css))
        start += width
    return result


def bars(items: list[tuple[str, int, str]], css: str = "bar-1", limit: int | None = None) -> list[ChartRow]:
    """One bar per (label, value, formatted value), the longest bar the largest value."""
    shown = items[:limit] if limit else items
    scale = _scale(value for _label, value, _text in shown)
    return [ChartRow(label=label, segments=segments([(value, css)], scale), value=text)
            for label, value, text in shown]


def stacked(items: list[tuple[str, list[tuple[int, str]], str]], limit: int | None = None) -> list[ChartRow]:
    """One stacked bar per (label, [(value, css), ...], formatted total), scaled to the largest total."""
    shown = items[:limit] if limit else items
    scale = _scale(sum(v for v, _css in parts) for _label, parts, _text in shown)
    return [ChartRow(label=label, segments=segments(parts, scale), value=text) for label, parts, text in shown]


def paired(items: list[tuple[str, int, str, int, str]]) -> list[ChartRow]:
    """(label, value, text, comparison value, comparison text): a bar and a thinner one below."""
    scale = _scale([v for _l, v, _t, _p, _pt in items] + [p for _l, _v, _t, p, _pt in items])
    return [ChartRow(label=label, segments=segments([(value, "bar-1")], scale), value=text,
                     second=segments([(previous, "bar-2")], scale), second_value=previous_text)
            for label, value, text, previous, previous_text in items]
