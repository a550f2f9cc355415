"""The operator's report: find it, validate, justify warnings, finalize, reopen, edit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import select

from parkdesk.db.models import Report
from parkdesk.db.queries import find_park
from parkdesk.db.workspace import Workspace
from parkdesk.editing.editor import ReportEditor
from parkdesk.errors import WorkspaceError
from parkdesk.reports import lifecycle
from parkdesk.validation.engine import ValidationResult, validate_report
from parkdesk.validation.findings import WHOLE_RULE, Finding


@dataclass(frozen=True)
class ReportValidation:
    report_id: int
    status: str
    result: ValidationResult


def park_id_of(workspace: Workspace, park: str) -> int:
    """The park named by its short code (any case) or its exact name; a clear refusal (exit 2) otherwise."""
    with workspace.session() as session:
        found = find_park(session, park)
        if found is None:
            raise WorkspaceError("cli.park_not_found", park=park)
        return found.id


def report_id_of(workspace: Workspace, park: str, year: int) -> int:
    """The report of `park` (code or name) for `year`; a clear refusal (exit 2) when there is none."""
    park_id = park_id_of(workspace, park)
    with workspace.session() as session:
        report_id = session.scalar(select(Report.id).where(Report.park_id == park_id, Report.year == year))
        if report_id is None:
            raise WorkspaceError("report.not_found", park=find_park(session, park).name, year=year)
        return report_id


def validate(workspace: Workspace, *, park: str | None = None, year: int | None = None) -> list[ReportValidation]:
    """Every report of the workspace (of `park`, of `year`) checked against the rules."""
    park_id = park_id_of(workspace, park) if park else None
    with workspace.session() as session:
        query = select(Report.id, Report.status).order_by(Report.park_id, Report.year)
        if park_id is not None:
            query = query.where(Report.park_id == park_id)
        if year is not None:
            query = query.where(Report.year == year)
        return [ReportValidation(report_id, status, validate_report(session, report_id))
                for report_id, status in session.execute(query).all()]


def validation_of(workspace: Workspace, report_id: int) -> ValidationResult:
    with workspace.session() as session:
        return validate_report(session, report_id)


def justify(workspace: Workspace, report_id: int, rule_id: str, text: str, location: str = WHOLE_RULE) -> None:
    """Record (or replace) the written reason for a warning."""
    with workspace.writing() as session:
        lifecycle.justify(session, session.get(Report, report_id), rule_id, location, text, workspace.actor)


def finalize(workspace: Workspace, report_id: int,
             justifications: Iterable[tuple[Finding, str]] = ()) -> ValidationResult:
    """Record the justifications given, then lock the report if it has no errors and every warning is justified.

    Raises CannotFinalize (with the findings that stand in the way); nothing is stored then."""
    with workspace.writing() as session:
        report = session.get(Report, report_id)
        for finding, text in justifications:
            rule = finding.params.get("rule") if finding.rule_id == "LIST-TRUNCATED" else finding.rule_id
            lifecycle.justify(session, report, rule, finding.location.key(), text, workspace.actor)
        session.flush()
        return lifecycle.finalize(session, report, workspace.actor)


def reopen(workspace: Workspace, report_id: int, reason: str) -> None:
    """Unlock a finalized report for editing; the reason goes into the audit log."""
    with workspace.writing() as session:
        lifecycle.reopen(session, session.get(Report, report_id), workspace.actor, reason)


def apply_change(workspace: Workspace, report_id: int, change):
    """One edit (parkdesk.editing.changes), saved at once; the change as applied (its inverse undoes it)."""
    return ReportEditor(workspace, report_id).apply(change)
