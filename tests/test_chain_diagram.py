"""The chain panorama drawn by Qt, offscreen: items per link, tooltips, double-click, PNG and SVG export."""

from __future__ import annotations

import struct
import sys
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontInfo, QFontMetricsF, QImage
from PySide6.QtWidgets import QLabel

from parkdesk.charts import ChainData, ChainLinkData, ChainSegmentData, layout_chain
from parkdesk.errors import ParkdeskError
from parkdesk.ui.chain_diagram import MAX_ZOOM, ChainDiagramView, diagram_font_family

LONG_EN = "Integrated circuit design and verification services for export"
LONG_ZH = "中药材种植与炮制加工以及道地药材标准化种植基地建设和质量追溯体系与国际认证服务平台建设运营"


def sample_chain() -> ChainData:
    return ChainData(report_id=1, unlinked_enterprises=2, segments=(
        ChainSegmentData(10, "upstream", "基础软硬件", (
            ChainLinkData(1, "集成电路设计", "fill", "weak", 12, description="芯片设计与验证"),
            ChainLinkData(2, LONG_EN, "strengthen", "existing", 3),
        )),
        ChainSegmentData(20, "midstream", "数字技术服务", (
            ChainLinkData(3, "云计算", "strengthen", "existing", 40),
            ChainLinkData(4, LONG_ZH, "fill", "missing", 0),
        )),
        ChainSegmentData(30, "downstream", "数字服务应用", (ChainLinkData(5, "离岸外包", "extend", "weak", 7),)),
    ))


@pytest.fixture
def view(qtbot):
    widget = ChainDiagramView()
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show_layout(layout_chain(sample_chain(), "zh"))
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_pyside_keeps_the_reference_count_of_none(qtbot):
    """PySide6 6.12.0 on Python 3.11 lost a reference to None per void call and aborted the process."""
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("x")
    assert sys.getrefcount(None) - before > -100


def test_one_item_per_link_with_its_tooltip(view):
    items = view.link_items()
    assert set(items) == {1, 2, 3, 4, 5}
    layout = view.chain_layout
    for link_id, item in items.items():
        rect = layout.link_box(link_id).rect
        assert item.boundingRect().contains(QPointF(rect.x + rect.width / 2, rect.y + rect.height / 2))
    assert items[1].toolTip().splitlines() == [
        "集成电路设计", "补链 · 薄弱", "企业 12 家", "所属环节组:基础软硬件(上游)", "芯片设计与验证"]


def test_double_clicking_a_link_emits_its_id(view, qtbot):
    rect = view.chain_layout.link_box(3).rect
    point = view.mapFromScene(QPointF(rect.x + 4, rect.y + rect.height / 2))
    with qtbot.waitSignal(view.link_activated, timeout=1000) as blocker:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [3]
    column = view.mapFromScene(QPointF(3, view.chain_layout.height / 2))
    with qtbot.assertNotEmitted(view.link_activated):
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=column)


def test_zooms_to_fit_when_resized(view, qtbot):
    layout = view.chain_layout
    for width, height in ((400, 300), (1400, 1000), (3000, 2400)):
        view.resize(width, height)
        qtbot.wait(1)
        scale = view.transform().m11()
        viewport = view.viewport().size()
        assert layout.width * scale <= viewport.width() and layout.height * scale <= viewport.height()
        assert scale <= MAX_ZOOM
    assert view.transform().m11() == pytest.approx(MAX_ZOOM)


def test_a_cjk_font_draws_every_text_inside_its_line(view):
    family = diagram_font_family()
    assert QFontInfo(QFont(family)).family() == family  # installed, not a fallback
    for lang in ("zh", "en"):
        layout = layout_chain(sample_chain(), lang)
        for box in layout.links + layout.boxes("column_header") + layout.boxes("segment"):
            for block in box.texts:
                font = QFont(family)
                font.setPixelSize(100)
                font.setBold(block.bold)
                metrics = QFontMetricsF(font)
                for line in block.lines:
                    assert all(metrics.inFontUcs4(ord(ch)) for ch in line.text if not ch.isspace()), line.text
                    drawn = metrics.horizontalAdvance(line.text) * block.font_size / 100
                    assert drawn <= line.rect.width, (line.text, drawn, line.rect.width)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_png_export_is_a_real_png_of_the_layout_size(view, tmp_path):
    target = tmp_path / "chain.png"
    target.write_bytes(b"old")
    assert view.export_png(target, scale=2.0) == target
    layout = view.chain_layout
    width, height = png_size(target.read_bytes())
    assert (width, height) == (int(-(-layout.width * 2 // 1)), int(-(-layout.height * 2 // 1)))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chain.png"]  # the temporary file is gone
    image = QImage(str(target))
    box = layout.link_box(3).rect  # 强链 · 已有: filled with the action's colour
    pixel = image.pixelColor(int((box.x + 3) * 2), int((box.y + box.height / 2) * 2))
    assert pixel.name() == QColor("#2563c9").name()
    assert image.pixelColor(1, 1).name() == "#ffffff"
    small = view.export_png(tmp_path / "small.png", scale=1.0)
    assert png_size(small.read_bytes())[0] == int(-(-layout.width // 1))


def test_svg_export_is_xml_with_the_link_names(view, tmp_path):
    target = view.export_svg(tmp_path / "chain.svg")
    root = ET.parse(target).getroot()
    assert root.tag.endswith("svg")
    assert root.findtext("{http://www.w3.org/2000/svg}title") == "目标产业链全景图"
    text = "".join(root.itertext())
    for name in ("集成电路设计", "云计算", "离岸外包", "上游", "强链", "企业 12 家"):
        assert name in text
    layout = view.chain_layout
    for line in layout.link_box(2).texts[0].lines + layout.link_box(4).texts[0].lines:
        assert line.text in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chain.svg"]


def test_show_layout_replaces_the_picture(view):
    view.show_layout(layout_chain(ChainData(report_id=2, segments=()), "en"))
    assert view.link_items() == {}
    view.show_layout(layout_chain(sample_chain(), "en"))
    assert set(view.link_items()) == {1, 2, 3, 4, 5}


def test_export_to_a_missing_folder_says_so(view, tmp_path):
    target = tmp_path / "missing" / "chain.png"
    with pytest.raises(ParkdeskError) as caught:
        view.export_png(target)
    assert str(target) in caught.value.message("en") and caught.value.message("en").startswith("Cannot write the file")
    with pytest.raises(ParkdeskError):
        view.export_svg(tmp_path / "missing" / "chain.svg")
    assert list(tmp_path.iterdir()) == []
