"""The city bureau's desk: the 1234 goals dashboard of a year, the yearly evaluation, its scoring scheme."""

from __future__ import annotations

from pathlib import Path

from parkdesk.city.dashboard import GoalsDashboard, goals_dashboard
from parkdesk.city.evaluation import Evaluation, evaluate as score, store_evaluation
from parkdesk.city.scoring import ScoringScheme, default_scheme, load_scheme
from parkdesk.db.workspace import Workspace


def dashboard(workspace: Workspace, year: int) -> GoalsDashboard:
    with workspace.session() as session:
        return goals_dashboard(session, year)


def scheme(path: Path | None = None) -> ScoringScheme:
    """The scoring scheme in `path`, else the built-in one (docs/evaluation.md)."""
    return load_scheme(path) if path else default_scheme()


def evaluate(workspace: Workspace, year: int, scoring: ScoringScheme, out: Path, *, pdf: Path | None = None,
             lang: str = "zh") -> tuple[Evaluation, int]:
    """Score, rank, grade and reward the parks of `year`; the workbook (and PDF) written, the result stored only
    when they were. Returns the evaluation and the id it was stored under."""
    from parkdesk.city.evaluation_workbook import write_evaluation_workbook

    with workspace.writing() as session:
        evaluation = score(session, year, scoring)
        record = store_evaluation(session, evaluation, workspace.actor)
        write_evaluation_workbook(evaluation, out, lang=lang, record=record)
        if pdf:
            from parkdesk.city.evaluation_pdf import write_evaluation_pdf

            write_evaluation_pdf(evaluation, pdf, lang=lang, record=record, dashboard=goals_dashboard(session, year))
        return evaluation, record.id
