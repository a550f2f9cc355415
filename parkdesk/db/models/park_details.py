"""A park's details as one report states them: each report keeps its own (its year's category, contact...).

The park itself (parkdesk.db.models.park) keeps only who it is: its code and
its current name and district, which follow its newest report (a trigger made
by migration 0007 keeps them in step). Editing next year's draft therefore
never changes what an earlier, locked report shows.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from parkdesk.db.models.base import Base
from parkdesk.db.models.park import Division

# the details a report states, in the order of the basic-information form
DETAIL_KEYS = ("name", "code", "division_code", "domain", "category", "level", "operator_org", "contact_name",
               "contact_phone", "contact_email", "address")


class ParkDetails(Base):
    __tablename__ = "park_details"

    # one row per report, with the report's id: the basic-information record of report N is park_details N
    id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    code: Mapped[str] = mapped_column(String(32))
    division_code: Mapped[str | None] = mapped_column(ForeignKey("divisions.code"), index=True)
    domain: Mapped[str] = mapped_column(String(64))
    category: Mapped[str] = mapped_column(String(32))
    level: Mapped[str | None] = mapped_column(String(32))
    operator_org: Mapped[str | None] = mapped_column(String(200))
    contact_name: Mapped[str | None] = mapped_column(String(64))
    contact_phone: Mapped[str | None] = mapped_column(String(64))
    contact_email: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(Text)

    division: Mapped[Division | None] = relationship()

    def as_dict(self) -> dict:
        return {key: getattr(self, key) for key in DETAIL_KEYS}
