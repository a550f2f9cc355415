"""The roll-ups the city has received, by district and year: which is in force and which a later one replaced."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.db.models import ReceivedRollup


@dataclass(frozen=True)
class ReceivedRollupRow:
    district_code: str
    district_name: str
    year: int
    sequence: int | None  # its number among the district's roll-ups of the year
    package_count: int
    signer: str
    signer_fingerprint: str
    file_name: str
    created_at: datetime | None  # when the district built it
    received_at: datetime
    replaced: bool  # a later roll-up of the district and year replaced its set
    has_year_end_section: bool

    def to_json(self) -> dict:
        return {"district_code": self.district_code, "district_name": self.district_name, "year": self.year,
                "sequence": self.sequence, "packages": self.package_count, "signer": self.signer,
                "signer_fingerprint": self.signer_fingerprint, "file": self.file_name,
                "built_at": self.created_at.isoformat() if self.created_at else None,
                "received_at": self.received_at.isoformat(), "replaced": self.replaced,
                "year_end_section": self.has_year_end_section}


def received_rollups(session: Session, year: int | None = None) -> list[ReceivedRollupRow]:
    """By district, year and order of receipt."""
    query = select(ReceivedRollup).order_by(ReceivedRollup.district_code, ReceivedRollup.year, ReceivedRollup.id)
    if year is not None:
        query = query.where(ReceivedRollup.year == year)
    return [ReceivedRollupRow(row.district_code, row.district_name, row.year, row.sequence, row.package_count,
                              row.signer, row.signer_fingerprint, row.file_name, row.created_at, row.received_at,
                              row.replaced_by_id is not None, row.district_report is not None)
            for row in session.scalars(query)]
