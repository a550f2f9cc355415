"""The 1234 goals dashboard of one year, computed from the workspace's counted reports.

Only reports whose status is in `COUNTED_STATUSES` (finalized, submitted,
accepted: locked and validated) count; drafts and returned reports are open to
change and are listed apart as not counted. Everything here is plain data; the
GUI, the PDF and `parkdesk city dashboard --format json` read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.city.district_reports import DistrictYearEnd, district_reports
from parkdesk.city.leap import CategoryMove, LeapStatus, leap_status
from parkdesk.history.recognition import RecognizedPark, recognized_parks
from parkdesk.history.park_year import COUNTED_STATUSES, ParkYear, UncountedPark, load_park_years
from parkdesk.city.transformations import TRANSFORMATION_BY_KEY, TransformationStatus, transformation_statuses
from parkdesk.city.years import check_plan_year
from parkdesk.db.models import Division
from parkdesk.figures.coverage import DistrictCoverage, DivisionCell, DomainCoverage, district_coverage, domain_coverage
from parkdesk.figures.doubling import DOUBLED_INDICATORS, DoublingStatus, doubling_status
from parkdesk.figures.formulas import FIGURE_BY_KEY
from parkdesk.figures.numbers import number, shown
from parkdesk.figures.progress import progress_toward, share
from parkdesk.forms.indicators import INDICATOR_BY_KEY
from parkdesk.reference.goals import EXISTING_PARK_COUNT, GOAL_BY_KEY, GOALS, PARK_COUNT_GOAL
from parkdesk.reference.labels import Label

GOAL_UNITS = {
    "category_leap": Label("个园区", "parks"),
    "domain_coverage": Label("格(领域×类别)", "cells (domain × category)"),
    "district_coverage": Label("个区县", "districts"),
    "park_count_doubling": Label("个园区", "parks"),
    "enterprise_count_doubling": INDICATOR_BY_KEY["enterprise_count"].unit,
    "industry_scale_doubling": INDICATOR_BY_KEY["industry_scale"].unit,
}
TRANSFORMATION_UNIT = Label("个园区", "parks")


def goal_unit(key: str) -> Label:
    """What a goal's value and target count: parks, cells, districts, enterprises, 100M CNY."""
    return GOAL_UNITS.get(key, TRANSFORMATION_UNIT)


DOUBLING_GOALS = {"enterprise_count": "enterprise_count_doubling", "industry_scale": "industry_scale_doubling"}


@dataclass(frozen=True)
class GoalStatus:
    """One of the ten goals: where it stands, what it needs, whether it is met (None: the plan sets no number).

    `baseline` is where a doubling starts (the 12 parks, the 2021 totals): its progress is the way from the
    baseline to the target covered; a goal without one (coverage, the leap) shows the share reached.
    """

    key: str
    value: Fraction
    target: Fraction | None
    met: bool | None
    baseline: Fraction | None = None

    @property
    def state(self) -> str:
        """no_target (the plan sets no number), no_data (nothing to measure yet: no eligible park, no 2021
        baseline — shown as "no data", not as 0/0 not met), met or not_met; its words are "city.state.<state>"."""
        if self.target is None:
            return "no_target"
        if self.target == 0 and self.value == 0:
            return "no_data"
        return "met" if self.met else "not_met"

    @property
    def figure(self) -> str | None:
        """The key of the figure its progress is (parkdesk.figures.formulas), None without a target."""
        if self.target is None:
            return None
        if self.key == "park_count_doubling":
            return "park_count_progress"
        return "doubling_progress" if self.baseline is not None else "share_of_required"

    @property
    def progress(self) -> Fraction | None:
        if self.target is None:
            return None
        if self.baseline is not None:
            return progress_toward(self.baseline, self.target, self.value)
        return share(self.value, self.target)


@dataclass(frozen=True)
class GoalsDashboard:
    year: int
    counted_statuses: tuple[str, ...]
    parks: tuple[ParkYear, ...]  # the parks with a counted report, by code
    uncounted: tuple[UncountedPark, ...]
    goals: tuple[GoalStatus, ...]  # in the order of parkdesk.reference.goals.GOALS
    leap: LeapStatus
    domains: DomainCoverage
    districts: DistrictCoverage
    doubling: tuple[DoublingStatus, ...]
    transformations: tuple[TransformationStatus, ...]
    recognized: tuple[RecognizedPark, ...] = ()  # 园区(基地)数量: the parks recognized in the year, by code
    district_reports: tuple[DistrictYearEnd, ...] = ()  # the districts' year-end sections, by district

    @property
    def not_filed(self) -> tuple[RecognizedPark, ...]:
        """Recognized parks without a counted report of the year: they count, and are listed."""
        return tuple(p for p in self.recognized if not p.filed)

    def goal(self, key: str) -> GoalStatus:
        return next(g for g in self.goals if g.key == key)

    def to_json(self) -> dict:
        return {
            "year": self.year,
            "counted_statuses": list(self.counted_statuses),
            "parks": [_park_json(p) for p in self.parks],
            "uncounted_parks": [{"code": p.code, "name": p.name, "status": p.status} for p in self.uncounted],
            "recognized_parks": [{"code": p.code, "name": p.name, "level": p.level, "filed": p.filed}
                                 for p in self.recognized],
            "goals": [_goal_json(g) for g in self.goals],
            "category_leap": _leap_json(self.leap),
            "domain_coverage": _domains_json(self.domains),
            "district_coverage": _districts_json(self.districts),
            "doubling": [_doubling_json(d) for d in self.doubling],
            "transformations": [_transformation_json(t) for t in self.transformations],
            "district_reports": [d.to_json() for d in self.district_reports],
        }


