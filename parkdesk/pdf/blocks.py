"""Building blocks every parkdesk PDF is made of: headings, tables, bars, QR codes, progress marks."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Iterable, Sequence
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle
from reportlab.platypus.tables import CellStyle

from parkdesk.forms.field_values import grouped
from parkdesk.pdf.styles import BAR_FILL, BAR_OVER, BAR_TRACK, INK, Styles, grid_style

CHUNK_ROWS = 100  # rows per table: one huge Table lays out in quadratic time, chunks in linear


def esc(value) -> str:
    """Text for a Paragraph: escaped, newlines kept."""
    return escape("" if value is None else str(value)).replace("\n", "<br/>")


def fmt_number(value: float | int | None, decimals: int = 2) -> str:
    """Thousands separators; no trailing zeros; "—" for nothing (parkdesk.forms.field_values.grouped)."""
    return grouped(value, decimals)


class Heading(Paragraph):
    """A section heading that also becomes a PDF bookmark (see SummaryDoc.afterFlowable)."""

    def __init__(self, text: str, style, level: int = 0):
        super().__init__(esc(text), style)
        self.outline_title = text
        self.outline_level = level


class Bookmark(Flowable):
    """An invisible PDF bookmark at this point of the story."""

    def __init__(self, title: str, level: int = 0):
        super().__init__()
        self.outline_title, self.outline_level = title, level
        self.width = self.height = 0

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        pass


class ProgressBar(Flowable):
    """A horizontal bar for a share of the way to a target, with the percentage beside it."""

    def __init__(self, fraction: float | None, font: str, width: float = 100, height: float = 11):
        super().__init__()
        self.fraction, self.font, self.width, self.height = fraction, font, width, height

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        label_width = 30
        track = self.width - label_width
        canvas.setFillColor(BAR_TRACK)
        canvas.rect(0, 2, track, self.height - 4, stroke=0, fill=1)
        if self.fraction is None:
            text = "—"
        else:
            shown = max(0.0, min(self.fraction, 1.0))
            canvas.setFillColor(BAR_OVER if self.fraction >= 1 else BAR_FILL)
            canvas.rect(0, 2, track * shown, self.height - 4, stroke=0, fill=1)
            text = f"{self.fraction * 100:.0f}%"
        canvas.setFillColor(INK)
        canvas.setFont(self.font, 7.5)
        canvas.drawRightString(self.width, 3, text)


class ScoreBar(Flowable):
    """A score on the scale from 0 to the most a park can reach (full mark plus bonus), with ticks at the pass
    line and the full mark: parks a few points apart look a few points apart, and a score above the full mark
    (bonus points) is not cut off at 100 %."""

    def __init__(self, score: float, scale: float, *, marks: tuple[float, ...] = (), width: float = 100,
                 height: float = 11):
        super().__init__()
        self.score, self.scale, self.marks = score, scale or 1.0, marks
        self.width, self.height = width, height

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        track = self.width  # the score is in the column beside it
        canvas.setFillColor(BAR_TRACK)
        canvas.rect(0, 2, track, self.height - 4, stroke=0, fill=1)
        canvas.setFillColor(BAR_FILL)
        canvas.rect(0, 2, track * max(0.0, min(self.score / self.scale, 1.0)), self.height - 4, stroke=0, fill=1)
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.6)
        for mark in self.marks:
            x = track * max(0.0, min(mark / self.scale, 1.0))
            canvas.line(x, 0.5, x, self.height - 0.5)


class ProgressMark(Flowable):
    """Invisible; calls `report(step)` when the layout reaches it (which may raise to cancel)."""

    def __init__(self, step: int, report: Callable[[int], None]):
        super().__init__()
        self.step, self.report = step, report
        self.width = self.height = 0

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        self.report(self.step)


def font_drawing(width: float, height: float, font: str, **kwargs) -> Drawing:
    """A Drawing whose default font is `font` (else reportlab would pull in a non-embedded Helvetica)."""
    drawing = Drawing(width, height, **kwargs)
    drawing.initialFontName = font
    return drawing


def qr_drawing(value: str, size: float, font: str) -> Drawing:
    widget = QrCodeWidget(value, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = font_drawing(size, size, font, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    return drawing


def key_value_table(pairs: Sequence[tuple[str, str]], styles: Styles, width: float,
                    label_share: float = 0.28) -> Table:
    rows = [[Paragraph(esc(label), styles.header_cell), Paragraph(esc(value) or "—", styles.cell)]
            for label, value in pairs]
    table = Table(rows, colWidths=[width * label_share, width * (1 - label_share)])
    style = grid_style(styles.font, header_rows=0, striped=False)
    style.add("BACKGROUND", (0, 0), (0, -1), "#f0f4fa")
    table.setStyle(style)
    return table


_LATIN_WORD = re.compile(r"[A-Za-z0-9_.,:;'()%+\-/]+")
CELL_PADDING = 3  # left and right, as grid_style sets them


def fit_widths(widths: Sequence[float], columns: Sequence[Sequence[str]], font: str, size: float,
               fixed: Sequence[int] = ()) -> list[float]:
    """`widths` adjusted so that no Latin word or number of a column has to break mid-word.

    Chinese breaks anywhere and sets no minimum. Columns that need more take it
    from the others in proportion to their room to spare; the total stays the same.
    `fixed` columns (holding drawings of a set size) keep their width.
    """
    need = [max((stringWidth(word, font, size) for value in column for word in _LATIN_WORD.findall(value)),
                default=0.0) + 2 * CELL_PADDING + 1 for column in columns]
    for index in fixed:
        need[index] = max(need[index], widths[index])
    result = list(widths)
    short = sum(max(0.0, n - w) for n, w in zip(need, result))
    spare = sum(max(0.0, w - n) for n, w in zip(need, result))
    if short == 0 or spare < short:
        return result
    return [n if w < n else w - (w - n) * short / spare for n, w in zip(need, result)]


def data_table(header: Sequence[str], rows: Iterable[Sequence], styles: Styles, col_widths: Sequence[float],
               right_columns: Sequence[int] = ()) -> Table:
    """A table of Paragraph cells (wrapping Chinese), header repeated on every page it spans.

    Cells may be strings or ready flowables. Meant for up to a few hundred rows.
    """
    def cell(value, column):
        if isinstance(value, Flowable):
            return value
        return Paragraph(esc(value), styles.cell_right if column in right_columns else styles.cell)

    rows = [list(row) for row in rows]
    texts = [list(map(str, header))] + [["" if v is None or isinstance(v, Flowable) else str(v) for v in row]
                                         for row in rows]
    columns = [[row[i] for row in texts] for i in range(len(header))]
    fixed = sorted({i for row in rows for i, v in enumerate(row) if isinstance(v, Flowable)})
    widths = fit_widths(col_widths, columns, styles.font, styles.cell.fontSize, fixed)
    body = [[cell(value, column) for column, value in enumerate(row)] for row in rows]
    head = [Paragraph(esc(text), styles.header_cell) for text in header]
    table = Table([head, *body], colWidths=widths, repeatRows=1)
    table.setStyle(grid_style(styles.font))
    return table


_TOKEN = re.compile(r"[A-Za-z0-9_.,:;'()%+\-/]+|\s+|.", re.S)


@lru_cache(maxsize=None)
def widest_advance(font: str) -> float:
    """The widest glyph of `font` in ems: text of n characters is at most n × this × size wide."""
    widths = getattr(getattr(getFont(font), "face", None), "charWidths", None)
    return max(widths.values()) / 1000 if widths else 2.0


def wrap_lines(text: str, font: str, size: float, width: float) -> str:
    """`text` with newlines where it must break to fit `width` (CJK breaks anywhere, Latin words kept whole)."""
    if not text or len(text) * widest_advance(font) * size <= width or stringWidth(text, font, size) <= width:
        return text
    lines: list[str] = []
    line, line_width = "", 0.0
    for token in _TOKEN.findall(text):
        token_width = stringWidth(token, font, size)
        if line_width + token_width <= width:
            line, line_width = line + token, line_width + token_width
            continue
        if token.isspace():
            lines.append(line)
            line, line_width = "", 0.0
            continue
        if line:
            lines.append(line.rstrip())
            line, line_width = "", 0.0
        for char in token if token_width > width else (token,):
            char_width = stringWidth(char, font, size)
            if line and line_width + char_width > width:
                lines.append(line)
                line, line_width = "", 0.0
            line, line_width = line + char, line_width + char_width
    if line:
        lines.append(line)
    return "\n".join(lines)


def column_cell_styles(font: str, size: float, leading: float, padding: float, top: float, bottom: float,
                       right_aligned: Sequence[int], columns: int) -> list[CellStyle]:
    """One cell style per column (font, padding, alignment), for plain_table_chunks."""
    result = []
    for column in range(columns):
        style = CellStyle(f"column{column}")
        style.fontname, style.fontsize, style.leading = font, size, leading
        style.leftPadding = style.rightPadding = padding
        style.topPadding, style.bottomPadding = top, bottom
        style.valign = "TOP"
        style.alignment = "RIGHT" if column in right_aligned else "LEFT"
        result.append(style)
    return result


def plain_table_chunks(rows: Iterable[Sequence[str]], col_widths: Sequence[float], cell_styles: list[CellStyle],
                       style: TableStyle, chunk_rows: int = CHUNK_ROWS,
                       after_chunk: Callable[[int], Flowable | None] | None = None) -> list[Flowable]:
    """Headerless tables of plain-string cells, `chunk_rows` each (the page template draws the header).

    Every row shares the per-column `cell_styles`, so `style` should hold only
    commands that are not per cell (grid lines, row backgrounds): reportlab
    otherwise makes and styles a CellStyle for each of the 100,000s of cells.
    `after_chunk(index)` may add a flowable (a progress mark) after each chunk.
    """
    result: list[Flowable] = []
    chunk: list[Sequence[str]] = []
    chunks = 0

    def flush():
        nonlocal chunks
        result.append(Table(chunk, colWidths=list(col_widths), style=style, cellStyles=[cell_styles] * len(chunk)))
        chunks += 1
        extra = after_chunk(chunks) if after_chunk is not None else None
        if extra is not None:
            result.append(extra)

    for row in rows:
        chunk.append(row)
        if len(chunk) == chunk_rows:
            flush()
            chunk = []
    if chunk:
        flush()
    return result
