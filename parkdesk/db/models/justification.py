"""Written justifications of validation warnings; they travel with the report."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from parkdesk.db.models.base import Base, utcnow


class Justification(Base):
    __tablename__ = "justifications"
    __table_args__ = (UniqueConstraint("report_id", "rule_id", "location_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    rule_id: Mapped[str] = mapped_column(String(64))
    location_key: Mapped[str] = mapped_column(String(300))  # Location.key(), or "*" for every finding of the rule
    text: Mapped[str] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
