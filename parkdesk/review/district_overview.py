"""The district's parks × the plan's years: who has sent what, so "who hasn't submitted" is one look.

The parks are every park the district knows: those its workspace places in the district, those it issued an
operator certificate to (parkdesk.identity.issued), and those it received a file from. A cell is the state of
the package that stands for the park and year; "refused only" when every file received was refused; "not
received" when nothing came.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.db.models import IssuedCertificate, Park, WorkspaceInfo
from parkdesk.reference.stages import STAGES
from parkdesk.review.inbox_rows import InboxRow
from parkdesk.texts import text

NOT_RECEIVED = "not_received"
REFUSED_ONLY = "refused_only"
PLAN_YEARS = tuple(stage.year for stage in STAGES)


@dataclass(frozen=True)
class OverviewCell:
    year: int
    kind: str  # not_received | refused_only | the review state of the standing package (received, approved …)
    row: InboxRow | None = None  # the package that stands, else the newest file received

    @property
    def standing(self) -> bool:
        return self.row is not None and self.row.current

    def words(self, lang: str = "zh") -> str:
        if self.kind in (NOT_RECEIVED, REFUSED_ONLY):
            return text(f"review.overview.{self.kind}", lang)
        return self.row.state_text(lang)


@dataclass(frozen=True)
class OverviewLine:
    park_code: str
    park_name: str
    cells: tuple[OverviewCell, ...]

    def to_json(self, lang: str = "zh") -> dict:
        return {"park": self.park_code, "name": self.park_name,
                "years": {str(c.year): {"state": c.kind, "words": c.words(lang),
                                        "entry": c.row.entry_id if c.row else None} for c in self.cells}}


def district_overview(session: Session, rows: list[InboxRow], years: tuple[int, ...] = PLAN_YEARS
                      ) -> list[OverviewLine]:
    """One line per park the district knows, by name; `rows` are the inbox (parkdesk.app.review.inbox)."""
    parks = _known_parks(session)
    for row in rows:
        if row.park_code:
            parks.setdefault(row.park_code, row.park_name or row.park_code)
    lines = []
    for code, name in sorted(parks.items(), key=lambda item: (item[1], item[0])):
        cells = tuple(_cell([r for r in rows if r.park_code == code and r.year == year], year) for year in years)
        lines.append(OverviewLine(code, name, cells))
    return lines


def _cell(rows: list[InboxRow], year: int) -> OverviewCell:
    standing = next((r for r in rows if r.current), None)
    if standing is not None:
        return OverviewCell(year, standing.state, standing)
    if not rows:
        return OverviewCell(year, NOT_RECEIVED)
    if not any(r.verified for r in rows):
        return OverviewCell(year, REFUSED_ONLY, rows[-1])
    return OverviewCell(year, rows[-1].state, rows[-1])


def _known_parks(session: Session) -> dict[str, str]:
    district = session.scalar(select(WorkspaceInfo.value).where(WorkspaceInfo.key == "district"))
    parks = {code: name for code, name in session.execute(
        select(Park.code, Park.name).where(Park.division_code == district))} if district else {}
    for code, subject in session.execute(select(IssuedCertificate.park_code, IssuedCertificate.subject)):
        parks.setdefault(code, subject.split(",")[0].strip() or code)
    return parks
