"""The plan-year chooser the city's views share, and the year they open on."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from parkdesk.history.park_year import load_park_years
from parkdesk.reference.stages import STAGES


def plan_year_combo(year: int) -> QComboBox:
    combo = QComboBox()
    for stage in STAGES:
        combo.addItem(str(stage.year), stage.year)
    combo.setCurrentIndex(max(0, combo.findData(year)))
    return combo


def latest_counted_year(workspace) -> int:
    """The latest plan year with locked reports to count (a new year's drafts count for nothing yet)."""
    with workspace.session() as session:
        for stage in reversed(STAGES):
            if load_park_years(session, stage.year)[0]:  # the parks with a counted report
                return stage.year
    return STAGES[-1].year
