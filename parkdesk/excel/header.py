"""Finding the header row of a sheet and proposing which column holds which field.

The header may sit below a title row, span merged cells, or have its units
in a row of their own underneath. A sheet named like a sheet of the
workbook layout is read as that sheet's record first. A single record
(basic information, positioning) is a form: a column of item names with
the values beside them. The proposal is a SheetMapping that a person can
look at and change (`with_field`) before anything is imported.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from parkdesk.excel.columns import KNOWN_UNITS, UNIT_ALIASES, HeaderText, field_names, label_form, match_field, \
    read_header
from parkdesk.excel.errors import ExcelError
from parkdesk.excel.layout import FORM_HEADERS, UNIT_LABEL, sheet_for_name
from parkdesk.excel.source import SheetGrid
from parkdesk.excel.targets import TARGETS, ImportTarget
from parkdesk.forms.model import Field
from parkdesk.forms.normalize import MONEY_UNITS
from parkdesk.forms.synonyms import BARE_MULTIPLIERS
from parkdesk.reference.labels import Label

HEADER_SCAN_ROWS = 30
FORM_SCAN_ROWS = 60
FORM_SCAN_COLUMNS = 4


@dataclass(frozen=True)
class ColumnMatch:
    index: int  # 0-based column of the sheet (a form: the row of the item)
    header: str  # as written; "" when blank
    unit: str | None  # the unit the header's unit stands for ("亿元"), if any
    field: str | None  # the field key it is imported into; None: not imported
    unit_written: str | None = None  # the header's unit as written, when it was read as another ("亿" → 亿元)


@dataclass(frozen=True)
class SheetMapping:
    """Where a sheet's table (or form) is and which column (or row) feeds which field."""

    sheet: str
    record: str  # the import target's record key
    header_row: int  # 0-based
    first_data_row: int  # 0-based; after the header (and a units row under it, if any)
    columns: tuple[ColumnMatch, ...]  # a form: one per item row, index = the row
    value_column: int | None = None  # a form: the column of the values

    @property
    def target(self) -> ImportTarget:
        return TARGETS[self.record]

    @property
    def is_form(self) -> bool:
        return self.value_column is not None

    def field_columns(self) -> dict[str, ColumnMatch]:
        return {column.field: column for column in self.columns if column.field is not None}

    def header_for(self, field: str | None) -> str:
        column = self.field_columns().get(field) if field else None
        return column.header if column is not None else ""

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
        if self.is_form:
            return ()
        mapped = self.field_columns()
        if "indicator_key" in mapped:  # the key names the indicator as well as its name does
            mapped = {**mapped, "indicator_id": mapped["indicator_key"]}
        return tuple(f for f in self.target.required_fields(category) if f.key not in mapped)

    def ignored_columns(self) -> tuple[ColumnMatch, ...]:
        """Headed columns not imported, but those the layout shows only (a unit, a file's size)."""
        shown = shown_only(self.target)
        return tuple(c for c in self.columns if c.field is None and c.header and label_form(c.header) not in shown)

    def check_complete(self, category: str | None = None) -> None:
        """Raise when a required column is missing; the message lists what the header row holds."""
        missing = self.missing_required(category)
        if missing:
            raise ExcelError(
                "excel.missing_columns", sheet=self.sheet, what=self.target.label,
                columns=Label("、".join(f.label.zh for f in missing), ", ".join(f.label.en for f in missing)),
                row=self.header_row + 1, found=" | ".join(c.header for c in self.columns if c.header) or "-")


def shown_only(target: ImportTarget) -> set[str]:
    """Headers of the layout's columns that are shown and never imported (read-only fields, the unit)."""
    names = {label_form(f.header(lang)) for f in target.record.fields if f.read_only and f.key not in target.identity
             for lang in ("zh", "en")}
    return names | ({label_form(UNIT_LABEL.zh), label_form(UNIT_LABEL.en)} if target.record_key == "indicator_value"
                    else set())


def propose_mapping(grid: SheetGrid, record: str | None = None) -> SheetMapping | None:
    """The best reading of the sheet as `record` (or as whichever target fits best); None if none fits.

    A sheet named like a sheet of the layout is read as that sheet's record when it fits it at all."""
    if record is None:
        named = sheet_for_name(grid.name)
        if named is not None:
            found = propose_mapping(grid, named.key)
            if found is not None:
                return found
        records = list(TARGETS)
    else:
        records = [record]
    forms = [key for key in records if TARGETS[key].single]
    best = _best_table(grid, [key for key in records if not TARGETS[key].single])
    if best is None:
        best = next((mapping for key in forms if (mapping := propose_form(grid, key)) is not None), None)
    return best


