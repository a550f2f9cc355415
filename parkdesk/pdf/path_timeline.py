"""The development path map (产业发展路径图): a timeline of the stages with numbered milestones, and its tables."""

from __future__ import annotations

from datetime import date

from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from parkdesk.forms.sections import PATH
from parkdesk.pdf.blocks import Heading, data_table, esc, font_drawing, wrap_lines
from parkdesk.pdf.park_sections import field_text
from parkdesk.pdf.styles import ACCENT, INK, MUTED, RULE, Styles
from parkdesk.reference.categories import CATEGORIES
from parkdesk.reference.choices import MILESTONE_STATUSES
from parkdesk.reference.stages import STAGE_BY_YEAR
from parkdesk.texts import text
from parkdesk.validation.report_data import ReportData

STATUS_COLOURS = {
    "done": colors.HexColor("#2f8f5b"),
    "in_progress": colors.HexColor("#1d6fb8"),
    "planned": colors.HexColor("#9aa5b1"),
    "delayed": colors.HexColor("#c2410c"),
}
STAGE_FILLS = (colors.HexColor("#e4ebf5"), colors.HexColor("#e6f2ea"), colors.HexColor("#fbefe0"))
_THEMES = {task.zh: task for category in CATEGORIES for task in category.core_tasks}
BAND_HEIGHT = 36
MARKER_RADIUS = 5.5
ROW_STEP = 14


def theme_text(theme: str | None, lang: str) -> str:
    """A stage's core theme (stored in Chinese) in the document's language where it is one of the plan's."""
    task = _THEMES.get(theme or "")
    return task.text(lang) if task else (theme or "")


def timeline_drawing(data: ReportData, font: str, width: float, lang: str) -> Drawing:
    years = sorted({s.stage_year for s in data.stages} | {m.stage_year for m in data.milestones})
    first, last = years[0], years[-1]
    start, end = date(first, 1, 1), date(last + 1, 1, 1)
    span = (end - start).days
    placed: list[tuple[float, int, int, str]] = []  # x, level, number, status
    for number, milestone in enumerate(data.milestones, start=1):
        if milestone.due_date is None:
            continue
        x = (milestone.due_date - start).days / span * width
        x = min(max(x, MARKER_RADIUS + 1), width - MARKER_RADIUS - 1)
        level = 0
        while any(abs(x - other) < 2 * MARKER_RADIUS + 2 and lvl == level for other, lvl, _, _ in placed):
            level += 1
        placed.append((x, level, number, milestone.status))
    levels = max((lvl for _, lvl, _, _ in placed), default=0) + 1
    axis_y = 30
    height = axis_y + levels * ROW_STEP + 8 + BAND_HEIGHT
    drawing = font_drawing(width, height, font)

    themes = {s.stage_year: theme_text(s.theme, lang) for s in data.stages}
    band_width = width / len(range(first, last + 1))
    for index, year in enumerate(range(first, last + 1)):
        x = index * band_width
        drawing.add(Rect(x + 1, height - BAND_HEIGHT, band_width - 2, BAND_HEIGHT,
                         fillColor=STAGE_FILLS[index % len(STAGE_FILLS)], strokeColor=None))
        stage = STAGE_BY_YEAR.get(year)
        title = f"{year} {stage.text(lang)}" if stage else str(year)
        drawing.add(String(x + 6, height - 14, title, fontName=font, fontSize=9.5, fillColor=ACCENT))
        theme = themes.get(year)
        if theme:
            line = wrap_lines(text("pdf.theme", lang, theme=theme), font, 7.5, band_width - 12).split("\n")[0]
            drawing.add(String(x + 6, height - 28, line, fontName=font, fontSize=7.5, fillColor=INK))
        drawing.add(Line(x, axis_y - 4, x, axis_y + 4, strokeColor=MUTED, strokeWidth=0.8))
        drawing.add(String(x + 2, axis_y - 13, f"{year}-01", fontName=font, fontSize=6.5, fillColor=MUTED))
    drawing.add(Line(0, axis_y, width, axis_y, strokeColor=MUTED, strokeWidth=1.2))

    for x, level, number, status in placed:
        y = axis_y + level * ROW_STEP
        if level:
            drawing.add(Line(x, axis_y, x, y, strokeColor=RULE, strokeWidth=0.6))
        drawing.add(Circle(x, y, MARKER_RADIUS, fillColor=STATUS_COLOURS.get(status, MUTED),
                           strokeColor=colors.white, strokeWidth=0.8))
        drawing.add(String(x, y - 2.3, str(number), fontName=font, fontSize=6.5, fillColor=colors.white,
                           textAnchor="middle"))

    x = 0.0
    for key, label in MILESTONE_STATUSES:  # the legend
        drawing.add(Circle(x + 4, 5, 3.5, fillColor=STATUS_COLOURS[key], strokeColor=None))
        words = label.text(lang)
        drawing.add(String(x + 11, 2.5, words, fontName=font, fontSize=7, fillColor=INK))
        x += 11 + stringWidth(words, font, 7) + 14
    return drawing


def path_map(data: ReportData, styles: Styles, width: float, lang: str) -> list[Flowable]:
    story: list[Flowable] = [Heading(PATH.text(lang), styles.h1)]
    if not data.stages and not data.milestones:
        return story + [Paragraph(esc(text("pdf.timeline_none", lang)), styles.body)]
    story.append(timeline_drawing(data, styles.font, width, lang))
    stage_record, milestone_record = PATH.records
    if data.stages:
        keys = ("stage_year", "theme", "goals", "measures")
        rows = [[field_text(stage_record.field("stage_year"), str(s.stage_year), lang), theme_text(s.theme, lang),
                 s.goals or "", s.measures or ""] for s in data.stages]
        story += [Paragraph(esc(stage_record.label.text(lang)), styles.h2),
                  data_table([stage_record.field(k).text(lang) for k in keys], rows, styles,
                             [width * 0.16, width * 0.14, width * 0.35, width * 0.35])]
    if data.milestones:
        keys = ("stage_year", "title", "due_date", "status", "evidence")
        rows = [[number, *(field_text(milestone_record.field(k), str(getattr(m, k)) if k == "stage_year"
                                      else getattr(m, k), lang) for k in keys)]
                for number, m in enumerate(data.milestones, start=1)]
        story += [Paragraph(esc(milestone_record.label.text(lang)), styles.h2),
                  data_table([text("pdf.number", lang), *(milestone_record.field(k).text(lang) for k in keys)], rows,
                             styles, [width * 0.07, width * 0.2, width * 0.3, width * 0.13, width * 0.12,
                                      width * 0.18], right_columns=(0,))]
    return story
