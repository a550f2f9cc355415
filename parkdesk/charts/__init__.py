"""Charts computed without Qt: layouts in points that the GUI and the PDF both draw.

`load_chain(session, report_id)` reads a report's industry chain, `layout_chain(data, lang)`
places it; the result lists drawables (boxes, labels, arrows) in paint order.
"""

from parkdesk.charts.chain_data import ChainData, ChainLinkData, ChainSegmentData, load_chain
from parkdesk.charts.chain_layout import ChainLayout, layout_chain
from parkdesk.charts.drawing import Arrow, Box, Drawable, Label, Point, Rect, TextBlock, TextLine

__all__ = [
    "Arrow",
    "Box",
    "ChainData",
    "ChainLayout",
    "ChainLinkData",
    "ChainSegmentData",
    "Drawable",
    "Label",
    "Point",
    "Rect",
    "TextBlock",
    "TextLine",
    "layout_chain",
    "load_chain",
]
