"""Paragraph and table styles, colours and page geometry of every parkdesk PDF."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

PORTRAIT = A4
LANDSCAPE = landscape(A4)
MARGIN = 18 * mm
HEADER_BAND = 10 * mm  # room above the frame for the running header
FOOTER_BAND = 10 * mm

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#616e7c")
ACCENT = colors.HexColor("#1d4e89")
RULE = colors.HexColor("#9aa5b1")
HEADER_FILL = colors.HexColor("#e4ebf5")
STRIPE_FILL = colors.HexColor("#f5f7fa")
BAR_TRACK = colors.HexColor("#e4e7eb")
BAR_FILL = colors.HexColor("#2f8f5b")
BAR_OVER = colors.HexColor("#1d6f42")
ERROR_INK = colors.HexColor("#b42318")
WARNING_INK = colors.HexColor("#9a5b00")


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of one document, all in its CJK font."""

    font: str
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    cell_center: ParagraphStyle
    header_cell: ParagraphStyle
    small_header_cell: ParagraphStyle

    # sizes of plain-string table cells (the enterprise appendix)
    table_font_size: float = 7.5
    table_leading: float = 9.2


def make_styles(font: str, lang: str = "zh") -> Styles:
    """Chinese documents wrap between any two characters (wordWrap CJK); English ones keep Latin words
    whole and still break long runs of Chinese (splitLongWords)."""
    wrap = None if lang == "en" else "CJK"

    def style(name: str, size: float, leading: float, **extra) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, textColor=extra.pop("color", INK),
                              wordWrap=wrap, splitLongWords=1, **extra)

    return Styles(
        font=font,
        title=style("title", 24, 34, alignment=TA_CENTER, color=ACCENT, spaceAfter=6 * mm),
        subtitle=style("subtitle", 15, 22, alignment=TA_CENTER, spaceAfter=4 * mm),
        h1=style("h1", 14, 20, color=ACCENT, spaceBefore=4 * mm, spaceAfter=2.5 * mm, keepWithNext=1),
        h2=style("h2", 11, 16, color=ACCENT, spaceBefore=3 * mm, spaceAfter=1.5 * mm, keepWithNext=1),
        body=style("body", 9.5, 15, spaceAfter=1.5 * mm),
        note=style("note", 8, 11.5, color=MUTED, spaceBefore=1 * mm, spaceAfter=1.5 * mm),
        cell=style("cell", 8.5, 11.5),
        cell_right=style("cell_right", 8.5, 11.5, alignment=TA_RIGHT),
        cell_center=style("cell_center", 8.5, 11.5, alignment=TA_CENTER),
        header_cell=style("header_cell", 8.5, 11.5, color=ACCENT),
        small_header_cell=style("small_header_cell", 7.5, 9.5, color=ACCENT),
    )


def grid_style(font: str, header_rows: int = 1, size: float = 8.5, striped: bool = True) -> TableStyle:
    """Thin grid, tinted header rows, light stripes on the body."""
    commands = [
        ("FONT", (0, 0), (-1, -1), font, size),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if header_rows:
        commands += [("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
                     ("TEXTCOLOR", (0, 0), (-1, header_rows - 1), ACCENT)]
    if striped:
        commands.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [colors.white, STRIPE_FILL]))
    return TableStyle(commands)
