"""Everything about one report that validation needs, except the enterprise rows."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from parkdesk.db.models import (
    Attachment, ChainLink, ChainSegment, IndicatorDefinition, IndicatorValue, Milestone, ParkDetails,
    PathStage, Platform, Report, RequirementAssessment,
)
from parkdesk.db.queries import enterprise_rows_of
from parkdesk.reference.distinctions import DISTINCTIONS


@dataclass
class IndicatorRow:
    value: IndicatorValue
    key: str
    name_zh: str
    name_en: str | None


@dataclass
class ReportData:
    report: Report
    park: ParkDetails  # the park's details as this report states them
    segments: list[ChainSegment]
    links: list[ChainLink]
    stages: list[PathStage]
    milestones: list[Milestone]
    indicators: list[IndicatorRow]
    assessments: list[RequirementAssessment]
    platforms: list[Platform]
    attachments: list[Attachment]
    distinction_counts: dict[str, int] = field(default_factory=dict)
    previous_year: int | None = None
    previous_indicators: dict[str, IndicatorValue] = field(default_factory=dict)

    def indicator(self, key: str) -> IndicatorRow | None:
        return next((row for row in self.indicators if row.key == key), None)


def load_report_data(session: Session, report_id: int) -> ReportData:
    report = session.get(Report, report_id)
    if report is None:
        raise LookupError(report_id)
    segments = list(session.scalars(select(ChainSegment).where(ChainSegment.report_id == report_id)
                                    .order_by(ChainSegment.sort_order, ChainSegment.id)))
    links = list(session.scalars(select(ChainLink).join(ChainSegment).where(ChainSegment.report_id == report_id)
                                 .order_by(ChainSegment.sort_order, ChainLink.sort_order, ChainLink.id)))
    data = ReportData(
        report=report, park=report.details, segments=segments, links=links,
        stages=list(session.scalars(select(PathStage).where(PathStage.report_id == report_id)
                                    .order_by(PathStage.stage_year))),
        milestones=list(session.scalars(select(Milestone).where(Milestone.report_id == report_id)
                                        .order_by(Milestone.sort_order, Milestone.id))),
        indicators=_indicators(session, report_id),
        assessments=list(session.scalars(select(RequirementAssessment)
                                         .where(RequirementAssessment.report_id == report_id))),
        platforms=list(session.scalars(select(Platform).where(Platform.report_id == report_id).order_by(Platform.id))),
        attachments=list(session.scalars(select(Attachment).where(Attachment.report_id == report_id))),
        distinction_counts=_distinction_counts(session, report_id),
    )
    previous = session.scalars(select(Report).where(Report.park_id == report.park_id, Report.year < report.year)
                               .order_by(Report.year.desc())).first()
    if previous is not None:
        data.previous_year = previous.year
        data.previous_indicators = {row.key: row.value for row in _indicators(session, previous.id)}
    return data


def _indicators(session: Session, report_id: int) -> list[IndicatorRow]:
    rows = session.execute(
        select(IndicatorValue, IndicatorDefinition.key, IndicatorDefinition.name_zh, IndicatorDefinition.name_en)
        .join(IndicatorDefinition, IndicatorDefinition.id == IndicatorValue.indicator_id)
        .where(IndicatorValue.report_id == report_id).order_by(IndicatorDefinition.sort_order, IndicatorDefinition.id)
    ).all()
    return [IndicatorRow(*row) for row in rows]


def _distinction_counts(session: Session, report_id: int) -> dict[str, int]:
    # parenthesised: in SQL, & binds more loosely than !=
    scope = enterprise_rows_of(session, report_id)
    masks = session.execute(text(f"SELECT distinctions, count(*) FROM enterprises WHERE {scope} "
                                 f"AND distinctions != 0 GROUP BY distinctions"), {"report_id": report_id}).all()
    return {d.key: sum(count for mask, count in masks if isinstance(mask, int) and mask & d.bit)
            for d in DISTINCTIONS}
