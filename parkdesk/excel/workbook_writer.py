"""Writing the workbook layout: the instructions sheet, a sheet per record, drop-down lists and input hints.

The template and the export are the same workbook, one blank and one
filled: headers with units (required ones in red), a frozen header row,
drop-down lists for choices (from a hidden sheet) and for references (from
the workbook's own chain-map sheets, so an enterprise can name a link added
in the same workbook), an input hint on every column, text format for codes
and phone numbers. Written with xlsxwriter in constant-memory mode, so a
100,000-row enterprise list streams to disk.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from parkdesk.excel.instructions import INSTRUCTION_LINES
from parkdesk.excel.layout import FORM_HEADERS, INSTRUCTIONS, LISTS_SHEET, SHEET_BY_RECORD
from parkdesk.excel.report_tables import DATE_KIND, NUMBER, Form, Table
from parkdesk.excel.writing import Formats, column_width, new_workbook
from parkdesk.excel.xlsx_parts import column_letters
from parkdesk.forms.model import (
    CHOICE, DATE, DECIMAL, INTEGER, LONG_TEXT, MULTI_CHOICE, PHONE, REFERENCE, TEXT, USCC, Field,
)
from parkdesk.gc_pause import gc_paused
from parkdesk.reference.districts import DIVISIONS, FUNCTIONAL_ZONES
from parkdesk.reference.labels import Label

INPUT_ROWS = 10_000  # rows below the data that the drop-downs and hints cover
REFERENCE_ROWS = 2_000  # rows of a chain-map sheet a drop-down offers
SAMPLE_ROWS = 200  # rows that set a column's width
REQUIRED = Label("必填。", "Required. ")
HINTS = {
    DATE: Label("日期,如 2019-05-03(也可写 2019/5/3、2019年5月3日)。",
                "A date such as 2019-05-03 (2019/5/3 and 2019年5月3日 also work)."),
    INTEGER: Label("整数。", "A whole number."),
    DECIMAL: Label("数字;表头写明单位(如“亿元”)时按该单位换算。",
                   "A number; a unit in the header (such as 亿元) is converted."),
    USCC: Label("18 位统一社会信用代码(请以文本填写)。", "The 18-character unified social credit code (as text)."),
    PHONE: Label("电话号码,7–20 位数字,可含 +、-、空格、括号。",
                 "A phone number: 7-20 digits, + - spaces or brackets."),
    MULTI_CHOICE: Label("可填多项,用“、”分隔:", "Several allowed, separated by 、 or commas: "),
    CHOICE: Label("从下拉列表中选择(也可填简称)。", "Choose from the list (a short form also works)."),
}
YES_NO_HINT = Label("也可填 是/否。", "Yes/no (是/否) also works. ")
REFERENCE_HINTS = {
    "chain_link": Label("产业链环节的名称,可以是本工作簿“产业链环节”表中的环节。",
                        "A chain link's name; it may be a link of this workbook's chain-link sheet."),
    "chain_segment": Label("分组的名称(或其编号),可以是本工作簿“产业链环节分组”表中的分组。",
                           "A segment's name (or its ID); it may be a segment of this workbook's segment sheet."),
    "indicator": Label("指标名称,与指标目录一致。", "The indicator's name, as in the catalogue."),
    "divisions": Label("区县(功能区)的名称或代码。", "The district's or zone's name or code."),
}
REFERENCED_SHEETS = {"chain_link": "chain_link", "chain_segment": "chain_segment"}  # references → layout sheet


def write_workbook(path: Path | str, content: list[Table | Form], lang: str = "zh", *,
                   properties: dict | None = None) -> Path:
    """Write the layout's sheets (the template's or a report's) to `path`, replacing it only once complete."""
    path = Path(path)
    with gc_paused(), new_workbook(path, constant_memory=True) as book:
        if properties:
            book.set_properties(properties)
        formats = Formats(book)
        intro = book.add_worksheet(INSTRUCTIONS.text(lang))
        _write_instructions(intro, formats, lang)
        lists = _Lists()
        for item in content:
            sheet = book.add_worksheet(item.sheet.name(lang))
            if isinstance(item, Form):
                _write_form(sheet, formats, item, lang, lists)
            else:
                _write_table(sheet, formats, item, lang, lists)
        lists.write(book.add_worksheet(LISTS_SHEET))
        intro.activate()
    return path


def _write_instructions(sheet, formats: Formats, lang: str) -> None:
    sheet.write_string(0, 0, INSTRUCTIONS.text(lang), formats.title)
    for number, line in enumerate(INSTRUCTION_LINES, start=2):
        sheet.write_string(number, 0, line.text(lang), formats.wrap)
    sheet.set_column(0, 0, 110)


def _write_form(sheet, formats: Formats, form: Form, lang: str, lists: "_Lists") -> None:
    sheet.write_row(0, 0, [h.text(lang) for h in FORM_HEADERS], formats.header)
    sheet.freeze_panes(1, 0)
    for number, (label, value, field) in enumerate(form.rows, start=1):
        required = field is not None and field.required
        sheet.write_string(number, 0, label, formats.required_label if required else formats.label)
        _write_value(sheet, number, 1, value, formats)
        if field is not None and not field.read_only:
            sheet.data_validation(number, 1, number, 1, _validation(field, lang, lists))
    sheet.set_column(0, 0, column_width([label for label, _, _ in form.rows]))
    sheet.set_column(1, 1, 80, formats.wrap)


def _write_value(sheet, row: int, column: int, value, formats: Formats) -> None:
    if value is None:
        return
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        sheet.write_number(row, column, value)
    elif isinstance(value, (date, datetime)):
        sheet.write_datetime(row, column, value, formats.date)
    else:
        sheet.write_string(row, column, str(value), formats.wrap)


