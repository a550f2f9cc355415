"""Starting a year's report, and an operator's workspace with its park and first report.

A started report is a draft skeleton open for input: one self-assessment row per
construction requirement (unrated), a row for every indicator with the baseline and
the 2024 target carried over (from the park's previous report, else the plan's stated
targets), and the three path stages with the category's themes. Nothing is made up,
so validation lists what the operator still has to fill in.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from parkdesk.db.models import (
    IndicatorDefinition, IndicatorValue, Park, ParkDetails, PathStage, Report, RequirementAssessment,
)
from parkdesk.db.models.park_details import DETAIL_KEYS
from parkdesk.db.workspace import ROLE_OPERATOR, _checkpoint, create_workspace, new_workspace_file
from parkdesk.errors import InputProblem, WorkspaceError
from parkdesk.reference.categories import CATEGORY_BY_KEY
from parkdesk.reference.parks import plan_park_of
from parkdesk.reference.requirements import REQUIREMENTS
from parkdesk.reference.stages import PLAN_YEARS, STAGES, stage_theme
from parkdesk.reports import status
from parkdesk.reports.park_setup import (
    add_new_park, add_plan_park, check_new_park, find_plan_park, registered_details,
)


def check_report_year(year: int) -> None:
    if year not in PLAN_YEARS:
        raise InputProblem("start.year_outside_plan", year=year, years=f"{PLAN_YEARS[0]}–{PLAN_YEARS[-1]}")


def start_report(session: Session, park_id: int, year: int) -> Report:
    """A new draft report of the park for `year`; refuses a second report for the same year."""
    check_report_year(year)
    park = session.get(Park, park_id)
    if park is None:
        raise LookupError(f"no park with id {park_id}")
    if session.scalars(select(Report.id).where(Report.park_id == park_id, Report.year == year)).first():
        raise InputProblem("start.report_exists", park=park.name, year=year)
    report = Report(park_id=park_id, year=year, status=status.DRAFT)
    session.add(report)
    session.flush()
    details = ParkDetails(id=report.id, **_starting_details(session, park, year))
    session.add(details)
    session.add_all(RequirementAssessment(report_id=report.id, requirement_key=r.key) for r in REQUIREMENTS)
    category = CATEGORY_BY_KEY[details.category]
    session.add_all(PathStage(report_id=report.id, stage_year=s.year, theme=stage_theme(category, s.year).zh)
                    for s in STAGES)
    session.add_all(_starting_indicator_values(session, park, report))
    session.flush()
    return report


def _starting_details(session: Session, park: Park, year: int) -> dict:
    """A new report states the park as its latest report before `year` did (else as it was registered)."""
    previous = session.scalars(select(ParkDetails).join(Report, Report.id == ParkDetails.id)
                               .where(Report.park_id == park.id, Report.year < year)
                               .order_by(Report.year.desc())).first()
    if previous is not None:
        return previous.as_dict()
    registered = registered_details(park)
    return {key: registered.get(key) for key in DETAIL_KEYS}


def _starting_indicator_values(session: Session, park: Park, report: Report) -> list[IndicatorValue]:
    """Every catalogue indicator (and the park's own), baseline and target carried over, actual empty."""
    definitions = session.scalars(
        select(IndicatorDefinition).where(or_(IndicatorDefinition.park_id.is_(None),
                                              IndicatorDefinition.park_id == park.id))
        .order_by(IndicatorDefinition.sort_order, IndicatorDefinition.id)
    ).all()
    previous = _previous_values(session, park.id, report.year)
    stated = _stated_targets(park)
    values = []
    for definition in definitions:
        before = previous.get(definition.id)
        baseline = before.baseline_2021 if before else None
        target = before.target_2024 if before and before.target_2024 is not None else None
        if target is None and definition.builtin:
            target = stated.get(definition.key)
        values.append(IndicatorValue(report_id=report.id, indicator_id=definition.id,
                                     baseline_2021=baseline, target_2024=target))
    return values


def _previous_values(session: Session, park_id: int, year: int) -> dict[int, IndicatorValue]:
    """The indicator values of the park's latest report before `year`, by indicator id."""
    previous = session.scalars(select(Report.id).where(Report.park_id == park_id, Report.year < year)
                               .order_by(Report.year.desc())).first()
    if previous is None:
        return {}
    rows = session.scalars(select(IndicatorValue).where(IndicatorValue.report_id == previous))
    return {row.indicator_id: row for row in rows}


def _stated_targets(park: Park) -> dict[str, float]:
    """The plan's numeric 2024 targets when the park is the plan's park of that code."""
    plan_park = plan_park_of(park.code)
    if plan_park is None:
        return {}
    return {target.indicator: target.value for target in plan_park.targets}


def start_operator_workspace(path: Path | str, *, park_code: str | None = None, division_code: str | None = None,
                             new_park: dict | None = None, year: int, name: str | None = None,
                             overwrite: bool = False) -> Path:
    """Create an operator's workspace holding one park and its first draft report.

    Give `park_code` (one of the plan's 12; `division_code` optionally sets its district)
    or `new_park` (the keys of parkdesk.reports.park_setup.NEW_PARK_KEYS). The workspace
    is built beside `path` under a temporary name and moved into place only when complete:
    on any failure no file is left behind and an existing file is untouched. The
    workspace's name defaults to the park's name.
    """
    path = Path(path)
    if (park_code is None) == (new_park is None):
        raise InputProblem("start.park_choice")
    check_report_year(year)
    park_name = find_plan_park(park_code).name if park_code is not None else check_new_park(new_park)["name"]
    if path.is_dir():
        raise WorkspaceError("ws.is_directory", path=path)
    with new_workspace_file(path, overwrite=overwrite) as temp:
        with create_workspace(temp, role=ROLE_OPERATOR, name=name or park_name, lock=False) as workspace:
            with workspace.session() as session, session.begin():
                if park_code is not None:
                    park = add_plan_park(session, park_code, division_code=division_code)
                else:
                    park = add_new_park(session, **new_park)
                start_report(session, park.id, year)
            _checkpoint(workspace.engine)
    return path
