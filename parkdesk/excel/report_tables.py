"""What each sheet of the workbook layout holds: a report's data, or the blank template's.

Typed cells: numbers stay numbers, dates dates, choices their labels,
references the names of what they point to. The enterprise list is read
through the driver, row tuples converted column by column, since it runs to
100,000 rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.db.models import (
    Attachment,
    ChainLink,
    ChainSegment,
    Division,
    IndicatorDefinition,
    IndicatorValue,
    Milestone,
    PathStage,
    Platform,
    Report,
    RequirementAssessment,
)
from parkdesk.db.queries import enterprise_rows_of
from parkdesk.excel.layout import SHEETS, STATUS_LABEL, UNIT_LABEL, YEAR_LABEL, SheetLayout
from parkdesk.forms.field_values import display_value
from parkdesk.forms.indicators import INDICATOR_BY_KEY, INDICATORS
from parkdesk.forms.model import CHOICE, DATE, DECIMAL, INTEGER, LONG_TEXT, MULTI_CHOICE, PERCENT, PHONE, REFERENCE, \
    USCC, Field
from parkdesk.forms.sections import REQUIREMENT_CHOICES, STAGE_CHOICES
from parkdesk.reference.choices import REPORT_STATUSES, label_of

NUMBER, DATE_KIND, TEXT_KIND = "number", "date", "text"


@dataclass
class Column:
    header: str
    kind: str  # number | date | text
    field: Field | None = None  # None: shown only, never imported (the indicators' unit)
    required: bool = False
    long: bool = False  # wraps
    as_text: bool = False  # codes and phone numbers: a text cell even when all digits


@dataclass
class Table:
    sheet: SheetLayout
    columns: list[Column]
    rows: Iterable[list]


@dataclass
class Form:
    """A single record: (label, value, field) per row; field None for a row shown only (the year)."""

    sheet: SheetLayout
    rows: list[tuple[str, object, Field | None]] = field(default_factory=list)


def kind_of(field: Field) -> str:
    if field.type in (INTEGER, DECIMAL, PERCENT):
        return NUMBER
    return DATE_KIND if field.type == DATE else TEXT_KIND


def columns_of(sheet: SheetLayout, lang: str, category: str | None = None) -> list[Column]:
    columns = [Column(f.header(lang), kind_of(f), f, f.is_required(category), f.type == LONG_TEXT,
                      f.type in (USCC, PHONE)) for f in sheet.fields()]
    if sheet.has_unit_column():
        after = next(i for i, c in enumerate(columns) if c.field is not None and c.field.key == "indicator_id")
        columns.insert(after + 1, Column(UNIT_LABEL.text(lang), TEXT_KIND))
    return columns


def converter(field: Field, lang: str, references: dict | None = None) -> Callable[[object], object]:
    """Stored value → the cell value the workbook shows (memoized for choice columns)."""
    if field.type in (CHOICE, MULTI_CHOICE, REFERENCE):
        seen: dict = {}

        def label(stored):
            if stored not in seen:
                key = str(stored) if field.type == CHOICE and stored is not None else stored
                seen[stored] = display_value(field, key, lang, references) or None
            return seen[stored]

        return label
    if field.type == DATE:
        return lambda stored: date.fromisoformat(stored) if isinstance(stored, str) and stored else stored or None
    return lambda stored: None if stored == "" else stored


def _rows(sheet: SheetLayout, objects, lang: str, references: dict[str, dict] | None = None) -> list[list]:
    fields = sheet.fields()
    convert = [converter(f, lang, (references or {}).get(f.key)) for f in fields]
    return [[c(getattr(obj, f.key)) for c, f in zip(convert, fields)] for obj in objects]


def enterprise_rows(session: Session, report_id: int, lang: str, link_names: dict[int, str]):
    """The enterprise list's cell values, streamed: 5,000 rows fetched at a time."""
    fields = SHEET_OF["enterprise"].fields()
    keys = [f.key for f in fields]
    convert = [converter(f, lang, link_names if f.key == "chain_link_id" else None) for f in fields]
    scope = enterprise_rows_of(session, report_id)
    cursor = session.connection().connection.dbapi_connection.cursor()
    try:
        cursor.execute(f"SELECT {', '.join(keys)} FROM enterprises WHERE {scope} ORDER BY id",
                       {"report_id": report_id})
        while batch := cursor.fetchmany(5000):
            for row in batch:
                yield [c(v) for c, v in zip(convert, row)]
    finally:
        cursor.close()


SHEET_OF = {sheet.key: sheet for sheet in SHEETS}


