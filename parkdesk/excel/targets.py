"""The tables an Excel sheet can be imported into, and how a row finds its record.

Each target is one record kind of the form definitions. A row of the sheet
matches an existing record by the identity fields, tried in order (the
enterprise list: credit code, else name).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Table, or_, select
from sqlalchemy.orm import Session

from parkdesk.db.models import (
    ChainLink,
    ChainSegment,
    Enterprise,
    IndicatorDefinition,
    IndicatorValue,
    Milestone,
    Platform,
)
from parkdesk.forms.model import Field, Record
from parkdesk.forms.normalize import clean_text
from parkdesk.forms.sections import RECORD_BY_KEY
from parkdesk.reference.labels import Label


@dataclass(frozen=True)
class ImportTarget:
    record_key: str
    table: Table
    identity: tuple[str, ...]  # fields that identify a row, tried in order
    title_field: str  # names the row in messages and previews
    defaults: dict = field(default_factory=dict)  # NOT NULL columns a new row gets when the sheet lacks them
    order_column: str | None = None  # a column that keeps the rows in order; new rows go last

    @property
    def record(self) -> Record:
        return RECORD_BY_KEY[self.record_key]

    @property
    def label(self) -> Label:
        return self.record.label

    def importable_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.record.fields if not f.read_only)

    def required_fields(self, category: str | None = None) -> tuple[Field, ...]:
        return tuple(f for f in self.importable_fields() if f.is_required(category))


TARGETS: dict[str, ImportTarget] = {
    target.record_key: target for target in (
        ImportTarget("enterprise", Enterprise.__table__, ("uscc", "name"), "name", {"distinctions": 0}),
        ImportTarget("indicator_value", IndicatorValue.__table__, ("indicator_id",), "indicator_id"),
        ImportTarget("milestone", Milestone.__table__, ("title",), "title", {"status": "planned"}, "sort_order"),
        ImportTarget("platform", Platform.__table__, ("name",), "name", {"service_types": ""}),
    )
}


def name_key(value) -> str:
    """How two spellings of one name compare: cleaned and case-folded."""
    return (clean_text(value) or "").casefold()


def chain_links(session: Session, report_id: int) -> list[tuple[int, str]]:
    """(id, name) of the report's chain links, in the chain map's order."""
    return [tuple(row) for row in session.execute(
        select(ChainLink.id, ChainLink.name).join(ChainSegment).where(ChainSegment.report_id == report_id)
        .order_by(ChainSegment.sort_order, ChainLink.sort_order, ChainLink.id))]


def reference_names(session: Session, report_id: int, park_id: int, field: Field) -> dict[str, int]:
    """Name (as name_key) → id for a REFERENCE field the sheets name by text."""
    if field.references == "chain_link":
        names: dict[str, int] = {}
        for link_id, name in chain_links(session, report_id):
            names.setdefault(name_key(name), link_id)
        return names
    if field.references == "indicator":
        rows = session.execute(select(IndicatorDefinition.id, IndicatorDefinition.key, IndicatorDefinition.name_zh,
                                      IndicatorDefinition.name_en)
                               .where(or_(IndicatorDefinition.park_id.is_(None),
                                          IndicatorDefinition.park_id == park_id))
                               .order_by(IndicatorDefinition.park_id.is_not(None),
                                         IndicatorDefinition.sort_order)).all()
        names = {}
        for definition_id, key, name_zh, name_en in rows:
            for name in (name_zh, name_en, key):
                if name:
                    names.setdefault(name_key(name), definition_id)
        return names
    raise ValueError(f"no names for references to {field.references}")


UNKNOWN_REFERENCE_MESSAGES = {"chain_link": "excel.cell.unknown_link", "indicator": "excel.cell.unknown_indicator"}
