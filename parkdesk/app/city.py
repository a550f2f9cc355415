"""The city bureau's desk: the 1234 goals dashboard of a year, the yearly evaluation, its scoring scheme and the
bureau's own records (recognition changes, third-party results)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from parkdesk.atomic_files import write_atomically
from parkdesk.city.city_records import record_recognition_change, record_third_party_result, recognition_changes
from parkdesk.city.dashboard import GoalsDashboard, goals_dashboard
from parkdesk.city.evaluation import Evaluation, evaluate as score, store_evaluation
from parkdesk.city.scoring import ScoringScheme, default_scheme, load_scheme
from parkdesk.db.workspace import Workspace


def dashboard(workspace: Workspace, year: int, *, pdf: Path | None = None, lang: str = "zh") -> GoalsDashboard:
    """The goals dashboard of `year` (and its PDF, when asked)."""
    with workspace.session() as session:
        result = goals_dashboard(session, year)
    if pdf:
        from parkdesk.city.dashboard_pdf import write_dashboard_pdf

        write_dashboard_pdf(result, pdf, lang=lang)
    return result


def scheme(path: Path | None = None) -> ScoringScheme:
    """The scoring scheme in `path`, else the built-in one (docs/evaluation.md)."""
    return load_scheme(path) if path else default_scheme()


def write_default_scheme(out: Path | None) -> str:
    """The built-in scheme as JSON text, written to `out` (atomically) when given."""
    text = json.dumps(default_scheme().to_json(), ensure_ascii=False, indent=2) + "\n"
    if out is not None:
        write_atomically(out, text.encode("utf-8"))
    return text


def ranking(workspace: Workspace, year: int, scoring: ScoringScheme) -> Evaluation:
    """The evaluation of `year` as it would come out now, stored nowhere: what the window shows before it is
    exported."""
    with workspace.session() as session:
        return score(session, year, scoring)


def evaluate(workspace: Workspace, year: int, scoring: ScoringScheme, out: Path | None, *, pdf: Path | None = None,
             lang: str = "zh") -> tuple[Evaluation, int]:
    """Score, rank, grade and reward the parks of `year`; the workbook (and/or PDF) written, the result stored only
    when they were. Returns the evaluation and the id it was stored under."""
    from parkdesk.city.evaluation_workbook import write_evaluation_workbook

    if out is None and pdf is None:
        raise ValueError("evaluate writes a workbook, a PDF or both")
    with workspace.writing() as session:
        evaluation = score(session, year, scoring)
        record = store_evaluation(session, evaluation, workspace.actor)
        if out is not None:
            write_evaluation_workbook(evaluation, out, lang=lang, record=record)
        if pdf:
            from parkdesk.city.evaluation_pdf import write_evaluation_pdf

            write_evaluation_pdf(evaluation, pdf, lang=lang, record=record, dashboard=goals_dashboard(session, year))
        return evaluation, record.id


@dataclass(frozen=True)
class Recognition:
    park_code: str
    effective_date: date
    document_number: str
    category: str | None
    level: str | None
    note: str | None


def recognize(workspace: Workspace, park_code: str, effective: date, document_number: str, *,
              category: str | None = None, level: str | None = None, note: str | None = None) -> None:
    """Record the category and/or level the city recognised a park in, from `effective` on."""
    with workspace.writing() as session:
        record_recognition_change(session, park_code, effective, document_number, category=category, level=level,
                                  note=note, actor=workspace.actor)


def recognitions(workspace: Workspace) -> list[Recognition]:
    with workspace.session() as session:
        return [Recognition(code, c.effective_date, c.document_number, c.category, c.level, c.note)
                for code, c in recognition_changes(session)]


def record_third_party(workspace: Workspace, year: int, park_code: str, grade: str, evaluator: str, *,
                       score: str | None = None, document_number: str | None = None) -> str:
    """Record the third party's grade of a park's year (replacing an earlier one); returns the grade's key."""
    with workspace.writing() as session:
        row = record_third_party_result(session, year, park_code, grade, evaluator, score=score,
                                        document_number=document_number, actor=workspace.actor)
        return row.grade
