"""The years the city view works on: the plan's years."""

from __future__ import annotations

from parkdesk.errors import InputProblem
from parkdesk.reference.stages import PLAN_YEARS


def check_plan_year(year: int) -> None:
    if year not in PLAN_YEARS:
        raise InputProblem("city.bad_year", year=year, first=PLAN_YEARS[0], last=PLAN_YEARS[-1])