_NUMBERS = frozenset({int, float})
_DATES = frozenset({date, datetime})


def _write_table(sheet, formats: Formats, table: Table, lang: str, lists: "_Lists") -> None:
    widths: list[list] = [[spec.header] for spec in table.columns]
    for column, spec in enumerate(table.columns):
        sheet.write_string(0, column, spec.header, formats.required_header if spec.required else formats.header)
    sheet.freeze_panes(1, 0)
    last = _write_rows(sheet, formats, table, widths)
    for column, spec in enumerate(table.columns):
        width = 50 if spec.long else 40 if spec.field is not None and spec.field.type == LONG_TEXT else \
            column_width([*widths[column], *_choice_texts(spec.field, lang)])
        cell_format = formats.text if spec.as_text else formats.date if spec.kind == DATE_KIND else None
        sheet.set_column(column, column, width, cell_format)
        if spec.field is not None and not spec.field.read_only:
            sheet.data_validation(1, column, max(last, 1) + INPUT_ROWS, column, _validation(spec.field, lang, lists))


def _write_rows(sheet, formats: Formats, table: Table, widths: list[list]) -> int:
    kinds = [spec.kind for spec in table.columns]
    text_formats = [formats.text if spec.as_text else None for spec in table.columns]
    write_string, write_number, write_datetime = sheet.write_string, sheet.write_number, sheet.write_datetime
    date_format = formats.date
    row = 1
    for values in table.rows:
        for column, value in enumerate(values):
            if value is None:
                continue
            kind = kinds[column]
            if kind == NUMBER and type(value) in _NUMBERS:
                write_number(row, column, value)
            elif kind == DATE_KIND and type(value) in _DATES:
                write_datetime(row, column, value, date_format)
            else:
                write_string(row, column, value if type(value) is str else str(value), text_formats[column])
        if row <= SAMPLE_ROWS:
            for column, value in enumerate(values):
                widths[column].append("" if value is None else value)
        row += 1
    return row - 1


def _choice_texts(field: Field | None, lang: str) -> list[str]:
    return [label.text(lang) for _, label in field.choices or ()] if field is not None and field.type == CHOICE else []


def _validation(field: Field, lang: str, lists: "_Lists") -> dict:
    hint = (REQUIRED.text(lang) if field.required else "") + _hint(field, lang)
    validation: dict = {"validate": "any"}
    if field.type == CHOICE:
        validation = {"validate": "list", "source": lists.range(field.text(lang),
                                                                [label.text(lang) for _, label in field.choices])}
    elif field.type == REFERENCE and field.references in REFERENCED_SHEETS:
        validation = {"validate": "list", "source": _name_column(field.references, lang)}
    elif field.type == REFERENCE and field.references == "divisions":
        validation = {"validate": "list", "source": lists.range(field.text(lang), [
            division.name for division in (*DIVISIONS, *FUNCTIONAL_ZONES)])}
    elif field.type == INTEGER:
        validation = {"validate": "integer", "criteria": "between", "minimum": int(field.minimum or 0),
                      "maximum": int(field.maximum if field.maximum is not None else 2**31 - 1)}
    elif field.type == DECIMAL and field.minimum is not None:
        validation = {"validate": "decimal", "criteria": ">=", "value": field.minimum}
    elif field.type in (TEXT, LONG_TEXT) and field.max_length:
        validation = {"validate": "length", "criteria": "<=", "value": field.max_length}
    validation.update({"input_title": field.text(lang)[:32], "input_message": hint[:255],
                       "error_type": "warning", "ignore_blank": True})
    return validation


def _name_column(record_key: str, lang: str) -> str:
    """The names column of a chain-map sheet of this workbook, as a drop-down's source."""
    sheet = SHEET_BY_RECORD[REFERENCED_SHEETS[record_key]]
    letter = column_letters([f.key for f in sheet.fields()].index("name"))
    name = sheet.name(lang).replace("'", "''")
    return f"='{name}'!${letter}$2:${letter}${REFERENCE_ROWS + 1}"


def _hint(field: Field, lang: str) -> str:
    parts = [field.help.text(lang) + ("。" if lang == "zh" else ". ")] if field.help else []
    if field.type == REFERENCE:
        parts.append(REFERENCE_HINTS.get(field.references, Label("", "")).text(lang))
    elif field.type in HINTS:
        parts.append(HINTS[field.type].text(lang))
    if field.yes_no is not None:
        parts.append(YES_NO_HINT.text(lang))
    if field.type == MULTI_CHOICE:
        parts.append(("、" if lang == "zh" else ", ").join(label.text(lang) for _, label in field.choices or ()))
    if field.unit is not None:
        parts.append(("单位:" if lang == "zh" else "Unit: ") + field.unit.text(lang))
    return "".join(parts)


class _Lists:
    """The hidden sheet's choice lists, a column per distinct list; written last, row by row
    (a constant-memory worksheet is written in row order)."""

    def __init__(self):
        self.columns: dict[tuple[str, ...], int] = {}
        self.titles: list[str] = []

    def range(self, title: str, texts: list[str]) -> str:
        key = tuple(texts)
        if key not in self.columns:
            self.columns[key] = len(self.titles)
            self.titles.append(title)
        letter = column_letters(self.columns[key])
        return f"={LISTS_SHEET}!${letter}$2:${letter}${len(texts) + 1}"

    def write(self, sheet) -> None:
        lists = list(self.columns)
        sheet.write_row(0, 0, self.titles)
        for row in range(max((len(texts) for texts in lists), default=0)):
            for column, texts in enumerate(lists):
                if row < len(texts):
                    sheet.write_string(row + 1, column, texts[row])
        sheet.hide()
