"""Adding a park to a workspace: one of the plan's 12 parks, or a new one checked against the reference data.

A new park's details are checked by their form definitions (parkdesk/forms/sections.py), so the
wizard, the command line and later validation agree on what is acceptable.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from parkdesk.db.models import Division, Park
from parkdesk.errors import InputProblem, ParkdeskError
from parkdesk.forms.sections import RECORD_BY_KEY
from parkdesk.reference.districts import DIVISION_BY_CODE
from parkdesk.reference.parks import PLAN_PARK_BY_CODE, PLAN_PARK_BY_NAME, PLAN_PARKS, PlanPark
from parkdesk.texts import DEFAULT_LANG, text
from parkdesk.validation.rules import RULES
from parkdesk.validation.value_checks import BLANK_CHARS, check_value

PARK_RECORD = RECORD_BY_KEY["park"]
NEW_PARK_KEYS = ("name", "code", "division_code", "domain", "category", "level", "operator_org")
CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9_-]{0,31}$")


class ParkProblem(InputProblem):
    """Something is wrong with a park's details; `field` names the offending field (for a form to focus)."""

    def __init__(self, field: str, message_key: str, **params):
        self.field = field
        super().__init__(message_key, **params)


class ParkFieldProblem(ParkProblem):
    """A field fails its form definition, told in the words of the validation rule."""

    def __init__(self, field: str, rule_id: str, rule_params: dict):
        self.rule_id, self.rule_params = rule_id, rule_params
        super().__init__(field, "start.park_field", problem=RULES[rule_id].render(DEFAULT_LANG, rule_params))

    def message(self, lang: str = DEFAULT_LANG) -> str:
        return text("start.park_field", lang, problem=RULES[self.rule_id].render(lang, self.rule_params))


def find_plan_park(code_or_name: str) -> PlanPark:
    """One of the plan's 12 parks by its code (any case) or its exact name."""
    value = code_or_name.strip()
    plan_park = PLAN_PARK_BY_CODE.get(value.upper()) or PLAN_PARK_BY_NAME.get(value)
    if plan_park is None:
        raise ParkdeskError("start.unknown_plan_park", park=value, codes=", ".join(p.code for p in PLAN_PARKS))
    return plan_park


def add_plan_park(session: Session, code: str, *, division_code: str | None = None) -> Park:
    """Add one of the plan's parks with its domain and category.

    The plan names neither district nor recognition level; `division_code` sets the
    district when the caller knows it, the rest is filled in on the basic-information page.
    """
    plan_park = find_plan_park(code)
    if division_code is not None:
        _check_division(division_code, _workspace_divisions(session))
    _refuse_existing(session, plan_park.code, plan_park.name)
    return _register(session, {"name": plan_park.name, "code": plan_park.code, "division_code": division_code,
                               "domain": plan_park.domain, "category": plan_park.category}, is_plan_park=True)


def check_new_park(details: Mapping[str, str | None], divisions: Mapping[str, str] | None = None) -> dict:
    """A new park's details, cleaned (trimmed, code in capitals); raises ParkProblem at the first fault.

    `divisions` maps division codes to names (default: the reference districts and zones).
    Needs no workspace, so a form can call it as the user types.
    """
    unknown = set(details) - set(NEW_PARK_KEYS)
    if unknown:
        raise TypeError(f"unknown park fields: {sorted(unknown)}")
    values = {key: _clean(details.get(key)) for key in NEW_PARK_KEYS}
    if values["code"]:
        values["code"] = values["code"].upper()
    category = values["category"]
    for key in ("name", "code"):
        _check_field(key, values[key], category)
    if not CODE_PATTERN.match(values["code"]):
        raise ParkProblem("code", "start.bad_code", code=values["code"])
    if values["code"] in PLAN_PARK_BY_CODE:
        raise ParkProblem("code", "start.plan_code_clash", value=values["code"],
                          name=PLAN_PARK_BY_CODE[values["code"]].name)
    if values["name"] in PLAN_PARK_BY_NAME:
        raise ParkProblem("name", "start.plan_name_clash", value=values["name"],
                          code=PLAN_PARK_BY_NAME[values["name"]].code)
    _check_field("division_code", values["division_code"], category)
    _check_division(values["division_code"], divisions or {d.code: d.name for d in DIVISION_BY_CODE.values()})
    for key in ("domain", "category", "level"):
        _check_field(key, values[key], category)
    if values["operator_org"] is not None:  # optional here, asked for on the basic-information page
        _check_field("operator_org", values["operator_org"], category)
    return values


def add_new_park(session: Session, name: str, code: str, division_code: str, domain: str, category: str,
                 level: str | None = None, operator_org: str | None = None) -> Park:
    """Add a park that is not one of the plan's 12, after checking every detail."""
    values = check_new_park(
        {"name": name, "code": code, "division_code": division_code, "domain": domain, "category": category,
         "level": level, "operator_org": operator_org},
        _workspace_divisions(session),
    )
    _refuse_existing(session, values["code"], values["name"])
    return _register(session, values, is_plan_park=False)


def _register(session: Session, details: dict, *, is_plan_park: bool) -> Park:
    """The park, with the details its first report will start from."""
    park = Park(code=details["code"], name=details["name"], division_code=details.get("division_code"),
                is_plan_park=is_plan_park, registered=json.dumps(details, ensure_ascii=False))
    session.add(park)
    session.flush()
    return park


def registered_details(park: Park) -> dict:
    """The details `park` was registered with (its first report starts from them)."""
    details = json.loads(park.registered) if park.registered else {}
    return {**details, "name": park.name, "code": park.code,
            "division_code": details.get("division_code", park.division_code)}


def _clean(value) -> str | None:
    if value is None:
        return None
    words = str(value).strip(BLANK_CHARS)
    return words or None


def _check_field(key: str, value, category: str | None) -> None:
    problems = check_value(PARK_RECORD.field(key), value, category)
    if problems:
        rule_id, params = problems[0]
        raise ParkFieldProblem(key, rule_id, params)


def _check_division(code: str, divisions: Mapping[str, str]) -> None:
    if code not in divisions:
        field = PARK_RECORD.field("division_code")
        raise ParkFieldProblem("division_code", "FIELD-CHOICE",
                               {"field": field.label, "value": code, "choices": tuple(divisions.values())})


def _workspace_divisions(session: Session) -> dict[str, str]:
    return dict(session.execute(select(Division.code, Division.name).order_by(Division.code)).all())


def _refuse_existing(session: Session, code: str, name: str) -> None:
    existing = session.scalars(
        select(Park).where(or_(func.upper(Park.code) == code.upper(), Park.name == name))
    ).first()
    if existing is not None:
        field = "code" if existing.code.upper() == code.upper() else "name"
        raise ParkProblem(field, "start.park_exists", name=existing.name, code=existing.code)