def goals_dashboard(session: Session, year: int) -> GoalsDashboard:
    check_plan_year(year)
    parks, uncounted = load_park_years(session, year)
    divisions = session.execute(select(Division.code, Division.name, Division.kind).order_by(Division.code)).all()
    leap = leap_status(parks)
    domains = domain_coverage(parks)
    districts = district_coverage(parks, [tuple(d) for d in divisions])
    doubling = tuple(doubling_status(parks, indicator) for indicator in DOUBLED_INDICATORS)
    transformations = transformation_statuses(parks)
    recognized = recognized_parks(session, year, {p.park_id for p in parks})
    statuses = {
        "category_leap": GoalStatus("category_leap", Fraction(len(leap.moved_up)), Fraction(len(leap.eligible)),
                                    bool(leap.eligible) and len(leap.moved_up) == len(leap.eligible)),
        "domain_coverage": GoalStatus("domain_coverage", Fraction(domains.filled), Fraction(domains.required),
                                      domains.filled == domains.required),
        "district_coverage": GoalStatus("district_coverage", Fraction(districts.filled), Fraction(districts.required),
                                        districts.filled == districts.required),
        "park_count_doubling": GoalStatus("park_count_doubling", Fraction(len(recognized)),
                                          Fraction(PARK_COUNT_GOAL), len(recognized) >= PARK_COUNT_GOAL,
                                          Fraction(EXISTING_PARK_COUNT)),
        **{DOUBLING_GOALS[d.indicator]: GoalStatus(DOUBLING_GOALS[d.indicator], d.actual_total, d.target_total, d.met,
                                                   d.baseline_total)
           for d in doubling},
        **{t.key: GoalStatus(t.key, Fraction(len(t.parks)), None, None) for t in transformations},
    }
    return GoalsDashboard(
        year=year, counted_statuses=COUNTED_STATUSES, parks=tuple(parks), uncounted=tuple(uncounted),
        goals=tuple(statuses[g.key] for g in GOALS), leap=leap, domains=domains, districts=districts,
        doubling=doubling, transformations=transformations, recognized=tuple(recognized),
        district_reports=district_reports(session, year),
    )


def _park_json(park: ParkYear) -> dict:
    return {"code": park.code, "name": park.name, "domain": park.domain, "category": park.category,
            "level": park.level, "plan_category": park.plan_category, "start_level": park.start_level,
            "recognition_document": park.recognition_document, "division_code": park.division_code,
            "division_name": park.division_name, "report_status": park.status}


def _goal_json(goal: GoalStatus) -> dict:
    reference = GOAL_BY_KEY[goal.key]
    result = {"key": goal.key, "group": {"zh": reference.group.zh, "en": reference.group.en},
              "label": {"zh": reference.label.zh, "en": reference.label.en},
              "value": number(goal.value), "target": number(goal.target), "met": goal.met, "state": goal.state,
              "unit": {"zh": goal_unit(goal.key).zh, "en": goal_unit(goal.key).en},
              "baseline": number(goal.baseline),
              "progress": None if goal.progress is None else shown(goal.progress)}
    if goal.figure is not None:
        figure = FIGURE_BY_KEY[goal.figure]
        result["formula"] = {"zh": figure.formula.zh, "en": figure.formula.en}
    if goal.key in TRANSFORMATION_BY_KEY:
        basis = TRANSFORMATION_BY_KEY[goal.key].basis
        result["basis"] = {"zh": basis.zh, "en": basis.en}
    return result


def _move_json(move: CategoryMove) -> dict:
    return {"park": move.park, "from": move.from_category, "to": move.to_category, "from_level": move.from_level,
            "to_level": move.to_level}


def _leap_json(leap: LeapStatus) -> dict:
    return {"eligible": list(leap.eligible), "moved_up": [_move_json(m) for m in leap.moved_up],
            "not_moved": list(leap.not_moved), "moved_down": [_move_json(m) for m in leap.moved_down],
            "at_top": list(leap.at_top), "not_assessed": list(leap.not_assessed)}


def _domains_json(domains: DomainCoverage) -> dict:
    def cell(c):
        return {"domain": c.domain, "category": c.category, "parks": list(c.parks), "filled": c.filled}

    return {"filled": domains.filled, "required": domains.required,
            "key_domains": [cell(c) for c in domains.key_cells],
            "characteristic_domains": [cell(c) for c in domains.characteristic_cells],
            "other_parks": list(domains.other_parks)}


def _districts_json(districts: DistrictCoverage) -> dict:
    def cell(c: DivisionCell):
        return {"code": c.code, "name": c.name, "kind": c.kind, "parks": list(c.parks)}

    return {"filled": districts.filled, "required": districts.required,
            "districts": [cell(c) for c in districts.districts],
            "without_park": [c.code for c in districts.missing],
            "zones": [cell(c) for c in districts.zones], "unplaced": list(districts.unplaced)}


def _doubling_json(status: DoublingStatus) -> dict:
    return {"indicator": status.indicator, "baseline_2021": number(status.baseline_total),
            "target": number(status.target_total), "actual": number(status.actual_total), "met": status.met,
            "progress": None if status.progress is None else shown(status.progress),
            "without_baseline": list(status.without_baseline), "without_actual": list(status.without_actual),
            "parks": [{"park": c.park, "baseline_2021": number(c.baseline), "actual": number(c.actual)}
                      for c in status.contributions]}


def _transformation_json(status: TransformationStatus) -> dict:
    return {"key": status.key, "count": len(status.parks), "parks": list(status.parks),
            "totals": {key: number(value) for key, value in status.totals}}
