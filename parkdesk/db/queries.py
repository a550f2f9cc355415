"""Read-side queries shared by the CLI and the GUI (Core rows, no ORM objects in bulk)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, select, text
from sqlalchemy.orm import Session

from parkdesk.db.models import Division, Enterprise, Park, Report


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
    parks = session.execute(
        select(Park.id, Park.code, Park.name, Park.category, Park.domain, Park.level, Park.division_code,
               Division.name, Park.operator_org)
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
