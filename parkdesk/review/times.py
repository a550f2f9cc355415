"""Times as the workspace stores them: naive UTC."""

from __future__ import annotations

from datetime import datetime, timezone


def naive_utc(text: str | None) -> datetime | None:
    """An ISO time from a document as naive UTC (None stays None)."""
    if not text:
        return None
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment
