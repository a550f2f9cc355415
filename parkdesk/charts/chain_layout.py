"""The industry-chain panorama (产业链全景图) laid out in points, for the GUI and the PDF alike.

Three columns 上游 → 中游 → 下游 from left to right with arrows between them; each column stacks its
segments, each segment its links. A link box shows the link's name (wrapped) and its enterprise
count, coloured by action and outlined by state (see palette). A legend and notes close the picture.
`layout_chain` is a pure function of the data and the language.
"""

from __future__ import annotations

from dataclasses import dataclass

from parkdesk.charts import palette
from parkdesk.charts.chain_data import ChainData, ChainLinkData, ChainSegmentData, load_chain
from parkdesk.charts.drawing import (
    ALIGN_CENTER, ALIGN_LEFT, Arrow, Box, Drawable, Label, Point, Rect, TextBlock, TextLine, block_arrow,
)
from parkdesk.charts.text_metrics import text_width, wrap_text
from parkdesk.forms.field_values import display_value
from parkdesk.forms.model import choice_keys
from parkdesk.forms.sections import RECORD_BY_KEY
from parkdesk.texts import text

__all__ = ["ChainLayout", "layout_chain", "load_chain"]

# the chain section's fields a diagram shows, with their choices and labels
POSITION = RECORD_BY_KEY["chain_segment"].field("position")
ACTION, STATE = RECORD_BY_KEY["chain_link"].field("action"), RECORD_BY_KEY["chain_link"].field("state")
POSITIONS = choice_keys(POSITION.choices)

# Kinds of drawables, for renderers and tests.
KIND_COLUMN = "column"
KIND_HEADER = "column_header"
KIND_ARROW = "arrow"
KIND_SEGMENT = "segment"
KIND_LINK = "link"
KIND_PLACEHOLDER = "placeholder"
KIND_NOTE = "note"
KIND_LEGEND_SWATCH = "legend_swatch"
KIND_LEGEND_LABEL = "legend_label"

# Geometry in points. The whole picture is 492 pt wide: an A4 page's text width at 1.8 cm margins.
MARGIN = 10.0
COLUMN_WIDTH = 140.0
COLUMN_GAP = 26.0
COLUMN_PAD = 6.0
COLUMN_RADIUS = 6.0
HEADER_INSET = 4.0
HEADER_HEIGHT = 22.0
HEADER_FONT = 11.0
MIN_BODY_HEIGHT = 60.0
SEGMENT_GAP = 8.0
SEGMENT_PAD = 5.0
SEGMENT_RADIUS = 4.0
SEGMENT_TITLE_FONT = 9.0
SEGMENT_TITLE_MAX_LINES = 2
LINK_GAP = 5.0
LINK_PAD_X = 5.0
LINK_PAD_Y = 3.5
LINK_RADIUS = 3.0
LINK_STROKE = 1.2
LINK_FONT = 9.0
LINK_MAX_LINES = 3
COUNT_FONT = 7.5
PLACEHOLDER_FONT = 8.0
ARROW_INSET = 3.0
ARROW_SHAFT = 8.0
ARROW_HEAD_WIDTH = 18.0
ARROW_HEAD_LENGTH = 10.0
NOTE_FONT = 8.5
LEGEND_FONT = 8.0
LEGEND_SWATCH_WIDTH = 16.0
LEGEND_SWATCH_HEIGHT = 10.0
LEGEND_SWATCH_GAP = 4.0
LEGEND_ENTRY_GAP = 12.0
LEGEND_GROUP_GAP = 24.0
SECTION_GAP = 8.0
LINE_SPACING = 1.25  # line height in ems
BASELINE_SHIFT = 0.36  # the baseline sits this many ems below the middle of its line


