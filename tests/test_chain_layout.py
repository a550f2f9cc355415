"""The chain panorama's layout: pure geometry checked on hand-built chains and on the demo workspace."""

from __future__ import annotations

import sqlite3
from itertools import combinations

import pytest

from parkdesk.charts import ChainData, ChainLinkData, ChainSegmentData, layout_chain, load_chain
from parkdesk.charts.chain_layout import (
    KIND_COLUMN, KIND_HEADER, KIND_LEGEND_LABEL, KIND_LEGEND_SWATCH, KIND_NOTE, KIND_PLACEHOLDER, KIND_SEGMENT,
    LINK_MAX_LINES,
)
from parkdesk.charts.palette import ACTION_COLOURS, DASH_PATTERNS
from parkdesk.charts.text_metrics import text_width, wrap_text
from parkdesk.db.workspace import open_workspace
from parkdesk.errors import ParkdeskError

LONG_ZH = "中药材种植与炮制加工以及道地药材标准化种植基地建设和质量追溯体系与国际认证服务平台建设运营"
LONG_EN = "Integrated circuit design and verification services for export"


def sample_chain() -> ChainData:
    return ChainData(report_id=1, unlinked_enterprises=4, segments=(
        ChainSegmentData(10, "upstream", "基础软硬件", (
            ChainLinkData(1, "集成电路设计", "fill", "weak", 12),
            ChainLinkData(2, LONG_EN, "strengthen", "existing", 0, description="操作系统、数据库"),
        )),
        ChainSegmentData(11, "upstream", "数据资源", (ChainLinkData(3, LONG_ZH, "fill", "missing", 5),)),
        ChainSegmentData(20, "midstream", "数字技术服务", tuple(
            ChainLinkData(4 + i, name, "strengthen", "existing", 30 + i)
            for i, name in enumerate(("云计算", "大数据", "人工智能", "工业互联网", "区块链"))
        )),
        ChainSegmentData(21, "midstream", "尚未细分", ()),
        ChainSegmentData(30, "downstream", "数字服务应用", (ChainLinkData(9, "离岸外包", "extend", "weak", 7),)),
    ))


@pytest.fixture(params=["zh", "en"])
def layout(request):
    return layout_chain(sample_chain(), request.param)


def columns(layout):
    return layout.boxes(KIND_COLUMN)


def test_three_columns_from_upstream_on_the_left_with_arrows_between(layout):
    panels = columns(layout)
    headers = layout.boxes(KIND_HEADER)
    assert len(panels) == 3 and len(headers) == 3
    assert [panel.rect.x for panel in panels] == sorted(panel.rect.x for panel in panels)
    names = [header.texts[0].text for header in headers]
    assert names == (["上游", "中游", "下游"] if layout.lang == "zh" else ["Upstream", "Midstream", "Downstream"])
    assert len({panel.rect.height for panel in panels}) == 1
    arrows = layout.arrows
    assert len(arrows) == 2
    for arrow, left, right in zip(arrows, panels, panels[1:]):
        assert left.rect.right <= arrow.rect.x and arrow.rect.right <= right.rect.x
        assert arrow.end.x > arrow.start.x  # pointing downstream
        assert left.rect.y < arrow.start.y < left.rect.bottom


def test_nothing_overlaps_and_everything_is_on_the_canvas(layout):
    canvas_width, canvas_height = layout.width, layout.height
    for item in layout.items:
        rect = item.rect
        assert rect.x >= 0 and rect.y >= 0 and rect.right <= canvas_width and rect.bottom <= canvas_height
    for kind in (KIND_COLUMN, KIND_SEGMENT, "link", KIND_LEGEND_SWATCH):
        boxes = layout.boxes(kind)
        for a, b in combinations(boxes, 2):
            assert not a.rect.overlaps(b.rect), (kind, a.rect, b.rect)
    legend = [item.rect for item in layout.boxes(KIND_LEGEND_SWATCH) + layout.labels(KIND_LEGEND_LABEL)]
    notes = [label.rect for label in layout.labels(KIND_NOTE)]
    for a, b in combinations(legend + notes + [panel.rect for panel in columns(layout)], 2):
        assert not a.overlaps(b), (a, b)


