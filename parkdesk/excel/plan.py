"""Planning an import: read the mapped columns, match the rows, check them, and say what would change.

Nothing is written to the workspace here. Cell values go through the shared
normalizers; rows are checked by validation's own rules (the enterprise
list by `check_enterprise_row`, other records field by field with
`check_value`), so an imported row is held to what validating the report
holds it to. Single records (basic information, positioning) are planned by
parkdesk.excel.plan_form.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from parkdesk.db.models import Report
from parkdesk.excel.cells import blank_cells, convert_column
from parkdesk.excel.enterprise_checks import COLUMNS as ENTERPRISE_COLUMNS
from parkdesk.excel.enterprise_checks import enterprise_problems
from parkdesk.excel.errors import ImportCancelled
from parkdesk.excel.header import SheetMapping
from parkdesk.excel.matching import find_repeats, match_existing
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
    WorkbookContext,
    same_value,
)
from parkdesk.excel.references import sheet_references
from parkdesk.excel.sheet_rows import choice_notice, data_rows, formulas_without_values, sheet_notices
from parkdesk.excel.source import SheetGrid
from parkdesk.excel.targets import UNKNOWN_REFERENCE_MESSAGES, ImportTarget
from parkdesk.forms.field_values import multi_keys
from parkdesk.forms.model import CHOICE, MULTI_CHOICE, REFERENCE
from parkdesk.gc_pause import gc_paused
from parkdesk.reports.lifecycle import ensure_editable
from parkdesk.validation.findings import ERROR, WARNING
from parkdesk.validation.rules import RULES
from parkdesk.validation.value_checks import check_value

Progress = Callable[[int, int], bool] | None
# a record rule about two fields: shown on whichever of them the sheet has
RELATED_FIELDS = {"REC-ENT-EXPORTS-REVENUE": ("service_exports_wan_usd", "revenue_wan_yuan")}


def plan_import(session: Session, report_id: int, grid: SheetGrid, mapping: SheetMapping, *,
                source: Path | str = "", progress: Progress = None, context: WorkbookContext | None = None,
                mirror: bool = False) -> ImportPlan:
    """What importing `grid` as `mapping` says into the report would do; raises when it cannot start.

    `context` holds what the workbook's earlier sheets add and delete; `mirror` plans deleting the records
    the sheet leaves out."""
    context = context if context is not None else WorkbookContext()
    with gc_paused():
        if mapping.is_form:
            from parkdesk.excel.plan_form import plan_form

            return plan_form(session, report_id, grid, mapping, Path(source), context)
        return _plan(session, report_id, grid, mapping, Path(source), progress, context, mirror)


def _plan(session: Session, report_id: int, grid: SheetGrid, mapping: SheetMapping, source: Path,
          progress: Progress, context: WorkbookContext, mirror: bool) -> ImportPlan:
    report = session.get(Report, report_id)
    ensure_editable(report)
    category = context.category or report.details.category
    mapping.check_complete(category)
    target = mapping.target
    columns = mapping.field_columns()
    fields = tuple(f.key for f in target.importable_fields() if f.key in columns)
    step = _Stepper(progress, len(fields) + 2)
    rows, cells_by_column, notices = data_rows(grid, mapping)
    existing = existing_records(session, target, report_id)
    problems: dict[int, list[CellProblem]] = {}
    converted, link_ids = [], None
    blanks: dict[int, set[int]] = {}  # field position → rows whose cell is blank: "no change" for a matched row
    for position, key in enumerate(fields):
        field, column = target.field(key), columns[key]
        cells = cells_by_column[column.index]
        blanks[position] = blank_cells(cells) if existing else set()  # "#清空" is not blank: it empties
        if key == "indicator_key":  # the indicator's key names it as its name does (and wins over the name)
            field = target.field("indicator_id")
        names = sheet_references(session, report, field, context) if field.type == REFERENCE else None
        if key == "chain_link_id":
            link_ids = {value for value in names.values() if isinstance(value, int)}
        result = convert_column(field, cells, column.unit, names, UNKNOWN_REFERENCE_MESSAGES.get(field.references))
        for index, label in result.problems.items():
            _add(problems, index, CellProblem(rows[index], column.index, key, ERROR, VALUE_PROBLEM, {"problem": label},
                                              blocking=True))
        if result.mapped:
            notices.append(choice_notice(mapping, field, column.header, result.mapped))
        if field.type == CHOICE and key in target.table.c and target.table.c[key].type.python_type is int:
            result.values = [None if value is None else int(value) for value in result.values]  # "2023" → 2023
        converted.append(result.values)
        step()
    for key, values in zip(fields, converted):  # the sheet's XML has been read meanwhile (see SheetGrid.extras)
        formulas_without_values(grid, rows, columns[key].index, key, values, problems)
    if "indicator_key" in fields:
        fields, converted, blanks = _named_by_key(fields, converted, blanks, problems)
    values = list(zip(*converted)) if converted else [() for _ in rows]
    repeats = find_repeats(target, fields, values)
    for repeat in repeats:
        _add(problems, repeat.index, _repeat_problem(repeat, rows, columns, values, fields, target))
    rejected_repeats = {r.index for r in repeats if r.blocking}
    matches = match_existing(target, fields, values, existing, rejected_repeats)
    values = _kept_where_blank(values, matches, existing, fields, blanks)
    step()
    staged = _check_rows(session, report, category, target, fields, values, matches, existing, rows, columns,
                         problems, link_ids)
    step()
    plan_rows = _classify(rows, values, matches, existing, fields, problems)
    if not target.creatable:
        plan_rows = _without_new_rows(plan_rows, mapping, notices)
    notices = sheet_notices(grid, mapping, rows, plan_rows) + notices
    deleted = _left_out(target, existing, plan_rows) if mirror and target.deletable else ()
    return ImportPlan(source, mapping, report_id, fields, plan_rows, notices,
                      fingerprint(session, target, report_id), len(existing), deleted,
                      tuple(_title(target, existing[record_id]) for record_id in deleted),
                      staged if target.creatable else None)


class _Stepper:
    def __init__(self, progress: Progress, total: int):
        self.progress, self.total, self.done = progress, total, 0

    def __call__(self) -> None:
        self.done += 1
        if self.progress is not None and self.progress(self.done, self.total) is False:
            raise ImportCancelled("excel.cancelled")


def _add(problems: dict[int, list[CellProblem]], index: int, problem: CellProblem) -> None:
    problems.setdefault(index, []).append(problem)


def _named_by_key(fields: tuple, converted: list, blanks: dict, problems: dict) -> tuple[tuple, list, dict]:
    """The indicator of each row from its key where the key column names one, else from its name."""
    by_key, position = converted[fields.index("indicator_key")], fields.index("indicator_key")
    keyed = {index for index, value in enumerate(by_key) if value is not None}
    if "indicator_id" in fields:
        named = converted[fields.index("indicator_id")]
        converted[fields.index("indicator_id")] = [by_key[i] if i in keyed else named[i] for i in range(len(named))]
        for index in keyed:  # the name column may say anything where the key says which
            if index in problems:
                problems[index] = [p for p in problems[index] if p.field != "indicator_id"]
    else:
        fields = (*fields, "indicator_id")
        converted.append(by_key)
        blanks[len(fields) - 1] = blanks[position]
    for index, found in problems.items():  # problems of the key column belong to the indicator
        problems[index] = [p if p.field != "indicator_key" else replace(p, field="indicator_id") for p in found]
    kept = [i for i, key in enumerate(fields) if key != "indicator_key"]
    return (tuple(fields[i] for i in kept), [converted[i] for i in kept],
            {kept.index(i): blanks[i] for i in kept if i in blanks})


def existing_records(session: Session, target: ImportTarget, report_id: int) -> dict[int, dict]:
    table = target.table
    keys = target.stored_fields()
    rows = session.execute(select(table.c.id, *(table.c[key] for key in keys)).where(target.scope(report_id))).all()
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
    if target.single:  # the report's own row: its values
        return tuple(session.execute(select(*(table.c[key] for key in target.stored_fields()))
                                     .where(target.scope(report_id))).one())
    return tuple(session.execute(select(func.count(), func.max(table.c.id), func.sum(table.c.id))
                                 .where(target.scope(report_id))).one())


def _repeat_problem(repeat, rows, columns, values, fields, target: ImportTarget) -> CellProblem:
    column = columns[repeat.field].index if repeat.field in columns else None
    if repeat.rule_id is not None:  # validation's own rule: ENT-DUP-USCC (an error), ENT-DUP-NAME (a warning)
        other = values[repeat.first][fields.index(target.title_field)] if target.title_field in fields else ""
        return CellProblem(rows[repeat.index], column, repeat.field, RULES[repeat.rule_id].severity, repeat.rule_id,
                           {"value": repeat.value, "other": other}, blocking=repeat.blocking)
    return CellProblem(rows[repeat.index], column, repeat.field, WARNING if repeat.warning else ERROR,
                       DUPLICATE_PROBLEM, {"row": rows[repeat.first] + 1,
                                           "what": target.field(repeat.field).label, "value": repeat.value},
                       blocking=repeat.blocking)


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
    """Every stored field of each row: the existing record (or defaults) overlaid with the sheet's values."""
    keys = list(target.stored_fields())
    if tuple(keys) == tuple(fields) and not any(matches):  # every column, nothing matched: the rows themselves
        return keys, values
    width = len(fields)
    # index into (sheet values + base values): the sheet's value where it has the field, else the base's
    take = itemgetter(*(fields.index(key) if key in fields else width + i for i, key in enumerate(keys)))
    defaults = tuple(target.defaults.get(key) for key in keys)
    full = []
    for row, match in zip(values, matches):
        base = defaults if match is None else tuple(existing[match][key] for key in keys)
        full.append(take(row + base))
    return keys, full


