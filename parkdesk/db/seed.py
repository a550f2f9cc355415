"""Puts the reference data a workspace needs into it (idempotent)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.db.models import Division, IndicatorDefinition
from parkdesk.forms.indicators import INDICATORS
from parkdesk.reference.districts import DIVISIONS, FUNCTIONAL_ZONES


def seed_reference_data(session: Session) -> None:
    if reference_data_current(session):  # every open but the first: two plain queries, no ORM work
        return
    existing_divisions = set(session.scalars(select(Division.code)))
    for division in (*DIVISIONS, *FUNCTIONAL_ZONES):
        if division.code not in existing_divisions:
            session.add(Division(code=division.code, name=division.name, kind=division.kind, builtin=True))

    builtin = {
        d.key: d for d in session.scalars(select(IndicatorDefinition).where(IndicatorDefinition.builtin.is_(True)))
    }
    for order, indicator in enumerate(INDICATORS):
        row = builtin.get(indicator.key)
        if row is None:
            row = IndicatorDefinition(key=indicator.key, builtin=True)
            session.add(row)
        row.name_zh = indicator.label.zh
        row.name_en = indicator.label.en
        row.unit = indicator.unit.zh
        row.kind = indicator.kind
        row.sort_order = order


def reference_data_current(session: Session) -> bool:
    """True when the workspace already holds the divisions and the built-in indicators exactly as this version
    defines them (then seeding would change nothing)."""
    connection = session.connection()
    divisions = {code for (code,) in connection.exec_driver_sql("SELECT code FROM divisions")}
    if not {d.code for d in (*DIVISIONS, *FUNCTIONAL_ZONES)} <= divisions:
        return False
    stored = {row[0]: tuple(row[1:]) for row in connection.exec_driver_sql(
        "SELECT key, name_zh, name_en, unit, kind, sort_order FROM indicator_definitions WHERE builtin")}
    return all(stored.get(i.key) == (i.label.zh, i.label.en, i.unit.zh, i.kind, order)
               for order, i in enumerate(INDICATORS))
