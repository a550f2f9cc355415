"""The error workbook: the imported file again, each bad cell highlighted with a comment saying why.

An .xlsx is copied with openpyxl (its formats, merged cells and other sheets
kept; defusedxml guards the XML); an .xls or .ods is rebuilt from the values
read. A first sheet lists every problem with a link to its cell.
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from typing import Callable, Sequence

import openpyxl
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink

from parkdesk.atomic_files import writing_atomically
from parkdesk.excel.cells import EXCEL_CELL_LIMIT
from parkdesk.excel.errors import ExcelError, ImportCancelled
from parkdesk.excel.plan_model import CellProblem, ImportPlan
from parkdesk.excel.sheet_bounds import MAX_MERGED_CELLS, merged_cells
from parkdesk.excel.source import XLSX, SheetGrid, sniff_format
from parkdesk.excel.writing import display_width
from parkdesk.gc_pause import gc_paused
from parkdesk.reference.labels import Label
from parkdesk.validation.findings import ERROR, SEVERITY_LABELS

FILLS = {ERROR: PatternFill("solid", fgColor="FFC7CE"), "warning": PatternFill("solid", fgColor="FFEB9C"),
         "info": PatternFill("solid", fgColor="DDEBF7")}
LIST_SHEET = Label("导入问题", "Import problems")
LIST_HEADERS = (Label("工作表", "Sheet"), Label("单元格", "Cell"), Label("列", "Column"), Label("级别", "Severity"),
                Label("规则", "Rule"), Label("问题", "Problem"))
COMMENT_AUTHOR = "parkdesk"
SEVERITY_ORDER = {ERROR: 0, "warning": 1, "info": 2}
WIDTH_SAMPLE = 500  # rows of the problem list that set its columns' widths


def write_error_workbook(source: Path | str, plans: Sequence[ImportPlan], path: Path | str, *, lang: str = "zh",
                         grids: dict[str, SheetGrid] | None = None,
                         progress: Callable[[int, int], bool] | None = None) -> Path:
    """Write the marked-up copy of `source` to `path` (.xlsx); `grids` are the sheets read, for a non-.xlsx source.

    `progress(done, total)` is told of each step (reading, marking, listing, saving); False cancels, and
    nothing is written."""
    source, path = Path(source), Path(path)
    if path.exists() and source.exists() and path.resolve() == source.resolve():
        raise ExcelError("excel.same_file", path=path)
    step = _Steps(progress, 4)
    with gc_paused():
        book = _copied(source) if sniff_format(source) == XLSX else None
        if book is None:
            book = _rebuilt(grids or {})
        step()
        problems = [(plan, problem) for plan in plans for problem in plan.problems()]
        for plan in plans:
            if plan.mapping.sheet not in book.sheetnames:
                book.create_sheet(plan.mapping.sheet)
            sheet = book[plan.mapping.sheet]
            _mark(sheet, plan, lang)
        step()
        _problem_list(book, problems, lang)
        step()
        with writing_atomically(path) as temp:
            book.save(temp)
        step()
    return path


class _Steps:
    def __init__(self, progress, total: int):
        self.progress, self.total, self.done = progress, total, 0

    def __call__(self) -> None:
        self.done += 1
        if self.progress is not None and self.progress(self.done, self.total) is False:
            raise ImportCancelled("excel.cancelled")


def _copied(source: Path) -> openpyxl.Workbook | None:
    """The .xlsx loaded by openpyxl; None when that cannot be done safely, and the values are copied instead.

    openpyxl makes an object for every cell a merged range covers, and is stricter than calamine about some
    files (and refuses DTDs, through defusedxml).
    """
    try:
        if merged_cells(source) > MAX_MERGED_CELLS:
            return None
        return openpyxl.load_workbook(source, keep_vba=False, keep_links=False, rich_text=False)
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except Exception:  # any failure of a file calamine could read: fall back to its values
        return None


def _rebuilt(grids: dict[str, SheetGrid]) -> openpyxl.Workbook:
    """A workbook holding the values read from an .xls or .ods source."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, grid in grids.items():
        sheet = book.create_sheet(name)
        for row in grid.rows:
            sheet.append([_storable(value) for value in row])
        for row_number, row in enumerate(grid.rows, start=1):
            for column, value in enumerate(row, start=1):
                if isinstance(value, str) and value.startswith("="):
                    _as_text(sheet.cell(row_number, column))
                if isinstance(value, (date, datetime)):
                    sheet.cell(row_number, column).number_format = "yyyy-mm-dd"
    return book


