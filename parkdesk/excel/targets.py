"""The tables a sheet can be imported into (every record kind of the form definitions), and how rows find records.

A row of a sheet matches an existing record by the target's identity fields,
tried in order: a record's own id column first (编号(ID): a row that gives
one is that record or a new one, whatever its name), then its natural keys
(the enterprise list: credit code, else name). Single records (basic
information, positioning) are the report's own row.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Table, or_, select
from sqlalchemy.orm import Session

from parkdesk.db.models import (
    Attachment,
    ChainLink,
    ChainSegment,
    Division,
    Enterprise,
    IndicatorDefinition,
    IndicatorValue,
    Milestone,
    ParkDetails,
    PathStage,
    Platform,
    Report,
    RequirementAssessment,
)
from parkdesk.forms.model import Field, Record
from parkdesk.forms.normalize import clean_text
from parkdesk.forms.sections import RECORD_BY_KEY
from parkdesk.reference.labels import Label

ROW_ID = "ref"


@dataclass(frozen=True)
class ImportTarget:
    record_key: str
    table: Table
    identity: tuple[str, ...] = ()  # fields that identify a row, tried in order
    defaults: dict = field(default_factory=dict)  # NOT NULL columns a new row gets when the sheet lacks them
    creatable: bool = True  # rows that match nothing are added (attachments: files come from the program)
    deletable: bool = True  # --mirror deletes what the sheet leaves out (not the fixed sets every report has)

    @property
    def record(self) -> Record:
        return RECORD_BY_KEY[self.record_key]

    @property
    def label(self) -> Label:
        return self.record.label

    @property
    def single(self) -> bool:
        return not self.record.many

    @property
    def title_field(self) -> str | None:
        return self.record.title_field

    @property
    def order_column(self) -> str | None:
        return self.record.order.key if self.record.order is not None else None

    def field(self, key: str) -> Field:
        record = self.record
        for candidate in (record.row_id, record.order):
            if candidate is not None and candidate.key == key:
                return candidate
        return record.field(key)

    def importable_fields(self) -> tuple[Field, ...]:
        """The fields a sheet can feed: the row id, the fields that are not read-only (or that identify a
        row), the order."""
        record = self.record
        fields = [f for f in record.fields if not f.read_only or f.key in self.identity]
        return tuple(f for f in (record.row_id, *fields, record.order) if f is not None)

    def stored_fields(self) -> tuple[str, ...]:
        """The importable fields that are columns of the table (the indicator key is not: it names one)."""
        return tuple(f.key for f in self.importable_fields() if f.key in self.table.c)

    def required_fields(self, category: str | None = None) -> tuple[Field, ...]:
        """The columns a sheet must have: every required field where rows can be added, else the identity."""
        if self.creatable and self.deletable:
            return tuple(f for f in self.importable_fields() if f.is_required(category))
        return tuple(f for f in self.importable_fields() if f.key == self.identity[-1])

    def not_null(self, key: str) -> bool:
        """The workspace cannot hold an empty value there (a NOT NULL column the import has no default for)."""
        column = self.table.c.get(key)
        return (column is not None and not column.nullable and column.server_default is None
                and key not in self.defaults and key != self.order_column)

    def scope(self, report_id: int):
        """The SQL condition selecting the report's rows of this table."""
        table = self.table
        if self.record_key == "chain_link":
            return table.c.segment_id.in_(select(ChainSegment.id).where(ChainSegment.report_id == report_id))
        if self.single:
            return table.c.id == report_id
        return table.c.report_id == report_id


