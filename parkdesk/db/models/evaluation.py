"""Stored yearly evaluations (考核评价): the scheme used, its fingerprint, and the result, to reproduce it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from parkdesk.db.models.base import Base, utcnow


class EvaluationRecord(Base):
    """One run of the evaluation of a year; running it again with `scheme_json` must give `result_json`."""

    __tablename__ = "evaluations"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    scheme_name: Mapped[str] = mapped_column(String(200))
    scheme_json: Mapped[str] = mapped_column(Text)  # canonical JSON of the scoring scheme
    scheme_fingerprint: Mapped[str] = mapped_column(String(64), index=True)  # SHA-256 of scheme_json
    result_json: Mapped[str] = mapped_column(Text)  # canonical JSON of the result (no time, no ids of this row)
    result_sha256: Mapped[str] = mapped_column(String(64))
    park_count: Mapped[int] = mapped_column(Integer)
    actor: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
