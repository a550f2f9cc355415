"""A report's industry chain (产业链全景图) as plain frozen data, read in three queries."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from parkdesk.db.models import ChainLink, ChainSegment, Enterprise, Report
from parkdesk.errors import ParkdeskError


@dataclass(frozen=True)
class ChainLinkData:
    id: int
    name: str
    action: str  # strengthen | fill | extend
    state: str  # existing | weak | missing
    enterprise_count: int = 0
    description: str | None = None
    sort_order: int = 0


@dataclass(frozen=True)
class ChainSegmentData:
    id: int
    position: str  # upstream | midstream | downstream
    name: str
    links: tuple[ChainLinkData, ...] = ()
    sort_order: int = 0


@dataclass(frozen=True)
class ChainData:
    report_id: int
    segments: tuple[ChainSegmentData, ...]  # in display order
    unlinked_enterprises: int = 0  # enterprises of the report on no link of this chain

    def segments_at(self, position: str) -> tuple[ChainSegmentData, ...]:
        return tuple(segment for segment in self.segments if segment.position == position)

    @property
    def links(self) -> tuple[ChainLinkData, ...]:
        return tuple(link for segment in self.segments for link in segment.links)


def load_chain(session: Session, report_id: int) -> ChainData:
    """Segments and links of one report, each link with the number of enterprises on it."""
    if session.scalar(select(Report.id).where(Report.id == report_id)) is None:
        raise ParkdeskError("chart.report_missing", report_id=report_id)
    segment_rows = session.execute(
        select(ChainSegment.id, ChainSegment.position, ChainSegment.name, ChainSegment.sort_order)
        .where(ChainSegment.report_id == report_id)
        .order_by(ChainSegment.sort_order, ChainSegment.id)
    ).all()
    link_rows = session.execute(
        select(ChainLink.id, ChainLink.segment_id, ChainLink.name, ChainLink.action, ChainLink.state,
               ChainLink.description, ChainLink.sort_order)
        .join(ChainSegment, ChainSegment.id == ChainLink.segment_id)
        .where(ChainSegment.report_id == report_id)
        .order_by(ChainLink.sort_order, ChainLink.id)
    ).all()
    counts: dict[int | None, int] = dict(session.execute(
        select(Enterprise.chain_link_id, func.count())
        .where(Enterprise.report_id == report_id)
        .group_by(Enterprise.chain_link_id)
    ).all())
    links_by_segment: dict[int, list[ChainLinkData]] = {}
    for link_id, segment_id, name, action, state, description, sort_order in link_rows:
        links_by_segment.setdefault(segment_id, []).append(ChainLinkData(
            id=link_id, name=name, action=action, state=state, enterprise_count=counts.pop(link_id, 0),
            description=description, sort_order=sort_order))
    segments = tuple(
        ChainSegmentData(id=segment_id, position=position, name=name,
                         links=tuple(links_by_segment.get(segment_id, ())), sort_order=sort_order)
        for segment_id, position, name, sort_order in segment_rows
    )
    # What is left: enterprises with no link, or (inconsistently) a link of another report.
    return ChainData(report_id=report_id, segments=segments, unlinked_enterprises=sum(counts.values()))
