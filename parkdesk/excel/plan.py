"""Planning an import: read the mapped columns, match the rows, check them, and say what would change.

Nothing is written to the workspace here. Cell values go through the shared
normalizers; rows are checked by validation's own rules (the enterprise
list by `check_enterprise_row`, other records field by field with
`check_value`), so an imported row is held to what validating the report
holds it to.
"""

from __future__ import annotations

from operator import itemgetter
from pathlib import Path
from typing import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from parkdesk.db.models import Report
from parkdesk.excel.cells import blank_and_cleared, convert_column
from parkdesk.excel.enterprise_checks import COLUMNS as ENTERPRISE_COLUMNS
from parkdesk.excel.enterprise_checks import enterprise_problems
from parkdesk.excel.errors import ImportCancelled
from parkdesk.excel.header import SheetMapping
from parkdesk.excel.matching import find_repeats, match_existing
from parkdesk.gc_pause import gc_paused
from parkdesk.texts import Text
from parkdesk.excel.plan_model import (
    CHANGED,
    DUPLICATE_PROBLEM,
    NEW,
    REJECTED,
    UNCHANGED,
    VALUE_PROBLEM,
    CellProblem,
    ImportPlan,
    Notice,
    PlanRow,
    is_error,
    same_value,
)
from parkdesk.excel.source import SheetGrid
from parkdesk.excel.targets import UNKNOWN_REFERENCE_MESSAGES, ImportTarget, reference_names
from parkdesk.excel.xlsx_parts import cell_name
from parkdesk.forms.field_values import multi_keys
from parkdesk.forms.model import CHOICE, MULTI_CHOICE, REFERENCE
from parkdesk.reports.lifecycle import ensure_editable
from parkdesk.validation.findings import ERROR, WARNING
from parkdesk.validation.rules import RULES
from parkdesk.validation.value_checks import check_value

Progress = Callable[[int, int], bool] | None
TOTAL_ROW_MARKERS = frozenset({"合计", "总计", "小计", "total", "subtotal", "合計", "總計"})
# a record rule about two fields: shown on whichever of them the sheet has
RELATED_FIELDS = {"REC-ENT-EXPORTS-REVENUE": ("service_exports_wan_usd", "revenue_wan_yuan")}
NOTICE_ROWS = 5  # rows named in a notice ("e.g. rows 5, 9, 12")


def plan_import(session: Session, report_id: int, grid: SheetGrid, mapping: SheetMapping, *,
                source: Path | str = "", progress: Progress = None) -> ImportPlan:
    """What importing `grid` as `mapping` says into the report would do; raises when it cannot start."""
    with gc_paused():
        return _plan(session, report_id, grid, mapping, Path(source), progress)


def _plan(session: Session, report_id: int, grid: SheetGrid, mapping: SheetMapping, source: Path,
          progress: Progress) -> ImportPlan:
    report = session.get(Report, report_id)
    ensure_editable(report)
    category = report.details.category
    mapping.check_complete(category)
    target = mapping.target
    columns = mapping.field_columns()
    fields = tuple(f.key for f in target.importable_fields() if f.key in columns)
    step = _Stepper(progress, len(fields) + 2)
    rows, data, notices = _data_rows(grid, mapping)
    cells_by_column = list(zip(*data))
    del data
    problems: dict[int, list[CellProblem]] = {}
    converted, link_ids = [], None
    blanks: dict[int, set[int]] = {}  # field position → rows whose cell is blank: "no change" for a matched row
    for position, key in enumerate(fields):
        field, column = target.record.field(key), columns[key]
        cells = cells_by_column[column.index] if cells_by_column else ()
        blanks[position], cleared = blank_and_cleared(cells)
        if cleared:  # "#清空": an empty value, written even over an existing one
            cells = ["" if index in cleared else raw for index, raw in enumerate(cells)]
        names = reference_names(session, report_id, report.park_id, field) if field.type == REFERENCE else None
        if key == "chain_link_id":
            link_ids = set(names.values())
        result = convert_column(field, cells, column.unit, names, UNKNOWN_REFERENCE_MESSAGES.get(field.references))
        for index, label in result.problems.items():
            _add(problems, index, CellProblem(rows[index], column.index, key, ERROR, VALUE_PROBLEM, {"problem": label}))
        if field.type == CHOICE and target.table.c[key].type.python_type is int:  # stage years: "2023" → 2023
            result.values = [None if value is None else int(value) for value in result.values]
        converted.append(result.values)
        step()
    for key, values in zip(fields, converted):  # the sheet's XML has been read meanwhile (see SheetGrid.extras)
        _formulas_without_values(grid, rows, columns[key].index, key, values, problems)
    values = list(zip(*converted)) if converted else [() for _ in rows]
    existing = _existing(session, target, report_id)
    repeats = find_repeats(target, fields, values)
    for repeat in repeats:
        _add(problems, repeat.index, _repeat_problem(repeat, rows, columns, values, fields, target))
    rejected_repeats = {r.index for r in repeats if not r.warning}
    matches = match_existing(target, fields, values, existing, rejected_repeats)
    values = _kept_where_blank(values, matches, existing, fields, blanks)
    step()
    _check_rows(session, report, target, fields, values, matches, existing, rows, columns, problems, link_ids)
    step()
    plan_rows = _classify(rows, values, matches, existing, fields, problems)
    notices = _notices(grid, mapping, rows, plan_rows) + notices
    return ImportPlan(source, mapping, report_id, fields, plan_rows, notices,
                      fingerprint(session, target, report_id), len(existing))


