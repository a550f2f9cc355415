"""Planning the import of a single record laid out as a form: basic information, positioning.

Each item row names a field; its value sits beside it. The plan has one row:
the report's own record, changed where a value cell says something else
(a blank cell leaves the value as it is, #清空 clears it).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.db.models import Park, Report
from parkdesk.excel.cells import blank_cells, convert_column
from parkdesk.excel.columns import label_form
from parkdesk.excel.header import SheetMapping
from parkdesk.excel.layout import YEAR_LABEL
from parkdesk.excel.plan import existing_records, fingerprint
from parkdesk.texts import Text
from parkdesk.excel.plan_model import (
    CHANGED, REJECTED, UNCHANGED, VALUE_PROBLEM, CellProblem, ImportPlan, Notice, PlanRow, WorkbookContext,
    same_value,
)
from parkdesk.excel.references import sheet_references
from parkdesk.excel.sheet_rows import choice_notice
from parkdesk.excel.source import SheetGrid
from parkdesk.excel.targets import UNKNOWN_REFERENCE_MESSAGES
from parkdesk.forms.model import REFERENCE
from parkdesk.reports.lifecycle import ensure_editable
from parkdesk.validation.findings import ERROR
from parkdesk.validation.rules import RULES
from parkdesk.validation.value_checks import check_value


def plan_form(session: Session, report_id: int, grid: SheetGrid, mapping: SheetMapping, source: Path,
              context: WorkbookContext) -> ImportPlan:
    report = session.get(Report, report_id)
    ensure_editable(report)
    target = mapping.target
    items = mapping.field_columns()
    fields = tuple(f.key for f in target.importable_fields() if f.key in items)
    stored = existing_records(session, target, report_id)[report_id]
    column = mapping.value_column
    values, problems, notices = [], [], []
    for key in fields:
        field, item = target.field(key), items[key]
        raw = grid.cell(item.index, column)
        if blank_cells([raw]):
            values.append(stored[key])  # a blank cell changes nothing
            continue
        names = sheet_references(session, report, field, context) if field.type == REFERENCE else None
        result = convert_column(field, [raw], None, names, UNKNOWN_REFERENCE_MESSAGES.get(field.references))
        for label in result.problems.values():
            problems.append(CellProblem(item.index, column, key, ERROR, VALUE_PROBLEM, {"problem": label}, True))
        if result.mapped:
            notices.append(choice_notice(mapping, field, item.header, result.mapped))
        values.append(result.values[0])
    category = values[fields.index("category")] if "category" in fields else context.category or \
        report.details.category
    unreadable = {p.field for p in problems}
    for key, value in zip(fields, values):
        if key in unreadable:
            continue
        for rule_id, params in check_value(target.field(key), value, category):
            problems.append(CellProblem(items[key].index, column, key, RULES[rule_id].severity, rule_id, params,
                                        rule_id == "FIELD-REQUIRED" and target.not_null(key)))
    if target.record_key == "park" and "name" in fields and "name" not in unreadable:
        problems += _name_taken(session, report, values[fields.index("name")], items["name"].index, column)
    old = tuple(stored[key] for key in fields)
    status = REJECTED if any(p.blocking for p in problems) else \
        UNCHANGED if all(same_value(a, b) for a, b in zip(old, values)) else CHANGED
    row = PlanRow(mapping.header_row, status, tuple(values), report_id, old, tuple(problems))
    notices = [Notice("excel.notice.form_read", {"sheet": mapping.sheet, "what": target.label,
                                                 "count": len(fields)}), *_other_report(grid, mapping, report),
               *notices]
    return ImportPlan(source, mapping, report_id, fields, [row], notices, fingerprint(session, target, report_id), 1)


def _name_taken(session: Session, report: Report, name, row: int, column: int) -> list[CellProblem]:
    """Two parks of one name cannot be told apart: refused like the editor refuses it."""
    if not name:
        return []
    other = session.scalar(select(Park.code).where(Park.name == name, Park.id != report.park_id))
    if other is None:
        return []
    problem = Text("excel.cell.park_name_taken", {"name": name, "code": other})
    return [CellProblem(row, column, "name", ERROR, VALUE_PROBLEM, {"problem": problem}, True)]


def _other_report(grid: SheetGrid, mapping: SheetMapping, report: Report) -> list[Notice]:
    """The year the sheet says it holds, when it is not the report's (a workbook carried over to a new year)."""
    labels = {label_form(YEAR_LABEL.zh), label_form(YEAR_LABEL.en)}
    label_column = mapping.value_column - 1
    for row in range(len(grid.rows)):
        if label_form(grid.cell(row, label_column)) in labels:
            year = grid.cell(row, mapping.value_column)
            if isinstance(year, (int, float)) and int(year) != report.year:
                return [Notice("excel.notice.other_year", {"sheet": mapping.sheet, "year": int(year),
                                                           "report_year": report.year})]
            break
    return []
