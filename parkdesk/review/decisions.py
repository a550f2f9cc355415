"""Setting a review state (已接收, 有问题, 已退回, 已通过) and the history of who did what, when."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.db.audit import record_event
from parkdesk.db.models import InboxEntry, Report, ReviewEvent
from parkdesk.errors import InputProblem
from parkdesk.review.inbox_rows import get_entry
from parkdesk.review.states import (
    ACTION_RECEIPT, ACTION_STATE, ACTION_WITHDRAWN, APPROVED, REPORT_STATUS_OF_STATE, STATE_KEYS, WITHDRAWN,
)


def set_state(session: Session, entry_id: int, state: str, *, actor: str, note: str | None = None) -> ReviewEvent:
    """Move the package now standing for its park and year to `state`; approving accepts its report."""
    if state not in STATE_KEYS:
        raise InputProblem("review.bad_state", state=state, states=", ".join(STATE_KEYS))
    entry = get_entry(session, entry_id)
    if not entry.verified or entry.superseded_by_id is not None or entry.report_id is None:
        raise InputProblem("review.not_current", entry=entry.id)
    if reason_needed(session, entry.id, state) and not (note or "").strip():
        raise InputProblem("review.reason_needed", state=state)
    entry.state = state
    session.get(Report, entry.report_id).status = REPORT_STATUS_OF_STATE[state]
    event = ReviewEvent(entry_id=entry.id, action=ACTION_STATE, state=state, actor=actor,
                        note=(note or "").strip() or None)
    session.add(event)
    record_event(session, actor, "inbox_entries", entry.id, entry.report_id, f"review state {state}")
    session.flush()
    return event


def reason_needed(session: Session, entry_id: int, state: str) -> bool:
    """Moving away from 已通过 after an approval receipt was signed (the park holds it) needs a reason."""
    last_receipt = session.scalars(select(ReviewEvent).where(ReviewEvent.entry_id == entry_id,
                                                             ReviewEvent.action == ACTION_RECEIPT)
                                   .order_by(ReviewEvent.id.desc()).limit(1)).first()
    return last_receipt is not None and last_receipt.state == APPROVED and state != APPROVED


def withdraw(session: Session, entry: InboxEntry, actor: str, note: str) -> None:
    """At the city: the district no longer sends this package (its newest roll-up leaves it out). Its report is
    removed, so it counts nowhere; the package stays kept and the entry says 已撤回."""
    report_id = entry.report_id
    entry.state, entry.report_id = WITHDRAWN, None
    session.add(ReviewEvent(entry_id=entry.id, action=ACTION_WITHDRAWN, state=WITHDRAWN, actor=actor, note=note))
    if report_id is not None:
        session.delete(session.get(Report, report_id))
    record_event(session, actor, "inbox_entries", entry.id, None, f"withdrawn: {note}")
    session.flush()


def review_history(session: Session, entry_id: int) -> list[ReviewEvent]:
    """The entry's events, oldest first."""
    return list(session.scalars(select(ReviewEvent).where(ReviewEvent.entry_id == entry_id)
                                .order_by(ReviewEvent.at, ReviewEvent.id)))