class _Stepper:
    def __init__(self, progress: Progress, total: int):
        self.progress, self.total, self.done = progress, total, 0

    def __call__(self) -> None:
        self.done += 1
        if self.progress is not None and self.progress(self.done, self.total) is False:
            raise ImportCancelled("excel.cancelled")


def _add(problems: dict[int, list[CellProblem]], index: int, problem: CellProblem) -> None:
    problems.setdefault(index, []).append(problem)


def _data_rows(grid: SheetGrid, mapping: SheetMapping) -> tuple[list[int], list[list], list[Notice]]:
    """Sheet rows below the header that hold data (not blank, not a repeated header, not a total line):
    their numbers, and the rows themselves padded to the header's width."""
    mapped = [c.index for c in mapping.columns if c.field is not None]
    width = max(len(mapping.columns), max(mapped) + 1)
    take = itemgetter(*mapped) if len(mapped) > 1 else (lambda row: (row[mapped[0]],))
    rows = [_padded(row, width) for row in grid.rows[mapping.first_data_row:]]
    cells = list(map(take, rows))
    skip = {("",) * len(mapped), take(_padded(grid.rows[mapping.header_row], width))}  # blank, header repeated
    first = mapping.first_data_row
    numbers, kept, totals = [], [], []
    for index, (row, row_cells) in enumerate(zip(rows, cells)):
        if row_cells in skip:
            continue
        if _is_total(row_cells):
            totals.append(first + index)
            continue
        numbers.append(first + index)
        kept.append(row)
    notices = []
    if totals:
        notices.append(Notice("excel.notice.total_rows", {"sheet": mapping.sheet, "rows": _row_list(totals)}))
    return numbers, kept, notices


def _is_total(cells: tuple) -> bool:
    """A 合计/总计/小计 line: its first filled cell says so."""
    first = cells[0] if cells[0] != "" else next(cell for cell in cells if cell != "")
    return (type(first) is str and len(first) < 16 and ("计" in first or "計" in first or "tal" in first.lower())
            and "".join(first.split()).casefold() in TOTAL_ROW_MARKERS)


def _padded(row: list, width: int) -> list:
    return row if len(row) >= width else row + [""] * (width - len(row))


def _row_list(rows: list[int]) -> str:
    return ", ".join(str(row + 1) for row in rows[:NOTICE_ROWS]) + ("…" if len(rows) > NOTICE_ROWS else "")


def _formulas_without_values(grid: SheetGrid, rows: list[int], column: int, key: str, values: list,
                             problems: dict[int, list[CellProblem]]) -> None:
    if not grid.formulas_without_values:
        return
    index_of = {row: index for index, row in enumerate(rows)}
    for (row, col), formula in grid.formulas_without_values.items():
        if col == column and row in index_of:
            index = index_of[row]
            values[index] = None  # read as empty: say why rather than "required but empty"
            problem = Text("excel.cell.formula_without_value", {"formula": formula})
            _add(problems, index, CellProblem(row, column, key, ERROR, VALUE_PROBLEM, {"problem": problem}))


def _existing(session: Session, target: ImportTarget, report_id: int) -> dict[int, dict]:
    table = target.table
    keys = [f.key for f in target.importable_fields()]
    rows = session.execute(select(table.c.id, *(table.c[key] for key in keys))
                           .where(table.c.report_id == report_id)).all()
    existing = {row[0]: dict(zip(keys, row[1:])) for row in rows}
    for field in target.importable_fields():
        if field.type == MULTI_CHOICE and not field.stored_as_mask:  # compare as the parser writes them
            for record in existing.values():
                chosen = set(multi_keys(field, record[field.key]))
                record[field.key] = ",".join(key for key, _ in field.choices if key in chosen)
    return existing


def fingerprint(session: Session, target: ImportTarget, report_id: int) -> tuple:
    """What apply checks to know the target's rows are those the plan was made against."""
    table = target.table
    return tuple(session.execute(select(func.count(), func.max(table.c.id), func.sum(table.c.id))
                                 .where(table.c.report_id == report_id)).one())


def _repeat_problem(repeat, rows, columns, values, fields, target: ImportTarget) -> CellProblem:
    column = columns[repeat.field].index
    if repeat.rule_id is not None:  # validation's own rule: ENT-DUP-USCC (an error), ENT-DUP-NAME (a warning)
        other = values[repeat.first][fields.index(target.title_field)] if target.title_field in fields else ""
        return CellProblem(rows[repeat.index], column, repeat.field, RULES[repeat.rule_id].severity, repeat.rule_id,
                           {"value": repeat.value, "other": other})
    return CellProblem(rows[repeat.index], column, repeat.field, WARNING if repeat.warning else ERROR,
                       DUPLICATE_PROBLEM, {"row": rows[repeat.first] + 1,
                                           "what": target.record.field(repeat.field).label, "value": repeat.value})


