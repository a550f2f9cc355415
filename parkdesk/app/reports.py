"""The operator's report: find it, validate, justify warnings, finalize, reopen, edit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import select

from parkdesk.db.models import Report
from parkdesk.db.queries import find_park
from parkdesk.db.workspace import Workspace
from parkdesk.editing.editor import ReportEditor
from parkdesk.errors import InputProblem, WorkspaceError
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


@dataclass(frozen=True)
class StoredJustification:
    rule_id: str
    location_key: str  # "*" for every finding of the rule
    location: str  # where, in words (the finding's location as validate prints it), or the key when none is left
    text: str
    actor: str
    created_at: object


def justify(workspace: Workspace, report_id: int, rule_id: str, text: str, location: str = WHOLE_RULE,
            lang: str = "zh") -> StoredJustification:
    """Record (or replace) the written reason for a warning. The rule must exist and be a warning's; a location
    other than "*" must be where the report has that warning now: its key, or its words as validate prints them."""
    from parkdesk.validation.findings import WARNING
    from parkdesk.validation.rules import RULES

    rule_id = rule_id.strip().upper()
    rule = RULES.get(rule_id)
    if rule is None:
        raise InputProblem("justify.unknown_rule", rule=rule_id)
    if rule.severity != WARNING:
        raise InputProblem("justify.not_a_warning", rule=rule_id)
    location = (location or WHOLE_RULE).strip()
    with workspace.writing() as session:
        report = session.get(Report, report_id)
        lifecycle.ensure_editable(report)
        location, where = _finding_location(session, report_id, rule_id, location, lang)
        if location != WHOLE_RULE and location not in where:
            raise InputProblem("justify.no_such_finding", rule=rule_id, location=location,
                               locations="; ".join(where.values()) or "—")
        stored = lifecycle.justify(session, report, rule_id, location, text, workspace.actor)
        session.flush()
        return _stored(stored, where)


def justifications(workspace: Workspace, report_id: int, lang: str = "zh") -> list[StoredJustification]:
    """The report's written reasons, each with where its warning is now."""
    from parkdesk.db.models import Justification

    with workspace.session() as session:
        where = {(f.rule_id, f.location.key()): f.location_text(lang)
                 for f in validate_report(session, report_id).findings}
        stored = session.scalars(select(Justification).where(Justification.report_id == report_id)
                                 .order_by(Justification.rule_id, Justification.location_key)).all()
        return [_stored(j, {key: words for (rule, key), words in where.items() if rule == j.rule_id})
                for j in stored]


def remove_justification(workspace: Workspace, report_id: int, rule_id: str, location: str = WHOLE_RULE,
                         lang: str = "zh") -> StoredJustification:
    """Delete one written reason (of the rule at the location); refused when there is none or the report is
    locked."""
    from parkdesk.db.models import Justification

    rule_id, location = rule_id.strip().upper(), (location or WHOLE_RULE).strip()
    with workspace.writing() as session:
        report = session.get(Report, report_id)
        lifecycle.ensure_editable(report)
        location, where = _finding_location(session, report_id, rule_id, location, lang)
        stored = session.scalars(select(Justification).where(
            Justification.report_id == report_id, Justification.rule_id == rule_id,
            Justification.location_key == location)).first()
        if stored is None:
            raise InputProblem("justify.none_to_remove", rule=rule_id, location=location)
        removed = _stored(stored, where)
        session.delete(stored)
        return removed


def _finding_location(session, report_id: int, rule_id: str, location: str, lang: str) -> tuple[str, dict]:
    """The location key `location` names (its key, or its words as validate prints them in either language),
    and where each of the rule's findings is now, in words."""
    from parkdesk.validation.location_text import as_written as words

    found = [f for f in validate_report(session, report_id).findings if f.rule_id == rule_id]
    where = {f.location.key(): f.location_text(lang) for f in found}
    as_printed = {words(f.location_text(shown)): f.location.key() for f in found for shown in ("zh", "en")}
    return as_printed.get(words(location), location), where


def _stored(justification, where: dict[str, str]) -> StoredJustification:
    key = justification.location_key
    return StoredJustification(justification.rule_id, key, where.get(key, key), justification.text,
                               justification.actor, justification.created_at)


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


def content(workspace: Workspace, report_id: int, lang: str, sections: Iterable[str] | None = None) -> list:
    """The report's content, every record of every section (or of `sections`) in the form's order, each as the
    workbook lays it out: a form (label, value) or a table (columns, rows). Values as a person reads them."""
    from parkdesk.excel.report_tables import report_content

    wanted = set(sections) if sections else None
    with workspace.session() as session:
        parts = report_content(session, report_id, lang)
        chosen = [part for part in parts if wanted is None or part.sheet.section.key in wanted]
        for part in chosen:  # the enterprise list streams from the session: read it while it is open
            part.rows = list(part.rows)
        return chosen


def report_facts(workspace: Workspace, report_id: int) -> tuple[str, str, int, str]:
    """The park's code and name, the year and the status of a report."""
    with workspace.session() as session:
        report = session.get(Report, report_id)
        return report.park.code, report.park.name, report.year, report.status


def section_key(value: str) -> str:
    """A section named by its key (enterprises), its number (5) or its title (重点企业、配套企业名录表)."""
    from parkdesk.errors import InputProblem
    from parkdesk.forms.sections import SECTIONS

    wanted = value.strip().casefold()
    for section in SECTIONS:
        if wanted in {section.key, str(section.number), section.label.zh.casefold(), section.label.en.casefold()}:
            return section.key
    raise InputProblem("report_show.unknown_section", section=value,
                       sections="、".join(f"{s.number} {s.key} {s.label.zh}" for s in SECTIONS))


@dataclass(frozen=True)
class LocatedComment:
    comment: object  # parkdesk.review.comments.Comment
    where: str  # the field or row it is about, in words


def comments(workspace: Workspace, report_id: int, lang: str = "zh") -> list[LocatedComment]:
    """The district's comments on the report (an operator's workspace: those of the receipts received, with
    their decision; a district's: those made on the park's packages of the year), each with where it is."""
    from parkdesk.review.comments import comments_for_report
    from parkdesk.validation.location_text import describe

    with workspace.session() as session:
        return [LocatedComment(c, describe(c.location, lang)) for c in comments_for_report(session, report_id)]


def year_over_year(workspace: Workspace, report_id: int):
    """The report beside the park's previous accepted year (parkdesk.history.year_over_year.Comparison)."""
    from parkdesk.history.year_over_year import compare_years

    with workspace.session() as session:
        return compare_years(session, report_id)
