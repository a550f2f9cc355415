"""The districts' year-end reports the city received with their roll-ups (plan 六(一), 每年年底报送).

For a year, the newest roll-up of each district (the one not replaced by a
later one) that carried a district section.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.db.models import ReceivedRollup
from parkdesk.review.district_report import DistrictReport


@dataclass(frozen=True)
class DistrictYearEnd:
    district_code: str
    district_name: str
    file_name: str
    report: DistrictReport

    def to_json(self) -> dict:
        return {"district_code": self.district_code, "district_name": self.district_name,
                "rollup_file": self.file_name, **self.report.to_json()}


def district_reports(session: Session, year: int) -> tuple[DistrictYearEnd, ...]:
    rows = session.scalars(select(ReceivedRollup).where(
        ReceivedRollup.year == year, ReceivedRollup.replaced_by_id.is_(None),
        ReceivedRollup.district_report.is_not(None)).order_by(ReceivedRollup.district_code, ReceivedRollup.id))
    latest = {row.district_code: row for row in rows}
    return tuple(DistrictYearEnd(row.district_code, row.district_name, row.file_name,
                                 DistrictReport.from_json(json.loads(row.district_report)))
                 for row in latest.values())
