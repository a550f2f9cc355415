"""Cell values of one column → the field's stored values, a column at a time.

Every value goes through the shared parser (parkdesk.forms.field_values,
over parkdesk.forms.normalize) except the ones a spreadsheet already gives
in final form, which take a fast path with the same result: a number cell in
a number column, a date cell in a date column, text that cleaning would not
change. Choice and reference columns repeat few values; each distinct value
is parsed once. A test holds the fast paths to the parser.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Callable, Sequence

from parkdesk.excel.columns import field_unit
from parkdesk.excel.targets import ref_key
from parkdesk.forms.field_values import parse_field
from parkdesk.forms.model import (
    CHOICE,
    DATE,
    DECIMAL,
    EMAIL,
    INTEGER,
    LONG_TEXT,
    MULTI_CHOICE,
    PHONE,
    REFERENCE,
    TEXT,
    USCC,
    Field,
)
from parkdesk.forms.normalize import EMPTY_MARKERS, Normalized, clean_text, is_clean_text
from parkdesk.reference.labels import Label
from parkdesk.texts import Text

EXCEL_CELL_LIMIT = 32_767  # characters Excel holds in one cell
TEXT_TYPES = (TEXT, LONG_TEXT, PHONE, EMAIL)


@dataclass
class ColumnValues:
    values: list  # the stored value per cell; None when empty or not understood
    problems: dict[int, Label] = field(default_factory=dict)  # cell index → what is wrong
    mapped: list[tuple[str, str]] = field(default_factory=list)  # (text, choice key) read forgivingly
    cleared: set[int] = field(default_factory=set)  # cells that say #清空: None, to be written even over a value


# what a cell says to clear an existing value (a blank cell leaves it as it is)
CLEAR_MARKERS = frozenset({"#清空", "＃清空", "#clear"})


def is_clear_marker(raw) -> bool:
    return type(raw) is str and raw.strip().casefold() in CLEAR_MARKERS


def blank_cells(cells: Sequence) -> set[int]:
    """The rows whose cell is blank: "no change" for a row that matches a record."""
    return {index for index, raw in enumerate(cells) if raw == "" or raw is None}


def convert_column(field: Field, cells: Sequence, header_unit: str | None = None,
                   references: dict[str, int] | None = None, unknown_reference: str | None = None) -> ColumnValues:
    """The column's stored values; `references` maps name_key(text) → id for a REFERENCE field.

    A cell that says #清空 is None, and listed in `cleared` (it empties a stored value; a blank cell does not)."""
    if field.type == REFERENCE:
        return _memoized(cells, lambda raw: _reference(raw, references or {}, unknown_reference))
    if field.type in (CHOICE, MULTI_CHOICE):
        return _memoized(cells, lambda raw: _parsed(field, raw))
    unit = header_unit if header_unit and header_unit != field_unit(field) else None
    values = _fast_values(field, cells) if unit is None else [_SLOW] * len(cells)
    result = ColumnValues(values)
    for index, value in enumerate(values):
        if value is _SLOW:
            raw = cells[index]
            if raw.__class__ is str and raw[:1] in "#＃" and is_clear_marker(raw):
                values[index] = None
                result.cleared.add(index)
                continue
            outcome = _parsed(field, raw, unit)
            values[index] = outcome.value if outcome.ok else None
            if not outcome.ok:
                result.problems[index] = outcome.problem
    return result


_SLOW = object()  # "ask the parser"


