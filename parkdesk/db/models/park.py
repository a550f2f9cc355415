"""Parks and the divisions (districts, counties, functional zones) they sit in."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from parkdesk.db.models.base import Base, utcnow

if TYPE_CHECKING:
    from parkdesk.db.models.report import Report


class Division(Base):
    """A district or county (GB/T 2260 code) or a functional zone (our own code)."""

    __tablename__ = "divisions"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # district | county | zone
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)


class Park(Base):
    """Who a park is. What it states about itself each year lives in its reports (ParkDetails).

    `name` and `division_code` are the park's current ones: those of its newest
    report (kept in step by a trigger), or what it was registered with.
    `registered` holds the details it was registered with (JSON), which its first
    report starts from; every later report starts from the one before.
    """

    __tablename__ = "parks"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    division_code: Mapped[str | None] = mapped_column(ForeignKey("divisions.code"), index=True)
    is_plan_park: Mapped[bool] = mapped_column(Boolean, default=False)
    registered: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    division: Mapped[Division | None] = relationship()
    reports: Mapped[list["Report"]] = relationship(
        back_populates="park", cascade="all, delete-orphan", order_by="Report.year"
    )
