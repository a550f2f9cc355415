"""Column names as people write them: a field's label, key and synonyms (parkdesk.forms.synonyms), units.

A header's unit is read as the form definitions' unit it stands for: "亿元",
"人民币亿元" and, in a column of 万元, a bare "亿" are all 亿元.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parkdesk.forms.model import Field, Record
from parkdesk.forms.normalize import MONEY_UNITS, clean_text
from parkdesk.forms.synonyms import HEADER_SYNONYMS, IGNORED_HEADERS, UNIT_SYNONYMS

# "营业收入(万元)", "营业收入（万元）", "营业收入[万元]", "营业收入/万元", "营业收入 单位:万元"
_UNIT_SUFFIX = re.compile(r"^(?P<name>.*?)\s*(?:[(\[]\s*(?:单位[::]\s*)?(?P<unit>[^()\[\]]*?)\s*[)\]]"
                          r"|/\s*(?P<slash>[^/]+)|单位[::]\s*(?P<after>.+))$")
_NOISE = re.compile(r"[\s*※:：]")
_UNITISH = re.compile(r"[元美万亿千$¥￥]|^(?:rmb|cny|usd)")  # a bracket that means to give a unit
KNOWN_UNITS = frozenset(MONEY_UNITS) | {"%", "人", "家", "个", "项", "字节"}
UNIT_ALIASES = UNIT_SYNONYMS


@dataclass(frozen=True)
class HeaderText:
    """A header cell's text split into the column's name and the unit written beside it."""

    name: str  # cleaned for matching: no spaces, no asterisks, case-folded
    unit: str | None
    shown: str  # as written, for messages


def read_header(value) -> HeaderText | None:
    text = clean_text(value) if not isinstance(value, float) else None
    if text is None or len(text) > 100:
        return None
    name, unit = text, None
    match = _UNIT_SUFFIX.match(text)
    if match:
        candidate = (match["unit"] or match["slash"] or match["after"] or "").replace(" ", "")
        candidate = UNIT_ALIASES.get(candidate.casefold(), candidate)
        if candidate in KNOWN_UNITS or (candidate and len(candidate) <= 8 and _UNITISH.search(candidate.casefold())):
            name, unit = match["name"], candidate  # a unit the field's column may read differently: see header
    return HeaderText(_NOISE.sub("", name).casefold(), unit, text)


def _form(text: str) -> str:
    return _NOISE.sub("", clean_text(text) or "").casefold()


def field_names(record: Record, fields: tuple[Field, ...] | None = None) -> dict[str, tuple[str, ...]]:
    """Field key → every name (cleaned) that heads its column: labels, synonyms, the key (of `fields`, by
    default the record's fields that are not read-only)."""
    synonyms = HEADER_SYNONYMS.get(record.key, {})
    names = {}
    for field in fields if fields is not None else tuple(f for f in record.fields if not f.read_only):
        candidates = [field.label.zh, field.label.en, field.key, *synonyms.get(field.key, ())]
        names[field.key] = tuple(dict.fromkeys(_form(c) for c in candidates if _form(c)))
    return names


def label_form(text) -> str:
    """A cell's text as field_names holds names: cleaned, no spaces or asterisks, case-folded."""
    return _form(text)


_REMARK = re.compile(r"[(\[][^()\[\]]*[)\]]")  # "企业名称(全称)" → "企业名称"


def match_field(header: HeaderText, names: dict[str, tuple[str, ...]], taken: set[str]) -> str | None:
    """The field a header names: exactly (also without a bracketed remark), else the longest name that
    makes up at least half of the header ("企业名称全称" yes, "服务周全" not for "服务")."""
    if header.name in IGNORED_HEADERS:
        return None
    forms = (header.name, _REMARK.sub("", header.name))
    for key, candidates in names.items():
        if key not in taken and (forms[0] in candidates or forms[1] in candidates):
            return key
    best, best_length = None, 1  # a one-character name never matches inside a longer header
    for key, candidates in names.items():
        if key in taken:
            continue
        for candidate in candidates:
            if len(candidate) > best_length and candidate in header.name and 2 * len(candidate) >= len(header.name):
                best, best_length = key, len(candidate)
    return best


def field_unit(field: Field) -> str | None:
    return field.unit.zh if field.unit is not None else None
