"""Which package stands for a park's year in the district's roll-up.

The latest package the district approved stands, even after the park sent a
newer one: an approval is not withdrawn by a resubmission. The newer package
takes its place once the district approves it; until then the inbox says it
replaces an approved report.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.db.models import InboxEntry
from parkdesk.review.states import APPROVED


def standing_approved(session: Session, year: int | None = None) -> list[InboxEntry]:
    """Per park and year, the latest approved package kept here (by when it was built, then received)."""
    query = select(InboxEntry).where(InboxEntry.verified.is_(True), InboxEntry.state == APPROVED,
                                     InboxEntry.file_id.is_not(None))
    if year is not None:
        query = query.where(InboxEntry.year == year)
    latest: dict[tuple[str, int], InboxEntry] = {}
    for entry in session.scalars(query.order_by(InboxEntry.package_created_at, InboxEntry.id)):
        latest[(entry.park_code, entry.year)] = entry
    return sorted(latest.values(), key=lambda e: (e.park_code, e.year))