def _fast_values(field: Field, cells: Sequence) -> list:
    """Each cell's value where the spreadsheet already gives it in final form, else _SLOW (None when empty).

    The same result as the parser, inlined per type: a column is 100,000 cells.
    """
    kind = field.type
    if kind in TEXT_TYPES:
        limit = min(field.max_length or EXCEL_CELL_LIMIT, EXCEL_CELL_LIMIT - 1)  # a full cell may be cut off
        if _all_clean_text(cells, limit):  # (a cell starting with "#" is not: it may say #清空)
            return [raw or None for raw in cells]
        return [raw if type(raw) is str and len(raw) <= limit and is_clean_text(raw) and raw[:1] not in "#＃"
                else None if raw == "" else _SLOW for raw in cells]
    if kind == USCC:
        if _all_clean_text(cells, EXCEL_CELL_LIMIT - 1, codes=True):
            return [raw or None for raw in cells]
        return [raw if type(raw) is str and raw == raw.upper() and "-" not in raw and is_clean_text(raw)
                and raw[:1] not in "#＃" else None if raw == "" else _SLOW for raw in cells]
    if kind == INTEGER:
        return [int(raw) if type(raw) is float and raw.is_integer() else None if raw == "" else _SLOW
                for raw in cells]
    if kind == DECIMAL:  # raw - raw == 0 is false for inf and nan
        return [round(raw, 6) if type(raw) is float and raw - raw == 0.0 else None if raw == "" else _SLOW
                for raw in cells]
    if kind == DATE:
        return [raw if type(raw) is date else None if raw == "" else _SLOW for raw in cells]
    return [None if raw == "" else _SLOW for raw in cells]


_MARKERS = EMPTY_MARKERS - {""}  # words that mean "empty" ("无", "-"), for the parser to turn into None


def _all_clean_text(cells: Sequence, limit: int, codes: bool = False) -> bool:
    """True when every cell is empty or text that cleaning leaves as it is (and, for codes, upper case
    without hyphens): checked on the cells joined into one string, one regex pass for the whole column."""
    if not cells or not all(type(raw) is str for raw in cells):
        return False
    if max(map(len, cells)) > limit or not _MARKERS.isdisjoint(cells):
        return False
    joined = "\x00".join(cells)
    if codes and (joined != joined.upper() or "-" in joined):
        return False
    return is_clean_text(joined) and "#" not in joined and "＃" not in joined


def _parsed(field: Field, raw, header_unit: str | None = None) -> Normalized:
    if isinstance(raw, str) and len(raw) >= EXCEL_CELL_LIMIT:
        return _too_long(raw)
    if field.type in TEXT_TYPES:
        raw = cell_text(raw)
    return parse_field(field, raw, header_unit=header_unit)


def cell_text(raw):
    """A cell as the text it shows: 13812345678.0 (a number cell) → '13812345678', a date → '2019-05-03'."""
    if type(raw) is float and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, (date, datetime)):
        return raw.isoformat()
    return raw


def _too_long(raw: str) -> Normalized:
    return Normalized(None, False, Text("excel.cell.too_long", {"length": f"{len(raw):,}"}))


def _reference(raw, names: dict[str, int], unknown_message: str | None) -> Normalized:
    if isinstance(raw, str) and len(raw) >= EXCEL_CELL_LIMIT:
        return _too_long(raw)
    words = clean_text(cell_text(raw))
    if words is None:
        return Normalized(None, True)
    found = names.get(words.casefold())
    if found is None and words.lstrip("#").isdigit():  # a record's 编号(ID) names it too
        found = names.get(ref_key(int(words.lstrip("#"))))
    if found is not None:
        return Normalized(found, True)
    shown = words if len(words) <= 30 else words[:30] + "…"
    key = unknown_message or "excel.cell.unknown_link"
    return Normalized(None, False, Text(key, {"value": shown}))


def _memoized(cells: Sequence, parse: Callable[[object], Normalized]) -> ColumnValues:
    """Parse each distinct value once (choice and reference columns repeat a handful of values)."""
    distinct = set(cells)
    if all(key.__class__ is str for key in distinct):  # the cells themselves are the keys
        keys = cells
    else:  # True == 1.0 as keys, but not as cells
        keys = list(zip(map(type, cells), cells))
        distinct = set(keys)
    text = (lambda key: key) if keys is cells else (lambda key: key[1])
    markers = {key for key in distinct if text(key).__class__ is str and is_clear_marker(text(key))}
    outcomes = {key: Normalized(None, True) if key in markers else parse(text(key)) for key in distinct}
    result = ColumnValues(list(map({key: o.value if o.ok else None for key, o in outcomes.items()}.__getitem__, keys)))
    result.mapped = [pair for key in sorted(outcomes, key=repr) for pair in outcomes[key].mapped]
    failed = {key: o.problem for key, o in outcomes.items() if not o.ok}
    if failed:
        result.problems = {index: failed[key] for index, key in enumerate(keys) if key in failed}
    if markers:
        result.cleared = {index for index, key in enumerate(keys) if key in markers}
    return result
