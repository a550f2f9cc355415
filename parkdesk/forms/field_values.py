"""One field's value between its stored form and what people type, paste and read.

`parse_field` turns typed or pasted text into the stored value (through the
normalizers, so "１２３４", "3亿元" and "2019年5月3日" all land right);
`display_value` turns a stored value into the text a table cell, a copied
row or a printed page shows.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from parkdesk.forms.model import (
    CHOICE, DATE, DECIMAL, EMAIL, INTEGER, LONG_TEXT, MULTI_CHOICE, PERCENT, PHONE, REFERENCE, TEXT, USCC, Field,
)
from parkdesk.forms.normalize import (
    Normalized, normalize_choice, normalize_date, normalize_decimal, normalize_integer, normalize_multi_choice,
    normalize_percent, normalize_text, normalize_uscc,
)
from parkdesk.forms.synonyms import CHOICE_WORDS
from parkdesk.reference.choices import label_of
from parkdesk.reference.distinctions import from_mask, to_mask

MULTI_SEPARATOR = "、"


def prose_separator(lang: str) -> str:
    """Between a list's items in a printed page's prose: 、 in Chinese, a comma in English."""
    return ", " if lang == "en" else MULTI_SEPARATOR


def parse_field(field: Field, raw, *, header_unit: str | None = None) -> Normalized:
    """The stored value for `raw` (text or a typed value), or why it cannot be read."""
    if field.type in (TEXT, LONG_TEXT, PHONE, EMAIL):
        return normalize_text(raw, field.max_length)
    if field.type == USCC:
        return normalize_uscc(raw)
    if field.type == INTEGER:
        return normalize_integer(raw)
    if field.type == DECIMAL:
        result = normalize_decimal(raw, field_unit=field.unit.zh if field.unit else None, header_unit=header_unit)
        return _as_float(result)
    if field.type == PERCENT:
        return _as_float(normalize_percent(raw))
    if field.type == DATE:
        return normalize_date(raw)
    if field.type == CHOICE:
        return normalize_choice(raw, field.choices or (), CHOICE_WORDS, field.yes_no)
    if field.type == MULTI_CHOICE:
        return _stored_multi(field, normalize_multi_choice(raw, field.choices or (), CHOICE_WORDS))
    if field.type == REFERENCE:
        return normalize_integer(raw)
    raise ValueError(f"unknown field type {field.type}")


def _as_float(result: Normalized) -> Normalized:
    if isinstance(result.value, Decimal):
        return replace(result, value=float(result.value))
    return result


def _stored_multi(field: Field, result: Normalized) -> Normalized:
    keys = result.value or ()
    value = to_mask(keys) if field.stored_as_mask else ",".join(keys)
    return replace(result, value=value)


def multi_keys(field: Field, stored) -> tuple[str, ...]:
    """The chosen keys of a MULTI_CHOICE value, stored as a bit mask or comma-separated keys."""
    if stored in (None, ""):
        return ()
    if field.stored_as_mask:
        return from_mask(int(stored)) if isinstance(stored, int) else ()
    return tuple(key for key in str(stored).split(",") if key)


def grouped(value, decimals: int = 2) -> str:
    """A number as people read it: thousands separators, at most `decimals` decimals, no trailing zeros; "—" for
    nothing. The one way parkdesk shows a figure (forms, findings, PDFs, the window)."""
    if value is None:
        return "—"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{float(value):,.{decimals}f}".rstrip("0").rstrip(".")


def display_value(field: Field, stored, lang: str = "zh", references: dict | None = None, *,
                  separator: str = MULTI_SEPARATOR) -> str:
    """The text shown for a stored value; `references` maps REFERENCE ids to names; a MULTI_CHOICE's labels
    are joined with `separator` (the default is what a cell holds and parse_field reads back)."""
    if stored is None or stored == "":
        return ""
    if field.type == CHOICE:
        return label_of(field.choices or (), stored, lang) if _is_key(field, stored) else str(stored)
    if field.type == MULTI_CHOICE:  # in the choices' order, as parse_field stores them
        chosen = multi_keys(field, stored)
        labels = dict(field.choices or ())
        ordered = [key for key in labels if key in chosen] + [key for key in chosen if key not in labels]
        return separator.join(labels[k].text(lang) if k in labels else k for k in ordered)
    if field.type == REFERENCE:
        return str((references or {}).get(stored, stored))
    if field.type == DATE:
        return stored.isoformat() if isinstance(stored, date) else str(stored)
    if field.type in (DECIMAL, PERCENT) and isinstance(stored, float):
        return grouped(stored)
    if field.type == INTEGER and isinstance(stored, int):
        return f"{stored:,}"
    return str(stored)


def _is_key(field: Field, stored) -> bool:
    return any(key == stored for key, _ in field.choices or ())
