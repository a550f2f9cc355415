"""Which existing record each sheet row is, and which rows repeat an earlier one.

A row is identified by its target's identity fields, tried in order (the
enterprise list: credit code, else name). The first identity field a row
fills is its key within the sheet: a later row with the same key repeats it.
Existing records are claimed once; a second row naming the same record by a
later identity field is a new record.
"""

from __future__ import annotations

from dataclasses import dataclass

from parkdesk.excel.targets import ROW_ID, ImportTarget, name_key

# an identity field whose value repeating in the sheet (with other keys) deserves a warning, by target
REPEAT_WARNINGS = {"enterprise": {"name": "ENT-DUP-NAME"}}
# an identity field whose repeats are a validation rule of their own
DUPLICATE_RULES = {("enterprise", "uscc"): "ENT-DUP-USCC"}


@dataclass(frozen=True)
class Repeat:
    index: int  # the repeating row (index into the data rows)
    first: int  # the earlier row it repeats
    field: str
    value: object
    rule_id: str | None  # a validation rule, or None for the import's own "repeats row N"
    warning: bool = False  # a warning only
    blocking: bool = True  # the row names a record an earlier row names: it is rejected


def identity_value(target: ImportTarget, key: str, value):
    """How a stored record's identity field compares (text cleaned and case-folded, as sheet values are)."""
    if value is None or value == "":
        return None
    return name_key(value) or None if isinstance(value, str) else value


def _identities(target: ImportTarget, key: str, column) -> list:
    """The identity values of one column of sheet values (text already cleaned by the normalizers)."""
    return [(value.casefold() or None) if isinstance(value, str) else value for value in column]


def find_repeats(target: ImportTarget, fields: tuple[str, ...], values: list[tuple]) -> list[Repeat]:
    keys = [key for key in target.identity if key in fields]
    columns = {key: _identities(target, key, [row[fields.index(key)] for row in values]) for key in keys}
    if all(_distinct(column) for column in columns.values()):  # the usual list: no value repeats at all
        return []
    primary_of: list[str | None] = [None] * len(values)  # the identity field that identifies each row
    repeats: list[Repeat] = []
    unassigned = range(len(values))
    for key in keys:
        column, position, first, still = columns[key], fields.index(key), {}, []
        rule = DUPLICATE_RULES.get((target.record_key, key))
        for index in unassigned:
            value = column[index]
            if value is None:
                still.append(index)
                continue
            primary_of[index] = key
            earlier = first.setdefault(value, index)
            if earlier != index:
                if rule is not None and _named_apart(target, fields, values, earlier, index):
                    # two enterprises sharing a code: both are kept, and validation says the code repeats
                    repeats.append(Repeat(index, earlier, key, values[index][position], rule, blocking=False))
                    still.append(index)
                    continue
                repeats.append(Repeat(index, earlier, key, values[index][position], None))
        unassigned = still
    repeated = {repeat.index for repeat in repeats}
    for key, rule in REPEAT_WARNINGS.get(target.record_key, {}).items():
        if key not in columns:
            continue
        position, first = fields.index(key), {}
        for index, value in enumerate(columns[key]):
            if value is None or primary_of[index] == key or index in repeated:
                continue
            earlier = first.setdefault(value, index)
            if earlier != index:
                repeats.append(Repeat(index, earlier, key, values[index][position], rule, warning=True,
                                      blocking=False))
    return repeats


def _named_apart(target: ImportTarget, fields: tuple[str, ...], values: list[tuple], first: int, other: int) -> bool:
    """Both rows name their record by its title, and not alike (two records, not one written twice)."""
    if target.title_field not in fields:
        return False
    position = fields.index(target.title_field)
    names = (name_key(values[first][position]), name_key(values[other][position]))
    return all(names) and names[0] != names[1]


def match_existing(target: ImportTarget, fields: tuple[str, ...], values: list[tuple],
                   existing: dict[int, dict], skip: set[int]) -> list[int | None]:
    """The id of the existing record each row updates (None: a new record); rows in `skip` match nothing.

    A row that gives a row id (编号(ID)) is the record of that id or a new record, whatever its name."""
    matches: list[int | None] = [None] * len(values)
    if not existing:
        return matches
    claimed: set[int] = set()
    for key in target.identity:
        if key not in fields:
            continue
        position = fields.index(key)
        index_of: dict[object, int] = {}
        for record_id in sorted(existing):
            value = identity_value(target, key, existing[record_id].get(key))
            if value is not None:
                index_of.setdefault(value, record_id)
        column = _identities(target, key, [row[position] for row in values])
        for index, value in enumerate(column):
            if index in skip or matches[index] is not None or value is None:
                continue
            record_id = index_of.get(value)
            if record_id is not None and record_id not in claimed:
                matches[index] = record_id
                claimed.add(record_id)
        if key == ROW_ID:
            skip = skip | {index for index, value in enumerate(column) if value is not None}
    return matches


def _distinct(column: list) -> bool:
    """No identity value (other than none) repeats in the column."""
    present = [value for value in column if value is not None]
    return len(set(present)) == len(present)
