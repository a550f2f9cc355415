"""Finding the header row of a sheet and proposing which column holds which field.

The header may sit below a title row, span merged cells, or have its units
in a row of their own underneath. The proposal is a SheetMapping that a
person can look at and change (`with_field`) before anything is imported.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from parkdesk.excel.columns import KNOWN_UNITS, UNIT_ALIASES, HeaderText, field_names, match_field, read_header
from parkdesk.excel.errors import ExcelError
from parkdesk.excel.source import SheetGrid
from parkdesk.excel.targets import TARGETS, ImportTarget
from parkdesk.forms.model import Field
from parkdesk.reference.labels import Label

HEADER_SCAN_ROWS = 30


@dataclass(frozen=True)
class ColumnMatch:
    index: int  # 0-based column of the sheet
    header: str  # as written; "" when blank
    unit: str | None  # the unit written in the header ("亿元"), if any
    field: str | None  # the field key it is imported into; None: not imported


@dataclass(frozen=True)
class SheetMapping:
    """Where a sheet's table is and which column feeds which field."""

    sheet: str
    record: str  # the import target's record key
    header_row: int  # 0-based
    first_data_row: int  # 0-based; after the header (and a units row under it, if any)
    columns: tuple[ColumnMatch, ...]

    @property
    def target(self) -> ImportTarget:
        return TARGETS[self.record]

    def field_columns(self) -> dict[str, ColumnMatch]:
        return {column.field: column for column in self.columns if column.field is not None}

    def with_field(self, column: int, field: str | None) -> "SheetMapping":
        """The mapping with `column` imported into `field` (None: not imported); a field feeds from one column."""
        if field is not None and field not in {f.key for f in self.target.importable_fields()}:
            raise KeyError(field)
        columns = tuple(
            replace(c, field=field) if c.index == column else
            replace(c, field=None) if field is not None and c.field == field else c
            for c in self.columns)
        return replace(self, columns=columns)

    def missing_required(self, category: str | None = None) -> tuple[Field, ...]:
        mapped = self.field_columns()
        return tuple(f for f in self.target.required_fields(category) if f.key not in mapped)

    def ignored_columns(self) -> tuple[ColumnMatch, ...]:
        return tuple(c for c in self.columns if c.field is None and c.header)

    def check_complete(self, category: str | None = None) -> None:
        """Raise when a required column is missing; the message lists what the header row holds."""
        missing = self.missing_required(category)
        if missing:
            raise ExcelError(
                "excel.missing_columns", sheet=self.sheet, what=self.target.label,
                columns=Label("、".join(f.label.zh for f in missing), ", ".join(f.label.en for f in missing)),
                row=self.header_row + 1, found=" | ".join(c.header for c in self.columns if c.header) or "-")


def propose_mapping(grid: SheetGrid, record: str | None = None) -> SheetMapping | None:
    """The best reading of the sheet as `record` (or as whichever target fits best); None if none fits."""
    records = [record] if record is not None else list(TARGETS)
    best: tuple[tuple, SheetMapping] | None = None
    for key in records:
        target = TARGETS[key]
        names = field_names(target.record)
        required = {f.key for f in target.required_fields()}
        for row in range(min(HEADER_SCAN_ROWS, len(grid.rows))):
            headers = _header_texts(grid, row)
            columns = _match_columns(headers, names)
            fields = {c.field for c in columns if c.field}
            if target.title_field not in fields or len(fields) < 2:
                continue
            score = (len(fields & required), len(fields), -row)
            if best is None or score > best[0]:
                best = (score, _with_units_row(grid, SheetMapping(grid.name, key, row, row + 1, columns)))
    return best[1] if best else None


def _header_texts(grid: SheetGrid, row: int) -> list[HeaderText | None]:
    """The row's header cells; a blank cell inside a merge that starts above takes the merge's text."""
    cells = list(grid.rows[row])
    for (top, left), (bottom, right) in grid.merged:
        if top < row <= bottom:
            for column in range(left, min(right, len(cells) - 1) + 1):
                if cells[column] == "" and column == left:
                    cells[column] = grid.cell(top, left)
    return [read_header(value) for value in cells]


def _match_columns(headers: list[HeaderText | None], names: dict[str, tuple[str, ...]]) -> tuple[ColumnMatch, ...]:
    taken: set[str] = set()
    columns = []
    for index, header in enumerate(headers):
        field = match_field(header, names, taken) if header is not None else None
        if field is not None:
            taken.add(field)
        columns.append(ColumnMatch(index, header.shown if header else "", header.unit if header else None, field))
    return tuple(columns)


def _with_units_row(grid: SheetGrid, mapping: SheetMapping) -> SheetMapping:
    """Take units from a row under the header that holds only units ("万元", "(亿元)"), and skip that row."""
    below = mapping.header_row + 1
    if below >= len(grid.rows):
        return mapping
    units = {}
    for index, value in enumerate(grid.rows[below]):
        if value == "":
            continue
        text = str(value).strip().strip("()()[]").replace(" ", "")
        text = UNIT_ALIASES.get(text.casefold(), text)
        if text not in KNOWN_UNITS:
            return mapping
        units[index] = text
    if not units:
        return mapping
    columns = tuple(replace(c, unit=units.get(c.index, c.unit)) for c in mapping.columns)
    return replace(mapping, columns=columns, first_data_row=below + 1)


def importable_mappings(grids: list[SheetGrid]) -> list[SheetMapping]:
    """The sheets that read as an importable table, one mapping each."""
    return [mapping for grid in grids if (mapping := propose_mapping(grid)) is not None]
