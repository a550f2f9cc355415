"""A park's report beside its previous accepted year: indicators against targets, enterprises, milestones.

Plain data for the review view, the CLI and the PDF. The previous year is the
park's latest earlier report whose status is 已通过 (accepted); without one
the comparison is empty (`Comparison.previous_year` is None).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.db.models import IndicatorDefinition, IndicatorValue, Milestone, Report
from parkdesk.errors import WorkspaceError
from parkdesk.figures.progress import change_share, progress_toward
from parkdesk.reference.labels import Label
from parkdesk.reports import status
from parkdesk.history.yoy_enterprises import EnterpriseDiff, compare_enterprises

PREVIOUS_STATUSES = (status.ACCEPTED,)
EMPTY_DIFF = EnterpriseDiff((), (), (), 0)


@dataclass(frozen=True)
class IndicatorChange:
    key: str
    name: Label
    unit: str
    baseline: float | None  # 2021
    target: float | None  # 2024
    previous: float | None  # last year's actual
    current: float | None  # this year's actual

    @property
    def change(self) -> float | None:
        return None if self.previous is None or self.current is None else self.current - self.previous

    @property
    def change_share(self) -> float | None:
        """同比变化 (parkdesk.figures.progress.change_share): 0.1 = +10 %."""
        return change_share(self.previous, self.current)

    def progress(self, value: float | None) -> float | None:
        """目标进度 of `value` (parkdesk.figures.progress.progress_toward; 1.0 = reached)."""
        return progress_toward(self.baseline, self.target, value)

    @property
    def progress_previous(self) -> float | None:
        return self.progress(self.previous)

    @property
    def progress_current(self) -> float | None:
        return self.progress(self.current)


@dataclass(frozen=True)
class MilestoneMove:
    title: str
    stage_year: int
    previous_due: date | None
    current_due: date | None
    previous_status: str
    current_status: str


@dataclass(frozen=True)
class Comparison:
    report_id: int
    year: int
    previous_report_id: int | None
    previous_year: int | None
    indicators: tuple[IndicatorChange, ...]
    enterprises: EnterpriseDiff
    milestones_moved: tuple[MilestoneMove, ...]  # due date or status changed
    milestones_added: tuple[str, ...]
    milestones_removed: tuple[str, ...]

    @property
    def has_previous(self) -> bool:
        return self.previous_report_id is not None

    def to_json(self) -> dict:
        return {
            "report_id": self.report_id, "year": self.year, "previous_report_id": self.previous_report_id,
            "previous_year": self.previous_year,
            "indicators": [{"key": i.key, "name": i.name.zh, "name_en": i.name.en, "unit": i.unit,
                            "baseline_2021": i.baseline, "target_2024": i.target, "previous": i.previous,
                            "current": i.current, "change": i.change, "change_share": i.change_share,
                            "progress_previous": i.progress_previous, "progress_current": i.progress_current}
                           for i in self.indicators],
            "enterprises": {
                "added": [{"name": e.name, "uscc": e.uscc} for e in self.enterprises.added],
                "removed": [{"name": e.name, "uscc": e.uscc} for e in self.enterprises.removed],
                "changed": [{"name": e.name, "uscc": e.uscc,
                             "changes": [{"field": c.field, "before": c.before, "after": c.after} for c in e.changes]}
                            for e in self.enterprises.changed],
                "unchanged": self.enterprises.unchanged},
            "milestones": {
                "moved": [{"title": m.title, "stage_year": m.stage_year, "previous_due": _iso(m.previous_due),
                           "current_due": _iso(m.current_due), "previous_status": m.previous_status,
                           "current_status": m.current_status} for m in self.milestones_moved],
                "added": list(self.milestones_added), "removed": list(self.milestones_removed)},
        }


def previous_report(session: Session, report: Report) -> Report | None:
    return session.scalars(select(Report).where(
        Report.park_id == report.park_id, Report.year < report.year, Report.status.in_(PREVIOUS_STATUSES))
        .order_by(Report.year.desc())).first()


def compare_years(session: Session, report_id: int) -> Comparison:
    """The report against the park's previous accepted year (empty when there is none)."""
    report = session.get(Report, report_id)
    if report is None:
        raise WorkspaceError("report.not_found", park="?", year="?")
    previous = previous_report(session, report)
    if previous is None:
        return Comparison(report.id, report.year, None, None, (), EMPTY_DIFF, (), (), ())
    moved, added, removed = _milestones(session, previous.id, report.id)
    return Comparison(report.id, report.year, previous.id, previous.year, _indicators(session, previous.id, report.id),
                      compare_enterprises(session, previous.id, report.id), moved, added, removed)


def _indicator_values(session: Session, report_id: int) -> dict[str, tuple]:
    return {row[0]: row for row in session.execute(
        select(IndicatorDefinition.key, IndicatorDefinition.name_zh, IndicatorDefinition.name_en,
               IndicatorDefinition.unit, IndicatorDefinition.sort_order, IndicatorValue.baseline_2021,
               IndicatorValue.target_2024, IndicatorValue.actual)
        .join(IndicatorDefinition, IndicatorDefinition.id == IndicatorValue.indicator_id)
        .where(IndicatorValue.report_id == report_id))}


def _indicators(session: Session, previous_id: int, current_id: int) -> tuple[IndicatorChange, ...]:
    before, after = _indicator_values(session, previous_id), _indicator_values(session, current_id)
    changes = []
    for key, (_, name_zh, name_en, unit, order, baseline, target, actual) in sorted(
            after.items(), key=lambda item: (item[1][4], item[0])):
        old = before.get(key)
        changes.append(IndicatorChange(key, Label(name_zh, name_en or name_zh), unit,
                                       baseline if baseline is not None else (old[5] if old else None),
                                       target if target is not None else (old[6] if old else None),
                                       old[7] if old else None, actual))
    return tuple(changes)


def _milestones(session: Session, previous_id: int, current_id: int):
    def load(report_id: int) -> dict[tuple[int, str], Milestone]:
        rows = session.scalars(select(Milestone).where(Milestone.report_id == report_id)
                               .order_by(Milestone.sort_order, Milestone.id))
        result: dict[tuple[int, str], Milestone] = {}
        for row in rows:
            result.setdefault((row.stage_year, row.title.strip()), row)
        return result

    before, after = load(previous_id), load(current_id)
    by_title = {title: row for (_, title), row in before.items()}
    moved, added = [], []
    matched = set()
    for (stage, title), row in after.items():
        old = before.get((stage, title)) or by_title.get(title)
        if old is None:
            added.append(title)
            continue
        matched.add((old.stage_year, old.title.strip()))
        if old.due_date != row.due_date or old.status != row.status:
            moved.append(MilestoneMove(title, row.stage_year, old.due_date, row.due_date, old.status, row.status))
    removed = [key[1] for key in before if key not in matched]
    return tuple(moved), tuple(added), tuple(removed)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
