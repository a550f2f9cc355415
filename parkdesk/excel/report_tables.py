"""A report's sections as typed tables for a workbook: numbers stay numbers, dates dates, choices their labels.

Built from the form definitions: each tabular record becomes a table whose
columns are its fields (headers with units), each single record a form of
label and value. The enterprise list is read through the driver, row
tuples converted column by column, since it runs to 100,000 rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable, Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.db.models import (
    Attachment,
    ChainLink,
    ChainSegment,
    IndicatorDefinition,
    IndicatorValue,
    Milestone,
    ParkDetails,
    PathStage,
    Platform,
    Report,
    RequirementAssessment,
)
from parkdesk.db.queries import enterprise_rows_of
from parkdesk.forms.field_values import display_value
from parkdesk.forms.indicators import INDICATOR_BY_KEY
from parkdesk.forms.model import CHOICE, DATE, DECIMAL, INTEGER, MULTI_CHOICE, PERCENT, REFERENCE, Field, Record
from parkdesk.forms.sections import RECORD_BY_KEY
from parkdesk.reference.labels import Label

NUMBER, DATE_KIND, TEXT_KIND = "number", "date", "text"
UNIT_HEADER = Label("单位", "Unit")


@dataclass
class Column:
    header: str
    kind: str  # number | date | text
    required: bool = False
    long: bool = False  # wraps
    as_text: bool = False  # codes and phone numbers: a text cell even when all digits


@dataclass
class Table:
    title: str
    columns: list[Column]
    rows: Iterable[list]


def columns_of(record: Record, lang: str, category: str | None = None) -> list[Column]:
    return [Column(f.header(lang), _kind(f), f.is_required(category), f.type == "long_text",
                   f.type in ("uscc", "phone")) for f in record.fields]


def _kind(field: Field) -> str:
    if field.type in (INTEGER, DECIMAL, PERCENT):
        return NUMBER
    return DATE_KIND if field.type == DATE else TEXT_KIND


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


def _rows(record: Record, objects, lang: str, references: dict[str, dict] | None = None) -> list[list]:
    convert = [converter(f, lang, (references or {}).get(f.key)) for f in record.fields]
    return [[c(getattr(obj, f.key)) for c, f in zip(convert, record.fields)] for obj in objects]


def form_rows(record: Record, obj, lang: str, references: dict[str, dict] | None = None) -> list[tuple[str, object]]:
    """(field label, value) for a single record (the park, the report)."""
    values = _rows(record, [obj], lang, references)[0]
    return [(f.header(lang), value) for f, value in zip(record.fields, values)]


def enterprise_table(session: Session, report_id: int, lang: str, link_names: dict[int, str]) -> Table:
    record = RECORD_BY_KEY["enterprise"]
    keys = [f.key for f in record.fields]
    convert = [converter(f, lang, link_names if f.key == "chain_link_id" else None) for f in record.fields]
    scope = enterprise_rows_of(session, report_id)

    def rows():
        cursor = session.connection().connection.dbapi_connection.cursor()
        try:
            cursor.execute(f"SELECT {', '.join(keys)} FROM enterprises WHERE {scope} ORDER BY id",
                           {"report_id": report_id})
            while batch := cursor.fetchmany(5000):
                for row in batch:
                    yield [c(v) for c, v in zip(convert, row)]
        finally:
            cursor.close()

    return Table(record.label.text(lang), columns_of(record, lang), rows())


def report_tables(session: Session, report_id: int, lang: str) -> dict[str, list[Table | list]]:
    """Section key → its tables (tabular records) or its form rows (single records), in section order."""
    report = session.get(Report, report_id)
    park: ParkDetails = report.details
    segments = session.scalars(select(ChainSegment).where(ChainSegment.report_id == report_id)
                               .order_by(ChainSegment.sort_order, ChainSegment.id)).all()
    links = session.scalars(select(ChainLink).join(ChainSegment).where(ChainSegment.report_id == report_id)
                            .order_by(ChainSegment.sort_order, ChainLink.sort_order, ChainLink.id)).all()
    link_names = {link.id: link.name for link in links}
    division = {park.division_code: park.division.name} if park.division is not None else {}
    record = RECORD_BY_KEY
    return {
        "basic": [form_rows(record["park"], park, lang, {"division_code": division})],
        "positioning": [form_rows(record["report"], report, lang)],
        "chain": [
            Table(record["chain_segment"].label.text(lang), columns_of(record["chain_segment"], lang),
                  _rows(record["chain_segment"], segments, lang)),
            Table(record["chain_link"].label.text(lang), columns_of(record["chain_link"], lang),
                  _rows(record["chain_link"], links, lang, {"segment_id": {s.id: s.name for s in segments}})),
        ],
        "path": [_table(session, record["path_stage"], PathStage, report_id, lang, PathStage.stage_year),
                 _table(session, record["milestone"], Milestone, report_id, lang, Milestone.sort_order, Milestone.id)],
        "enterprises": [enterprise_table(session, report_id, lang, link_names)],
        "indicators": [indicator_table(session, report_id, lang)],
        "requirements": [_table(session, record["assessment"], RequirementAssessment, report_id, lang,
                                RequirementAssessment.id)],
        "platforms": [_table(session, record["platform"], Platform, report_id, lang, Platform.id)],
        "attachments": [_table(session, record["attachment"], Attachment, report_id, lang, Attachment.id)],
    }


def _table(session: Session, record: Record, model, report_id: int, lang: str, *order) -> Table:
    objects = session.scalars(select(model).where(model.report_id == report_id).order_by(*order)).all()
    return Table(record.label.text(lang), columns_of(record, lang), _rows(record, objects, lang))


def indicator_table(session: Session, report_id: int, lang: str) -> Table:
    """Indicators with their unit beside the name (the unit differs from row to row)."""
    record = RECORD_BY_KEY["indicator_value"]
    rows = session.execute(select(IndicatorValue, IndicatorDefinition)
                           .join(IndicatorDefinition, IndicatorDefinition.id == IndicatorValue.indicator_id)
                           .where(IndicatorValue.report_id == report_id)
                           .order_by(IndicatorDefinition.sort_order, IndicatorDefinition.id)).all()
    names = {d.id: (d.name_en if lang == "en" and d.name_en else d.name_zh) for _, d in rows}
    values = _rows(record, [v for v, _ in rows], lang, {"indicator_id": names})
    columns = columns_of(record, lang)
    columns.insert(1, Column(UNIT_HEADER.text(lang), TEXT_KIND))
    for row, (_, definition) in zip(values, rows):
        builtin = INDICATOR_BY_KEY.get(definition.key) if definition.park_id is None else None
        row.insert(1, builtin.unit.text(lang) if builtin is not None else definition.unit)
    return Table(record.label.text(lang), columns, values)
