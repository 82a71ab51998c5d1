"""Arabic text that can be copied and searched in WeasyPrint's PDFs.

A PDF maps each glyph of a font to the text it stands for (the ToUnicode table), once per glyph.
Noto Sans Arabic draws many letters as a shared dotless shape plus separate dot marks (the medial
ت, ن, ي and ب are the same shape with other dots), so no per-glyph table can be right: copied or
extracted Arabic came out with the wrong letters. Here every glyph of an Arabic run is wrapped in
a marked-content span with an /ActualText, which readers (poppler, Acrobat) use instead of the
table: the glyph of a cluster's shape (a letter, a lam-alef) carries the cluster's own text and its
dot marks carry none (a mark first would move the start of the text onto the raised dot, and the
word would be split there); harakat drawn as marks of their own are left out of the text. The layout, the
glyphs drawn and the page are unchanged.

`install()` replaces `weasyprint.draw.text.draw_first_line` with `draw_first_line` below, a copy
of WeasyPrint 70.0's function (BSD 3-Clause, © Simon Sapin and contributors) for lines with
Arabic text, without its emoji handling (the report's fonts have none); other lines go to the
original. The pinned version is checked, and tests/reports/test_impact_report.py extracts the
Arabic text of a report with pdftotext.
"""

from __future__ import annotations

import re

ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
SUPPORTED = ("70.",)
_original = None


def install() -> None:
    """Patch WeasyPrint once per process (idempotent)."""
    global _original
    import weasyprint
    from weasyprint.draw import text

    if _original is not None:
        return
    if not weasyprint.__version__.startswith(SUPPORTED):
        raise RuntimeError(f"mizan.reports.pdftext was written for WeasyPrint {SUPPORTED}, not "
                           f"{weasyprint.__version__}: check draw_first_line against the new version")
    _original = text.draw_first_line
    text.draw_first_line = draw_first_line


def _span(stream, text: str) -> None:
    import pydyf

    stream.begin_marked_content("Span", pydyf.Dictionary({"ActualText": pydyf.String(text)}))