def _kept_where_blank(values: list[tuple], matches: list, existing: dict[int, dict], fields: tuple,
                      blanks: dict[int, set[int]]) -> list[tuple]:
    """A matched row keeps its stored value wherever the sheet's cell is blank (clearing takes #清空)."""
    blank_fields = [(position, fields[position], rows) for position, rows in blanks.items() if rows]
    if not blank_fields:
        return values
    result = list(values)
    for index, match in enumerate(matches):
        if match is None:
            continue
        stored = existing[match]
        row = None
        for position, key, rows in blank_fields:
            if index in rows:
                row = row or list(result[index])
                row[position] = stored[key]
        if row is not None:
            result[index] = tuple(row)
    return result


def _full_rows(target: ImportTarget, fields, values, matches, existing) -> tuple[list[str], list[tuple]]:
    """Every importable field of each row: the existing record (or defaults) overlaid with the sheet's values."""
    keys = [f.key for f in target.importable_fields()]
    width = len(fields)
    # index into (sheet values + base values): the sheet's value where it has the field, else the base's
    take = itemgetter(*(fields.index(key) if key in fields else width + i for i, key in enumerate(keys)))
    defaults = tuple(target.defaults.get(key) for key in keys)
    full = []
    for row, match in zip(values, matches):
        base = defaults if match is None else tuple(existing[match][key] for key in keys)
        full.append(take(row + base))
    return keys, full


def _check_rows(session, report, target, fields, values, matches, existing, rows, columns, problems,
                link_ids) -> None:
    keys, full = _full_rows(target, fields, values, matches, existing)
    if target.record_key == "enterprise":
        assert tuple(keys) == ENTERPRISE_COLUMNS
        found = enterprise_problems(session, full, report.year, report.id, link_ids)
    else:
        record_fields = [target.record.field(key) for key in keys]
        found = {}
        for index, row in enumerate(full):
            row_problems = [(rule, f.key, params) for f, value in zip(record_fields, row)
                            for rule, params in check_value(f, value, report.details.category)]
            if row_problems:
                found[index] = row_problems
    title_column = columns[target.title_field].index if target.title_field in columns else None
    for index, row_problems in found.items():
        unreadable = {p.field for p in problems.get(index, ()) if p.rule_id == VALUE_PROBLEM}
        for rule_id, key, params in row_problems:
            shown_on = _shown_on(rule_id, key, columns)
            if shown_on is None or key in unreadable:
                continue  # about a field the sheet does not feed, or one already reported unreadable
            column = columns[shown_on].index if shown_on in columns else title_column
            _add(problems, index, CellProblem(rows[index], column, shown_on, RULES[rule_id].severity, rule_id, params))


def _shown_on(rule_id: str, key: str, columns: dict) -> str | None:
    if key in columns:
        return key
    return next((other for other in RELATED_FIELDS.get(rule_id, ()) if other in columns), None)


def _classify(rows, values, matches, existing, fields, problems) -> list[PlanRow]:
    plan_rows = []
    for index, (number, row, match) in enumerate(zip(rows, values, matches)):
        row_problems = tuple(problems.get(index, ()))
        old = tuple(existing[match][key] for key in fields) if match is not None else None
        if row_problems and any(is_error(p) for p in row_problems):
            status = REJECTED
        elif old is None:
            status = NEW
        else:
            status = UNCHANGED if all(same_value(a, b) for a, b in zip(old, row)) else CHANGED
        plan_rows.append(PlanRow(number, status, row, match, old, row_problems))
    return plan_rows


def _notices(grid: SheetGrid, mapping: SheetMapping, rows: list[int], plan_rows: list[PlanRow]) -> list[Notice]:
    notices = [Notice("excel.notice.header_row", {"sheet": mapping.sheet, "row": mapping.header_row + 1,
                                                  "what": mapping.target.label})]
    if grid.hidden:
        notices.append(Notice("excel.notice.hidden_sheet_read", {"sheet": grid.name}))
    hidden = sorted(set(rows) & grid.hidden_rows)
    if hidden:
        notices.append(Notice("excel.notice.hidden_rows", {"sheet": grid.name, "count": len(hidden),
                                                           "rows": _row_list(hidden)}))
    without = sorted(grid.formulas_without_values)
    if without:
        notices.append(Notice("excel.notice.formulas_without_values", {
            "sheet": grid.name, "count": len(without), "cells": ", ".join(cell_name(r, c) for r, c in without[:5])}))
    target = mapping.target
    for column in mapping.columns:
        field = target.record.field(column.field) if column.field else None
        if field is not None and column.unit and field.unit is not None and column.unit != field.unit.zh:
            notices.append(Notice("excel.notice.unit_converted", {"header": column.header, "unit": column.unit,
                                                                  "field_unit": field.unit.zh}))
    ignored = mapping.ignored_columns()
    if ignored:
        notices.append(Notice("excel.notice.ignored_columns", {"sheet": mapping.sheet,
                                                               "columns": "、".join(c.header for c in ignored)}))
    return notices
