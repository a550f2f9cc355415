"""Comments on a section, a record (an enterprise, a milestone …) or a field, by validation's location keys.

The reviewer comments on the imported copy of a package (this workspace's
record ids); the comment is kept with the package's own ids (the operator's),
which is what a decision receipt carries back. Reading comments for a report
gives them with the ids of that report, on either side:

- in a reviewer's workspace, the comments on the package the report was
  imported from, and those on earlier packages of the same park and year;
- in an operator's workspace, the comments of every receipt received for it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from parkdesk.db.models import InboxEntry, ReceiptComment, ReceivedReceipt, ReviewComment, ReviewEvent
from parkdesk.errors import InputProblem
from parkdesk.forms.sections import RECORD_BY_KEY, SECTION_BY_KEY, SECTION_OF_RECORD
from parkdesk.review.inbox_rows import entry_of_report, get_entry
from parkdesk.review.record_ids import local_ids, to_document, to_local
from parkdesk.review.states import ACTION_COMMENT, ACTION_RECEIPT
from parkdesk.validation.findings import Location

REVIEW = "review"  # a comment made in this workspace
RECEIPT = "receipt"  # a comment received with a district's decision
TAKEN_BACK, EDITED = "removed ", "edited "  # how a comment event's note says it was taken back or reworded


@dataclass(frozen=True)
class Comment:
    id: int
    location: Location  # with the record ids of the report it is read with
    text: str
    author: str
    created_at: datetime
    source: str  # REVIEW | RECEIPT
    entry_id: int | None  # the inbox entry commented (reviewer side)
    decision: str | None  # the decision it came with (operator side)
    current: bool  # on the package that stands now (False: on an earlier package of the same report)
    sent: bool = False  # carried by a receipt already made: it can no longer be edited or taken back

    @property
    def key(self) -> str:
        return self.location.key()

    def to_json(self) -> dict:
        return {"id": self.id, "location": self.location.to_json(), "text": self.text, "author": self.author,
                "created_at": self.created_at.isoformat(timespec="seconds"), "source": self.source,
                "entry": self.entry_id, "decision": self.decision, "current": self.current, "sent": self.sent}


def parse_location(text: str) -> Location:
    """`section[/record/record_id/field]` ('-' for a part left out), as `parkdesk validate` prints keys."""
    parts = [None if part in ("", "-") else part for part in text.strip().split("/")]
    parts += [None] * (4 - len(parts))
    if len(parts) != 4 or parts[0] is None:
        raise InputProblem("review.bad_location", location=text)
    section, record, record_id, field = parts
    if record_id is not None and not record_id.isdigit():
        raise InputProblem("review.bad_location", location=text)
    return check_location(Location(section, record, int(record_id) if record_id else None, field))


def check_location(location: Location) -> Location:
    """The location names a section of the form, a record of that section and a field of that record."""
    if location.section not in SECTION_BY_KEY:
        raise InputProblem("review.bad_location", location=location.key())
    if location.record is not None:
        if SECTION_OF_RECORD.get(location.record) != location.section:
            raise InputProblem("review.bad_location", location=location.key())
        if location.field is not None and location.field not in {f.key for f in RECORD_BY_KEY[location.record].fields}:
            raise InputProblem("review.bad_location", location=location.key())
    elif location.record_id is not None or location.field is not None:
        raise InputProblem("review.bad_location", location=location.key())
    return location


def add_comment(session: Session, entry_id: int, location: Location, text: str, *, author: str) -> ReviewComment:
    """Comment on the report imported from entry `entry_id`; `location` uses this workspace's record ids."""
    entry = get_entry(session, entry_id)
    _check_current(entry)
    text = text.strip()
    if not text:
        raise InputProblem("review.empty_comment")
    check_location(location)
    package_location = to_document(session, entry.id, location)
    if location.record_id is not None and package_location is location:
        raise InputProblem("review.no_such_record", location=location.key())
    comment = ReviewComment(entry_id=entry.id, location_key=package_location.key(), section=location.section,
                            record=location.record, record_id=package_location.record_id, field=location.field,
                            row_label=location.row_label, text=text, author=author)
    session.add(comment)
    session.add(ReviewEvent(entry_id=entry.id, action=ACTION_COMMENT, state=entry.state, actor=author,
                            note=f"{package_location.key()}: {text}"[:500]))
    session.flush()
    return comment


def _open_comment(session: Session, comment_id: int) -> tuple[ReviewComment, InboxEntry]:
    """A comment that may still change: on the package standing now, and not yet carried by a receipt."""
    comment = session.get(ReviewComment, comment_id)
    if comment is None:
        raise InputProblem("review.no_comment", comment=comment_id)
    entry = get_entry(session, comment.entry_id)
    _check_current(entry)
    if _sent(session, comment):
        raise InputProblem("review.comment_sent", comment=comment_id)
    return comment, entry


