"""report.json: one report, every section, in the documented schema (schema/report-v1.schema.json).

Record ids are the workspace's own; they tie justifications (whose location
keys name them) and references (an enterprise's chain link) together inside
the document. The previous year's indicator values travel along, because the
year-over-year rules compare against them.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk import __version__
from parkdesk.db.models import (
    Attachment, ChainLink, ChainSegment, Division, IndicatorDefinition, IndicatorValue, Justification, Milestone,
    PathStage, Platform, Report, RequirementAssessment,
)
from parkdesk.db.enterprise_table import COLUMNS as ENTERPRISE_FIELDS
from parkdesk.reference.distinctions import from_mask

SCHEMA_NAME = "parkdesk-report"
SCHEMA_VERSION = 1

# an enterprise's keys are its form's fields (parkdesk.forms.sections.ENTERPRISES), as the schema lists them
ENTERPRISE_COLUMNS = ("id", *ENTERPRISE_FIELDS)


def export_report(session: Session, report_id: int, *, package_id: str, supersedes: str | None,
                  created_at: datetime, documents: list[str], attachment_paths: dict[int, str]) -> dict:
    """The whole report as plain JSON data; `attachment_paths` maps attachment id → path in the bag."""
    report = session.get(Report, report_id)
    park, details = report.park, report.details
    division = session.get(Division, details.division_code) if details.division_code else None
    return {
        "schema": SCHEMA_NAME,
        "schema_version": SCHEMA_VERSION,
        "ruleset_version": report.ruleset_version,
        "package": {"id": package_id, "supersedes": supersedes, "created_at": _iso(created_at),
                    "created_by": f"parkdesk {__version__}", "documents": documents},
        "park": {
            # the report's own statement of the park's details; its id is the basic-information record's
            "id": details.id, "code": details.code, "name": details.name, "domain": details.domain,
            "category": details.category, "level": details.level, "operator_org": details.operator_org,
            "contact_name": details.contact_name, "contact_phone": details.contact_phone,
            "contact_email": details.contact_email, "address": details.address,
            "is_plan_park": bool(park.is_plan_park),
            "division": ({"code": division.code, "name": division.name, "kind": division.kind}
                         if division else None),
        },
        "report": {
            "id": report.id, "year": report.year, "status": report.status, "positioning": report.positioning,
            "development_focus": report.development_focus, "ruleset_version": report.ruleset_version,
            "finalized_at": _iso(report.finalized_at),
        },
        "chain_segments": _chain(session, report_id),
        "path_stages": [
            {"id": s.id, "stage_year": s.stage_year, "theme": s.theme, "goals": s.goals, "measures": s.measures}
            for s in session.scalars(select(PathStage).where(PathStage.report_id == report_id)
                                     .order_by(PathStage.stage_year))
        ],
        "milestones": [
            {"id": m.id, "stage_year": m.stage_year, "title": m.title, "due_date": _iso(m.due_date),
             "status": m.status, "evidence": m.evidence, "evidence_attachment_id": m.evidence_attachment_id,
             "sort_order": m.sort_order}
            for m in session.scalars(select(Milestone).where(Milestone.report_id == report_id)
                                     .order_by(Milestone.sort_order, Milestone.id))
        ],
        "indicators": _indicators(session, report_id),
        "assessments": [
            {"id": a.id, "requirement_key": a.requirement_key, "rating": a.rating, "description": a.description,
             "evidence": a.evidence}
            for a in session.scalars(select(RequirementAssessment).where(RequirementAssessment.report_id == report_id)
                                     .order_by(RequirementAssessment.id))
        ],
        "platforms": [
            {"id": p.id, "name": p.name, "operator": p.operator,
             "service_types": [key for key in (p.service_types or "").split(",") if key],
             "level": p.level, "established": _iso(p.established), "description": p.description}
            for p in session.scalars(select(Platform).where(Platform.report_id == report_id).order_by(Platform.id))
        ],
        "enterprises": _enterprises(session, report_id),
        "attachments": [
            {"id": a.id, "filename": a.filename, "media_type": a.media_type, "size": a.size, "sha256": a.sha256,
             "description": a.description, "added_at": _iso(a.added_at), "path": attachment_paths[a.id]}
            for a in attachment_rows(session, report_id)
        ],
        "justifications": [
            {"rule_id": j.rule_id, "location_key": j.location_key, "text": j.text, "actor": j.actor,
             "created_at": _iso(j.created_at)}
            for j in session.scalars(select(Justification).where(Justification.report_id == report_id)
                                     .order_by(Justification.id))
        ],
        "previous_year": _previous_year(session, report),
    }


class _PathById(dict):
    def __missing__(self, attachment_id: int) -> str:
        return str(attachment_id)


def content_digest(session: Session, report_id: int) -> str:
    """SHA-256 of what the report says: every section, the park's details, the justifications and the
    attachments' digests, but not its status, its package or the previous year (a decision on a package
    applies while the report still says exactly this)."""
    document = export_report(session, report_id, package_id="", supersedes=None, created_at=datetime(2000, 1, 1),
                             documents=[], attachment_paths=_PathById())
    for key in ("package", "ruleset_version", "previous_year", "schema", "schema_version"):
        document.pop(key, None)
    for key in ("status", "finalized_at", "ruleset_version"):
        document["report"].pop(key, None)
    text = json.dumps(document, ensure_ascii=False, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def attachment_rows(session: Session, report_id: int) -> list[Attachment]:
    """The report's attachments without their content (deferred), in id order."""
    return list(session.scalars(select(Attachment).where(Attachment.report_id == report_id).order_by(Attachment.id)))


