"""The shapes of form definitions: fields, records (tables of rows) and sections.

Plain frozen data. The GUI builds its editors from these, Excel its columns,
the PDF its tables, and validation its field checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from parkdesk.reference.labels import Label

# field types
TEXT = "text"
LONG_TEXT = "long_text"
INTEGER = "integer"
DECIMAL = "decimal"
PERCENT = "percent"
DATE = "date"
CHOICE = "choice"
MULTI_CHOICE = "multi_choice"
REFERENCE = "reference"  # the id of another record (e.g. an enterprise's chain link)
USCC = "uscc"  # unified social credit code
PHONE = "phone"
EMAIL = "email"

Choices = tuple[tuple[str, Label], ...]


@dataclass(frozen=True)
class Field:
    key: str  # the column in the workspace table
    label: Label
    type: str
    help: Label | None = None
    unit: Label | None = None
    required: bool = False
    # required only for some park categories (keys of reference.categories)
    required_for: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    max_length: int | None = None
    choices: Choices | None = None
    references: str | None = None  # the record key a REFERENCE field points to
    stored_as_mask: bool = False  # MULTI_CHOICE kept as an integer bit mask
    read_only: bool = False  # shown, never typed (hashes, sizes)
    # a CHOICE that answers a yes/no question ("是否入驻"): the keys a yes and a no mean
    yes_no: tuple[str, str] | None = None

    def text(self, lang: str = "zh") -> str:
        return self.label.text(lang)

    def is_required(self, category: str | None) -> bool:
        return self.required or (category is not None and category in self.required_for)

    def header(self, lang: str = "zh") -> str:
        """A column header with the unit, as spreadsheets and tables show it."""
        if self.unit is None:
            return self.text(lang)
        return f"{self.text(lang)}({self.unit.text(lang)})" if lang == "zh" else f"{self.text(lang)} ({self.unit.text(lang)})"


@dataclass(frozen=True)
class Record:
    """A kind of row in a section: one per report (single) or many (a table)."""

    key: str
    table: str  # the workspace table
    label: Label
    fields: tuple[Field, ...]
    many: bool = True
    title_field: str | None = None  # the field that names a row in messages ("XX有限公司")
    # a workbook column that identifies a row for good, so a renamed row is an edit (编号(ID), 指标代码)
    row_id: Field | None = None
    # a workbook column with the row's place in the report's order (the chain map, the milestones)
    order: Field | None = None

    def field(self, key: str) -> Field:
        for candidate in self.fields:
            if candidate.key == key:
                return candidate
        raise KeyError(key)


@dataclass(frozen=True)
class Section:
    key: str
    number: int
    label: Label
    records: tuple[Record, ...]
    help: Label | None = None
    # True when the section's completeness counts toward finalizing
    tabular: bool = field(default=False)

    def text(self, lang: str = "zh") -> str:
        return self.label.text(lang)


def choice_keys(choices: Choices) -> tuple[str, ...]:
    return tuple(key for key, _ in choices)
