"""The city's own records of the yearly evaluation and of 动态认定: what parks state is not the last word.

- RecognitionChange: the city recognised a park's new category or level (动态认定) on a date, by a document.
- ThirdPartyResult: the grade the third-party evaluator (聘请第三方机构) gave a park for a year; it takes
  precedence over parkdesk's own score, which is then shown for reference.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from parkdesk.db.models.base import Base, utcnow


class RecognitionChange(Base):
    __tablename__ = "recognition_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    park_id: Mapped[int] = mapped_column(ForeignKey("parks.id", ondelete="CASCADE"), index=True)
    effective_date: Mapped[date] = mapped_column(Date)
    document_number: Mapped[str] = mapped_column(String(128))
    category: Mapped[str | None] = mapped_column(String(32))  # None: unchanged
    level: Mapped[str | None] = mapped_column(String(32))  # None: unchanged
    note: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(128))
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ThirdPartyResult(Base):
    __tablename__ = "third_party_results"
    __table_args__ = (UniqueConstraint("year", "park_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    park_id: Mapped[int] = mapped_column(ForeignKey("parks.id", ondelete="CASCADE"), index=True)
    grade: Mapped[str] = mapped_column(String(16))  # excellent | good | pass | fail
    score: Mapped[str | None] = mapped_column(String(16))  # the evaluator's score, as the decimal it wrote
    evaluator: Mapped[str] = mapped_column(String(200))
    document_number: Mapped[str | None] = mapped_column(String(128))
    recorded_by: Mapped[str] = mapped_column(String(128))
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