def test_every_link_sits_inside_its_segment_inside_its_column(layout):
    data = sample_chain()
    segments = {box.segment_id: box for box in layout.boxes(KIND_SEGMENT)}
    assert set(segments) == {segment.id for segment in data.segments}
    panels = dict(zip(("upstream", "midstream", "downstream"), columns(layout)))
    for segment in data.segments:
        outline = segments[segment.id]
        assert panels[segment.position].rect.contains(outline.rect)
        title = outline.texts[0]
        assert outline.rect.contains(title.rect)
        tops = []
        for link in segment.links:
            box = layout.link_box(link.id)
            assert box.segment_id == segment.id
            assert outline.rect.contains(box.rect)
            assert box.rect.y >= title.rect.bottom  # below the segment's title
            for block in box.texts:
                assert box.rect.contains(block.rect)
            tops.append(box.rect.y)
        assert tops == sorted(tops)  # in the data's order, top to bottom
    assert len(layout.links) == len(data.links)


def test_each_link_shows_its_enterprise_count(layout):
    for link in sample_chain().links:
        count = layout.link_box(link.id).texts[1].text
        assert count == (f"企业 {link.enterprise_count} 家" if layout.lang == "zh"
                         else f"Enterprises: {link.enterprise_count}")
    note = layout.labels(KIND_NOTE)[0].text.text
    assert note == ("另有 4 家企业未关联产业链环节" if layout.lang == "zh"
                    else "4 more enterprises are not on any chain link")


def test_long_names_wrap_within_their_box(layout):
    english = layout.link_box(2).texts[0]
    assert len(english.lines) > 1
    assert " ".join(line.text for line in english.lines) == LONG_EN  # broken between words only
    chinese = layout.link_box(3).texts[0]
    assert len(chinese.lines) == LINK_MAX_LINES and chinese.lines[-1].text.endswith("…")
    assert "".join(line.text for line in chinese.lines).rstrip("…") in LONG_ZH
    for box in layout.links:
        for block in box.texts:
            for line in block.lines:
                assert text_width(line.text, block.font_size, block.bold) <= line.rect.width
                assert box.rect.contains(line.rect)
                assert line.rect.y < line.baseline < line.rect.bottom


def test_colour_follows_the_action_and_outline_the_state(layout):
    weak_fill = layout.link_box(1)  # 补链, 薄弱
    assert (weak_fill.fill, weak_fill.stroke, weak_fill.dash) == (
        ACTION_COLOURS["fill"].tint, ACTION_COLOURS["fill"].base, "dash")
    missing = layout.link_box(3)
    assert missing.fill == "#ffffff" and missing.dash == "dot" and missing.stroke == ACTION_COLOURS["fill"].base
    existing = layout.link_box(4)
    assert existing.fill == ACTION_COLOURS["strengthen"].base and existing.dash == "solid"
    extend = layout.link_box(9)
    assert extend.stroke == ACTION_COLOURS["extend"].base
    for box in layout.links + layout.boxes(KIND_LEGEND_SWATCH):
        assert box.dash in DASH_PATTERNS
        for colour in (box.fill, box.stroke):
            assert colour is None or (colour.startswith("#") and len(colour) == 7)


def test_legend_names_every_action_and_state(layout):
    texts = [label.text.text for label in layout.labels(KIND_LEGEND_LABEL)]
    if layout.lang == "zh":
        assert texts == ["强链", "补链", "延链", "已有", "薄弱", "缺失"]
    else:
        assert texts == ["Strengthen", "Fill gap", "Extend", "Existing", "Weak", "Missing"]
    swatches = layout.boxes(KIND_LEGEND_SWATCH)
    assert [box.dash for box in swatches] == ["solid"] * 4 + ["dash", "dot"]
    assert max(box.rect.bottom for box in swatches) <= layout.height


def test_tooltips_say_name_action_state_count_and_description():
    tooltip = layout_chain(sample_chain(), "zh").link_box(2).tooltip
    assert tooltip.splitlines() == [
        LONG_EN, "强链 · 已有", "企业 0 家", "所属环节组:基础软硬件(上游)", "操作系统、数据库"]
    assert "Fill gap · Weak" in layout_chain(sample_chain(), "en").link_box(1).tooltip


def test_a_segment_without_links_shows_a_placeholder():
    layout = layout_chain(sample_chain(), "zh")
    empty = next(box for box in layout.boxes(KIND_SEGMENT) if box.segment_id == 21)
    placeholders = [label for label in layout.labels(KIND_PLACEHOLDER) if empty.rect.contains(label.rect)]
    assert [label.text.text for label in placeholders] == ["暂无环节"]


