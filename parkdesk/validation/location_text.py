"""A finding's location in words: section › row › field."""

from __future__ import annotations

from parkdesk.forms.sections import RECORD_BY_KEY, SECTION_BY_KEY
from parkdesk.validation.findings import Location


def describe(location: Location, lang: str = "zh") -> str:
    parts = [SECTION_BY_KEY[location.section].text(lang)]
    record = RECORD_BY_KEY.get(location.record) if location.record else None
    if location.row_label:
        parts.append(location.row_label)
    elif record is not None and location.record_id is not None and record.many:
        parts.append(f"{record.label.text(lang)} #{location.record_id}")
    if location.field and record is not None:
        try:
            parts.append(record.field(location.field).text(lang))
        except KeyError:
            parts.append(location.field)
    return " › ".join(parts)


def as_written(location: str) -> str:
    """A location in words as people type it, for comparing: "指标 > 产业规模 ›  2024年目标" → "指标 › 产业规模 ›
    2024年目标" (either separator, any spacing, any case)."""
    return " ".join(location.replace(">", "›").split()).casefold()
