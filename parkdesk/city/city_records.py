"""What the city records itself: a change of a park's category or level (动态认定), and a third party's grade.

Both are checked against the reference data and refused with a clear message
(exit 1) when wrong; the park is named by its code (exit 2 when unknown).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.city.years import check_plan_year
from parkdesk.db.models import Park, RecognitionChange, ThirdPartyResult
from parkdesk.db.queries import find_park
from parkdesk.errors import InputProblem, WorkspaceError
from parkdesk.reference.categories import CATEGORIES
from parkdesk.reference.choices import RECOGNITION_LEVELS
from parkdesk.reference.grading import GRADE_BY_KEY


def _park(session: Session, code: str) -> Park:
    park = find_park(session, code)
    if park is None:
        raise WorkspaceError("cli.park_not_found", park=code)
    return park


def _choice(value: str | None, choices: dict[str, tuple[str, ...]], field: str) -> str | None:
    """A key from its key or one of its labels (any case)."""
    if value is None:
        return None
    wanted = value.strip().lower()
    for key, names in choices.items():
        if wanted in (key.lower(), *(name.lower() for name in names)):
            return key
    raise InputProblem("city.bad_choice", field=field, value=value, choices=" | ".join(choices))


CATEGORY_CHOICES = {c.key: (c.label.zh, c.label.en) for c in CATEGORIES}
LEVEL_CHOICES = {key: (label.zh, label.en) for key, label in RECOGNITION_LEVELS}
GRADE_CHOICES = {key: (grade.label.zh, grade.label.en) for key, grade in GRADE_BY_KEY.items()}


def record_recognition_change(session: Session, park_code: str, effective: date, document_number: str, *,
                              category: str | None = None, level: str | None = None, note: str | None = None,
                              actor: str) -> RecognitionChange:
    """Add the city's record that a park was recognised in a new category and/or level (the caller commits)."""
    park = _park(session, park_code)
    category = _choice(category, CATEGORY_CHOICES, "--category")
    level = _choice(level, LEVEL_CHOICES, "--level")
    if category is None and level is None:
        raise InputProblem("city.recognition_empty")
    if not document_number or not document_number.strip():
        raise InputProblem("city.document_missing")
    change = RecognitionChange(park_id=park.id, effective_date=effective, document_number=document_number.strip(),
                               category=category, level=level, note=(note or "").strip() or None,
                               recorded_by=actor or "-")
    session.add(change)
    session.flush()
    return change


def recognition_changes(session: Session) -> list[tuple[str, RecognitionChange]]:
    """Every recorded change with its park's code, in date order."""
    rows = session.execute(select(Park.code, RecognitionChange).join(Park, Park.id == RecognitionChange.park_id)
                           .order_by(RecognitionChange.effective_date, RecognitionChange.id))
    return [(code, change) for code, change in rows]


def record_third_party_result(session: Session, year: int, park_code: str, grade: str, evaluator: str, *,
                              score: str | None = None, document_number: str | None = None,
                              actor: str) -> ThirdPartyResult:
    """Record (or replace) the third-party evaluator's grade of a park for a year (the caller commits)."""
    check_plan_year(year)
    park = _park(session, park_code)
    grade = _choice(grade, GRADE_CHOICES, "--grade")
    if not evaluator or not evaluator.strip():
        raise InputProblem("city.evaluator_missing")
    if score is not None:
        try:
            value = Decimal(score)
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite() or value < 0 or value.as_tuple().exponent < -4:
            raise InputProblem("city.bad_score", value=score)
        score = str(value)
    row = session.scalars(select(ThirdPartyResult).where(ThirdPartyResult.year == year,
                                                         ThirdPartyResult.park_id == park.id)).first()
    if row is None:
        row = ThirdPartyResult(year=year, park_id=park.id)
        session.add(row)
    row.grade, row.score, row.evaluator = grade, score, evaluator.strip()
    row.document_number = (document_number or "").strip() or None
    row.recorded_by = actor or "-"
    session.flush()
    return row


def third_party_results(session: Session, year: int) -> dict[int, ThirdPartyResult]:
    """The third party's grades of `year`, by park id."""
    return {row.park_id: row for row in session.scalars(select(ThirdPartyResult).where(ThirdPartyResult.year == year))}