def _check_rows(session, report, category, target, fields, values, matches, existing, rows, columns, problems,
                link_ids):
    """Validation's rules over every row (added to `problems`); the enterprise list's rows as staged."""
    keys, full = _full_rows(target, fields, values, matches, existing)
    staged = None
    if target.record_key == "enterprise":
        assert tuple(keys) == ENTERPRISE_COLUMNS
        found, staged = enterprise_problems(session, full, report.year, report.id, link_ids, frozenset(fields))
    else:
        record_fields = [target.field(key) for key in keys]
        found = {}
        for index, row in enumerate(full):
            row_problems = [(rule, f.key, params) for f, value in zip(record_fields, row)
                            if not f.read_only or matches[index] is None
                            for rule, params in check_value(f, value, category)]
            if row_problems:
                found[index] = row_problems
    title_column = columns[target.title_field].index if target.title_field in columns else None
    bookkeeping = {f.key for f in (target.record.row_id, target.record.order) if f is not None}
    for index, row_problems in found.items():
        unreadable = {p.field for p in problems.get(index, ()) if p.rule_id == VALUE_PROBLEM}
        for rule_id, key, params in row_problems:
            shown_on = _shown_on(rule_id, key, columns)
            if shown_on is None or key in unreadable:
                continue  # about a field the sheet does not feed, or one already reported unreadable
            column = columns[shown_on].index if shown_on in columns else title_column
            # the workspace cannot hold it; or a row id or place that would not mean anything (the workbook's own)
            blocking = (rule_id == "FIELD-REQUIRED" and target.not_null(key)) or key in bookkeeping
            _add(problems, index, CellProblem(rows[index], column, shown_on, RULES[rule_id].severity, rule_id, params,
                                              blocking))
    return staged


