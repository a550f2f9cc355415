"""Checks of one value against its field definition (used row by row and as you type).

Returns (rule id, params) pairs; the caller adds the location.
"""

from __future__ import annotations

import re
from datetime import date

from parkdesk.forms.model import (
    CHOICE, DATE, DECIMAL, EMAIL, INTEGER, LONG_TEXT, MULTI_CHOICE, PERCENT, PHONE, TEXT, USCC, Field, choice_keys,
)
from parkdesk.reference.distinctions import ALL_DISTINCTION_BITS
from parkdesk.reference.labels import Label
from parkdesk.uscc import check_uscc

PHONE_CHARS = re.compile(r"^[0-9 +()\-]+$")
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
TYPE_NAMES = {
    INTEGER: Label("整数", "a whole number"),
    DECIMAL: Label("数字", "a number"),
    PERCENT: Label("百分数", "a percentage"),
    DATE: Label("日期", "a date"),
}

Problems = list[tuple[str, dict]]
# what counts as blank: the same characters in Python and in the SQL prefilter
BLANK_CHARS = " \t\n\r\u3000\xa0"


def is_empty(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip(BLANK_CHARS)) or value == ()


def check_value(field: Field, value, category: str | None = None) -> Problems:
    if is_empty(value):
        return [("FIELD-REQUIRED", {"field": field.label})] if field.is_required(category) else []
    checker = _CHECKERS.get(field.type)
    return checker(field, value) if checker else []


def _text(field: Field, value) -> Problems:
    if not isinstance(value, str):
        return []
    if field.max_length is not None and len(value) > field.max_length:
        return [("FIELD-LENGTH", {"field": field.label, "maximum": field.max_length, "length": len(value)})]
    return []


def _number(field: Field, value) -> Problems:
    whole = field.type == INTEGER
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (whole and not isinstance(value, int)):
        return [("FIELD-TYPE", {"field": field.label, "expected": TYPE_NAMES[field.type], "value": value})]
    too_low = field.minimum is not None and value < field.minimum
    too_high = field.maximum is not None and value > field.maximum
    if too_low or too_high:
        return [("FIELD-RANGE", {"field": field.label, "minimum": _bound(field.minimum, "−∞"),
                                 "maximum": _bound(field.maximum, "∞"), "value": value})]
    return []


def _bound(value, infinite: str):
    return infinite if value is None else value


def _date(field: Field, value) -> Problems:
    if isinstance(value, date):
        return []
    return [("FIELD-TYPE", {"field": field.label, "expected": TYPE_NAMES[DATE], "value": value})]


def _choice(field: Field, value) -> Problems:
    if str(value) in choice_keys(field.choices or ()):
        return []
    return [("FIELD-CHOICE", {"field": field.label, "value": value, "choices": _choice_labels(field)})]


def _multi_choice(field: Field, value) -> Problems:
    if field.stored_as_mask:
        ok = isinstance(value, int) and value >= 0 and not value & ~ALL_DISTINCTION_BITS
    else:
        keys = set(choice_keys(field.choices or ()))
        ok = isinstance(value, str) and all(part in keys for part in value.split(",") if part)
    if ok:
        return []
    return [("FIELD-CHOICE", {"field": field.label, "value": value, "choices": _choice_labels(field)})]


def _choice_labels(field: Field) -> tuple[Label, ...]:
    return tuple(label for _, label in field.choices or ())


def _uscc(field: Field, value) -> Problems:
    if not isinstance(value, str):
        return [("ENT-USCC-FORMAT", {"value": value})]
    result = check_uscc(value)
    if not result.format_ok:
        return [("ENT-USCC-FORMAT", {"value": value})]
    problems: Problems = []
    if result.expected_check is not None:
        problems.append(("ENT-USCC-CHECK", {"value": value, "expected": result.expected_check}))
    if result.expected_org_check is not None:
        problems.append(("ENT-USCC-ORGCHECK", {"value": value, "expected": result.expected_org_check}))
    return problems


def _phone(field: Field, value) -> Problems:
    text = str(value)
    digits = sum(ch.isdigit() for ch in text)
    if PHONE_CHARS.match(text) and 7 <= digits <= 20:
        return []
    return [("FIELD-PHONE", {"field": field.label, "value": value})]


def _email(field: Field, value) -> Problems:
    if EMAIL_PATTERN.match(str(value)):
        return []
    return [("FIELD-EMAIL", {"field": field.label, "value": value})]


_CHECKERS = {
    TEXT: _text, LONG_TEXT: _text, INTEGER: _number, DECIMAL: _number, PERCENT: _number, DATE: _date,
    CHOICE: _choice, MULTI_CHOICE: _multi_choice, USCC: _uscc, PHONE: _phone, EMAIL: _email,
}
