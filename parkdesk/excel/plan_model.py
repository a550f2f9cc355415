"""What an import would do, row by row: the preview a person confirms before anything is written."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from parkdesk.excel.header import SheetMapping
from parkdesk.excel.targets import ImportTarget
from parkdesk.excel.xlsx_parts import cell_name
from parkdesk.reference.labels import Label
from parkdesk.texts import text
from parkdesk.validation.findings import ERROR
from parkdesk.validation.rules import RULES

NEW, CHANGED, UNCHANGED, REJECTED = "new", "changed", "unchanged", "rejected"
STATUSES = (NEW, CHANGED, UNCHANGED, REJECTED)
DELETED = "deleted"  # existing records a --mirror import deletes (counted, not rows of the sheet)
VALUE_PROBLEM = "IMPORT-VALUE"  # a cell that could not be read as its field's type
DUPLICATE_PROBLEM = "IMPORT-DUPLICATE"  # a row that repeats an earlier row of the sheet


@dataclass(frozen=True, slots=True)
class CellProblem:
    row: int  # 0-based sheet row
    column: int | None  # 0-based sheet column; None when the field has no column in the sheet
    field: str | None
    severity: str  # error | warning | info, as validation's rules
    rule_id: str  # a validation rule id, or VALUE_PROBLEM / DUPLICATE_PROBLEM
    params: dict
    # the row cannot be stored as it stands (a cell not understood, a record named twice, a value the
    # workspace cannot hold): it is rejected. Otherwise it is what validation will say of the imported row.
    blocking: bool = False

    def message(self, lang: str = "zh") -> str:
        if self.rule_id == VALUE_PROBLEM:
            return self.params["problem"].text(lang)
        if self.rule_id == DUPLICATE_PROBLEM:
            return text("excel.cell.duplicate_row", lang, **self.params)
        return RULES[self.rule_id].render(lang, self.params)

    def cell(self) -> str:
        """'B7', or the row alone ('7') when the problem has no column."""
        return cell_name(self.row, self.column) if self.column is not None else str(self.row + 1)

    def to_json(self, lang: str = "zh") -> dict:
        return {"row": self.row + 1, "cell": self.cell(), "field": self.field, "severity": self.severity,
                "rule": self.rule_id, "message": self.message(lang), "rejects_row": self.blocking}


@dataclass(slots=True)
class PlanRow:
    row: int  # 0-based sheet row
    status: str
    values: tuple  # stored values, in the plan's field order
    target_id: int | None = None  # the existing record it matches
    old: tuple | None = None  # the existing record's values, same order, when matched
    problems: tuple[CellProblem, ...] = ()

    def changes(self, fields: tuple[str, ...]) -> dict[str, tuple[object, object]]:
        """Field → (old, new) for every field this row changes."""
        if self.old is None:
            return {}
        return {key: (old, new) for key, old, new in zip(fields, self.old, self.values) if not same_value(old, new)}


def same_value(old, new) -> bool:
    if isinstance(old, float) and isinstance(new, (int, float)) and not isinstance(new, bool):
        return math.isclose(old, new, rel_tol=1e-12, abs_tol=1e-9)
    return old == new


@dataclass(frozen=True)
class Notice:
    """Something the person should know about the sheet, not tied to one cell."""

    key: str
    params: dict

    def message(self, lang: str = "zh") -> str:
        return text(self.key, lang, **self.params)


@dataclass
class ImportPlan:
    source: Path
    mapping: SheetMapping
    report_id: int
    fields: tuple[str, ...]  # the fields the sheet feeds, in the order of PlanRow.values
    rows: list[PlanRow]
    notices: list[Notice] = field(default_factory=list)
    fingerprint: tuple = ()  # the target's rows when planned; apply refuses a changed workspace
    existing_rows: int = 0
    deleted: tuple[int, ...] = ()  # ids of existing records the sheet leaves out, deleted by a --mirror import
    deleted_titles: tuple[str, ...] = ()  # their names, for the preview
    # every row, as the workspace would store it, in an in-memory database (the enterprise list): new rows are
    # inserted from there (see parkdesk.excel.staging)
    staged: object | None = None

    def deletion_message(self, lang: str = "zh", titles: int = 5) -> str:
        """"将删除 3 家企业(工作簿中没有):…", for the preview of a --mirror import."""
        shown = "、".join(self.deleted_titles[:titles]) + ("…" if len(self.deleted_titles) > titles else "")
        measure = "家" if self.target.record_key == "enterprise" else "个"
        what = Label(measure + self.what.zh, self.what.en)
        return text("excel.deletes", lang, count=len(self.deleted), what=what, titles=shown)

    def placeholder(self, index: int) -> int:
        """What stands for the id of the new record of row `index` until it is written (a negative number)."""
        return -(index + 1)

    @property
    def target(self) -> ImportTarget:
        return self.mapping.target

    @property
    def what(self) -> Label:
        return self.target.label

    def of(self, status: str) -> list[PlanRow]:
        return [row for row in self.rows if row.status == status]

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(STATUSES, 0)
        for row in self.rows:
            counts[row.status] += 1
        counts[DELETED] = len(self.deleted)
        return counts

    def problems(self) -> list[CellProblem]:
        return [problem for row in self.rows for problem in row.problems]

    @property
    def has_errors(self) -> bool:
        return any(row.status == REJECTED for row in self.rows)

    def summary_json(self, lang: str = "zh", problem_limit: int | None = None) -> dict:
        problems = self.problems()
        shown = problems if problem_limit is None else problems[:problem_limit]
        return {"sheet": self.mapping.sheet, "record": self.mapping.record, "what": self.what.text(lang),
                "header_row": self.mapping.header_row + 1, "counts": self.counts(),
                "deleted": list(self.deleted_titles),
                "columns": {column.field: column.header for column in self.mapping.columns if column.field},
                "notices": [notice.message(lang) for notice in self.notices],
                "problems": [problem.to_json(lang) for problem in shown],
                "problems_not_listed": len(problems) - len(shown)}


def is_error(problem: CellProblem) -> bool:
    return problem.severity == ERROR


def blocks(problem: CellProblem) -> bool:
    return problem.blocking


@dataclass
class WorkbookContext:
    """What the sheets planned so far tell the next ones of the same workbook.

    `names`: per record kind that others refer to (segments, links), name or row id → the record's id, or the
    placeholder of a row the workbook adds (a renamed record answers to both names). `deleted`: ids a --mirror
    import deletes, which nothing may refer to. `category`: the park's category as the workbook states it.
    """

    names: dict[str, dict[str, object]] = field(default_factory=dict)
    deleted: dict[str, set[int]] = field(default_factory=dict)
    category: str | None = None