def _shown_on(rule_id: str, key: str, columns: dict) -> str | None:
    if key in columns:
        return key
    if key == "indicator_id" and "indicator_key" in columns:
        return "indicator_key"
    return next((other for other in RELATED_FIELDS.get(rule_id, ()) if other in columns), None)


def _classify(rows, values, matches, existing, fields, problems) -> list[PlanRow]:
    if not existing:  # every row is new, or rejected: made in one go (100,000 rows)
        plan_rows = list(map(PlanRow, rows, repeat(NEW), values))
        for index, found in problems.items():
            row = plan_rows[index]
            row.problems = tuple(found)
            if any(p.blocking for p in found):
                row.status = REJECTED
        return plan_rows
    plan_rows = []
    for index, (number, row, match) in enumerate(zip(rows, values, matches)):
        row_problems = tuple(problems.get(index, ()))
        old = tuple(existing[match][key] for key in fields) if match is not None else None
        if any(p.blocking for p in row_problems):
            status = REJECTED
        elif old is None:
            status = NEW
        else:
            status = UNCHANGED if all(same_value(a, b) for a, b in zip(old, row)) else CHANGED
        plan_rows.append(PlanRow(number, status, row, match, old, row_problems))
    return plan_rows


def _without_new_rows(plan_rows: list[PlanRow], mapping: SheetMapping, notices: list[Notice]) -> list[PlanRow]:
    """Records that only the program adds (attachments, whose files a sheet cannot hold): unmatched rows are
    left out, and said so."""
    kept = [row for row in plan_rows if row.target_id is not None]
    if len(kept) < len(plan_rows):
        notices.append(Notice("excel.notice.not_created", {"sheet": mapping.sheet, "what": mapping.target.label,
                                                           "count": len(plan_rows) - len(kept)}))
    return kept


def _left_out(target: ImportTarget, existing: dict[int, dict], plan_rows: list[PlanRow]) -> tuple[int, ...]:
    """The existing records no row of the sheet matches (even a rejected one): a --mirror import deletes them."""
    matched = {row.target_id for row in plan_rows if row.target_id is not None}
    return tuple(record_id for record_id in sorted(existing) if record_id not in matched)


def _title(target: ImportTarget, record: dict) -> str:
    return str(record.get(target.title_field) or "")
