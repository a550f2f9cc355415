"""The industry-chain panorama drawn from a core ChainLayout: a zoom-to-fit view, PNG and SVG export.

Scene units are the layout's points. Text is drawn at the layout's baselines with a CJK font,
so the picture matches the PDF, which draws the same layout.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush, QColor, QFont, QFontDatabase, QFontMetricsF, QImage, QPainter, QPainterPath, QPen, QPolygonF,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPolygonItem, QGraphicsScene, QGraphicsView

from parkdesk.atomic_files import writing_atomically
from parkdesk.charts.chain_layout import KIND_LINK, ChainLayout
from parkdesk.charts.drawing import ALIGN_CENTER, Arrow, Box, Label, TextBlock
from parkdesk.charts.palette import DASH_PATTERNS
from parkdesk.errors import ParkdeskError
from parkdesk.texts import text
from parkdesk.ui.style import CJK_FAMILIES

REFERENCE_PIXELS = 100  # fonts are set at this pixel size and scaled to the layout's point size
MAX_ZOOM = 2.5
POINTS_PER_INCH = 72.0


def diagram_font_family() -> str:
    """The first installed CJK family (WenQuanYi Micro Hei on Linux), else Qt's default."""
    installed = set(QFontDatabase.families())
    return next((family for family in CJK_FAMILIES if family in installed), QFont().family())


def _font(family: str, bold: bool) -> QFont:
    font = QFont(family)
    font.setPixelSize(REFERENCE_PIXELS)
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def paint_text(painter: QPainter, block: TextBlock, family: str) -> None:
    font = _font(family, block.bold)
    metrics = QFontMetricsF(font)
    scale = block.font_size / REFERENCE_PIXELS
    painter.setFont(font)
    painter.setPen(QColor(block.color))
    for line in block.lines:
        x = line.rect.x
        if block.align == ALIGN_CENTER:
            x += (line.rect.width - metrics.horizontalAdvance(line.text) * scale) / 2
        painter.save()
        painter.translate(x, line.baseline)
        painter.scale(scale, scale)
        painter.drawText(QPointF(0, 0), line.text)
        painter.restore()


def _pen(colour: str | None, width: float, dash: str) -> QPen:
    if colour is None or width <= 0:
        return QPen(Qt.PenStyle.NoPen)
    pen = QPen(QColor(colour), width)
    pattern = DASH_PATTERNS.get(dash, ())
    if pattern:
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        pen.setDashPattern([length / width for length in pattern])
    return pen


class BoxItem(QGraphicsItem):
    """A layout Box: outline, fill and texts; links carry their id and a tooltip."""

    def __init__(self, box: Box, family: str):
        super().__init__()
        self.box = box
        self._family = family
        rect = box.rect
        self._rect = QRectF(rect.x, rect.y, rect.width, rect.height)
        if box.tooltip:
            self.setToolTip(box.tooltip)
        if box.kind == KIND_LINK:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    @property
    def link_id(self) -> int | None:
        return self.box.link_id

    def boundingRect(self) -> QRectF:
        half = self.box.stroke_width / 2
        return self._rect.adjusted(-half, -half, half, half)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self._rect)
        return path

    def paint(self, painter: QPainter, option, widget=None) -> None:
        box = self.box
        painter.setPen(_pen(box.stroke, box.stroke_width, box.dash))
        painter.setBrush(QBrush(QColor(box.fill)) if box.fill else Qt.BrushStyle.NoBrush)
        if box.radius > 0:
            painter.drawRoundedRect(self._rect, box.radius, box.radius)
        else:
            painter.drawRect(self._rect)
        for block in box.texts:
            paint_text(painter, block, self._family)


class LabelItem(QGraphicsItem):
    def __init__(self, label: Label, family: str):
        super().__init__()
        self.label = label
        self._family = family
        rect = label.rect
        self._rect = QRectF(rect.x, rect.y, rect.width, rect.height)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        paint_text(painter, self.label.text, self._family)


def _arrow_item(arrow: Arrow) -> QGraphicsPolygonItem:
    item = QGraphicsPolygonItem(QPolygonF([QPointF(p.x, p.y) for p in arrow.polygon]))
    item.setBrush(QColor(arrow.fill))
    item.setPen(QPen(Qt.PenStyle.NoPen))
    return item


