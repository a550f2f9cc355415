"""Small hand-made workspaces for the city view's tests: parks in chosen domains, categories, districts."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from parkdesk.db.models import (
    IndicatorDefinition, IndicatorValue, Milestone, Park, ParkDetails, Report, RequirementAssessment,
)
from parkdesk.db.workspace import create_workspace


@dataclass
class ParkSpec:
    code: str
    domain: str
    category: str
    division: str | None = None
    status: str | None = "accepted"  # None: no report of the year
    indicators: dict[str, tuple[float | None, float | None, float | None]] = field(default_factory=dict)
    ratings: dict[str, str] = field(default_factory=dict)
    milestones: tuple[str, ...] = ()  # statuses of the year's milestones
    level: str | None = "municipal"  # recognition level the report states (None: not stated)
    name: str | None = None  # default: "{code} 园区"


def build_workspace(path: Path, parks: list[ParkSpec], year: int = 2023) -> Path:
    """A workspace at `path` with one report of `year` per park (baseline, target, actual per indicator)."""
    with create_workspace(path) as workspace, workspace.session() as session, session.begin():
        definitions = {d.key: d.id for d in session.scalars(select(IndicatorDefinition))}
        for spec in parks:
            park = Park(code=spec.code, name=spec.name or f"{spec.code} 园区", division_code=spec.division)
            session.add(park)
            session.flush()
            if spec.status is None:
                continue
            report = Report(park_id=park.id, year=year, status=spec.status)
            session.add(report)
            session.flush()
            session.add(ParkDetails(id=report.id, name=park.name, code=park.code, division_code=spec.division,
                                    domain=spec.domain, category=spec.category, level=spec.level))
            for key, (baseline, target, actual) in spec.indicators.items():
                session.add(IndicatorValue(report_id=report.id, indicator_id=definitions[key], baseline_2021=baseline,
                                           target_2024=target, actual=actual))
            for key, rating in spec.ratings.items():
                session.add(RequirementAssessment(report_id=report.id, requirement_key=key, rating=rating))
            for order, status in enumerate(spec.milestones):
                session.add(Milestone(report_id=report.id, stage_year=year, title=f"M{order}", status=status,
                                      sort_order=order))
    return path
