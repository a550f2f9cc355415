"""合计: one function for every total of indicators over several reports, and for computed indicators.

- an amount (亿元, 万美元…): the sum of the values present;
- a count (家, 项, 个, 人): the same sum, a whole number;
- a computed share (服务出口占外贸出口比重): recomputed from the totals of its numerator and
  denominator (`computed_from`), never the sum of the parks' percentages;
- any other percentage has no total (None).
A column with no value at all totals None ("—"), not 0.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Iterable, Mapping

from parkdesk.figures.progress import share_percent
from parkdesk.forms.indicators import COMPUTED, COUNT, INDICATOR_BY_KEY, PERCENT

Value = Fraction | int | None


def computed_value(key: str, values: Mapping[str, Value]) -> Value:
    """A computed indicator from the other values of the same report (or of the same totals)."""
    numerator, denominator = INDICATOR_BY_KEY[key].computed_from
    return share_percent(_fraction(values.get(numerator)), _fraction(values.get(denominator)))


def is_computed(key: str) -> bool:
    definition = INDICATOR_BY_KEY.get(key)
    return definition is not None and definition.source == COMPUTED and definition.computed_from is not None


def indicator_totals(rows: Iterable[Mapping[str, Value]], keys: Iterable[str]) -> dict[str, Value]:
    """Totals over `rows` (indicator key → value, one mapping per report) for each of `keys`."""
    rows = list(rows)
    keys = list(keys)
    needed = set(keys) | {part for key in keys if is_computed(key) for part in INDICATOR_BY_KEY[key].computed_from}
    sums = {key: _sum(row.get(key) for row in rows) for key in needed}
    result: dict[str, Value] = {}
    for key in keys:
        definition = INDICATOR_BY_KEY.get(key)
        if is_computed(key):
            result[key] = computed_value(key, sums)
        elif definition is not None and definition.kind == PERCENT:
            result[key] = None
        elif definition is not None and definition.kind == COUNT:
            result[key] = _whole(sums[key])
        else:
            result[key] = sums[key]
    return result


def _fraction(value: Value) -> Fraction | None:
    return None if value is None else Fraction(value)


def _sum(values: Iterable[Value]) -> Fraction | None:
    present = [Fraction(v) for v in values if v is not None]
    return sum(present, Fraction(0)) if present else None


def _whole(value: Fraction | None) -> Value:
    return int(value) if value is not None and value.denominator == 1 else value