def report_content(session: Session, report_id: int, lang: str) -> list[Table | Form]:
    """Every sheet of the layout with the report's data, in the layout's order."""
    report = session.get(Report, report_id)
    details = report.details
    category = details.category
    segments = session.scalars(select(ChainSegment).where(ChainSegment.report_id == report_id)
                               .order_by(ChainSegment.sort_order, ChainSegment.id)).all()
    links = session.scalars(select(ChainLink).join(ChainSegment).where(ChainSegment.report_id == report_id)
                            .order_by(ChainSegment.sort_order, ChainSegment.id, ChainLink.sort_order,
                                      ChainLink.id)).all()
    link_names = {link.id: link.name for link in links}
    divisions = dict(session.execute(select(Division.code, Division.name)).all())

    def table(key: str, rows) -> Table:
        return Table(SHEET_OF[key], columns_of(SHEET_OF[key], lang, category), rows)

    def ordered(model, *order):
        return session.scalars(select(model).where(model.report_id == report_id).order_by(*order)).all()

    basic = _form(SHEET_OF["park"], details, lang, {"division_code": divisions})
    basic.rows[:0] = [(YEAR_LABEL.text(lang), report.year, None),
                      (STATUS_LABEL.text(lang), label_of(REPORT_STATUSES, report.status, lang), None)]
    content = {
        "park": basic,
        "report": _form(SHEET_OF["report"], report, lang),
        "chain_segment": table("chain_segment", _rows(SHEET_OF["chain_segment"], segments, lang)),
        "chain_link": table("chain_link", _rows(SHEET_OF["chain_link"], links, lang,
                                                {"segment_id": {s.id: s.name for s in segments}})),
        "path_stage": table("path_stage", _rows(SHEET_OF["path_stage"], ordered(PathStage, PathStage.stage_year),
                                                lang)),
        "milestone": table("milestone", _rows(SHEET_OF["milestone"], ordered(Milestone, Milestone.sort_order,
                                                                              Milestone.id), lang)),
        "enterprise": table("enterprise", enterprise_rows(session, report_id, lang, link_names)),
        "indicator_value": table("indicator_value", _indicator_rows(session, report_id, lang)),
        "assessment": table("assessment", _rows(SHEET_OF["assessment"],
                                                ordered(RequirementAssessment, RequirementAssessment.id), lang)),
        "platform": table("platform", _rows(SHEET_OF["platform"], ordered(Platform, Platform.id),
                                            lang)),
        "attachment": table("attachment", _rows(SHEET_OF["attachment"], ordered(Attachment, Attachment.id), lang)),
    }
    return [content[sheet.key] for sheet in SHEETS]


def _form(sheet: SheetLayout, obj, lang: str, references: dict | None = None) -> Form:
    values = _rows(sheet, [obj], lang, references)[0]
    return Form(sheet, [(f.header(lang), value, f) for f, value in zip(sheet.fields(), values)])


class _IndicatorRow:
    """An indicator's value with its definition's key, as the sheet's columns read it."""

    def __init__(self, value: IndicatorValue, definition: IndicatorDefinition):
        self.value, self.definition = value, definition

    def __getattr__(self, key: str):
        return self.definition.key if key == "indicator_key" else getattr(self.value, key)


def _indicator_rows(session: Session, report_id: int, lang: str) -> list[list]:
    sheet = SHEET_OF["indicator_value"]
    pairs = session.execute(select(IndicatorValue, IndicatorDefinition)
                            .join(IndicatorDefinition, IndicatorDefinition.id == IndicatorValue.indicator_id)
                            .where(IndicatorValue.report_id == report_id)
                            .order_by(IndicatorDefinition.sort_order, IndicatorDefinition.id)).all()
    names = {d.id: (d.name_en if lang == "en" and d.name_en else d.name_zh) for _, d in pairs}
    rows = _rows(sheet, [_IndicatorRow(v, d) for v, d in pairs], lang, {"indicator_id": names})
    at = _unit_position(sheet)
    for row, (_, definition) in zip(rows, pairs):
        builtin = INDICATOR_BY_KEY.get(definition.key) if definition.park_id is None else None
        row.insert(at, builtin.unit.text(lang) if builtin is not None else definition.unit)
    return rows


def _unit_position(sheet: SheetLayout) -> int:
    return next(i for i, f in enumerate(sheet.fields()) if f.key == "indicator_id") + 1


def template_content(lang: str) -> list[Table | Form]:
    """The blank layout: forms with their labels, tables empty but for the fixed rows every report has
    (the catalogue's indicators, the seven construction requirements, the three stages)."""
    content = []
    for sheet in SHEETS:
        if sheet.is_form:
            content.append(Form(sheet, [(f.header(lang), None, f) for f in sheet.fields()]))
            continue
        width = len(columns_of(sheet, lang))
        keys = [f.key for f in sheet.fields()]
        rows: list[list] = []
        if sheet.key == "indicator_value":
            for indicator in INDICATORS:
                row = [None] * len(keys)
                row[keys.index("indicator_key")], row[keys.index("indicator_id")] = indicator.key, indicator.text(lang)
                row.insert(_unit_position(sheet), indicator.unit.text(lang))
                rows.append(row)
        elif sheet.key in ("assessment", "path_stage"):
            key, choices = ("requirement_key", REQUIREMENT_CHOICES) if sheet.key == "assessment" else \
                ("stage_year", STAGE_CHOICES)
            for _, label in choices:
                row = [None] * width
                row[keys.index(key)] = label.text(lang)
                rows.append(row)
        content.append(Table(sheet, columns_of(sheet, lang), rows))
    return content