def draw_first_line(stream, textbox, text_overflow, block_ellipsis, matrix):
    """WeasyPrint's `draw_first_line`, with an /ActualText span around each Arabic cluster."""
    if not ARABIC.search(textbox.text or ""):
        return _original(stream, textbox, text_overflow, block_ellipsis, matrix)

    from weasyprint.logger import LOGGER
    from weasyprint.text.ffi import FROM_UNITS, TO_UNITS, ffi, pango
    from weasyprint.text.line_break import get_last_word_end

    if not textbox.text.strip():
        return []
    if textbox.style["font_size"] < 1e-6:
        return []

    pango.pango_layout_set_single_paragraph_mode(textbox.pango_layout.layout, True)

    if text_overflow == "ellipsis" or block_ellipsis != "none":
        assert textbox.pango_layout.max_width is not None
        max_width = textbox.pango_layout.max_width
        pango.pango_layout_set_width(textbox.pango_layout.layout, int(max_width * TO_UNITS))
        if text_overflow == "ellipsis":
            pango.pango_layout_set_ellipsize(textbox.pango_layout.layout, pango.PANGO_ELLIPSIZE_END)
        else:
            if block_ellipsis == "auto":
                ellipsis = "…"
            else:
                assert block_ellipsis[0] == "string"
                ellipsis = block_ellipsis[1]
            new_text = textbox.pango_layout.text
            if new_text.endswith(textbox.style["hyphenate_character"]):
                last_word_end = get_last_word_end(
                    new_text[:-len(textbox.style["hyphenate_character"])], textbox.style["lang"])
                if last_word_end:
                    new_text = new_text[:last_word_end]
            textbox.pango_layout.set_text(new_text + ellipsis)

    first_line, index = textbox.pango_layout.get_first_line()

    if block_ellipsis != "none":
        while index:
            last_word_end = get_last_word_end(textbox.pango_layout.text[:-len(ellipsis)], textbox.style["lang"])
            if last_word_end is None:
                break
            new_text = textbox.pango_layout.text[:last_word_end]
            textbox.pango_layout.set_text(new_text + ellipsis)
            first_line, index = textbox.pango_layout.get_first_line()

    stream.set_text_matrix(*matrix.values)
    previous_pango_font = None
    string = ""
    utf8_text = textbox.pango_layout.text.encode()
    run = first_line.runs[0]
    while run != ffi.NULL:
        glyph_item = run.data
        run = run.next
        glyph_string = glyph_item.glyphs
        glyphs_info = glyph_string.glyphs
        num_glyphs = glyph_string.num_glyphs
        clusters = glyph_string.log_clusters
        offset = glyph_item.item.offset
        length = glyph_item.item.length

        pango_font = glyph_item.item.analysis.font
        if pango_font != previous_pango_font:
            previous_pango_font = pango_font
            font, font_size = stream.add_font(pango_font)
            if pango.pango_version() < 14802 or font.png:
                font_size = textbox.style["font_size"]
            if string:
                stream.show_text(string)
            string = ""
            stream.set_font_size(font.hash, 1 if font.bitmap else font_size)

        # Each cluster's text: from its start to the next cluster's start in logical order.
        starts = sorted({clusters[i] for i in range(num_glyphs)})
        ends = {start: (starts[k + 1] if k + 1 < len(starts) else length) for k, start in enumerate(starts)}
        spans = ARABIC.search(utf8_text[offset:offset + length].decode(errors="replace")) is not None
        # The glyph that carries a cluster's text: the first one with an advance (the letter's
        # shape, not a dot mark drawn over or under it); the cluster's other glyphs carry none. A
        # cluster of marks alone (harakat, a shadda) carries no text: poppler would put it before
        # its letter, and "بُتّ" would be found neither as itself nor as "بت".
        carrier = {}
        for i in range(num_glyphs):
            if clusters[i] not in carrier or (glyphs_info[carrier[clusters[i]]].geometry.width == 0
                                              and glyphs_info[i].geometry.width != 0):
                carrier[clusters[i]] = i
        for start in starts:
            if glyphs_info[carrier[start]].geometry.width == 0:
                carrier[start] = -1
        open_span = False

        string += "<"
        for i, glyph_info in enumerate(glyphs_info[0:num_glyphs]):
            glyph_id = glyph_info.glyph
            width = glyph_info.geometry.width

            if spans:
                # one span per glyph: draw what came before, then open this glyph's span
                string = string[:-1] if string.endswith("<") else string + ">"
                if string:
                    stream.show_text(string)
                if open_span:
                    stream.end_marked_content()
                cluster = ""
                if carrier[clusters[i]] == i:
                    cluster = utf8_text[offset + clusters[i]:offset + ends[clusters[i]]].decode(errors="replace")
                _span(stream, cluster)
                open_span = True
                string = "<"

            if glyph_id == pango.PANGO_GLYPH_EMPTY:
                string += f">{-width / font_size}<"
                continue

            if glyph_id & pango.PANGO_GLYPH_UNKNOWN_FLAG:
                codepoint = glyph_id - pango.PANGO_GLYPH_UNKNOWN_FLAG
                LOGGER.warning('.notdef glyph rendered for Unicode string unsupported by fonts: "%s" (U+%04X)',
                               chr(codepoint), codepoint)
                glyph_id = font.get_unused_glyph_id(codepoint)
                font.widths[glyph_id] = round(width * 1000 * FROM_UNITS / font_size)
                if 0 not in font.widths:
                    font.widths[0] = font.widths[glyph_id]

            if glyph_id not in font.to_unicode:
                t1 = clusters[i]
                if glyph_item.item.analysis.level % 2:  # rtl
                    t2 = length if i == 0 else clusters[i - 1]
                else:
                    t2 = length if i == num_glyphs - 1 else clusters[i + 1]
                font.to_unicode[glyph_id] = utf8_text[offset + t1:offset + t2].decode(errors="replace")

            x_offset = glyph_info.geometry.x_offset / font_size
            rise = glyph_info.geometry.y_offset / 1000
            if rise:
                string = string[:-1] if string[-1] == "<" else string + ">"
                if string:
                    stream.show_text(string)
                stream.set_text_rise(-rise)
                string = f"{-x_offset}" if x_offset else ""
                string += f"<{glyph_id:02x}>" if font.bitmap else f"<{glyph_id:04x}>"
                stream.show_text(string)
                stream.set_text_rise(0)
                string = "<"
            else:
                if x_offset:
                    string += f">{-x_offset}<"
                string += f"{glyph_id:02x}" if font.bitmap else f"{glyph_id:04x}"

            if glyph_id in font.widths:
                logical_width = font.widths[glyph_id]
            else:
                pango.pango_font_get_glyph_extents(pango_font, glyph_id, stream.ink_rect, stream.logical_rect)
                logical_width = font.widths[glyph_id] = round(stream.logical_rect.width * 1000 * FROM_UNITS / font_size)

            kerning = logical_width + x_offset - width * 1000 * FROM_UNITS / font_size
            if kerning:
                string += f">{int(kerning)}<"

        string = string[:-1] if string[-1] == "<" else string + ">"
        if open_span:
            if string:
                stream.show_text(string)
            string = ""
            stream.end_marked_content()

    if string:
        stream.show_text(string)
    return []
