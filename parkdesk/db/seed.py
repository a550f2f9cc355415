"""Puts the reference data a workspace needs into it (idempotent)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.db.models import Division, IndicatorDefinition
from parkdesk.forms.indicators import INDICATORS
from parkdesk.reference.districts import DIVISIONS, FUNCTIONAL_ZONES


def seed_reference_data(session: Session) -> None:
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