def _as_text(cell) -> None:
    """Text that starts with "=" stays text: openpyxl would write it as a live formula (=HYPERLINK, =cmd|…)."""
    if cell.data_type == "f":
        cell.data_type = "s"


def _storable(value):
    if value == "":
        return None
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        return value if len(value) <= EXCEL_CELL_LIMIT else value[:EXCEL_CELL_LIMIT - 1] + "…"
    if isinstance(value, time):
        return value.isoformat()
    return value


def _cell_of(plan: ImportPlan, problem: CellProblem) -> tuple[int, int]:
    """1-based (row, column) of the cell a problem is shown on: its own, else the row's title cell, else column A."""
    if problem.column is not None:
        return problem.row + 1, problem.column + 1
    title = plan.mapping.field_columns().get(plan.target.title_field)
    return problem.row + 1, (title.index + 1) if title else 1


def _mark(sheet, plan: ImportPlan, lang: str) -> None:
    by_cell: dict[tuple[int, int], list[CellProblem]] = {}
    for problem in plan.problems():
        by_cell.setdefault(_cell_of(plan, problem), []).append(problem)
    for (row, column), problems in by_cell.items():
        problems.sort(key=lambda p: SEVERITY_ORDER.get(p.severity, 3))
        cell = sheet.cell(row, column)
        if isinstance(cell.value, str) and len(cell.value) > EXCEL_CELL_LIMIT:
            cell.value = cell.value[:EXCEL_CELL_LIMIT - 1] + "…"
            _as_text(cell)
        cell.fill = FILLS.get(problems[0].severity, FILLS[ERROR])
        text = "\n".join(_line(p, lang) for p in problems)
        comment = Comment(text, COMMENT_AUTHOR)
        comment.width, comment.height = 320, 40 + 18 * text.count("\n") + 18 * (len(text) // 30)
        cell.comment = comment
        if sheet.row_dimensions[row].hidden:
            sheet.row_dimensions[row].hidden = False


def _line(problem: CellProblem, lang: str) -> str:
    severity = SEVERITY_LABELS[problem.severity].text(lang) if problem.severity in SEVERITY_LABELS else ""
    rule = "" if problem.rule_id.startswith("IMPORT-") else f" [{problem.rule_id}]"
    return f"{severity}{rule}: {problem.message(lang)}"


def _problem_list(book: openpyxl.Workbook, problems: list[tuple[ImportPlan, CellProblem]], lang: str) -> None:
    title = LIST_SHEET.text(lang)
    while title in book.sheetnames:
        title += "_"
    sheet = book.create_sheet(title, 0)
    sheet.append([header.text(lang) for header in LIST_HEADERS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [display_width(header.text(lang)) for header in LIST_HEADERS]
    link_font = Font(color="0563C1", underline="single")
    for number, (plan, problem) in enumerate(problems, start=2):  # counted: sheet.max_row scans every cell
        row, column = _cell_of(plan, problem)
        header = plan.mapping.header_for(problem.field)
        values = [plan.mapping.sheet, f"{get_column_letter(column)}{row}", header,
                  SEVERITY_LABELS[problem.severity].text(lang), problem.rule_id, problem.message(lang)]
        sheet.append(values)
        cells = [sheet.cell(number, index) for index in range(1, len(values) + 1)]
        for cell in cells:  # a header or a sheet name from the file may start with "="
            _as_text(cell)
        link = cells[1]
        link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{plan.mapping.sheet}'!{link.value}")
        link.font = link_font
        cells[3].fill = FILLS.get(problem.severity, FILLS[ERROR])
        if number <= WIDTH_SAMPLE:
            widths = [max(w, min(display_width(str(v)), 80)) for w, v in zip(widths, values)]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width + 2
    sheet.freeze_panes = "A2"
    for other in book.worksheets:
        other.sheet_view.tabSelected = False
    book.active = 0
    sheet.sheet_view.tabSelected = True