def _chain(session: Session, report_id: int) -> list[dict]:
    segments = session.scalars(select(ChainSegment).where(ChainSegment.report_id == report_id)
                               .order_by(ChainSegment.sort_order, ChainSegment.id)).all()
    links: dict[int, list[dict]] = {}
    for link in session.scalars(select(ChainLink).join(ChainSegment).where(ChainSegment.report_id == report_id)
                                .order_by(ChainLink.sort_order, ChainLink.id)):
        links.setdefault(link.segment_id, []).append(
            {"id": link.id, "name": link.name, "action": link.action, "state": link.state,
             "description": link.description, "sort_order": link.sort_order})
    return [{"id": s.id, "position": s.position, "name": s.name, "sort_order": s.sort_order,
             "links": links.get(s.id, [])} for s in segments]


def _indicators(session: Session, report_id: int) -> list[dict]:
    rows = session.execute(
        select(IndicatorValue, IndicatorDefinition)
        .join(IndicatorDefinition, IndicatorDefinition.id == IndicatorValue.indicator_id)
        .where(IndicatorValue.report_id == report_id).order_by(IndicatorDefinition.sort_order, IndicatorDefinition.id)
    ).all()
    return [
        {"id": value.id, "key": definition.key, "name_zh": definition.name_zh, "name_en": definition.name_en,
         "unit": definition.unit, "kind": definition.kind, "builtin": bool(definition.builtin),
         "sort_order": definition.sort_order, "baseline_2021": value.baseline_2021,
         "target_2024": value.target_2024, "actual": value.actual, "note": value.note}
        for value, definition in rows
    ]


def _enterprises(session: Session, report_id: int) -> list[dict]:
    """Thousands of rows: read through the DB-API cursor, dates kept as the ISO text SQLite holds."""
    cursor = session.connection().connection.dbapi_connection.cursor()
    try:
        cursor.execute(f"SELECT {', '.join(ENTERPRISE_COLUMNS)} FROM enterprises WHERE report_id = ? ORDER BY id",
                       (report_id,))
        rows = cursor.fetchall()
    finally:
        cursor.close()
    distinctions = ENTERPRISE_COLUMNS.index("distinctions")
    result = []
    for row in rows:
        item = dict(zip(ENTERPRISE_COLUMNS, row))
        item["distinctions"] = list(from_mask(row[distinctions] or 0))
        result.append(item)
    return result


def _previous_year(session: Session, report: Report) -> dict | None:
    """The indicator values of the park's latest earlier report (what the year-over-year rules compare with)."""
    previous = session.scalars(select(Report).where(Report.park_id == report.park_id, Report.year < report.year)
                               .order_by(Report.year.desc())).first()
    if previous is None:
        return None
    rows = session.execute(
        select(IndicatorDefinition.key, IndicatorValue.baseline_2021, IndicatorValue.target_2024,
               IndicatorValue.actual)
        .join(IndicatorDefinition, IndicatorDefinition.id == IndicatorValue.indicator_id)
        .where(IndicatorValue.report_id == previous.id).order_by(IndicatorDefinition.sort_order)
    ).all()
    return {"year": previous.year, "indicators": [
        {"key": key, "baseline_2021": baseline, "target_2024": target, "actual": actual}
        for key, baseline, target, actual in rows
    ]}


def _iso(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)
