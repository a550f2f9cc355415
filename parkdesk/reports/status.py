"""A report's status and the one place it changes: the moves a report can make, from which statuses.

    draft ──finalize──▶ finalized ──(package sent, district decides)──▶ accepted
      ▲                   │  │                                          │
      └──────reopen───────┘  └──────────── returned ◀───────────────────┘
                                             │ (editable, like a draft)
                                             └──finalize──▶ finalized

In a district's or the city's workspace a report arrives with a package and
moves with the review: `submitted` while under review, `accepted` once
approved. Everything else in parkdesk asks this module which statuses mean
what (editable, locked, packageable, counted) instead of naming them.
"""

from __future__ import annotations

from dataclasses import dataclass

DRAFT = "draft"
FINALIZED = "finalized"
SUBMITTED = "submitted"
RETURNED = "returned"
ACCEPTED = "accepted"
STATUSES = (DRAFT, FINALIZED, SUBMITTED, RETURNED, ACCEPTED)

EDITABLE = (DRAFT, RETURNED)  # the operator may change the report
LOCKED = (FINALIZED, SUBMITTED, ACCEPTED)  # it never changes until reopened (finalized) or returned
PACKAGEABLE = LOCKED  # a package can be built of it
SENT = (SUBMITTED, ACCEPTED)  # statuses a report has only after its package was sent
COUNTED = (FINALIZED, SUBMITTED, ACCEPTED)  # reports the city's figures count
UNDER_REVIEW = (SUBMITTED, ACCEPTED)  # in a district's workspace: received and standing


@dataclass(frozen=True)
class Move:
    name: str
    allowed_from: tuple[str, ...]
    to: str


FINALIZE = Move("finalize", EDITABLE, FINALIZED)
REOPEN = Move("reopen", (FINALIZED,), DRAFT)
# the district's decision, carried back by a receipt, on content the report still has (parkdesk.review.receipt_import)
DISTRICT_RETURNED = Move("district_returned", STATUSES, RETURNED)
DISTRICT_APPROVED = Move("district_approved", STATUSES, ACCEPTED)
# in a reviewer's workspace: the imported report follows its package's review state
UNDER_REVIEW_MOVE = Move("under_review", STATUSES, SUBMITTED)
APPROVED_BY_DISTRICT = Move("approved_by_district", STATUSES, ACCEPTED)


class StatusRefused(Exception):
    """The move is not allowed from the report's status; callers turn it into their own message."""

    def __init__(self, move: Move, status: str):
        self.move, self.status = move, status
        super().__init__(f"{move.name} from {status}")


def can(move: Move, status: str) -> bool:
    return status in move.allowed_from


def apply(report, move: Move) -> str:
    """Move `report` (anything with a `status`); returns the status it had. Raises StatusRefused."""
    before = report.status
    if before not in move.allowed_from:
        raise StatusRefused(move, before)
    report.status = move.to
    if move.to in (DRAFT, RETURNED):
        report.finalized_at = None
    return before


def is_editable(status: str) -> bool:
    return status in EDITABLE