def _last_receipt_at(session: Session, entry_id: int):
    return session.scalar(select(func.max(ReviewEvent.at)).where(ReviewEvent.entry_id == entry_id,
                                                                   ReviewEvent.action == ACTION_RECEIPT))


def _sent(session: Session, comment: ReviewComment) -> bool:
    receipt_at = _last_receipt_at(session, comment.entry_id)
    return receipt_at is not None and comment.created_at <= receipt_at


def edit_comment(session: Session, comment_id: int, text: str, *, actor: str) -> ReviewComment:
    """Reword a comment not yet sent with a receipt (the history keeps the earlier words)."""
    comment, entry = _open_comment(session, comment_id)
    text = text.strip()
    if not text:
        raise InputProblem("review.empty_comment")
    session.add(ReviewEvent(entry_id=entry.id, action=ACTION_COMMENT, state=entry.state, actor=actor,
                            note=f"{EDITED}{comment.location_key}: {comment.text} → {text}"[:500]))
    comment.text = text
    session.flush()
    return comment


def remove_comment(session: Session, comment_id: int, *, actor: str) -> None:
    """Take back a comment not yet sent with a receipt (the history keeps that it was made, and taken back)."""
    comment, entry = _open_comment(session, comment_id)
    session.add(ReviewEvent(entry_id=entry.id, action=ACTION_COMMENT, state=entry.state, actor=actor,
                            note=f"{TAKEN_BACK}{comment.location_key}: {comment.text}"[:500]))
    session.delete(comment)
    session.flush()


def entry_comments(session: Session, entry_id: int) -> list[Comment]:
    """The comments made on an entry's package, with the package's (the operator's) record ids."""
    receipt_at = _last_receipt_at(session, entry_id)
    return [_review_comment(c, _package_location(c), True, receipt_at)
            for c in session.scalars(select(ReviewComment).where(ReviewComment.entry_id == entry_id)
                                     .order_by(ReviewComment.id))]


def comments_for_report(session: Session, report_id: int) -> list[Comment]:
    """Every comment about the report, located with its record ids (see the module's docstring)."""
    result = _received_comments(session, report_id)
    entry = entry_of_report(session, report_id)
    if entry is not None:
        entries = [e.id for e in session.scalars(select(InboxEntry).where(
            InboxEntry.park_code == entry.park_code, InboxEntry.year == entry.year, InboxEntry.verified.is_(True)))]
        rows = list(session.scalars(select(ReviewComment).where(ReviewComment.entry_id.in_(entries))
                                    .order_by(ReviewComment.created_at, ReviewComment.id)))
        ids = local_ids(session, entry.id, {c.record for c in rows if c.record})
        receipts = {e: _last_receipt_at(session, e) for e in entries}
        result += [_review_comment(c, to_local(_package_location(c), ids), c.entry_id == entry.id,
                                   receipts[c.entry_id]) for c in rows]
    return result


def comments_by_location(session: Session, report_id: int) -> dict[str, list[Comment]]:
    """`comments_for_report` by location key, for showing each beside its field or row."""
    grouped: dict[str, list[Comment]] = defaultdict(list)
    for comment in comments_for_report(session, report_id):
        grouped[comment.key].append(comment)
    return dict(grouped)


def _check_current(entry: InboxEntry) -> None:
    if not entry.verified or entry.superseded_by_id is not None or entry.report_id is None:
        raise InputProblem("review.not_current", entry=entry.id)


def _package_location(comment: ReviewComment) -> Location:
    return Location(comment.section, comment.record, comment.record_id, comment.field, comment.row_label)


def _review_comment(comment: ReviewComment, location: Location, current: bool, receipt_at=None) -> Comment:
    sent = receipt_at is not None and comment.created_at <= receipt_at
    return Comment(comment.id, location, comment.text, comment.author, comment.created_at, REVIEW, comment.entry_id,
                   None, current, sent)


def _received_comments(session: Session, report_id: int) -> list[Comment]:
    rows = session.execute(
        select(ReceiptComment, ReceivedReceipt.decision, ReceivedReceipt.id)
        .join(ReceivedReceipt, ReceivedReceipt.id == ReceiptComment.receipt_id)
        .where(ReceiptComment.report_id == report_id)
        .order_by(ReceivedReceipt.received_at, ReceiptComment.id)).all()
    latest = max((receipt_id for _, _, receipt_id in rows), default=None)
    return [Comment(c.id, Location(c.section, c.record, c.record_id, c.field, c.row_label), c.text, c.author,
                    c.created_at, RECEIPT, None, decision, receipt_id == latest) for c, decision, receipt_id in rows]
