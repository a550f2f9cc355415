"""Blocks of cells between parkdesk and spreadsheets: tab-separated text as Excel and WPS copy it.

Pasting reads every cell with its field's normalizer; cells that cannot be
read are reported (row, column, why) and left as they were, the rest land
as one change — one step of undo.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from parkdesk.editing.changes import Batch, InsertRows, SetValues, table_of
from parkdesk.forms.field_values import display_value, parse_field
from parkdesk.forms.model import Field
from parkdesk.texts import Text


@dataclass(frozen=True)
class CellProblem:
    row: int  # 0-based row of the pasted block
    column: int  # 0-based column of the pasted block
    field: Field
    text: str
    problem: Text

    def message(self, lang: str = "zh") -> str:
        return self.problem.text(lang)


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of cells; quoted cells may hold tabs and line breaks, as Excel writes them."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    if not text:
        return []
    return [row for row in csv.reader(io.StringIO(text), dialect="excel-tab")]


def to_tsv(fields: list[Field], rows: list[dict], lang: str = "zh", references: dict | None = None) -> str:
    """Rows as spreadsheets paste them: labels, not keys, so a round trip through Excel reads back."""
    out = io.StringIO()
    writer = csv.writer(out, dialect="excel-tab", lineterminator="\n")
    for row in rows:
        writer.writerow([display_value(field, row.get(field.key), lang, references).replace(",", "")
                         if field.type in ("integer", "decimal") else
                         display_value(field, row.get(field.key), lang, references) for field in fields])
    return out.getvalue()


def plan_paste(table: str, fields: list[Field], block: list[list[str]], targets: list[dict],
               new_row: callable, references: dict | None = None) -> tuple[Batch, list[CellProblem]]:
    """The change that pastes `block` over `targets` (existing rows, in order) and adds rows past their end.

    `fields` are the columns the block covers, left to right; `new_row()` gives
    a fresh row to fill for each extra line.
    """
    by_name = {name: key for key, name in (references or {}).items()}
    changes, inserts, problems = [], [], []
    for row_number, cells in enumerate(block):
        values = {}
        for column, text in enumerate(cells[:len(fields)]):
            field = fields[column]
            if field.read_only:
                continue
            if field.type == "reference":
                name = text.strip()
                if name and name not in by_name:
                    problems.append(CellProblem(row_number, column, field, text,
                                                Text("edit.no_such_reference", {"name": name, "field": field.label})))
                    continue
                if name or nullable(table, field.key):
                    values[field.key] = by_name.get(name)
                continue
            result = parse_field(field, text)
            if not result.ok:
                problems.append(CellProblem(row_number, column, field, text, result.problem))
                continue
            if result.value is None and not nullable(table, field.key):
                continue  # a blank cell over a column that cannot be blank: left as it is
            values[field.key] = result.value
        if row_number < len(targets):
            target = targets[row_number]
            changed = {k: v for k, v in values.items() if target.get(k) != v}
            if changed:
                changes.append(SetValues(table, target["id"], changed, {k: target.get(k) for k in changed}))
        elif values:
            inserts.append({**new_row(), **values})
    if inserts:
        changes.append(InsertRows(table, tuple(inserts)))
    return Batch(tuple(changes)), problems


def nullable(table: str, column: str) -> bool:
    return table_of(table).c[column].nullable