def build_scene(layout: ChainLayout, scene: QGraphicsScene | None = None) -> QGraphicsScene:
    """A scene holding the layout's drawables in paint order (an existing scene is cleared first)."""
    scene = scene if scene is not None else QGraphicsScene()
    scene.clear()
    family = diagram_font_family()
    for z, item in enumerate(layout.items):
        if isinstance(item, Box):
            graphic = BoxItem(item, family)
        elif isinstance(item, Label):
            graphic = LabelItem(item, family)
        else:
            graphic = _arrow_item(item)
        graphic.setZValue(z)
        scene.addItem(graphic)
    scene.setSceneRect(0, 0, layout.width, layout.height)
    scene.setBackgroundBrush(QColor(layout.background))
    return scene


class ChainDiagramView(QGraphicsView):
    """Shows a ChainLayout scaled to fit; double-clicking a link emits its id."""

    link_activated = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self._layout: ChainLayout | None = None
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setBackgroundBrush(QColor("#ffffff"))

    @property
    def chain_layout(self) -> ChainLayout | None:
        return self._layout

    def show_layout(self, layout: ChainLayout) -> None:
        self._layout = layout
        build_scene(layout, self.scene())
        self.zoom_to_fit()

    def link_items(self) -> dict[int, BoxItem]:
        return {item.link_id: item for item in self.scene().items()
                if isinstance(item, BoxItem) and item.link_id is not None}

    def zoom_to_fit(self) -> None:
        if self._layout is None:
            return
        viewport = self.viewport().size()
        margin = 8
        scale = min((viewport.width() - margin) / self._layout.width,
                    (viewport.height() - margin) / self._layout.height, MAX_ZOOM)
        self.resetTransform()
        if scale > 0:
            self.scale(scale, scale)
        self.centerOn(self._layout.width / 2, self._layout.height / 2)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.zoom_to_fit()

    def mouseDoubleClickEvent(self, event) -> None:
        item = self.itemAt(event.position().toPoint())
        while item is not None and not isinstance(item, BoxItem):
            item = item.parentItem()
        if item is not None and item.link_id is not None:
            self.link_activated.emit(item.link_id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def export_png(self, path: Path, scale: float = 2.0) -> Path:
        """The diagram as a PNG of `scale` pixels per point (scale 2 = 144 dpi)."""
        layout = self._required_layout()
        size = QSize(math.ceil(layout.width * scale), math.ceil(layout.height * scale))
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor(layout.background))
        dots_per_meter = round(POINTS_PER_INCH * scale / 0.0254)
        image.setDotsPerMeterX(dots_per_meter)
        image.setDotsPerMeterY(dots_per_meter)
        painter = QPainter(image)
        self._render(painter, QRectF(0, 0, size.width(), size.height()))
        painter.end()

        def write(temporary: Path) -> bool:
            return image.save(str(temporary), "PNG")
        return _write_atomically(Path(path), ".png", write)

    def export_svg(self, path: Path) -> Path:
        """The diagram as SVG, one user unit per point."""
        layout = self._required_layout()

        def write(temporary: Path) -> bool:
            generator = QSvgGenerator()
            generator.setFileName(str(temporary))
            generator.setSize(QSize(math.ceil(layout.width), math.ceil(layout.height)))
            generator.setViewBox(QRectF(0, 0, layout.width, layout.height))
            generator.setResolution(int(POINTS_PER_INCH))
            generator.setTitle(text("chart.chain_title", layout.lang))
            painter = QPainter()
            if not painter.begin(generator):
                return False
            self._render(painter, QRectF(0, 0, layout.width, layout.height))
            return painter.end()
        return _write_atomically(Path(path), ".svg", write)

    def _render(self, painter: QPainter, target: QRectF) -> None:
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.scene().render(painter, target, self.scene().sceneRect(), Qt.AspectRatioMode.IgnoreAspectRatio)

    def _required_layout(self) -> ChainLayout:
        if self._layout is None:
            raise RuntimeError("show_layout() first")
        return self._layout


def _write_atomically(path: Path, suffix: str, write: Callable[[Path], bool]) -> Path:
    """Write through a temporary file next to `path` (named with `suffix`, by which Qt picks the format)."""
    with writing_atomically(path, suffix=suffix) as temporary:
        if not write(temporary) or temporary.stat().st_size == 0:
            raise ParkdeskError("chart.export_failed", path=path, reason="Qt could not write the file")
    return path
