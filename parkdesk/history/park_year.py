"""What the city view reads of one year: each park with its counted report's figures.

A report counts when its status is one of COUNTED_STATUSES: finalized (locked
by the operator after validation found no errors and every warning was
justified), submitted (sent on, still locked) or accepted (the district took
it). Drafts and returned reports are still open to change, so their figures
are not final and count for nothing. Every figure is read as the exact decimal
the user typed (`Fraction(repr(float))`), so sums and scores do not drift; a
computed indicator (服务出口占外贸出口比重) is computed from the report's own
exports, whatever was typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from parkdesk.history.recognition import standings, starting_levels
from parkdesk.db.models import (
    Division, IndicatorDefinition, IndicatorValue, Milestone, Park, ParkDetails, Report, RequirementAssessment,
)
from parkdesk.figures.numbers import exact
from parkdesk.figures.totals import computed_value, is_computed
from parkdesk.reference.parks import plan_park_of
from parkdesk.reports import status

COUNTED_STATUSES = status.COUNTED


@dataclass(frozen=True)
class Figures:
    """One indicator of one report: 2021 baseline, 2024 target, the year's actual."""

    baseline: Fraction | None
    target: Fraction | None
    actual: Fraction | None


NO_FIGURES = Figures(None, None, None)


@dataclass(frozen=True)
class ParkYear:
    """A park and its counted report of the year."""

    park_id: int
    code: str
    name: str
    domain: str
    category: str  # for the year: its report's, or the city's record of a change (parkdesk.history.recognition)
    plan_category: str | None  # the category the plan gave it in 2022; None for a park the plan does not list
    division_code: str | None
    division_name: str | None
    division_kind: str | None
    report_id: int
    status: str
    indicators: dict[str, Figures] = field(default_factory=dict)  # built-in indicators by key
    ratings: dict[str, str] = field(default_factory=dict)  # requirement key → met | partly | not_met
    milestones_due: int = 0  # milestones of the year's stage
    milestones_done: int = 0
    level: str | None = None  # recognition level for the year, as `category`
    start_level: str | None = None  # its level in its earliest report: where its leap starts
    recognition_document: str | None = None  # the city's record that set category/level, if any

    def figures(self, indicator: str) -> Figures:
        return self.indicators.get(indicator, NO_FIGURES)


@dataclass(frozen=True)
class UncountedPark:
    """A park of the workspace without a counted report of the year (no report, or a draft/returned one)."""

    code: str
    name: str
    status: str | None


def plan_category_of(code: str) -> str | None:
    plan_park = plan_park_of(code)
    return plan_park.category if plan_park else None


def load_park_years(session: Session, year: int,
                    statuses: tuple[str, ...] = COUNTED_STATUSES) -> tuple[list[ParkYear], list[UncountedPark]]:
    """The parks with a counted report of `year` (by park code), and the parks without one.

    A counted park's name, domain and district are those its report of the year states; its category and
    level too, unless the city recorded a change up to that year (parkdesk.history.recognition).
    """
    rows = session.execute(
        select(Park.id, Park.code, func.coalesce(ParkDetails.name, Park.name), ParkDetails.domain,
               ParkDetails.category, func.coalesce(ParkDetails.division_code, Park.division_code), Division.name,
               Division.kind, Report.id, Report.status)
        .outerjoin(Report, (Report.park_id == Park.id) & (Report.year == year))
        .outerjoin(ParkDetails, ParkDetails.id == Report.id)
        .outerjoin(Division, Division.code == func.coalesce(ParkDetails.division_code, Park.division_code))
        .order_by(Park.code)
    ).all()
    counted = {row[8]: row for row in rows if row[9] in statuses}
    uncounted = [UncountedPark(row[1], row[2], row[9]) for row in rows if row[9] not in statuses]
    report_ids = list(counted)
    indicators = _indicators(session, report_ids)
    ratings = _ratings(session, report_ids)
    milestones = _milestones(session, report_ids, year)
    standing = standings(session, year)
    start = starting_levels(session)
    parks = [
        ParkYear(park_id=row[0], code=row[1], name=row[2], domain=row[3],
                 category=standing[row[0]].category or row[4], plan_category=plan_category_of(row[1]),
                 division_code=row[5], division_name=row[6], division_kind=row[7], report_id=report_id,
                 status=row[9], indicators=indicators.get(report_id, {}), ratings=ratings.get(report_id, {}),
                 milestones_due=milestones.get(report_id, (0, 0))[0],
                 milestones_done=milestones.get(report_id, (0, 0))[1], level=standing[row[0]].level,
                 start_level=start.get(row[0]), recognition_document=standing[row[0]].document_number)
        for report_id, row in counted.items()
    ]
    return parks, uncounted


def _indicators(session: Session, report_ids: list[int]) -> dict[int, dict[str, Figures]]:
    """Each report's built-in indicators; a computed one computed from the report's own figures, not as typed."""
    result: dict[int, dict[str, Figures]] = {}
    for report_id, key, baseline, target, actual in session.execute(
        select(IndicatorValue.report_id, IndicatorDefinition.key, IndicatorValue.baseline_2021,
               IndicatorValue.target_2024, IndicatorValue.actual)
        .join(IndicatorDefinition, IndicatorDefinition.id == IndicatorValue.indicator_id)
        .where(IndicatorValue.report_id.in_(report_ids), IndicatorDefinition.builtin.is_(True))
    ):
        result.setdefault(report_id, {})[key] = Figures(exact(baseline), exact(target), exact(actual))
    for figures in result.values():
        for key in [key for key in figures if is_computed(key)]:
            columns = [{k: getattr(f, name) for k, f in figures.items()} for name in ("baseline", "target", "actual")]
            figures[key] = Figures(*(computed_value(key, column) for column in columns))
    return result


def _ratings(session: Session, report_ids: list[int]) -> dict[int, dict[str, str]]:
    result: dict[int, dict[str, str]] = {}
    for report_id, key, rating in session.execute(
        select(RequirementAssessment.report_id, RequirementAssessment.requirement_key, RequirementAssessment.rating)
        .where(RequirementAssessment.report_id.in_(report_ids))
    ):
        if rating:
            result.setdefault(report_id, {})[key] = rating
    return result


def _milestones(session: Session, report_ids: list[int], year: int) -> dict[int, tuple[int, int]]:
    done = func.sum(case((Milestone.status == "done", 1), else_=0))
    return {report_id: (due, int(finished or 0)) for report_id, due, finished in session.execute(
        select(Milestone.report_id, func.count(), done)
        .where(Milestone.report_id.in_(report_ids), Milestone.stage_year == year)
        .group_by(Milestone.report_id)
    )}

