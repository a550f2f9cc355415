"""The selected park at a glance: who runs it, its category's core tasks, and the plan's targets for it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTextBrowser

from parkdesk.db.queries import ParkOverview
from parkdesk.reference.categories import CATEGORY_BY_KEY
from parkdesk.reference.choices import REPORT_STATUSES, label_of
from parkdesk.reference.parks import PLAN_PARK_BY_CODE
from parkdesk.reference.stages import STAGES, stage_theme


class ParkDetailsView(QTextBrowser):
    report_requested = Signal(int, int)  # park id, year

    def __init__(self, lang: str = "zh", parent=None):
        super().__init__(parent)
        self.lang = lang
        self.park = None
        self.setOpenExternalLinks(False)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._link)
        self.show_park(None)

    def show_park(self, park: ParkOverview | None) -> None:
        if park is None:
            hint = self.tr("Select a park to see its details.")
            self.setHtml(f"<p style='color:#666'>{escape(hint)}</p>")
            return
        self.park = park
        lang = self.lang
        category = CATEGORY_BY_KEY[park.category]
        stages = " → ".join(
            f"{stage.year} {escape(stage.text(lang))}: <b>{escape(stage_theme(category, stage.year).text(lang))}</b>"
            for stage in STAGES
        )
        operator_label = self.tr("Operator")
        targets_label = self.tr("2024 targets stated in the plan")
        parts = [
            f"<h3>{escape(park.name)} <span style='color:#666'>({escape(park.code)})</span></h3>",
            f"<p>{escape(operator_label)}: {escape(park.operator_org or '—')}</p>",
            self._report_links(park),
            f"<p>{escape(category.text(lang))} — {escape(category.meaning.text(lang))}<br>{stages}</p>",
        ]
        plan_park = PLAN_PARK_BY_CODE.get(park.code)
        if plan_park is not None and plan_park.name == park.name:
            items = [t.text for t in plan_park.targets] + list(plan_park.goals)
            parts.append(f"<p><b>{escape(targets_label)}</b></p>")
            parts.append("<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>")
        self.setHtml("".join(parts))

    def _report_links(self, park: ParkOverview) -> str:
        if not park.reports:
            none_yet = self.tr("No annual report yet.")
            return f"<p>{escape(none_yet)}</p>"
        links = " · ".join(f"<a href='report:{year}'>{year} ({escape(label_of(REPORT_STATUSES, status, self.lang))})</a>"
                           for year, status in park.reports)
        heading = self.tr("Annual reports:")
        return f"<p><b>{escape(heading)}</b> {links}</p>"

    def _link(self, url) -> None:
        text = url.toString()
        if self.park is not None and text.startswith("report:"):
            self.report_requested.emit(self.park.id, int(text.split(":", 1)[1]))
