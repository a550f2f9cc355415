"""Drawables shared by the charts: boxes, text labels and arrows, in points (1/72 in), origin top-left.

A renderer needs nothing else: each drawable carries its kind, geometry, colours (hex) and
dash name, and every text line its own rectangle and baseline.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

ALIGN_LEFT = "left"
ALIGN_CENTER = "center"


@dataclass(frozen=True)
class Point:
    x: float
    y: float


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def center(self) -> Point:
        return Point(self.x + self.width / 2, self.y + self.height / 2)

    def contains(self, other: "Rect", tolerance: float = 1e-6) -> bool:
        return (other.x >= self.x - tolerance and other.y >= self.y - tolerance
                and other.right <= self.right + tolerance and other.bottom <= self.bottom + tolerance)

    def overlaps(self, other: "Rect", tolerance: float = 1e-6) -> bool:
        """True when the two share area (touching edges do not count)."""
        return (self.x < other.right - tolerance and other.x < self.right - tolerance
                and self.y < other.bottom - tolerance and other.y < self.bottom - tolerance)


def bounding(rects: "list[Rect] | tuple[Rect, ...]") -> Rect:
    left = min(r.x for r in rects)
    top = min(r.y for r in rects)
    return Rect(left, top, max(r.right for r in rects) - left, max(r.bottom for r in rects) - top)


@dataclass(frozen=True)
class TextLine:
    """One line of text: aligned horizontally inside `rect`, drawn on `baseline` (a y coordinate)."""

    text: str
    rect: Rect
    baseline: float


@dataclass(frozen=True)
class TextBlock:
    lines: tuple[TextLine, ...]
    font_size: float  # points
    color: str  # "#rrggbb"
    bold: bool = False
    align: str = ALIGN_CENTER  # "left" | "center", within each line's rect

    @property
    def rect(self) -> Rect:
        return bounding([line.rect for line in self.lines])

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@dataclass(frozen=True)
class Box:
    """A (rounded) rectangle with optional texts inside; `dash` names a pattern in palette.DASH_PATTERNS."""

    kind: str
    rect: Rect
    fill: str | None  # None: not filled
    stroke: str | None  # None: no outline
    stroke_width: float = 1.0
    dash: str = "solid"
    radius: float = 0.0
    texts: tuple[TextBlock, ...] = ()
    link_id: int | None = None
    segment_id: int | None = None
    tooltip: str = ""


@dataclass(frozen=True)
class Label:
    """Free-standing text (notes, legend entries, placeholders)."""

    kind: str
    text: TextBlock

    @property
    def rect(self) -> Rect:
        return self.text.rect


@dataclass(frozen=True)
class Arrow:
    """A filled block arrow from `start` to `end`; `polygon` is its outline (closed implicitly)."""

    kind: str
    start: Point
    end: Point
    polygon: tuple[Point, ...]
    fill: str

    @property
    def rect(self) -> Rect:
        xs = [p.x for p in self.polygon]
        ys = [p.y for p in self.polygon]
        return Rect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


Drawable = Union[Box, Label, Arrow]


def block_arrow(kind: str, start: Point, end: Point, shaft: float, head_width: float,
                head_length: float, fill: str) -> Arrow:
    """A horizontal block arrow pointing from start to end (start.y == end.y)."""
    y = start.y
    neck = end.x - head_length if end.x >= start.x else end.x + head_length
    polygon = (
        Point(start.x, y - shaft / 2), Point(neck, y - shaft / 2), Point(neck, y - head_width / 2),
        Point(end.x, y), Point(neck, y + head_width / 2), Point(neck, y + shaft / 2), Point(start.x, y + shaft / 2),
    )
    return Arrow(kind, start, end, polygon, fill)
