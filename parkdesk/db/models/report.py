"""An annual report of one park for one year."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from parkdesk.db.models.base import Base, utcnow

if TYPE_CHECKING:
    from parkdesk.db.models.assessment import Attachment, Platform, RequirementAssessment
    from parkdesk.db.models.chain import ChainSegment
    from parkdesk.db.models.indicator import IndicatorValue
    from parkdesk.db.models.park import Park
    from parkdesk.db.models.park_details import ParkDetails
    from parkdesk.db.models.path import Milestone, PathStage


class Report(Base):
    __tablename__ = "reports"
    __table_args__ = (UniqueConstraint("park_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    park_id: Mapped[int] = mapped_column(ForeignKey("parks.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="draft")  # parkdesk.reports.status
    positioning: Mapped[str | None] = mapped_column(Text)  # 发展定位
    development_focus: Mapped[str | None] = mapped_column(Text)  # 发展重点
    ruleset_version: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    finalized_at: Mapped[datetime | None] = mapped_column(DateTime)

    park: Mapped["Park"] = relationship(back_populates="reports")
    details: Mapped["ParkDetails"] = relationship(cascade="all, delete-orphan", passive_deletes=True,
                                                  uselist=False)
    chain_segments: Mapped[list["ChainSegment"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="ChainSegment.sort_order"
    )
    path_stages: Mapped[list["PathStage"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="PathStage.stage_year"
    )
    milestones: Mapped[list["Milestone"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="Milestone.sort_order"
    )
    indicator_values: Mapped[list["IndicatorValue"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    assessments: Mapped[list["RequirementAssessment"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    platforms: Mapped[list["Platform"]] = relationship(cascade="all, delete-orphan", passive_deletes=True)
    attachments: Mapped[list["Attachment"]] = relationship(cascade="all, delete-orphan", passive_deletes=True)
