"""The one workbook layout of an annual report, shared by the template and the export: a sheet per record.

Made from the form definitions (parkdesk.forms): a sheet per record kind of
every section, in the sections' order. A record with many rows is a table
(its row id column first where it has one, then its fields, then its order
column); a single record (基本信息, 发展定位) is a form, one field per row
with its value beside it. The import reads the same sheets back.
"""

from __future__ import annotations

from dataclasses import dataclass

from parkdesk.forms.model import Field, Record, Section
from parkdesk.forms.sections import SECTIONS
from parkdesk.reference.labels import Label

INSTRUCTIONS = Label("说明", "Instructions")
LISTS_SHEET = "lists"  # the hidden sheet of choice lists (an ASCII name: formulas refer to it)
FORM_HEADERS = (Label("项目", "Item"), Label("内容", "Value"))
YEAR_LABEL = Label("年度", "Year")  # the basic-information sheet says which report it holds (not imported)
STATUS_LABEL = Label("年报状态", "Report status")
UNIT_LABEL = Label("单位", "Unit")  # beside each indicator: units differ from row to row (not imported)
MAX_SHEET_NAME = 31


@dataclass(frozen=True)
class SheetLayout:
    section: Section
    record: Record

    @property
    def key(self) -> str:
        return self.record.key

    @property
    def is_form(self) -> bool:
        return not self.record.many

    def name(self, lang: str = "zh") -> str:
        """"5 重点企业、配套企业名录"; a section of several records names each sheet by its record."""
        title = self.section.text(lang) if len(self.section.records) == 1 else self.record.label.text(lang)
        name = f"{self.section.number} {title}"
        for ch in "[]:*?/\\":
            name = name.replace(ch, " ")
        return name[:MAX_SHEET_NAME]

    def names(self) -> tuple[str, str]:
        return self.name("zh"), self.name("en")

    def fields(self) -> tuple[Field, ...]:
        """The sheet's columns (a table) or rows (a form), in order: the row id, the fields, the order."""
        return tuple(f for f in (self.record.row_id, *self.record.fields, self.record.order) if f is not None)

    def has_unit_column(self) -> bool:
        return self.key == "indicator_value"


SHEETS: tuple[SheetLayout, ...] = tuple(SheetLayout(section, record) for section in SECTIONS
                                        for record in section.records)
SHEET_BY_RECORD = {sheet.key: sheet for sheet in SHEETS}


def sheet_for_name(name: str) -> SheetLayout | None:
    """The layout sheet a workbook's sheet is named after (in either language), if any."""
    folded = name.strip().casefold()
    for sheet in SHEETS:
        if folded in (sheet.name("zh").casefold(), sheet.name("en").casefold()):
            return sheet
    return None
