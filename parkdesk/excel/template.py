"""Import templates generated from the form definitions.

A sheet per importable table (enterprise list, indicators, milestones,
platforms): headers with units (required ones in red), a frozen header row,
drop-down lists for choices fed from a hidden sheet, an input hint on every
column, text format for codes and phone numbers, and columns wide enough
for Chinese. What the template says a column takes is what the import reads.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from parkdesk.excel.targets import TARGETS, chain_links
from parkdesk.excel.writing import Formats, column_width, display_width, new_workbook
from parkdesk.excel.xlsx_parts import column_letters
from parkdesk.forms.indicators import INDICATORS
from parkdesk.forms.model import (
    CHOICE,
    DATE,
    DECIMAL,
    INTEGER,
    LONG_TEXT,
    MULTI_CHOICE,
    PHONE,
    REFERENCE,
    TEXT,
    USCC,
    Field,
)
from parkdesk.reference.labels import Label

TEMPLATE_RECORDS = ("enterprise", "indicator_value", "milestone", "platform")
LISTS_SHEET = "lists"  # the hidden sheet of choice lists (an ASCII name: formulas refer to it)
INPUT_ROWS = 10_000  # rows the drop-downs and hints cover
INSTRUCTIONS = Label("填写说明", "Instructions")
UNIT_HEADER = Label("单位", "Unit")
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
    CHOICE: Label("从下拉列表中选择。", "Choose from the list."),
}
REFERENCE_HINTS = {
    "chain_link": Label("产业链环节名称,须与本年报目标产业链全景图中的名称一致。",
                        "A chain link's name, as in this report's chain map."),
    "indicator": Label("指标名称,与指标目录一致。", "The indicator's name, as in the catalogue."),
}
INSTRUCTION_LINES = (
    Label("每张工作表对应一类数据:企业名录、指标、阶段里程碑、公共服务平台。红色表头为必填列。",
          "Each sheet is one kind of data: enterprises, indicators, milestones, platforms. Red headers are required."),
    Label("可从其他表格粘贴数据;导入时会自动识别表头、统一全角字符和日期格式,并逐个单元格说明问题。",
          "Data may be pasted from other files; the import finds the header, unifies full-width characters and "
          "dates, and explains each problem cell by cell."),
    Label("企业按统一社会信用代码(无代码时按名称)与已有记录对应:相同的更新,新的新增,不会删除已有企业。",
          "Enterprises match existing ones by credit code (else by name): matches are updated, others added; "
          "nothing is deleted."),
    Label("空白单元格表示“不修改”:已有记录的该项保持原值。要清空已有的值,请在单元格中填写 #清空。",
          "A blank cell means 'no change': an existing record keeps its value there. To clear a value, write "
          "#clear (or #清空) in the cell."),
)


def write_template(path: Path | str, lang: str = "zh", *, session: Session | None = None,
                   report_id: int | None = None) -> Path:
    """Write the import template; with a report, its chain links fill the chain-link drop-down."""
    path = Path(path)
    link_names = list(dict.fromkeys(name for _, name in chain_links(session, report_id))) if session else []
    with new_workbook(path) as book:
        formats = Formats(book)
        intro = book.add_worksheet(INSTRUCTIONS.text(lang))
        lists = book.add_worksheet(LISTS_SHEET)
        list_columns: dict[tuple[str, str], str] = {}
        for key in TEMPLATE_RECORDS:
            _record_sheet(book, formats, TARGETS[key].record, lang, lists, list_columns, link_names)
        lists.hide()
        intro.write_string(0, 0, INSTRUCTIONS.text(lang), formats.title)
        for number, line in enumerate(INSTRUCTION_LINES, start=2):
            intro.write_string(number, 0, line.text(lang), formats.wrap)
        intro.set_column(0, 0, 100)
        intro.activate()
    return path


def _record_sheet(book, formats: Formats, record, lang: str, lists, list_columns: dict, link_names: list) -> None:
    sheet = book.add_worksheet(record.label.text(lang)[:31])
    fields = [f for f in record.fields if not f.read_only]
    column = 0
    for field in fields:
        header = field.header(lang)
        sheet.write_string(0, column, header, formats.required_header if field.required else formats.header)
        width = 40 if field.type == LONG_TEXT else column_width([header, *_choice_texts(field, lang)])
        cell_format = formats.text if field.type in (USCC, PHONE) else formats.date if field.type == DATE else None
        sheet.set_column(column, column, width, cell_format)
        validation = _validation(field, lang, lists, list_columns, link_names)
        sheet.data_validation(1, column, INPUT_ROWS, column, validation)
        column += 1
        if record.key == "indicator_value" and field.key == "indicator_id":
            sheet.write_string(0, column, UNIT_HEADER.text(lang), formats.header)
            sheet.set_column(column, column, 10)
            column += 1
    if record.key == "indicator_value":
        for row, indicator in enumerate(INDICATORS, start=1):
            sheet.write_string(row, 0, indicator.text(lang))
            sheet.write_string(row, 1, indicator.unit.text(lang))
        sheet.set_column(0, 0, max(display_width(i.text(lang)) for i in INDICATORS) + 2)
    sheet.freeze_panes(1, 0)


def _choice_texts(field: Field, lang: str) -> list[str]:
    return [label.text(lang) for _, label in field.choices or ()] if field.type == CHOICE else []


def _validation(field: Field, lang: str, lists, list_columns: dict, link_names: list) -> dict:
    hint = (REQUIRED.text(lang) if field.required else "") + _hint(field, lang)
    validation: dict = {"validate": "any"}
    if field.type == CHOICE:
        validation = {"validate": "list", "source": _list_range(field, lang, lists, list_columns)}
    elif field.type == REFERENCE and field.references == "chain_link" and link_names:
        validation = {"validate": "list", "source": _list_range(field, lang, lists, list_columns, link_names)}
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


def _hint(field: Field, lang: str) -> str:
    parts = [field.help.text(lang) + ("。" if lang == "zh" else ". ")] if field.help else []
    if field.type == REFERENCE:
        parts.append(REFERENCE_HINTS.get(field.references, Label("", "")).text(lang))
    elif field.type in HINTS:
        parts.append(HINTS[field.type].text(lang))
    if field.type == MULTI_CHOICE:
        parts.append(("、" if lang == "zh" else ", ").join(label.text(lang) for _, label in field.choices or ()))
    if field.unit is not None:
        parts.append(("单位:" if lang == "zh" else "Unit: ") + field.unit.text(lang))
    return "".join(parts)


def _list_range(field: Field, lang: str, lists, list_columns: dict, items: list[str] | None = None) -> str:
    """The hidden sheet's range holding the field's choices (one column per distinct list)."""
    texts = items if items is not None else [label.text(lang) for _, label in field.choices or ()]
    key = (field.key, "\x1f".join(texts))
    if key not in list_columns:
        column = len(list_columns)
        lists.write_string(0, column, field.text(lang))
        for row, text in enumerate(texts, start=1):
            lists.write_string(row, column, text)
        letter = column_letters(column)
        list_columns[key] = f"={LISTS_SHEET}!${letter}$2:${letter}${len(texts) + 1}"
    return list_columns[key]