def test_an_empty_chain_still_draws_three_columns_and_says_so():
    layout = layout_chain(ChainData(report_id=5, segments=()), "zh")
    assert len(columns(layout)) == 3 and len(layout.arrows) == 2
    assert layout.links == () and layout.boxes(KIND_SEGMENT) == ()
    assert [label.text.text for label in layout.labels(KIND_NOTE)] == ["尚未填写产业链环节"]
    assert [label.text.text for label in layout.labels(KIND_PLACEHOLDER)] == ["暂无"] * 3
    assert layout_chain(ChainData(5, ()), "en").labels(KIND_NOTE)[0].text.text == "No chain links yet"


def test_layout_is_deterministic_and_data_is_immutable():
    first, second = layout_chain(sample_chain(), "zh"), layout_chain(sample_chain(), "zh")
    assert first == second
    with pytest.raises(AttributeError):
        first.width = 1  # frozen


def test_wrapping_rules():
    assert wrap_text("中药材种植与炮制", 60, 9) == ("中药材种植与", "炮制")
    assert wrap_text("Integrated circuit design", 80, 9) == ("Integrated circuit", "design")
    for line in wrap_text("数据采集(标注),清洗。整理", 40, 9):
        assert line[0] not in ",。)"  # closing punctuation never starts a line
    assert all(text_width(line, 9) <= 50 for line in wrap_text("Supercalifragilisticexpialidocious", 50, 9))
    assert wrap_text("", 100, 9) == ("",)
    assert wrap_text("  多个   空格  ", 100, 9) == ("多个 空格",)
    assert wrap_text("很长的名字" * 20, 100, 9, max_lines=2)[-1].endswith("…")
    assert wrap_text("very long words " * 10, 60, 9, max_lines=2)[-1].endswith("...")
    assert text_width("中文", 10) == 20 and text_width("ab", 10) < text_width("中文", 10)


# --- from a real workspace ---------------------------------------------------------------------

def report_id(path, code: str, year: int) -> int:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT r.id FROM reports r JOIN parks p ON p.id = r.park_id "
                          "WHERE p.code = ? AND r.year = ?", (code, year)).fetchone()[0]


def test_load_chain_counts_match_sql_on_the_demo(demo_path):
    rid = report_id(demo_path, "QLRJY", 2024)
    with sqlite3.connect(demo_path) as db:  # take a few enterprises off the chain
        db.execute("UPDATE enterprises SET chain_link_id = NULL WHERE id IN "
                   "(SELECT id FROM enterprises WHERE report_id = ? ORDER BY id LIMIT 9)", (rid,))
        expected = dict(db.execute("SELECT chain_link_id, COUNT(*) FROM enterprises WHERE report_id = ? "
                                   "GROUP BY chain_link_id", (rid,)).fetchall())
        segments = db.execute("SELECT id, position, name FROM chain_segments WHERE report_id = ? "
                              "ORDER BY sort_order, id", (rid,)).fetchall()
        link_names = {row[0]: row[1] for row in db.execute(
            "SELECT l.id, l.name FROM chain_links l JOIN chain_segments s ON s.id = l.segment_id "
            "WHERE s.report_id = ?", (rid,))}
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        data = load_chain(session, rid)
    assert [(s.id, s.position, s.name) for s in data.segments] == segments
    assert {link.id: link.name for link in data.links} == link_names
    assert {link.id: link.enterprise_count for link in data.links} == {
        link_id: expected.get(link_id, 0) for link_id in link_names}
    assert data.unlinked_enterprises == expected[None] == 9
    assert sum(link.enterprise_count for link in data.links) + 9 == sum(expected.values())
    layout = layout_chain(data, "zh")
    assert {box.link_id for box in layout.links} == set(link_names)
    for link in data.links:
        assert layout.link_box(link.id).texts[1].text == f"企业 {link.enterprise_count} 家"
    assert "另有 9 家企业未关联产业链环节" in [label.text.text for label in layout.labels(KIND_NOTE)]


def test_load_chain_refuses_an_unknown_report(demo_path):
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        with pytest.raises(ParkdeskError) as caught:
            load_chain(session, 999_999)
    assert caught.value.message("en") == "The workspace has no report with id 999999"
    assert "999999" in caught.value.message("zh")
