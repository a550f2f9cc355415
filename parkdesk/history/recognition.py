"""动态认定: a park's category and recognition level for a year, and the city's records of changes.

Each report states its park's category and level for its year. The city's own
record of a change (RecognitionChange: date, document number) is the official
word: for a year, every record dated up to 31 December of it is applied, in
date order, on top of what the park's report of that year (else its latest
earlier report) states. Earlier years therefore keep their own values.

A park counts toward 园区(基地)数量 in a year when it is recognized then: its
level for the year is set and is not 尚未认定 ("none"). One of the plan's 12
parks counts unless marked 尚未认定 (the plan names them as existing parks).
A park with neither a report nor a record up to that year does not count yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.db.models import Park, ParkDetails, RecognitionChange, Report
from parkdesk.reference.parks import plan_park_of

NOT_RECOGNIZED = "none"


@dataclass(frozen=True)
class Standing:
    """A park's category and level for a year, and the city record that set them, if any."""

    category: str | None
    level: str | None
    document_number: str | None = None  # of the latest city record applied
    effective_date: date | None = None


@dataclass(frozen=True)
class RecognizedPark:
    code: str
    name: str
    level: str | None
    filed: bool  # has a counted report of the year


def year_end(year: int) -> date:
    return date(year, 12, 31)


def standings(session: Session, year: int) -> dict[int, Standing]:
    """Every park's standing in `year` (park id → Standing); parks unknown up to that year are left out."""
    reports = session.execute(
        select(Report.park_id, Report.year, ParkDetails.category, ParkDetails.level)
        .join(ParkDetails, ParkDetails.id == Report.id).where(Report.year <= year).order_by(Report.year)).all()
    stated: dict[int, tuple[str | None, str | None]] = {}
    for park_id, _, category, level in reports:  # the latest report up to the year wins
        stated[park_id] = (category, level)
    result = {park_id: Standing(category, level) for park_id, (category, level) in stated.items()}
    for change in session.scalars(select(RecognitionChange).where(RecognitionChange.effective_date <= year_end(year))
                                  .order_by(RecognitionChange.effective_date, RecognitionChange.id)):
        before = result.get(change.park_id, Standing(None, None))
        result[change.park_id] = Standing(change.category or before.category, change.level or before.level,
                                          change.document_number, change.effective_date)
    return result


def starting_levels(session: Session) -> dict[int, str | None]:
    """Each park's level in its earliest report: where its 一个跃升 starts (the plan states no levels)."""
    result: dict[int, str | None] = {}
    for park_id, level in session.execute(
            select(Report.park_id, ParkDetails.level).join(ParkDetails, ParkDetails.id == Report.id)
            .order_by(Report.year.desc())):
        result[park_id] = level
    return result


def is_recognized(code: str, standing: Standing) -> bool:
    if standing.level == NOT_RECOGNIZED:
        return False
    return standing.level is not None or plan_park_of(code) is not None


def recognized_parks(session: Session, year: int, filed: set[int]) -> list[RecognizedPark]:
    """The parks recognized in `year`, by code; `filed` holds the ids of parks with a counted report."""
    known = standings(session, year)
    parks = session.execute(select(Park.id, Park.code, Park.name).order_by(Park.code)).all()
    return [RecognizedPark(code, name, known[park_id].level, park_id in filed)
            for park_id, code, name in parks if park_id in known and is_recognized(code, known[park_id])]
