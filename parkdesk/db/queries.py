"""Read-side queries shared by the CLI and the GUI (Core rows, no ORM objects in bulk)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, select, text
from sqlalchemy.orm import Session

from parkdesk.db.models import Division, Enterprise, Park, ParkDetails, Report


@dataclass(frozen=True)
class ParkOverview:
    id: int
    code: str
    name: str
    category: str
    domain: str
    level: str | None
    division_code: str | None
    division_name: str | None
    operator_org: str | None
    reports: tuple[tuple[int, str], ...]  # (year, status), by year
    enterprises_latest: int  # enterprises in the latest report's list


def park_overviews(session: Session) -> list[ParkOverview]:
    newest = (select(Report.park_id, func.max(Report.year).label("year")).group_by(Report.park_id)).subquery()
    parks = session.execute(  # a park's category, level and operator: what its newest report states
        select(Park.id, Park.code, Park.name, ParkDetails.category, ParkDetails.domain, ParkDetails.level,
               Park.division_code, Division.name, ParkDetails.operator_org)
        .join(newest, newest.c.park_id == Park.id)
        .join(Report, (Report.park_id == Park.id) & (Report.year == newest.c.year))
        .join(ParkDetails, ParkDetails.id == Report.id)
        .outerjoin(Division, Division.code == Park.division_code)
        .order_by(Park.id)
    ).all()
    reports: dict[int, list[tuple[int, str, int]]] = {}
    for park_id, report_id, year, status in session.execute(
        select(Report.park_id, Report.id, Report.year, Report.status).order_by(Report.year)
    ):
        reports.setdefault(park_id, []).append((year, status, report_id))
    latest_ids = [entries[-1][2] for entries in reports.values()]
    counts = dict(session.execute(
        select(Enterprise.report_id, func.count()).where(Enterprise.report_id.in_(latest_ids))
        .group_by(Enterprise.report_id)
    ).all()) if latest_ids else {}
    result = []
    for row in parks:
        entries = reports.get(row[0], [])
        latest = counts.get(entries[-1][2], 0) if entries else 0
        result.append(ParkOverview(*row, reports=tuple((y, s) for y, s, _ in entries), enterprises_latest=latest))
    return result


def details_as_of(session: Session, park_ids: list[int], year: int | None = None) -> dict[int, ParkDetails]:
    """Each park's details as its reports state them for `year`: that year's report, else its latest report
    before it, else its earliest after it; with `year` None, its newest report's. Parks with no report are
    left out."""
    rows = session.execute(select(Report.park_id, Report.year, ParkDetails).join(ParkDetails, ParkDetails.id == Report.id)
                           .where(Report.park_id.in_(park_ids)).order_by(Report.park_id, Report.year)).all()
    by_park: dict[int, list[tuple[int, ParkDetails]]] = {}
    for park_id, report_year, details in rows:
        by_park.setdefault(park_id, []).append((report_year, details))
    chosen = {}
    for park_id, entries in by_park.items():
        if year is None:
            chosen[park_id] = entries[-1][1]
            continue
        before = [d for y, d in entries if y <= year]
        chosen[park_id] = before[-1] if before else entries[0][1]
    return chosen


def find_park(session: Session, code_or_name: str) -> Park | None:
    """A park by its short code (any case) or its exact name."""
    value = code_or_name.strip()
    return session.scalars(
        select(Park).where(or_(func.upper(Park.code) == value.upper(), Park.name == value))
    ).first()


def enterprise_rows_of(session: Session, report_id: int) -> str:
    """A WHERE clause (parameter `:report_id`) for a report's enterprises that SQLite answers in one sequential pass.

    Through the report_id index SQLite would visit the rows in index order, a
    random walk over the table that costs several times a straight read. The
    rowid range (a report's rows are mostly contiguous) with the unary `+`
    that keeps the planner off that index reads them in storage order.
    """
    low, high = session.execute(text(
        "SELECT (SELECT id FROM enterprises WHERE report_id = :report_id ORDER BY id LIMIT 1), "
        "       (SELECT id FROM enterprises WHERE report_id = :report_id ORDER BY id DESC LIMIT 1)"),
        {"report_id": report_id}).one()
    return f"id BETWEEN {int(low or 0)} AND {int(high or 0)} AND +report_id = :report_id"
