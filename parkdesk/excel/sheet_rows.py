"""A sheet's data rows as an import reads them, and what it tells the person about the sheet besides the rows.

Rows below the header that hold data (not blank, not a repeated header, not a
合计 line); formula cells that carry no saved result; notices about the
header, hidden rows and sheets, units read or converted, choices read
forgivingly, columns left out.
"""

from __future__ import annotations

from operator import itemgetter

from parkdesk.excel.header import SheetMapping
from parkdesk.excel.plan_model import VALUE_PROBLEM, CellProblem, Notice, PlanRow
from parkdesk.excel.source import SheetGrid
from parkdesk.excel.xlsx_parts import cell_name
from parkdesk.forms.model import Field
from parkdesk.reference.labels import Label
from parkdesk.texts import Text
from parkdesk.validation.findings import ERROR

TOTAL_ROW_MARKERS = frozenset({"合计", "总计", "小计", "total", "subtotal", "合計", "總計"})
NOTICE_ROWS = 5  # rows named in a notice ("e.g. rows 5, 9, 12")
NOTICE_CHOICES = 6  # forgiving readings named in a notice, per column


def data_rows(grid: SheetGrid, mapping: SheetMapping) -> tuple[list[int], dict[int, tuple], list[Notice]]:
    """Sheet rows below the header that hold data (not blank, not a repeated header, not a total line): their
    numbers, and the cells of each mapped column (sheet column → the column's cells, one per kept row)."""
    mapped = [c.index for c in mapping.columns if c.field is not None]
    width = max(len(mapping.columns), max(mapped) + 1)
    take = itemgetter(*mapped) if len(mapped) > 1 else (lambda row: (row[mapped[0]],))
    body = grid.rows[mapping.first_data_row:]
    if any(len(row) < width for row in body):
        body = [_padded(row, width) for row in body]
    cells = list(map(take, body))
    blank, header = ("",) * len(mapped), take(_padded(grid.rows[mapping.header_row], width))
    first = mapping.first_data_row
    odd = [index for index, row in enumerate(cells) if row == blank or row == header or _may_be_total(row[0])]
    totals = [first + index for index in odd if cells[index] != blank and cells[index] != header
              and _is_total(cells[index])]
    dropped = {index for index in odd if cells[index] == blank or cells[index] == header or first + index in totals}
    if dropped:
        kept = [index for index in range(len(cells)) if index not in dropped]
        cells = [cells[index] for index in kept]
        numbers = [first + index for index in kept]
    else:
        numbers = list(range(first, first + len(cells)))
    by_column = dict(zip(mapped, zip(*cells))) if cells else {index: () for index in mapped}
    notices = []
    if totals:
        notices.append(Notice("excel.notice.total_rows", {"sheet": mapping.sheet, "rows": row_list(totals)}))
    return numbers, by_column, notices


def _may_be_total(head) -> bool:
    """A first cell that may start a 合计 line (or is blank, when the line's first filled cell may)."""
    return head == "" or (head.__class__ is str and len(head) < 16 and ("计" in head or "計" in head or "tal" in head
                                                                       or "TAL" in head or "Tal" in head))


def _is_total(cells: tuple) -> bool:
    """A 合计/总计/小计 line: its first filled cell says so."""
    first = cells[0] if cells[0] != "" else next(cell for cell in cells if cell != "")
    return (type(first) is str and len(first) < 16 and ("计" in first or "計" in first or "tal" in first.lower())
            and "".join(first.split()).casefold() in TOTAL_ROW_MARKERS)


def _padded(row: list, width: int) -> list:
    return row if len(row) >= width else row + [""] * (width - len(row))


def row_list(rows: list[int]) -> str:
    return ", ".join(str(row + 1) for row in rows[:NOTICE_ROWS]) + ("…" if len(rows) > NOTICE_ROWS else "")


def formulas_without_values(grid: SheetGrid, rows: list[int], column: int, key: str, values: list,
                            problems: dict[int, list[CellProblem]]) -> None:
    """A formula cell with no saved result reads as empty: say why rather than "required but empty"."""
    if not grid.formulas_without_values:
        return
    index_of = {row: index for index, row in enumerate(rows)}
    for (row, col), formula in grid.formulas_without_values.items():
        if col == column and row in index_of:
            index = index_of[row]
            values[index] = None
            problem = Text("excel.cell.formula_without_value", {"formula": formula})
            problems.setdefault(index, []).append(CellProblem(row, column, key, ERROR, VALUE_PROBLEM,
                                                              {"problem": problem}, blocking=True))


def choice_notice(mapping: SheetMapping, field: Field, header: str, mapped: list[tuple[str, str]]) -> Notice:
    """One notice per column naming how its choices were read forgivingly ("重点" → 重点企业)."""
    labels = dict(field.choices or ())
    pairs = list(dict.fromkeys(mapped))
    shown = {lang: ("、" if lang == "zh" else ", ").join(
        (f"“{text}”→“{labels[key].zh}”" if lang == "zh" else f'"{text}" → "{labels[key].en}"')
        for text, key in pairs[:NOTICE_CHOICES]) + ("…" if len(pairs) > NOTICE_CHOICES else "") for lang in ("zh", "en")}
    return Notice("excel.notice.choices_read", {"sheet": mapping.sheet, "header": header,
                                                "readings": Label(shown["zh"], shown["en"])})


def sheet_notices(grid: SheetGrid, mapping: SheetMapping, rows: list[int], plan_rows: list[PlanRow]) -> list[Notice]:
    notices = [Notice("excel.notice.header_row", {"sheet": mapping.sheet, "row": mapping.header_row + 1,
                                                  "what": mapping.target.label})]
    if grid.hidden:
        notices.append(Notice("excel.notice.hidden_sheet_read", {"sheet": grid.name}))
    hidden = sorted(set(rows) & grid.hidden_rows)
    if hidden:
        notices.append(Notice("excel.notice.hidden_rows", {"sheet": grid.name, "count": len(hidden),
                                                           "rows": row_list(hidden)}))
    without = sorted(grid.formulas_without_values)
    if without:
        notices.append(Notice("excel.notice.formulas_without_values", {
            "sheet": grid.name, "count": len(without), "cells": ", ".join(cell_name(r, c) for r, c in without[:5])}))
    target = mapping.target
    for column in mapping.columns:
        field = target.field(column.field) if column.field else None
        if field is None or field.unit is None or not column.unit:
            continue
        if column.unit_written:
            notices.append(Notice("excel.notice.unit_read", {"header": column.header, "written": column.unit_written,
                                                             "unit": column.unit}))
        if column.unit != field.unit.zh:
            notices.append(Notice("excel.notice.unit_converted", {"header": column.header, "unit": column.unit,
                                                                  "field_unit": field.unit.zh}))
    ignored = mapping.ignored_columns()
    if ignored:
        notices.append(Notice("excel.notice.ignored_columns", {"sheet": mapping.sheet,
                                                               "columns": "、".join(c.header for c in ignored)}))
    return notices
