"""Review states, in the spirit of ODK Central's: 已接收, 有问题, 已退回, 已通过."""

from __future__ import annotations

from parkdesk.reference.choices import Choices
from parkdesk.reports import status
from parkdesk.texts import Text

RECEIVED = "received"
HAS_PROBLEMS = "has_problems"
RETURNED = "returned"
APPROVED = "approved"

# at the city: a package an earlier roll-up carried and the district's newest roll-up no longer does
WITHDRAWN = "withdrawn"

REVIEW_STATES: Choices = tuple((key, Text(f"review_state.{key}"))
                               for key in (RECEIVED, HAS_PROBLEMS, RETURNED, APPROVED, WITHDRAWN))
STATE_KEYS = (RECEIVED, HAS_PROBLEMS, RETURNED, APPROVED)  # what a district officer can set
DECISIONS = (RETURNED, APPROVED)  # the states a decision receipt can carry back to the park

# what the imported report's status becomes in the reviewer's workspace: locked while under review
REPORT_STATUS_OF_STATE = {RECEIVED: status.SUBMITTED, HAS_PROBLEMS: status.SUBMITTED, RETURNED: status.SUBMITTED,
                          APPROVED: status.ACCEPTED}

# the history's actions
ACTION_RECEIVED = "received"
ACTION_STATE = "state"
ACTION_COMMENT = "comment"
ACTION_RECEIPT = "receipt"
ACTION_SUPERSEDED = "superseded"
ACTION_WITHDRAWN = "withdrawn"
