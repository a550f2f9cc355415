"""The development path map (产业发展路径图): stages and dated milestones."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from parkdesk.db.models.base import Base


class PathStage(Base):
    """One of the three stages with the park's goals and measures for it."""

    __tablename__ = "path_stages"
    __table_args__ = (UniqueConstraint("report_id", "stage_year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    stage_year: Mapped[int] = mapped_column(Integer)
    theme: Mapped[str] = mapped_column(String(64))  # the category's core theme for the stage
    goals: Mapped[str | None] = mapped_column(Text)
    measures: Mapped[str | None] = mapped_column(Text)


class Milestone(Base):
    __tablename__ = "milestones"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    stage_year: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    due_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="planned")
    evidence: Mapped[str | None] = mapped_column(Text)
    evidence_attachment_id: Mapped[int | None] = mapped_column(
        ForeignKey("attachments.id", ondelete="SET NULL"), index=True
    )
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    ref: Mapped[int | None] = mapped_column(Integer)  # the workbook's 编号(ID) within the report (a trigger numbers it)
