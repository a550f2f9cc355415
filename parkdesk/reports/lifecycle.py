"""Finalizing locks a report when validation allows; reopening is explicit and audited."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.db.audit import record_event
from parkdesk.db.models import Justification, Report
from parkdesk.db.models.base import utcnow
from parkdesk.errors import InputProblem, ParkdeskError
from parkdesk.reports import status
from parkdesk.texts import Text
from parkdesk.validation.engine import ValidationResult, validate_report
from parkdesk.validation.findings import RULESET_VERSION, WHOLE_RULE

EDITABLE_STATUSES = status.EDITABLE


class ReportLocked(ParkdeskError):
    """The report is finalized (or further along) and cannot be changed."""


class CannotFinalize(InputProblem):
    def __init__(self, result: ValidationResult):
        self.result = result
        super().__init__("report.cannot_finalize", errors=len(result.errors),
                         warnings=len(result.unjustified_warnings))


def ensure_editable(report: Report) -> None:
    """Refuse any change to a locked report, with the one message its status calls for (in words): a finalized
    report can be reopened; a submitted or accepted one changes only when its district returns it."""
    if not status.is_editable(report.status):
        key = "report.locked" if report.status == status.FINALIZED else "report.locked_sent"
        raise ReportLocked(key, park=report.park.name, year=report.year, status=Text(f"status.{report.status}"))


def justify(session: Session, report: Report, rule_id: str, location_key: str, text: str, actor: str) -> Justification:
    """Record (or replace) the written reason for a warning; `location_key` "*" covers the whole rule."""
    ensure_editable(report)
    location_key = location_key or WHOLE_RULE
    text = text.strip()
    if not text:
        raise InputProblem("report.empty_justification", rule=rule_id)
    existing = session.scalars(select(Justification).where(
        Justification.report_id == report.id, Justification.rule_id == rule_id,
        Justification.location_key == location_key)).first()
    if existing is None:
        existing = Justification(report_id=report.id, rule_id=rule_id, location_key=location_key,
                                 text=text, actor=actor)
        session.add(existing)
    else:
        existing.text, existing.actor = text, actor
    return existing


def finalize(session: Session, report: Report, actor: str) -> ValidationResult:
    """Lock the report if it has no errors and every warning is justified."""
    ensure_editable(report)
    session.flush()
    result = validate_report(session, report.id)
    if not result.can_finalize:
        raise CannotFinalize(result)
    status.apply(report, status.FINALIZE)
    report.finalized_at = utcnow()
    report.ruleset_version = RULESET_VERSION
    record_event(session, actor, "reports", report.id, report.id,
                 f"finalized with rule set {RULESET_VERSION}: {len(result.warnings)} justified warnings")
    return result


def reopen(session: Session, report: Report, actor: str, reason: str) -> None:
    """Unlock a finalized report for editing; the reason goes into the audit log."""
    if not status.can(status.REOPEN, report.status):
        raise InputProblem("report.not_finalized", park=report.park.name, year=report.year,
                           status=Text(f"status.{report.status}"))
    if not reason.strip():
        raise InputProblem("report.reopen_reason")
    status.apply(report, status.REOPEN)
    record_event(session, actor, "reports", report.id, report.id, f"reopened: {reason.strip()}")