@dataclass(frozen=True)
class ChainLayout:
    width: float  # points
    height: float
    lang: str
    items: tuple[Drawable, ...]  # in paint order
    background: str = palette.BACKGROUND

    def boxes(self, kind: str) -> tuple[Box, ...]:
        return tuple(item for item in self.items if isinstance(item, Box) and item.kind == kind)

    def labels(self, kind: str) -> tuple[Label, ...]:
        return tuple(item for item in self.items if isinstance(item, Label) and item.kind == kind)

    @property
    def arrows(self) -> tuple[Arrow, ...]:
        return tuple(item for item in self.items if isinstance(item, Arrow))

    @property
    def links(self) -> tuple[Box, ...]:
        return self.boxes(KIND_LINK)

    def link_box(self, link_id: int) -> Box:
        for box in self.links:
            if box.link_id == link_id:
                return box
        raise KeyError(link_id)


def layout_chain(data: ChainData, lang: str = "zh") -> ChainLayout:
    """Place the chain: columns, arrows, segments, links, notes and legend, in points from the top left."""
    width = 2 * MARGIN + len(POSITIONS) * COLUMN_WIDTH + (len(POSITIONS) - 1) * COLUMN_GAP
    top = MARGIN
    body_top = top + HEADER_INSET + HEADER_HEIGHT + COLUMN_PAD
    columns: list[tuple[float, tuple[Drawable, ...], float]] = []  # (x, content, content bottom)
    for index, position in enumerate(POSITIONS):
        x = MARGIN + index * (COLUMN_WIDTH + COLUMN_GAP)
        content, bottom = _column_content(data.segments_at(position), x, body_top, lang)
        columns.append((x, content, bottom))
    column_bottom = max([body_top + MIN_BODY_HEIGHT] + [bottom for _, _, bottom in columns]) + COLUMN_PAD

    frames: list[Drawable] = []
    contents: list[Drawable] = []
    for position, (x, content, bottom) in zip(POSITIONS, columns):
        frames += _column_frame(position, x, top, column_bottom, lang)
        contents += content or [_placeholder(text("chart.empty_column", lang), x + COLUMN_PAD,
                                             (body_top + column_bottom) / 2, COLUMN_WIDTH - 2 * COLUMN_PAD)]
    arrows = [_arrow(x, (body_top + column_bottom) / 2) for x, _, _ in columns[:-1]]

    y = column_bottom + SECTION_GAP
    notes = []
    if not data.links:
        notes.append(text("chart.chain_empty", lang))
    if data.unlinked_enterprises:
        notes.append(text("chart.unlinked", lang, count=data.unlinked_enterprises))
    note_labels = []
    for note in notes:
        lines = wrap_text(note, width - 2 * MARGIN, NOTE_FONT)
        block = _text_block(lines, MARGIN, y, width - 2 * MARGIN, NOTE_FONT, palette.MUTED_TEXT)
        note_labels.append(Label(KIND_NOTE, block))
        y = block.rect.bottom
    if notes:
        y += SECTION_GAP
    legend, y = _legend(width, y, lang)
    items = tuple(frames + arrows + contents + note_labels + legend)
    return ChainLayout(width=width, height=y + MARGIN, lang=lang, items=items)


def _column_frame(position: str, x: float, top: float, bottom: float, lang: str) -> list[Drawable]:
    panel = Box(KIND_COLUMN, Rect(x, top, COLUMN_WIDTH, bottom - top), palette.COLUMN_FILL, palette.COLUMN_STROKE,
                stroke_width=0.8, radius=COLUMN_RADIUS)
    header_rect = Rect(x + HEADER_INSET, top + HEADER_INSET, COLUMN_WIDTH - 2 * HEADER_INSET, HEADER_HEIGHT)
    title = display_value(POSITION, position, lang)
    block = _text_block((title,), header_rect.x, header_rect.y, header_rect.width, HEADER_FONT, palette.HEADER_TEXT,
                        bold=True, height=HEADER_HEIGHT)
    header = Box(KIND_HEADER, header_rect, palette.POSITION_COLOURS[position], None, stroke_width=0,
                 radius=COLUMN_RADIUS - 2, texts=(block,))
    return [panel, header]