def _best_table(grid: SheetGrid, records: list[str]) -> SheetMapping | None:
    best: tuple[tuple, SheetMapping] | None = None
    for key in records:
        target = TARGETS[key]
        names = field_names(target.record, target.importable_fields())
        required = {f.key for f in target.required_fields()}
        identity = set(target.identity) | ({"indicator_key"} if key == "indicator_value" else set())
        for row in range(min(HEADER_SCAN_ROWS, len(grid.rows))):
            headers = _header_texts(grid, row)
            columns = _match_columns(headers, names, target)
            fields = {c.field for c in columns if c.field}
            if not fields & identity or len(fields) < 2:
                continue
            score = (len(fields & required), len(fields), -row)
            if best is None or score > best[0]:
                best = (score, _with_units_row(grid, SheetMapping(grid.name, key, row, row + 1, columns)))
    return best[1] if best else None


def propose_form(grid: SheetGrid, record: str) -> SheetMapping | None:
    """A single record laid out as items (a column of field names) with their values beside them."""
    target = TARGETS[record]
    fields = tuple(f for f in target.importable_fields())
    names = {name: key for key, forms in field_names(target.record, fields).items() for name in forms}
    least = min(2, len(fields))  # a form of two fields may hold one of them
    best = None
    for column in range(FORM_SCAN_COLUMNS):
        items, taken = [], set()
        for row in range(min(FORM_SCAN_ROWS, len(grid.rows))):
            cells = grid.rows[row]
            if column >= len(cells) or not isinstance(cells[column], str):
                continue
            key = names.get(label_form(cells[column]))
            if key is not None and key not in taken:
                taken.add(key)
                items.append(ColumnMatch(row, str(cells[column]).strip(), None, key))
        if len(items) >= least and (best is None or len(items) > len(best[1])):
            best = (column, items)
    if best is None:
        return None
    column, items = best
    header = _form_header_row(grid, column, items[0].index)
    return SheetMapping(grid.name, record, header, header + 1, tuple(items), value_column=column + 1)


def _form_header_row(grid: SheetGrid, column: int, first_item: int) -> int:
    """The row above the items that heads them ("项目 | 内容"), else the row just above the first item."""
    heads = {label_form(label.zh) for label in FORM_HEADERS} | {label_form(label.en) for label in FORM_HEADERS}
    for row in range(first_item - 1, -1, -1):
        if label_form(grid.cell(row, column)) in heads:
            return row
    return max(first_item - 1, 0)


def _header_texts(grid: SheetGrid, row: int) -> list[HeaderText | None]:
    """The row's header cells; a blank cell inside a merge that starts above takes the merge's text."""
    cells = list(grid.rows[row])
    for (top, left), (bottom, right) in grid.merged:
        if top < row <= bottom:
            for column in range(left, min(right, len(cells) - 1) + 1):
                if cells[column] == "" and column == left:
                    cells[column] = grid.cell(top, left)
    return [read_header(value) for value in cells]


def _match_columns(headers: list[HeaderText | None], names: dict[str, tuple[str, ...]],
                   target: ImportTarget) -> tuple[ColumnMatch, ...]:
    taken: set[str] = set()
    columns = []
    for index, header in enumerate(headers):
        field = match_field(header, names, taken) if header is not None else None
        if field is not None:
            taken.add(field)
        unit, written = header_unit(header.unit, target.field(field)) if header and field else (
            header.unit if header else None, None)
        columns.append(ColumnMatch(index, header.shown if header else "", unit, field, written))
    return tuple(columns)


def header_unit(written: str | None, field: Field) -> tuple[str | None, str | None]:
    """The unit a header's unit stands for in `field`'s column, and the unit as written when they differ:
    a bare "亿" in a column of 万元 is 亿元, in one of 万美元 亿美元."""
    if written is None or written in KNOWN_UNITS:
        return written, None
    bare = BARE_MULTIPLIERS.get(written)
    field_unit = field.unit.zh if field.unit is not None else None
    if bare is not None and field_unit in MONEY_UNITS:
        currency = "美元" if field_unit.endswith("美元") else "元"
        if bare + currency in MONEY_UNITS:
            return bare + currency, written
    return written, None  # not understood: the cells say so (the unit does not match the field's)


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
        if text not in KNOWN_UNITS and text not in BARE_MULTIPLIERS:
            return mapping
        units[index] = text
    if not units:
        return mapping
    target = mapping.target
    columns = tuple(replace(c, **dict(zip(("unit", "unit_written"), header_unit(units[c.index], target.field(c.field)))))
                    if c.index in units and c.field else replace(c, unit=units.get(c.index, c.unit))
                    for c in mapping.columns)
    return replace(mapping, columns=columns, first_data_row=below + 1)
