"""The editing screen of one report: navigator, section pages, validation panel, report actions."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QSplitter, QStackedWidget, QTabWidget, QToolBar, QVBoxLayout, QWidget

from parkdesk.db.models import ParkDetails
from parkdesk.db.workspace import ROLE_OPERATOR, ROLE_REVIEWER
from parkdesk.forms.sections import SECTIONS
from parkdesk.reference.choices import REPORT_STATUSES, label_of
from parkdesk.reports import status as report_status
from parkdesk.review.comments import comments_for_report
from parkdesk.ui.identity_dialog import IdentityDialog
from parkdesk.ui.report.excel_import_dialog import import_excel
from parkdesk.ui.report.export_actions import export_pdf, export_workbook, print_report
from parkdesk.ui.report.findings_style import MARK_COLOUR, CommentMark
from parkdesk.ui.report.navigator import ReportNavigator
from parkdesk.ui.report.package_actions import build_package_interactively
from parkdesk.ui.report.pages import build_pages
from parkdesk.ui.report.report_actions import finalize_report, reopen_report
from parkdesk.ui.report.validation_panel import ValidationPanel
from parkdesk.ui.review.review_panel import CommentList
from parkdesk.validation.finding_index import FindingIndex
from parkdesk.validation.findings import Location


class ReportView(QWidget):
    back_requested = Signal()
    year_requested = Signal(int)
    reload_requested = Signal()  # status changed: the window rebuilds the view
    message = Signal(str)

    def __init__(self, controller, years: list[tuple[int, str]], parent=None):
        super().__init__(parent)
        self.controller = controller
        lang = controller.lang
        self.navigator = ReportNavigator(lang, controller.park_name, years, controller.year)
        self.pages = build_pages(controller)
        self.stack = QStackedWidget()
        for key in self.pages:
            self.stack.addWidget(self.pages[key].widget)
            self.pages[key].problem.connect(self.message)
            told = getattr(self.pages[key].widget, "message", None)  # what a page did (copied, pasted…)
            if told is not None:
                told.connect(self.message)
        self.panel = ValidationPanel(lang)
        self.review_panel = None  # a district's review panel (parkdesk.ui.report_opener)
        self.resubmission_panel = None  # … and what changed since the package it replaced
        self.year_over_year_panel = None  # … and this year against the previous one
        self.comment_marks: list[CommentMark] = []
        self._last_result = None

        self.toolbar = QToolBar()
        self.back_action = QAction(self.tr("◀ Parks"), self)
        self.undo_action = controller.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setObjectName("action_undo")
        self.undo_action.setShortcuts([QKeySequence.StandardKey.Undo])
        self.redo_action = controller.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts([QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Y), QKeySequence.StandardKey.Redo])
        self.validate_action = QAction(self.tr("Validate"), self)
        self.validate_action.setObjectName("action_validate")
        self.validate_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.finalize_action = QAction(self.tr("Finalize…"), self)
        self.finalize_action.setObjectName("action_finalize")
        self.finalize_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.reopen_action = QAction(self.tr("Reopen…"), self)
        self.reopen_action.setObjectName("action_reopen")
        self.pdf_action = QAction(self.tr("Export PDF…"), self)
        self.pdf_action.setObjectName("action_export_pdf")
        self.pdf_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.print_action = QAction(self.tr("Print…"), self)
        self.print_action.setObjectName("action_print")
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.workbook_action = QAction(self.tr("Export workbook…"), self)
        self.workbook_action.setObjectName("action_export_workbook")
        self.workbook_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.package_action = QAction(self.tr("Signed package…"), self)
        self.package_action.setObjectName("action_package")
        self.package_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.identities_action = QAction(self.tr("Identities…"), self)
        self.identities_action.setObjectName("action_identities")
        self.import_excel_action = QAction(self.tr("Import from Excel…"), self)
        self.import_excel_action.setObjectName("action_import_excel")
        self.import_excel_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.back_action.setObjectName("action_back")
        self.back_action.setShortcut(QKeySequence("Alt+Left"))
        for action in (self.back_action, self.undo_action, self.redo_action, self.validate_action,
                       self.finalize_action, self.reopen_action, self.pdf_action, self.print_action,
                       self.workbook_action, self.import_excel_action,
                       self.package_action, self.identities_action):
            self.toolbar.addAction(action)
            self.addAction(action)
        self._fit_to_desk(controller.workspace.info().get("role", ROLE_OPERATOR))
        for number, section in enumerate(SECTIONS, start=1):  # Ctrl+1 … Ctrl+9 jump to a section
            jump = QAction(self)
            jump.setShortcut(QKeySequence(f"Ctrl+{number}"))
            jump.triggered.connect(lambda _checked=False, key=section.key: self.show_section(key))
            self.addAction(jump)
        self.status_label = QLabel()
        self.saved_label = QLabel()
        title = QLabel(f"<b>{controller.park_name}</b> · {controller.year}")
        title.setObjectName("heading")
        self.toolbar.addSeparator()
        self.toolbar.addWidget(title)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(self.status_label)

        self.back_action.triggered.connect(self.back_requested)
        self.validate_action.triggered.connect(self._validate_requested)
        self._tell_validation = False
        self.undo_action.triggered.connect(lambda: self.message.emit(
            self.tr("Undone: %1").replace("%1", controller.undo_stack.redoText())))
        self.redo_action.triggered.connect(lambda: self.message.emit(
            self.tr("Redone: %1").replace("%1", controller.undo_stack.undoText())))
        self.finalize_action.triggered.connect(self.finalize)
        self.reopen_action.triggered.connect(self.reopen)
        self.pdf_action.triggered.connect(lambda: export_pdf(self, controller))
        self.print_action.triggered.connect(lambda: print_report(self, controller))
        self.workbook_action.triggered.connect(lambda: export_workbook(self, controller))
        self.import_excel_action.triggered.connect(lambda: import_excel(self, controller))
        self.package_action.triggered.connect(lambda: build_package_interactively(self, controller))
        self.identities_action.triggered.connect(self.show_identities)
        self.navigator.section_chosen.connect(self.show_section)
        self.navigator.year_chosen.connect(self._year_chosen)
        self.panel.finding_activated.connect(self.go_to)
        controller.validated.connect(self._show_validation)
        controller.refused.connect(self.message)
        controller.saved.connect(self._saved)
        controller.unsaved.connect(self._unsaved)
        controller.status_changed.connect(lambda _s: self.reload_requested.emit())
        controller.busy_changed.connect(self._busy)

        self.lower = QTabWidget()
        self.lower.addTab(self.panel, self.tr("Validation"))
        self._add_received_comments()
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.stack)
        right.addWidget(self.lower)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        right.setSizes([520, 200])  # the findings panel shows five rows or more, even at 1024×768
        self.split = right
        self.lower.setMinimumHeight(150)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(self.navigator)
        body.addWidget(right)
        body.setStretchFactor(0, 0)
        body.setStretchFactor(1, 1)
        body.setSizes([300 if lang == "en" else 240, 1000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(body, 1)
        self._show_status()
        self.show_section(SECTIONS[0].key)
        controller.validate_now()

    def _fit_to_desk(self, role: str) -> None:
        """A district or the city reads a park's report: the operator's own actions (editing, finalizing,
        packages, the operator's identities) are not theirs; back leads to their inbox or dashboard."""
        if role == ROLE_OPERATOR:
            return
        for action in (self.undo_action, self.redo_action, self.finalize_action, self.reopen_action,
                       self.import_excel_action, self.package_action, self.identities_action):
            action.setVisible(False)
        self.back_action.setText(self.tr("◀ Inbox") if role == ROLE_REVIEWER else self.tr("◀ Dashboard"))

    def menu_actions(self) -> list:
        """The 报告 menu of the main window while this report is open (None: a separator)."""
        return [self.validate_action, self.finalize_action, self.reopen_action, None, self.import_excel_action,
                self.pdf_action, self.workbook_action, self.print_action, None, self.package_action,
                self.identities_action, None, self.undo_action, self.redo_action, None, self.back_action]

    def add_panel(self, widget, title: str) -> None:
        """A panel beside the validation findings (the reviewer's review panel), shown first; the report and
        its panels then share the height."""
        self.lower.insertTab(0, widget, title)
        self.lower.setCurrentIndex(0)
        self.split.setSizes([400, 320])

    def _add_received_comments(self) -> None:
        """On the operator's side: the district's comments from imported receipts, each opening its place."""
        with self.controller.workspace.session() as session:
            comments = comments_for_report(session, self.controller.report_id)
        if comments and self.controller.workspace.info().get("role", "operator") == "operator":
            self.comment_list = CommentList(self.controller.lang)
            self.comment_list.show_comments(comments)
            self.comment_list.comment_activated.connect(self.go_to_location)
            self.show_comment_marks(comments)
            self.lower.insertTab(0, self.comment_list, self.tr("District comments (%1)").replace("%1", str(len(comments))))
            self.lower.setCurrentIndex(0)

    def current_location(self) -> Location:
        """Where the user is: the section, and the row and field when one is selected."""
        return self.pages[self.current_section].current_location(self.current_section)

    def go_to_location(self, location: Location) -> bool:
        self.show_section(location.section)
        return self.pages[location.section].focus(location.record, location.record_id, location.field)

    def _year_chosen(self, year: int) -> None:
        if year != self.controller.year:
            self.year_requested.emit(year)

    def _show_status(self) -> None:
        status = self.controller.status
        self.status_label.setText(label_of(REPORT_STATUSES, status, self.controller.lang))
        editable = self.controller.editable
        self.finalize_action.setEnabled(editable)
        self.import_excel_action.setEnabled(editable)
        self.package_action.setEnabled(status in report_status.PACKAGEABLE)
        self.reopen_action.setEnabled(report_status.can(report_status.REOPEN, status))
        if not editable:
            self.saved_label.setText(self.tr("Read-only: the report is %1")
                                     .replace("%1", label_of(REPORT_STATUSES, status, self.controller.lang)))

    def _busy(self, busy: bool) -> None:
        """While a writing job runs (an import), nothing else may change the report."""
        self.stack.setEnabled(not busy)
        if busy:
            for action in (self.finalize_action, self.reopen_action, self.package_action, self.import_excel_action,
                           self.undo_action, self.redo_action):
                action.setEnabled(False)
            return
        self._show_status()
        self.undo_action.setEnabled(self.controller.undo_stack.canUndo())
        self.redo_action.setEnabled(self.controller.undo_stack.canRedo())

    def _saved(self) -> None:
        self.saved_label.setStyleSheet("")
        self.saved_label.setText(self.tr("All changes saved %1")
                                 .replace("%1", QDateTime.currentDateTime().toString("HH:mm:ss")))

    def _unsaved(self, reason: str) -> None:
        self.saved_label.setStyleSheet(f"color: {MARK_COLOUR['error'].name()}; font-weight: bold;")
        self.saved_label.setText(self.tr("Last change NOT saved"))
        self.saved_label.setToolTip(reason)

    def show_section(self, key: str) -> None:
        self.stack.setCurrentWidget(self.pages[key].widget)
        self.navigator.select_section(key)
        self.current_section = key

    def go_to(self, finding) -> bool:
        where = finding.location
        self.show_section(where.section)
        return self.pages[where.section].focus(where.record, where.record_id, where.field)

    def _validate_requested(self) -> None:
        self._tell_validation = True
        self.controller.validate_now()

    def _show_validation(self, result) -> None:
        if self._tell_validation:  # asked for by the user (F5): say what came of it
            self._tell_validation = False
            self.message.emit(self.tr("Validated at %1: %2 errors, %3 warnings.")
                              .replace("%1", QDateTime.currentDateTime().toString("HH:mm:ss"))
                              .replace("%2", str(len(result.errors))).replace("%3", str(len(result.warnings))))
        self._last_result = result
        findings = FindingIndex(result.findings)
        marks = FindingIndex([*result.findings, *self.comment_marks]) if self.comment_marks else findings
        for page in self.pages.values():
            page.set_findings(marks)
        self.panel.show_result(result)
        self.navigator.show_findings(findings, result.justification)

    def show_comment_marks(self, comments) -> None:
        """The district's comments on the package shown, marked where they were made (blue), with the findings."""
        self.comment_marks = [CommentMark(c.location, c.text, c.author) for c in comments if c.current]
        if self._last_result is not None:
            self._show_validation(self._last_result)

    def show_identities(self) -> IdentityDialog:
        with self.controller.workspace.session() as session:
            park = session.get(ParkDetails, self.controller.report_id)  # as this report states the park
            session.expunge(park)
        dialog = IdentityDialog(self.controller.workspace, self.controller.lang, park, self,
                                runner=self.controller.runner)
        dialog.open()
        return dialog

    def finalize(self) -> bool:
        return finalize_report(self, self.controller)

    def reopen(self) -> bool:
        return reopen_report(self, self.controller)