def _column_content(segments: tuple[ChainSegmentData, ...], x: float, y: float,
                    lang: str) -> tuple[list[Drawable], float]:
    """The segments of one column from `y` down, and where they end."""
    outlines: list[Drawable] = []
    inner: list[Drawable] = []
    bottom = y
    for segment in segments:
        outline, contents, bottom = _segment(segment, x + COLUMN_PAD, y, COLUMN_WIDTH - 2 * COLUMN_PAD, lang)
        outlines.append(outline)
        inner += contents
        y = bottom + SEGMENT_GAP
    return outlines + inner, bottom


def _segment(segment: ChainSegmentData, x: float, y: float, width: float,
             lang: str) -> tuple[Box, list[Drawable], float]:
    inner_x = x + SEGMENT_PAD
    inner_width = width - 2 * SEGMENT_PAD
    lines = wrap_text(segment.name, inner_width, SEGMENT_TITLE_FONT, bold=True, max_lines=SEGMENT_TITLE_MAX_LINES)
    title = _text_block(lines, inner_x, y + SEGMENT_PAD - 1, inner_width, SEGMENT_TITLE_FONT, palette.TEXT, bold=True)
    cursor = title.rect.bottom + 2
    contents: list[Drawable] = []
    position = display_value(POSITION, segment.position, lang)
    for link in segment.links:
        box = _link(link, segment, position, inner_x, cursor, inner_width, lang)
        contents.append(box)
        cursor = box.rect.bottom + LINK_GAP
    if not segment.links:
        label = _placeholder(text("chart.no_links_in_segment", lang), inner_x, None, inner_width, top=cursor)
        contents.append(label)
        cursor = label.rect.bottom + LINK_GAP
    bottom = cursor - LINK_GAP + SEGMENT_PAD
    outline = Box(KIND_SEGMENT, Rect(x, y, width, bottom - y), palette.SEGMENT_FILL, palette.SEGMENT_STROKE,
                  stroke_width=0.8, radius=SEGMENT_RADIUS, texts=(title,), segment_id=segment.id,
                  tooltip=f"{segment.name}\n{position}")
    return outline, contents, bottom


def _link(link: ChainLinkData, segment: ChainSegmentData, position: str, x: float, y: float, width: float,
          lang: str) -> Box:
    style = palette.link_style(link.action, link.state)
    inner_width = width - 2 * LINK_PAD_X
    name_lines = wrap_text(link.name, inner_width, LINK_FONT, max_lines=LINK_MAX_LINES)
    count_text = text("chart.enterprise_count", lang, count=link.enterprise_count)
    count_lines = wrap_text(count_text, inner_width, COUNT_FONT, max_lines=1)
    name = _text_block(name_lines, x + LINK_PAD_X, y + LINK_PAD_Y, inner_width, LINK_FONT, style.text)
    count = _text_block(count_lines, x + LINK_PAD_X, name.rect.bottom, inner_width, COUNT_FONT, style.count_text)
    rect = Rect(x, y, width, count.rect.bottom + LINK_PAD_Y - y)
    action = display_value(ACTION, link.action, lang)
    state = display_value(STATE, link.state, lang)
    tooltip = [link.name, f"{action} · {state}", count_text,
               text("chart.tooltip_segment", lang, segment=segment.name, position=position)]
    if link.description:
        tooltip.append(link.description)
    return Box(KIND_LINK, rect, style.fill, style.stroke, stroke_width=LINK_STROKE, dash=style.dash,
               radius=LINK_RADIUS, texts=(name, count), link_id=link.id, segment_id=segment.id,
               tooltip="\n".join(tooltip))


