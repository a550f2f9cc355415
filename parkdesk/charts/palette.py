"""Colours (hex) and dash patterns of the chain diagram, as data both renderers read.

A link's colour says what the plan does with it (强链 blue, 补链 orange, 延链 green); its outline
says its state: existing solid and filled, weak dashed on a tint, missing dotted and hollow.
"""

from __future__ import annotations

from dataclasses import dataclass

# Dash patterns in points: (on, off, on, off, ...); empty = solid. Qt pens count in pen widths.
DASH_PATTERNS: dict[str, tuple[float, ...]] = {
    "solid": (),
    "dash": (4.0, 2.5),
    "dot": (1.2, 1.8),
}

BACKGROUND = "#ffffff"
TEXT = "#1f2933"
MUTED_TEXT = "#66727f"
COLUMN_FILL = "#f3f5f8"
COLUMN_STROKE = "#d5dce4"
POSITION_COLOURS = {"upstream": "#4a6582", "midstream": "#34506e", "downstream": "#263d58"}
HEADER_TEXT = "#ffffff"
SEGMENT_FILL = "#ffffff"
SEGMENT_STROKE = "#c3ccd6"
ARROW_FILL = "#9aa9ba"


@dataclass(frozen=True)
class ActionColours:
    base: str  # fill of an existing link, outline of the others
    tint: str  # fill of a weak link
    dark: str  # text on light fills


ACTION_COLOURS: dict[str, ActionColours] = {
    "strengthen": ActionColours("#2563c9", "#dde8fa", "#1a4590"),
    "fill": ActionColours("#cf5a12", "#fbe4d4", "#8f3d0b"),
    "extend": ActionColours("#2b8a3e", "#d9f0de", "#1d5e2a"),
}
NEUTRAL = ActionColours("#6b7785", "#e6eaee", "#3e4852")  # unknown actions; the legend's state swatches


@dataclass(frozen=True)
class LinkStyle:
    fill: str
    stroke: str
    dash: str
    text: str
    count_text: str


def link_style(action: str | None, state: str | None) -> LinkStyle:
    colours = ACTION_COLOURS.get(action or "", NEUTRAL)
    if state == "weak":
        return LinkStyle(colours.tint, colours.base, "dash", colours.dark, colours.dark)
    if state == "missing":
        return LinkStyle("#ffffff", colours.base, "dot", colours.dark, MUTED_TEXT)
    return LinkStyle(colours.base, colours.dark, "solid", "#ffffff", "#ffffff")
