"""Opens a park's annual report in the main window and brings the user back to the park list."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack
from sqlalchemy import select

from parkdesk.db.models import InboxEntry, Report
from parkdesk.db.workspace import ROLE_CITY, ROLE_REVIEWER
from parkdesk.ui.report.report_controller import ReportController
from parkdesk.ui.report.report_view import ReportView


class ReportOpener(QObject):
    def __init__(self, window, workspace_controller, lang: str):
        super().__init__(window)
        self.window = window
        self.workspaces = workspace_controller
        self.lang = lang
        self.view: ReportView | None = None
        self.controller: ReportController | None = None
        self._undo_stacks: dict[int, QUndoStack] = {}  # per report: viewing another year keeps each one's undo
        window.park_list.report_requested.connect(self.open)
        self._undo_workspace = None
        workspace_controller.shown.connect(self._forget_undo)

    def where(self) -> tuple[int, int, str] | None:
        """The open report (park id, year) and the section shown, to come back to."""
        if self.view is None:
            return None
        return self.controller.park_id, self.controller.year, self.view.current_section

    def open(self, park_id: int, year: int, section: str | None = None) -> ReportView | None:
        """Open a report; on the section given, else the one shown now (another year, a reload), else the first."""
        if section is None and self.view is not None:
            section = self.view.current_section
        workspace = self.workspaces.workspace
        if workspace is None:
            return None
        with workspace.session() as session:
            reports = session.execute(select(Report.id, Report.year, Report.status)
                                      .where(Report.park_id == park_id).order_by(Report.year)).all()
        chosen = next((r for r in reports if r.year == year), None)
        if chosen is None:
            return None
        self.close()
        stack = self._undo_stacks.get(chosen.id)
        if stack is None:
            stack = self._undo_stacks[chosen.id] = QUndoStack(self)
        self.controller = ReportController(workspace, chosen.id, self.lang, self, runner=self.workspaces.runner,
                                           undo_stack=stack)
        self.view = ReportView(self.controller, [(r.year, r.status) for r in reports])
        if section in self.view.pages:
            self.view.show_section(section)
        self.view.back_requested.connect(self.back)
        self.view.year_requested.connect(lambda other: self.open(park_id, other))
        self.view.reload_requested.connect(lambda: self.open(park_id, year))
        self.view.message.connect(lambda text: self.window.statusBar().showMessage(text, 12000))
        role = workspace.info().get("role")
        if role in (ROLE_REVIEWER, ROLE_CITY):  # a desk reading a park's report
            self._add_year_over_year(workspace, chosen.id)
        entry_id = self._review_entry_of(workspace, chosen.id) if role == ROLE_REVIEWER else None
        if entry_id is not None:  # a district's: the review panel beside the report, whichever year is shown
            self._add_review_panel(entry_id)
        self.window.show_report(self.view)
        return self.view

    def _add_year_over_year(self, workspace, report_id: int) -> None:
        """A district or the city reading a report: this year beside the park's previous accepted one."""
        from parkdesk.app import reports
        from parkdesk.ui.review.year_over_year_panel import YearOverYearPanel

        comparison = self._read(self.tr("Comparing with the previous year…"),
                                lambda: reports.year_over_year(workspace, report_id))
        if comparison is not None and comparison.has_previous and self.view is not None:
            self.view.year_over_year_panel = YearOverYearPanel(comparison, self.lang)
            self.view.add_panel(self.view.year_over_year_panel,
                                self.tr("Against %1").replace("%1", str(comparison.previous_year)))

    def _read(self, title: str, work):
        """A read that may take a while, off the GUI thread (its progress shows after a moment); None when it
        failed, which the status bar says (an internal error is logged too)."""
        job = self.workspaces.runner.job(self.window, title, lambda _progress: work(), writes=False).run()
        if job.exception is not None or job.error is not None:
            problem = job.exception.message(self.lang) if job.exception is not None else job.error
            self.window.statusBar().showMessage(problem, 15000)
            return None
        return job.result

    @staticmethod
    def _review_entry_of(workspace, report_id: int) -> int | None:
        """The inbox entry of a report a district received (its newest), None when there is none."""
        with workspace.session() as session:
            return session.scalar(select(InboxEntry.id).where(InboxEntry.report_id == report_id)
                                  .order_by(InboxEntry.id.desc()).limit(1))

    def _add_review_panel(self, entry_id: int) -> None:
        from parkdesk.ui.review.review_panel import ReviewPanel

        view = self.view
        self._add_resubmission(entry_id)
        panel = ReviewPanel(view, entry_id)
        panel.message.connect(view.message)
        view.review_panel = panel
        view.add_panel(panel, self.tr("Review"))

    def _add_resubmission(self, entry_id: int) -> None:
        """A resubmitted package: what changed since the one it replaced, beside the review panel."""
        from parkdesk.app import review
        from parkdesk.forms.sections import RECORD_BY_KEY
        from parkdesk.review.record_ids import local_ids
        from parkdesk.ui.review.kept_package_window import show_kept_package
        from parkdesk.ui.review.resubmission_panel import ResubmissionPanel

        workspace = self.workspaces.workspace
        lang = self.lang  # two packages' report.json compared: ~0.4 s at 10,000 enterprises, so off the GUI thread
        changes = self._read(self.tr("Comparing with the replaced package…"),
                             lambda: review.resubmission(workspace, entry_id, lang))
        if changes is None or self.view is None:
            return
        with workspace.session() as session:
            ids = local_ids(session, entry_id, set(RECORD_BY_KEY))
        panel = ResubmissionPanel(changes, ids, self.lang)
        panel.location_chosen.connect(self.view.go_to_location)
        panel.previous_requested.connect(lambda previous: show_kept_package(self.window, workspace, previous,
                                                                            self.lang))
        self.view.resubmission_panel = panel
        self.view.add_panel(panel, self.tr("Changes since %1 (%2)").replace("%1", changes.previous_file)
                            .replace("%2", str(len(changes.changes))))

    def open_report_id(self, report_id: int, review_entry_id: int | None = None):
        """Open a report by id; in a district's workspace the review panel of its inbox entry sits beside it."""
        with self.workspaces.workspace.session() as session:
            report = session.get(Report, report_id)
            park_id, year = report.park_id, report.year
        view = self.open(park_id, year)
        if view is not None and review_entry_id is not None and \
                getattr(view.review_panel, "entry_id", None) != review_entry_id:
            for old in (view.review_panel, getattr(view, "resubmission_panel", None)):
                if old is not None:  # the entry asked for, not the newest of its report
                    view.lower.removeTab(view.lower.indexOf(old))
                    old.deleteLater()
            view.resubmission_panel = None
            self._add_review_panel(review_entry_id)
        return view

    def back(self) -> None:
        self.close()
        self.workspaces.refresh()

    def _forget_undo(self, workspace) -> None:
        """Another workspace starts without the undo steps of the one before."""
        if workspace is not self._undo_workspace:
            for stack in self._undo_stacks.values():
                stack.deleteLater()
            self._undo_stacks.clear()
            self._undo_workspace = workspace

    def close(self) -> None:
        if self.view is not None:
            self.window.hide_report(self.view)
            self.view.deleteLater()
            self.view = None
        if self.controller is not None:
            self.controller.detach()
            self.controller.deleteLater()
            self.controller = None