def _placeholder(words: str, x: float, middle: float | None, width: float, top: float | None = None) -> Label:
    """A muted one-line note centred in `width`, either around `middle` or from `top`."""
    height = PLACEHOLDER_FONT * LINE_SPACING
    line_top = top if top is not None else middle - height / 2
    lines = wrap_text(words, width, PLACEHOLDER_FONT, max_lines=1)
    return Label(KIND_PLACEHOLDER, _text_block(lines, x, line_top, width, PLACEHOLDER_FONT, palette.MUTED_TEXT))


def _arrow(column_x: float, y: float) -> Arrow:
    start = Point(column_x + COLUMN_WIDTH + ARROW_INSET, y)
    end = Point(column_x + COLUMN_WIDTH + COLUMN_GAP - ARROW_INSET, y)
    return block_arrow(KIND_ARROW, start, end, ARROW_SHAFT, ARROW_HEAD_WIDTH, ARROW_HEAD_LENGTH, palette.ARROW_FILL)


def _legend(width: float, top: float, lang: str) -> tuple[list[Drawable], float]:
    """One swatch per action (filled) and per state (outline), centred rows; returns them and their bottom."""
    groups = [
        [(label.text(lang), palette.link_style(key, "existing")) for key, label in ACTION.choices],
        [(label.text(lang), palette.link_style(None, key)) for key, label in STATE.choices],
    ]
    entries: list[tuple[float, str, palette.LinkStyle]] = []  # (gap before, text, style)
    for group in groups:
        for index, (words, style) in enumerate(group):
            gap = LEGEND_ENTRY_GAP if index else LEGEND_GROUP_GAP
            entries.append((gap if entries else 0.0, words, style))
    rows: list[list[tuple[float, str, palette.LinkStyle, float]]] = [[]]
    row_width = 0.0
    available = width - 2 * MARGIN
    for gap, words, style in entries:
        entry_width = LEGEND_SWATCH_WIDTH + LEGEND_SWATCH_GAP + text_width(words, LEGEND_FONT)
        if rows[-1] and row_width + gap + entry_width > available:
            rows.append([])
            row_width = 0.0
        gap = gap if rows[-1] else 0.0
        rows[-1].append((gap, words, style, entry_width))
        row_width += gap + entry_width
    items: list[Drawable] = []
    line_height = LEGEND_FONT * LINE_SPACING
    y = top
    for row in rows:
        total = sum(gap + entry_width for gap, _, _, entry_width in row)
        x = (width - total) / 2
        for gap, words, style, entry_width in row:
            x += gap
            swatch = Rect(x, y + (line_height - LEGEND_SWATCH_HEIGHT) / 2, LEGEND_SWATCH_WIDTH, LEGEND_SWATCH_HEIGHT)
            items.append(Box(KIND_LEGEND_SWATCH, swatch, style.fill, style.stroke, stroke_width=LINK_STROKE,
                             dash=style.dash, radius=2.0))
            text_x = swatch.right + LEGEND_SWATCH_GAP
            block = _text_block((words,), text_x, y, entry_width - (text_x - x), LEGEND_FONT, palette.TEXT,
                                align=ALIGN_LEFT)
            items.append(Label(KIND_LEGEND_LABEL, block))
            x += entry_width
        y += line_height + 2
    return items, y - 2


def _text_block(lines: tuple[str, ...], x: float, y: float, width: float, font_size: float, color: str, *,
                bold: bool = False, align: str = ALIGN_CENTER, height: float | None = None) -> TextBlock:
    """Lines stacked from `y`, each `font_size * LINE_SPACING` high (or `height`, for one line)."""
    line_height = height if height is not None else font_size * LINE_SPACING
    placed = tuple(
        TextLine(words, Rect(x, y + i * line_height, width, line_height),
                 y + i * line_height + line_height / 2 + BASELINE_SHIFT * font_size)
        for i, words in enumerate(lines)
    )
    return TextBlock(placed, font_size, color, bold=bold, align=align)
