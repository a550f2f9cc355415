"""Parks and districts: the districts a park can belong to, a park outside the plan's 12 added with its first
draft, one of the plan's parks added to an existing workspace."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from parkdesk.db.models import Division as DivisionRecord
from parkdesk.db.models import Park
from parkdesk.db.workspace import Workspace
from parkdesk.errors import InputProblem
from parkdesk.forms.normalize import normalize_choice
from parkdesk.forms.sections import RECORD_BY_KEY
from parkdesk.forms.synonyms import CHOICE_WORDS
from parkdesk.reference.districts import DIVISION_BY_CODE, DIVISIONS, FUNCTIONAL_ZONES, Division
from parkdesk.reports.park_setup import add_new_park, add_plan_park, find_plan_park
from parkdesk.reports.start import check_report_year, start_report

PARK_FIELDS = RECORD_BY_KEY["park"]


@dataclass(frozen=True)
class AddedPark:
    code: str
    name: str
    year: int
    district: str | None  # the district's name


def districts() -> tuple[Division, ...]:
    """Jinan's districts and counties (GB/T 2260 codes), then its functional zones (our Z codes)."""
    return (*DIVISIONS, *FUNCTIONAL_ZONES)


def find_district(code_or_name: str) -> Division:
    """A district by its code (370102, Z01) or its name (历下区, 高新区); a clear refusal otherwise."""
    value = code_or_name.strip()
    found = DIVISION_BY_CODE.get(value.upper()) or next((d for d in districts() if d.name == value), None)
    if found is None:
        raise InputProblem("park.unknown_district", district=value,
                           districts="、".join(f"{d.code} {d.name}" for d in districts()))
    return found


def choice_key(field_key: str, value: str | None) -> str | None:
    """A park field's choice from its key or its label (Chinese or English, forgivingly); refused when none."""
    if value is None:
        return None
    field = PARK_FIELDS.field(field_key)
    found = normalize_choice(value, field.choices, CHOICE_WORDS)
    if not found.ok or found.value is None:
        raise InputProblem("park.bad_choice", field=field.label, value=value,
                           choices="、".join(f"{key}({label.zh})" for key, label in field.choices))
    return found.value


def add_park(workspace: Workspace, *, code: str, name: str, category: str, domain: str, district: str,
             year: int, level: str | None = None, operator_org: str | None = None) -> AddedPark:
    """A park outside the plan's 12, every detail checked, with its draft report for `year`; one transaction."""
    check_report_year(year)
    division = find_district(district)
    with workspace.writing() as session:
        park = add_new_park(session, name=name, code=code, division_code=division.code,
                            domain=choice_key("domain", domain), category=choice_key("category", category),
                            level=choice_key("level", level), operator_org=operator_org)
        start_report(session, park.id, year)
        return AddedPark(park.code, park.name, year, division.name)


def add_plan_park_draft(workspace: Workspace, park: str, year: int, *, district: str | None = None) -> AddedPark:
    """One of the plan's 12 parks added to an existing workspace (unless it is there already), with its draft
    report for `year`."""
    check_report_year(year)
    plan_park = find_plan_park(park)
    division = find_district(district) if district else None
    with workspace.writing() as session:
        found = session.scalar(select(Park).where(Park.code == plan_park.code))
        if found is None:
            found = add_plan_park(session, plan_park.code, division_code=division.code if division else None)
        start_report(session, found.id, year)
        named = session.get(DivisionRecord, found.division_code) if found.division_code else None
        return AddedPark(found.code, found.name, year, named.name if named else None)
