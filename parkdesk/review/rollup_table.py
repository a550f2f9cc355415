"""The district roll-up as people read it: parks × indicators of a year, coverage, progress toward doubling.

Computed with the shared figures (parkdesk.figures: totals, coverage, doubling) over the reports that
stand in the district's inbox for the year: under review (已报送) or approved
(已通过); `approved_only` keeps the approved ones, as the roll-up sent to the
city does.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from fractions import Fraction

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.figures.coverage import DomainCoverage, domain_coverage
from parkdesk.figures.doubling import DOUBLED_INDICATORS, DoublingStatus, doubling_status
from parkdesk.figures.numbers import number, shown
from parkdesk.figures.totals import indicator_totals
from parkdesk.history.park_year import COUNTED_STATUSES, ParkYear, load_park_years
from parkdesk.db.models import InboxEntry
from parkdesk.forms.indicators import INDICATORS
from parkdesk.reports import status
from parkdesk.review.inbox_rows import kept_report
from parkdesk.review.standing import standing_approved
from parkdesk.review.states import APPROVED

UNDER_REVIEW = status.UNDER_REVIEW


@dataclass(frozen=True)
class RollupRow:
    park: ParkYear
    state: str | None  # the review state of the package it came from

    def actual(self, indicator: str) -> Fraction | None:
        return self.park.figures(indicator).actual


@dataclass(frozen=True)
class DistrictRollup:
    year: int
    rows: tuple[RollupRow, ...]  # by park code
    indicators: tuple[str, ...]  # the built-in indicator keys, in the catalogue's order
    coverage: DomainCoverage
    doubling: tuple[DoublingStatus, ...]

    @cached_property
    def totals(self) -> dict[str, Fraction | int | None]:
        """合计 of each indicator (parkdesk.figures.totals: shares recomputed, counts whole)."""
        return indicator_totals(({key: row.actual(key) for key in self.indicators} for row in self.rows),
                                self.indicators)

    def total(self, indicator: str) -> Fraction | int | None:
        return self.totals[indicator]

    def to_json(self) -> dict:
        return {
            "year": self.year,
            "parks": [{"code": r.park.code, "name": r.park.name, "domain": r.park.domain,
                       "category": r.park.category, "status": r.park.status, "state": r.state,
                       "indicators": {key: number(r.actual(key)) for key in self.indicators}} for r in self.rows],
            "totals": {key: number(self.total(key)) for key in self.indicators},
            "coverage": {"filled": self.coverage.filled, "required": self.coverage.required,
                         "empty": [{"domain": c.domain, "category": c.category}
                                   for c in self.coverage.cells if not c.filled]},
            "doubling": [{"indicator": d.indicator, "baseline_total": number(d.baseline_total),
                          "actual_total": number(d.actual_total), "target_total": number(d.target_total),
                          "progress": None if d.progress is None else shown(d.progress)}
                         for d in self.doubling],
        }


def district_rollup(session: Session, year: int, *, approved_only: bool = False) -> DistrictRollup:
    if approved_only:
        rows = tuple(RollupRow(park, APPROVED) for park in _standing_parks(session, year))
        parks = [row.park for row in rows]
    else:
        parks, _ = load_park_years(session, year, UNDER_REVIEW)
        states = dict(session.execute(select(InboxEntry.report_id, InboxEntry.state).where(
            InboxEntry.report_id.in_([p.report_id for p in parks]))).all())
        rows = tuple(RollupRow(park, states.get(park.report_id)) for park in sorted(parks, key=lambda p: p.code))
    return DistrictRollup(year, rows, tuple(i.key for i in INDICATORS), domain_coverage(parks),
                          tuple(doubling_status(parks, key) for key in DOUBLED_INDICATORS))


def _standing_parks(session: Session, year: int) -> list[ParkYear]:
    """The approved reports the roll-up carries: the workspace's own, or read from a kept package when a newer
    package of the park (not yet approved) has taken its place in the workspace."""
    current, kept = [], []
    for entry in standing_approved(session, year):
        (current if entry.report_id is not None else kept).append(entry)
    parks, _ = load_park_years(session, year, (status.ACCEPTED,))
    standing = {e.report_id for e in current}
    result = [p for p in parks if p.report_id in standing]
    for entry in kept:
        with kept_report(session, entry.id) as (scratch, _report_id):
            result += load_park_years(scratch, year, COUNTED_STATUSES)[0]
    return sorted(result, key=lambda p: p.code)
