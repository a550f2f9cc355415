"""The city bureau's desk: the 1234 goals dashboard, the yearly evaluation, the roll-ups received and the bureau's
own records (recognition changes, third-party results), as tabs."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget

from parkdesk.ui.city.dashboard_view import DashboardView
from parkdesk.ui.city.evaluation_view import EvaluationView
from parkdesk.ui.city.records_view import RecordsView
from parkdesk.ui.city.rollups_view import ReceivedRollupsView
from parkdesk.ui.city.years import latest_counted_year


class CityDesk(QTabWidget):
    open_requested = Signal(int)  # a received report to open read-only

    def __init__(self, workspace, lang: str, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        year = latest_counted_year(workspace)
        self.dashboard = DashboardView(workspace, lang, year)
        self.evaluation = EvaluationView(workspace, lang, year)
        self.rollups = ReceivedRollupsView(workspace, lang)
        self.records = RecordsView(workspace, lang)
        self.addTab(self.dashboard, self.tr("1234 goals"))
        self.addTab(self.evaluation, self.tr("Yearly evaluation"))
        self.addTab(self.rollups, self.tr("Roll-ups received"))
        self.addTab(self.records, self.tr("The bureau's records"))
        self.records.recorded.connect(self.reload)
        self.dashboard.imported.connect(self.reload)
        self.dashboard.open_requested.connect(self.open_requested)
        self.evaluation.open_requested.connect(self.open_requested)

    def reload(self) -> None:
        """After roll-ups came in: every tab reads afresh."""
        self.dashboard.reload()
        self.evaluation.reload()
        self.rollups.reload()
        self.records.reload()
