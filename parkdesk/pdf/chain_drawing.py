"""The industry-chain panorama drawn with reportlab graphics from the layout the GUI draws too.

parkdesk.charts.chain_layout places everything in points from the top left;
here y is flipped to reportlab's bottom-left origin and each drawable becomes
a shape. The picture shrinks (never grows) to fit the frame.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Group, Polygon, Rect, String
from reportlab.lib import colors
from sqlalchemy.orm import Session

from parkdesk.charts import Arrow, Box, Label, TextBlock, layout_chain, load_chain
from parkdesk.charts.chain_layout import ChainLayout
from parkdesk.charts.drawing import ALIGN_CENTER
from parkdesk.charts.palette import DASH_PATTERNS
from parkdesk.pdf.blocks import font_drawing


def _colour(value: str | None):
    return colors.HexColor(value) if value else None


def _text(block: TextBlock, height: float, font: str) -> list[String]:
    shapes = []
    for line in block.lines:
        centred = block.align == ALIGN_CENTER
        x = line.rect.center.x if centred else line.rect.x
        shapes.append(String(x, height - line.baseline, line.text, fontName=font, fontSize=block.font_size,
                             fillColor=_colour(block.color), textAnchor="middle" if centred else "start"))
    return shapes


def _box(box: Box, height: float, font: str) -> list:
    rect = box.rect
    dash = DASH_PATTERNS.get(box.dash) or None
    shape = Rect(rect.x, height - rect.bottom, rect.width, rect.height, rx=box.radius, ry=box.radius,
                 fillColor=_colour(box.fill), strokeColor=_colour(box.stroke),
                 strokeWidth=box.stroke_width if box.stroke else 0, strokeDashArray=list(dash) if dash else None)
    shapes: list = [shape]
    for block in box.texts:
        shapes += _text(block, height, font)
    return shapes


def _arrow(arrow: Arrow, height: float) -> Polygon:
    points = [value for point in arrow.polygon for value in (point.x, height - point.y)]
    return Polygon(points, fillColor=_colour(arrow.fill), strokeColor=None, strokeWidth=0)


def layout_drawing(layout: ChainLayout, font: str, max_width: float, max_height: float) -> Drawing:
    """A reportlab Drawing of `layout`, scaled down if it is larger than max_width × max_height."""
    scale = min(1.0, max_width / layout.width, max_height / layout.height)
    group = Group()
    group.add(Rect(0, 0, layout.width, layout.height, fillColor=_colour(layout.background), strokeColor=None))
    for item in layout.items:
        if isinstance(item, Box):
            for shape in _box(item, layout.height, font):
                group.add(shape)
        elif isinstance(item, Label):
            for shape in _text(item.text, layout.height, font):
                group.add(shape)
        elif isinstance(item, Arrow):
            group.add(_arrow(item, layout.height))
    group.scale(scale, scale)
    drawing = font_drawing(layout.width * scale, layout.height * scale, font)
    drawing.add(group)
    return drawing


def chain_drawing(session: Session, report_id: int, font: str, lang: str, max_width: float,
                  max_height: float) -> Drawing:
    return layout_drawing(layout_chain(load_chain(session, report_id), lang), font, max_width, max_height)
