"""Setting a review state (已接收, 有问题, 已退回, 已通过) and the history of who did what, when."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.db.audit import record_event
from parkdesk.db.models import Report, ReviewEvent
from parkdesk.errors import InputProblem
from parkdesk.review.inbox_rows import get_entry
from parkdesk.review.states import ACTION_STATE, REPORT_STATUS_OF_STATE, STATE_KEYS


def set_state(session: Session, entry_id: int, state: str, *, actor: str, note: str | None = None) -> ReviewEvent:
    """Move the package now standing for its park and year to `state`; approving accepts its report."""
    if state not in STATE_KEYS:
        raise InputProblem("review.bad_state", state=state, states=", ".join(STATE_KEYS))
    entry = get_entry(session, entry_id)
    if not entry.verified or entry.superseded_by_id is not None or entry.report_id is None:
        raise InputProblem("review.not_current", entry=entry.id)
    entry.state = state
    session.get(Report, entry.report_id).status = REPORT_STATUS_OF_STATE[state]
    event = ReviewEvent(entry_id=entry.id, action=ACTION_STATE, state=state, actor=actor,
                        note=(note or "").strip() or None)
    session.add(event)
    record_event(session, actor, "inbox_entries", entry.id, entry.report_id, f"review state {state}")
    session.flush()
    return event


def review_history(session: Session, entry_id: int) -> list[ReviewEvent]:
    """The entry's events, oldest first."""
    return list(session.scalars(select(ReviewEvent).where(ReviewEvent.entry_id == entry_id)
                                .order_by(ReviewEvent.at, ReviewEvent.id)))
