"""One page per section, made from the form definitions; all answer set_findings and focus."""

from __future__ import annotations

from sqlalchemy import select

from parkdesk.db.models import Division
from parkdesk.forms.sections import RECORD_BY_KEY
from parkdesk.ui.report.attachments_page import AttachmentsPage
from parkdesk.ui.report.chain_page import ChainPage
from parkdesk.ui.report.enterprise_page import EnterprisePage
from parkdesk.ui.report.form_page import RecordForm, scrolling
from parkdesk.ui.report.indicators_page import IndicatorsPage
from parkdesk.ui.report.path_page import PathPage
from parkdesk.ui.report.record_table_page import RecordTable
from parkdesk.validation.findings import Location


class FormSectionPage:
    """Adapter: a single-record form in a scroll area."""

    def __init__(self, form: RecordForm):
        self.form = form
        self.widget = scrolling(form)
        self.problem = form.problem

    def set_findings(self, findings) -> None:
        self.form.set_findings(findings)

    def focus(self, _record, _record_id, field_key) -> bool:
        return self.form.focus(field_key)

    def current_location(self, section: str) -> Location:
        form = self.form
        return Location(section, form.record.key, form.row_id, form.current_field)


class TableSectionPage:
    """Adapter: one record table as a whole page."""

    def __init__(self, table: RecordTable):
        self.table = table
        self.widget = table
        self.problem = table.problem

    def set_findings(self, findings) -> None:
        self.table.model.set_findings(findings)

    def focus(self, _record, record_id, field_key) -> bool:
        return self.table.focus(record_id, field_key)

    def current_location(self, section: str) -> Location:
        return table_location(section, self.table)


class WidgetPage:
    """Adapter for pages that already are widgets with set_findings/focus(record, id, field)."""

    def __init__(self, widget, focus=None):
        self.widget = widget
        self.problem = widget.problem
        self._focus = focus or widget.focus

    def set_findings(self, findings) -> None:
        self.widget.set_findings(findings)

    def focus(self, record, record_id, field_key) -> bool:
        return self._focus(record, record_id, field_key)

    def current_location(self, section: str) -> Location:
        widget = self.widget
        if hasattr(widget, "model") and hasattr(widget, "view") and hasattr(widget.model, "ids"):  # enterprises
            index = widget.view.currentIndex()
            if index.isValid():
                row = widget.model.stored(index.row())
                return Location(section, "enterprise", row["id"], widget.model.fields[index.column()].key,
                                row.get("name"))
            return Location(section)
        for table in getattr(widget, "tables", lambda: [])():
            if table.view.currentIndex().isValid():
                return table_location(section, table)
        return Location(section)


def table_location(section: str, table: RecordTable) -> Location:
    index = table.view.currentIndex()
    if not index.isValid():
        return Location(section)
    model = table.model
    label = row_label(model, index.row())
    if index.column() >= len(model.fields):  # a computed column (progress): the row itself
        return Location(section, model.record.key, model.row_id(index.row()), row_label=label)
    return Location(section, model.record.key, model.row_id(index.row()), model.fields[index.column()].key,
                    label)


def row_label(model, row: int) -> str | None:
    """The words that name a row for people (a milestone's title, an indicator's name), not "指标 #96"."""
    title = model.record.title_field
    column = next((n for n, f in enumerate(model.fields) if f.key == title), 0)  # as shown: a choice's label
    shown = model.data(model.index(row, column))
    return str(shown) if shown not in (None, "") else None


def build_pages(controller) -> dict:
    with controller.workspace.session() as session:
        divisions = dict(session.execute(select(Division.code, Division.name).order_by(Division.code)).all())
    enterprises = EnterprisePage(controller)
    return {
        "basic": FormSectionPage(RecordForm(controller, RECORD_BY_KEY["park"], controller.report_id,
                                            lambda f: divisions if f.key == "division_code" else None)),
        "positioning": FormSectionPage(RecordForm(controller, RECORD_BY_KEY["report"], controller.report_id)),
        "chain": WidgetPage(ChainPage(controller)),
        "path": WidgetPage(PathPage(controller)),
        "enterprises": WidgetPage(enterprises, lambda _r, record_id, field: enterprises.focus(record_id, field)),
        "indicators": WidgetPage(IndicatorsPage(controller)),
        "requirements": TableSectionPage(RecordTable(controller, "assessment")),
        "platforms": TableSectionPage(RecordTable(controller, "platform")),
        "attachments": WidgetPage(AttachmentsPage(controller)),
    }