TARGETS: dict[str, ImportTarget] = {
    target.record_key: target for target in (  # in the order sheets are planned and written: referred to first
        ImportTarget("park", ParkDetails.__table__),
        ImportTarget("report", Report.__table__),
        ImportTarget("chain_segment", ChainSegment.__table__, (ROW_ID, "name")),
        ImportTarget("chain_link", ChainLink.__table__, (ROW_ID, "name")),
        ImportTarget("path_stage", PathStage.__table__, ("stage_year",), {"theme": ""}, deletable=False),
        ImportTarget("milestone", Milestone.__table__, (ROW_ID, "title"), {"status": "planned"}),
        ImportTarget("enterprise", Enterprise.__table__, ("uscc", "name"), {"distinctions": 0}),
        ImportTarget("indicator_value", IndicatorValue.__table__, ("indicator_id",), deletable=False),
        ImportTarget("assessment", RequirementAssessment.__table__, ("requirement_key",), deletable=False),
        ImportTarget("platform", Platform.__table__, (ROW_ID, "name"), {"service_types": ""}),
        ImportTarget("attachment", Attachment.__table__, ("sha256", "filename"), creatable=False, deletable=False),
    )
}
# what each record kind's REFERENCE fields point to, when it is a record kind of the same workbook
REFERENCED_RECORDS = {"chain_segment": "chain_segment", "chain_link": "chain_link"}


def name_key(value) -> str:
    """How two spellings of one name compare: cleaned and case-folded."""
    return (clean_text(value) or "").casefold()


def ref_key(ref: int) -> str:
    """The key under which a record's row id names it among reference names ("#3")."""
    return f"#{ref}"


def chain_links(session: Session, report_id: int) -> list[tuple[int, str]]:
    """(id, name) of the report's chain links, in the chain map's order."""
    return [tuple(row) for row in session.execute(
        select(ChainLink.id, ChainLink.name).join(ChainSegment).where(ChainSegment.report_id == report_id)
        .order_by(ChainSegment.sort_order, ChainLink.sort_order, ChainLink.id))]


def reference_names(session: Session, report_id: int, park_id: int, field: Field) -> dict[str, object]:
    """Name (as name_key; a row id as ref_key) → stored value for a REFERENCE field the sheets name by text."""
    names: dict[str, object] = {}
    if field.references == "chain_link":
        rows = session.execute(select(ChainLink.id, ChainLink.name, ChainLink.ref).join(ChainSegment)
                               .where(ChainSegment.report_id == report_id)
                               .order_by(ChainSegment.sort_order, ChainLink.sort_order, ChainLink.id)).all()
    elif field.references == "chain_segment":
        rows = session.execute(select(ChainSegment.id, ChainSegment.name, ChainSegment.ref)
                               .where(ChainSegment.report_id == report_id)
                               .order_by(ChainSegment.sort_order, ChainSegment.id)).all()
    elif field.references == "indicator":
        rows = session.execute(select(IndicatorDefinition.id, IndicatorDefinition.key, IndicatorDefinition.name_zh,
                                      IndicatorDefinition.name_en)
                               .where(or_(IndicatorDefinition.park_id.is_(None),
                                          IndicatorDefinition.park_id == park_id))
                               .order_by(IndicatorDefinition.park_id.is_not(None),
                                         IndicatorDefinition.sort_order)).all()
        for definition_id, key, name_zh, name_en in rows:
            for name in (name_zh, name_en, key):
                if name:
                    names.setdefault(name_key(name), definition_id)
        return names
    elif field.references == "divisions":
        for code, name in session.execute(select(Division.code, Division.name).order_by(Division.code)):
            names.setdefault(name_key(name), code)
            names.setdefault(name_key(code), code)
        return names
    else:
        raise ValueError(f"no names for references to {field.references}")
    for record_id, name, ref in rows:
        names.setdefault(name_key(name), record_id)
        if ref is not None:
            names[ref_key(ref)] = record_id
    return names


UNKNOWN_REFERENCE_MESSAGES = {"chain_link": "excel.cell.unknown_link", "indicator": "excel.cell.unknown_indicator",
                              "chain_segment": "excel.cell.unknown_segment", "divisions": "excel.cell.unknown_division"}
