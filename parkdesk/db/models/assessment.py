"""Construction-requirement self-assessment, public service platforms, attachments."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, deferred, mapped_column

from parkdesk.db.models.base import Base, utcnow


class RequirementAssessment(Base):
    """The park's self-assessment against one of the seven 建设要求."""

    __tablename__ = "requirement_assessments"
    __table_args__ = (UniqueConstraint("report_id", "requirement_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    requirement_key: Mapped[str] = mapped_column(String(32))
    rating: Mapped[str | None] = mapped_column(String(16))  # met | partly | not_met
    description: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[str | None] = mapped_column(Text)


class Platform(Base):
    """A public service platform (公共服务平台) and the service types it offers."""

    __tablename__ = "platforms"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    operator: Mapped[str | None] = mapped_column(String(200))
    service_types: Mapped[str] = mapped_column(String(400), default="")  # comma-separated keys
    level: Mapped[str | None] = mapped_column(String(32))
    established: Mapped[date | None] = mapped_column(Date)
    description: Mapped[str | None] = mapped_column(Text)
    ref: Mapped[int | None] = mapped_column(Integer)  # the workbook's 编号(ID) within the report (a trigger numbers it)


class Attachment(Base):
    """A file stored inside the workspace with its SHA-256."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(260))
    media_type: Mapped[str | None] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    description: Mapped[str | None] = mapped_column(Text)
    added_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary))
